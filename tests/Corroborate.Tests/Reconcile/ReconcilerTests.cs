using Corroborate.Ingest;
using Corroborate.Model;
using Corroborate.Pipeline;
using Corroborate.Reconcile;
using Corroborate.Text;
using Xunit;

namespace Corroborate.Tests.Reconcile;

public sealed class ReconcilerTests
{
    private static readonly DocumentPipeline Pipeline = StandardPipeline.Build(TestData.Data);
    private static readonly ReconcileLexicon Lexicon = ReconcileLexicon.LoadEnglish(TestData.Data);

    private static AnalyzedDocument Doc(string id, string text, string published = "2024-03-05", string? outlet = null) =>
        Pipeline.Run(new NewsDocument(id, id, text) { Published = DateParsing.TryParse(published, PublishedFrom.Metadata), Outlet = outlet });

    private static Reconciliation Reconcile(params AnalyzedDocument[] docs)
    {
        var r = new Reconciler(Lexicon);
        foreach (var d in docs)
            r.Observe(d, "s1");
        return r.Complete();
    }

    private const string Statement = "\"We will not stop until every family in the valley has been given a safe place to sleep tonight,\" the governor said.";

    [Fact]
    public void Articles_sharing_a_verbatim_quotation_are_one_origin()
    {
        var r = Reconcile(
            Doc("a", $"Floods forced 300 people from their homes in Kelbrook on Tuesday.\n\n{Statement}"),
            Doc("b", $"Rescue teams worked through the night in Kelbrook.\n\n{Statement}"),
            Doc("c", "A separate report said the river would crest on Thursday near Dunmore, officials said."));
        var origin = Assert.Single(r.Origins);
        Assert.Equal(new[] { "a", "b" }, origin.Docs.ToArray());
        Assert.Contains("every family in the valley", origin.Sample);
    }

    [Fact]
    public void The_same_wire_mark_makes_one_origin()
    {
        var r = Reconcile(
            Doc("a", "KELBROOK (Reuters) - Floodwaters rose on Tuesday, forcing 300 people from their homes."),
            Doc("b", "KELBROOK (Reuters) - Residents were evacuated on Tuesday as the river burst its banks."));
        var origin = Assert.Single(r.Origins);
        Assert.Equal("syndication (Reuters)", origin.Evidence);
    }

    [Fact]
    public void One_count_under_other_nouns_is_one_group_when_they_share_two_figures()
    {
        var r = Reconcile(
            Doc("a", "The police said at least 64 students were missing. Governor Ezekiel Marano gave a figure of 41 missing students."),
            Doc("b", "The school said 87 students were abducted, against 64 according to the police and 41 according to the governor."),
            Doc("c", "Rescuers found 12 injured pupils. The army said 12 soldiers were injured and 30 students escaped."));
        // "missing students" in one report, "students" in the other: 64 and 41 in both, one count.
        var count = Assert.Single(r.Groups, g => g.Values.Any(v => v.Value == 41m));
        Assert.Equal(4, count.Members.Length);
        Assert.Contains(count.Values, v => v.Value == 64m);
        // One figure in common is chance, and two outcomes are two counts.
        Assert.DoesNotContain(r.Groups, g => g.Values.Any(v => v.Value == 41m) && g.Values.Any(v => v.Value is 87m or 12m or 30m));
    }

    [Fact]
    public void The_dead_and_the_injured_stay_two_counts_whatever_figures_they_share_and_through_a_third()
    {
        var r = Reconcile(
            Doc("a", "Police said 12 people were killed in the blast."),
            Doc("b", "The mayor said 30 people were killed in the blast."),
            Doc("c", "Doctors said 12 people were injured in the blast."),
            Doc("d", "Hospitals said 30 people were injured in the blast."),
            // "People" shares 12 and 30 with both: no bridge between them.
            Doc("e", "Reporters counted 12 people on stretchers and 30 people at the cordon, witnesses said."));
        Assert.DoesNotContain(r.Groups, g => g.Members.Select(id => r.Claims.Single(c => c.Id == id).Quantity.Unit).Distinct()
            .Count(u => u is "killed" or "injured") > 1);
    }

    [Fact]
    public void Figures_one_source_gives_side_by_side_are_two_counts()
    {
        var r = Reconcile(
            Doc("a", "The fire burned 10,000 acres and forced 5,000 people from their homes, officials said."),
            Doc("b", "Firefighters said it had burned 20,000 acres. About 10,000 people were told to leave."),
            Doc("c", "By Friday 40,000 acres had burned, and 20,000 people had been ordered out, officials said."));
        Assert.DoesNotContain(r.Groups, g => g.Members.Select(id => r.Claims.Single(c => c.Id == id).Quantity.Unit).Distinct().Count() > 1);
    }

    [Fact]
    public void Figures_of_one_count_form_a_group_and_disagreeing_sources_make_it_disputed()
    {
        var r = Reconcile(
            Doc("a", "At least 12 people were killed in the collapse, police said."),
            Doc("b", "The fire chief said 15 people were killed in the collapse."),
            Doc("c", "Rescuers said about 15 people were killed in the collapse."));
        var group = Assert.Single(r.Groups, g => g.Unit == "killed");
        Assert.Equal(3, group.Members.Length);
        Assert.Equal(15m, group.Consensus.Value);
        Assert.Equal(12m, group.Conservative);
        Assert.Equal(Verdict.Disputed, group.Verdict);
    }

    [Fact]
    public void A_shooting_whose_fate_one_article_leaves_open_is_no_injury_when_another_reports_the_death()
    {
        const string Open = "A man was shot on Elm Street late Friday, police said.";
        var alone = Reconcile(Doc("a", Open));
        var injured = Assert.Single(alone.Groups, g => g.Unit == "injured");
        Assert.Equal(1m, injured.Consensus.Value);
        Assert.True(alone.Claims.Single(c => c.Quantity.Unit == "injured").Quantity.Presumed);

        var withDeath = Reconcile(Doc("a", Open), Doc("b", "The man shot on Elm Street late Friday died at the hospital, police said."));
        Assert.DoesNotContain(withDeath.Groups, g => g.Unit == "injured");
        Assert.Contains(withDeath.Groups, g => g.Unit == "killed");
        // The claim itself stays in the dossier, outside any group.
        Assert.Contains(withDeath.Claims, c => c.Quantity.Presumed && !withDeath.GroupOfClaim.ContainsKey(c.Id));
    }

    [Fact]
    public void A_figure_placed_in_an_organisation_is_grouped_with_the_others()
    {
        var r = Reconcile(
            Doc("a", "Five workers were killed at Kessler-Vance Coatings on Monday, the fire chief said."),
            Doc("b", "Five workers were killed in Dalton Ridge on Monday, the mayor said."));
        var group = Assert.Single(r.Groups, g => g.Unit == "killed");
        Assert.Equal(2, group.Members.Length);
    }

    [Fact]
    public void Figures_that_fit_each_others_hedges_are_corroborated()
    {
        var r = Reconcile(
            Doc("a", "About 15 people were killed in the collapse, police said."),
            Doc("b", "The fire chief said 15 people were killed in the collapse."));
        var group = Assert.Single(r.Groups, g => g.Unit == "killed");
        Assert.Equal(Verdict.Corroborated, group.Verdict);
        Assert.Equal(2, group.IndependentSources);
    }

    [Fact]
    public void A_toll_that_names_no_place_joins_the_toll_of_the_place_it_agrees_with()
    {
        var r = Reconcile(
            Doc("a", "The death toll from the earthquake has risen to 436, officials said."),
            Doc("b", "The number of people confirmed dead in Hallstan province has risen to 612, the health minister said."));
        var killed = Assert.Single(r.Groups, g => g.Unit == "killed");
        Assert.Equal(2, killed.Members.Length);
    }

    [Fact]
    public void Sums_of_money_that_name_no_place_stay_apart_from_a_named_places()
    {
        // A charge and a loss are two quantities however close; only a toll's unnamed figures join a named place's.
        var r = Reconcile(
            Doc("a", "The carmaker will book a restructuring charge of 1.8 billion euros, the company said."),
            Doc("b", "The carmaker made an operating loss of 412 million euros in Aurelle, the company said."));
        Assert.Equal(2, r.Groups.Count(g => g.Unit == "EUR"));
    }


    [Fact]
    public void Amounts_and_shares_are_told_apart_by_their_measure()
    {
        // Within a factor of 5 of each other, but a charge is no loss and turnout is no vote share;
        // "a charge of" and "the restructuring charge" measure one thing.
        var r = Reconcile(
            Doc("a", "The carmaker will book a restructuring charge of 1.8 billion euros and reported an operating loss of 412 million euros. Turnout was 61 percent, above the turnout of the last vote."),
            Doc("b", "Analysts said the restructuring charge could reach 2.1 billion euros. The ruling party won 44 percent of the vote."),
            Doc("c", "The company will book a charge of 1.8 billion euros."));
        var euros = r.Groups.Where(g => g.Unit == "EUR").ToList();
        Assert.Equal(2, euros.Count);
        Assert.Contains(euros, g => g.Members.Length == 3 && g.Label == "restructuring charge (EUR)");
        Assert.Contains(euros, g => g.Members.Length == 1 && g.Label == "operating loss (EUR)");
        Assert.Equal(2, r.Groups.Count(g => g.Unit == "percent"));
    }

    [Fact]
    public void A_measure_and_its_plural_are_one_measure()
    {
        var r = Reconcile(
            Doc("a", "The company reported losses of $5.2 million, the chairman said."),
            Doc("b", "The firm made a loss of $5 million, analysts said."));
        Assert.Single(r.Groups, g => g.Unit == "USD");
    }
    [Fact]
    public void Far_apart_figures_are_different_quantities()
    {
        var r = Reconcile(Doc("a", "The package is worth $400 million, bringing total aid since 2022 to $59.5 billion, the minister said."));
        Assert.Equal(2, r.Groups.Count(g => g.Unit == "USD"));
    }

    [Fact]
    public void A_paragraph_about_another_story_is_off_topic_and_kept_out_of_groups()
    {
        var kelbrook = "Floodwaters from the Aldermoor River swept through Kelbrook on Tuesday, forcing residents from their homes, Mayor Petra Voss said.";
        var lead2 = "The Aldermoor River burst its banks near Kelbrook after three days of rain, and Voss asked the county for help.";
        var more = "Kelbrook residents spent the night in the school gym while the Aldermoor River kept rising, Voss said.";
        var drift = "Separately, Senator Ortwin Hale of Marrowby told reporters in Gastrell that 40 Lindqvist Motors workers were laid off at the Brannock plant. Hale said Lindqvist Motors had promised the Brannock jobs would stay.";
        var r = Reconcile(
            Doc("a", string.Join("\n\n", kelbrook, lead2, more, drift)),
            Doc("b", string.Join("\n\n", "The Aldermoor River flooded Kelbrook on Tuesday, and Mayor Petra Voss asked for help.", more)));
        var spans = r.OffTopicOf("a");
        var span = Assert.Single(spans);
        Assert.StartsWith("Separately", r.OffTopicPreviews[("a", span)]);
        Assert.DoesNotContain(r.Claims.Where(c => c.Doc == "a" && span.Overlaps(c.Quantity.Span)), c => r.GroupOfClaim.ContainsKey(c.Id));
    }

    [Fact]
    public void A_drift_of_several_paragraphs_is_off_topic_throughout()
    {
        // The second paragraph of the drift repeats the first's names: what the drift said does not make it known.
        var a = Doc("a", string.Join("\n\n",
                "Floodwaters from the Aldermoor River swept through Kelbrook on Tuesday, forcing residents from their homes, Mayor Petra Voss said.",
                "The Aldermoor River burst its banks near Kelbrook after three days of rain, and Voss asked the county for help.",
                "Kelbrook residents spent the night in the school gym while the Aldermoor River kept rising, Voss said.",
                "Voss also spoke about the Gastrell trade talks, where Lindqvist Motors and the Brannock union met on Monday. Lindqvist Motors wants the Brannock plant to stay open.",
                "The Brannock union said Lindqvist Motors would answer in Gastrell by Friday, and the Gastrell talks would go on."));
        var r = Reconcile(a, Doc("b", "The Aldermoor River flooded Kelbrook on Tuesday, and Mayor Petra Voss asked for help. Kelbrook residents slept in the school gym."));
        Assert.Equal(2, r.OffTopicOf("a").Length);
        Assert.All(r.OffTopicOf("a"), span => Assert.Contains("Lindqvist Motors", span.SliceOf(a.Text).ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public void A_paragraph_that_turns_to_other_business_is_off_topic_with_the_passage_after_it()
    {
        // No foreign name comes back twice, but the turn says the report has moved on; the
        // council member's paragraph goes on with that other story.
        var lead = "Floodwaters from the Aldermoor River swept through Kelbrook on Tuesday, forcing residents from their homes, Mayor Petra Voss said.";
        var lead2 = "The Aldermoor River burst its banks near Kelbrook after three days of rain, and Voss asked the county for help.";
        var more = "Kelbrook residents spent the night in the school gym while the Aldermoor River kept rising, Voss said.";
        var turn = "In other business Wednesday, the Gastrell City Council voted 5-2 to place a bond measure for a new library on the November ballot.";
        var after = "Council member Janet Pryce, who voted against the measure, said the timing was poor.";
        var a = Doc("a", string.Join("\n\n", lead, lead2, more, turn, after));
        var r = Reconcile(a, Doc("b", "The Aldermoor River flooded Kelbrook on Tuesday, and Mayor Petra Voss asked for help. Kelbrook residents slept in the school gym."));
        var spans = r.OffTopicOf("a");
        Assert.Equal(2, spans.Length);
        Assert.StartsWith("In other business", spans[0].SliceOf(a.Text).ToString(), StringComparison.Ordinal);
        Assert.StartsWith("Council member", spans[1].SliceOf(a.Text).ToString(), StringComparison.Ordinal);
    }

    // A bridge collapse told by four reports; the first ends on a council's road works, with no turn to them.
    private const string BridgeLead = "The Tamsel Bridge collapsed into the Orrin River on Sunday night, killing at least nine people, the regional fire service said.";
    private const string BridgeLead2 = "Divers searched the river below the collapsed bridge through Monday, and the fire service said 14 people were still missing.";
    private const string BridgeMore = "Engineers had warned in 2023 that the bridge's steel cables were corroded, the transport ministry confirmed on Monday.";
    private const string BridgeWitness = "Rescuers pulled two survivors from a car that hung from the broken deck, the fire service said, and both were taken to the Orrin General Hospital.";
    private const string CouncilDrift = "Halvern city council approved a 3 million crown plan to resurface the cycle path along Vesta Park and add lighting to its northern section, deputy mayor Ines Korda said.";
    private const string CouncilDrift2 = "The work will close the cycle path for about four months; residents had complained about potholes for years, Korda told the council.";

    private static AnalyzedDocument[] BridgeStory(string firstReport, int reports) =>
    [
        Doc("a", firstReport),
        .. new[]
        {
            Doc("b", string.Join("\n\n", "The Tamsel Bridge over the Orrin River collapsed on Sunday night; the fire service put the dead at nine.", BridgeLead2)),
            Doc("c", string.Join("\n\n", "At least nine people died when the Tamsel Bridge fell into the Orrin River, the fire service said on Monday.", "The fire service said 14 people were missing and divers searched the river.")),
            Doc("d", string.Join("\n\n", "The fire service said nine people were killed in the Tamsel Bridge collapse on Sunday night.", "The transport ministry said engineers had inspected the bridge cables in 2023.")),
        }.Take(reports - 1),
    ];

    [Fact]
    public void A_report_that_ends_on_another_story_without_a_turn_is_off_topic_there()
    {
        var a = string.Join("\n\n", BridgeLead, BridgeLead2, BridgeMore, BridgeWitness, CouncilDrift, CouncilDrift2);
        var r = Reconcile(BridgeStory(a, reports: 4));
        var spans = r.OffTopicOf("a");
        Assert.Equal(2, spans.Length);
        Assert.StartsWith("Halvern city council", spans[0].SliceOf(a).ToString(), StringComparison.Ordinal);
        Assert.StartsWith("The work will close", spans[1].SliceOf(a).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_drift_without_a_turn_may_name_two_things_every_report_names()
    {
        // Every report of the mill fire names its warehouse and its insurers; the rugby club's warehouse sale names both too.
        var a = string.Join("\n\n",
            "A fire destroyed the Korvel paper mill in Drenwick on Sunday night, killing two workers, the fire brigade said.",
            "The blaze began in the warehouse where rolls of paper were stored, and insurers sent assessors on Monday.",
            "Mill manager Petr Halas said the company would pay the families of the dead and rebuild within a year.",
            "About 120 people worked at the mill, the largest employer in the valley.",
            "The town's rugby club has sold its old warehouse on Quay Street to a brewery, club secretary Ines Korda said, and insurers approved its new stand.",
            "Korda said the brewery would open a taproom in the warehouse by summer and the club would play its first match at the stand in May.");
        var r = Reconcile(
            Doc("a", a),
            Doc("b", "Two workers died when fire swept through the Korvel paper mill in Drenwick late on Sunday, firefighters said.\n\nThe mill had made paper in the valley since 1921.\n\nInsurers said the warehouse held stock worth 2 million crowns."),
            Doc("c", "The Korvel paper mill in Drenwick burned down on Sunday night; two workers were killed.\n\nThe company said production would stop for months.\n\nThe fire started in a warehouse, and the mill's insurers will investigate."),
            Doc("d", "Fire gutted the Korvel paper mill in Drenwick overnight on Sunday, killing two of its workers.\n\nFirefighters fought the blaze for six hours.\n\nAssessors from the insurers inspected the burnt warehouse on Monday."));
        var spans = r.OffTopicOf("a");
        Assert.Equal(2, spans.Length);
        Assert.StartsWith("The town's rugby club", spans[0].SliceOf(a).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_drift_without_a_turn_is_not_judged_in_a_story_of_few_reports()
    {
        // Against one other report a long report's closing paragraphs are all foreign: a neighbour, a fund, the court date.
        var a = string.Join("\n\n", BridgeLead, BridgeLead2, BridgeMore, BridgeWitness, CouncilDrift, CouncilDrift2);
        Assert.Empty(Reconcile(BridgeStory(a, reports: 2)).OffTopicOf("a"));
    }

    [Theory]
    // New names and words, and a subject they share (the mourners), but of the bridge and its dead: the story's lead terms are there.
    [InlineData("In Halvern, mourners left flowers for the nine people killed at the bridge, and a vigil was held at St. Ansel's church.",
        "Parish priest Oren Vask said the mourners prayed for the 14 missing and for the divers searching the river.")]
    // Foreign words, but each paragraph its own: a fund, then an inquest. A drift keeps naming what it is about.
    [InlineData("A fundraising page set up by the Rotary Club had raised 40,000 crowns for the families by Tuesday evening.",
        "An inquest will open at the county court in March, a coroner's officer told reporters.")]
    public void A_report_that_closes_on_its_own_story_is_on_topic(string closing, string last)
    {
        var a = string.Join("\n\n", BridgeLead, BridgeLead2, BridgeMore, BridgeWitness, closing, last);
        Assert.Empty(Reconcile(BridgeStory(a, reports: 4)).OffTopicOf("a"));
    }

    [Fact]
    public void A_report_that_ends_on_one_paragraph_of_another_story_is_off_topic_there()
    {
        const string Ferry = "The island ferry operator on the Tavel coast has confirmed that its larger vessel, the Marit, will return to service after repairs to her steering gear. "
            + "Islanders had complained about a string of cancelled sailings. The operator apologised for the disruption and said fares would not change.";
        var a = string.Join("\n\n", BridgeLead, BridgeLead2, BridgeMore, BridgeWitness, Ferry);
        var spans = Reconcile(BridgeStory(a, reports: 4)).OffTopicOf("a");
        Assert.StartsWith("The island ferry operator", Assert.Single(spans).SliceOf(a).ToString(), StringComparison.Ordinal);
    }

    [Theory]
    // A name used twice, but the bridge and the river are the story's.
    [InlineData("The last collapse of a bridge over the Orrin River, in 2009, killed four people. An inquiry led by the engineer Ilse Varga "
        + "blamed corroded cables. Varga later chaired the national bridge safety board.")]
    // Three sentences, new names, but the bridge, the river and the missing are the story's.
    [InlineData("Volunteers from Halvern brought food to the divers on the river bank. The fire service said the search for the 14 missing "
        + "would go on through the night. Engineers will inspect the remaining bridge spans on Tuesday.")]
    public void A_report_that_ends_on_one_paragraph_of_its_own_story_is_on_topic(string closing)
    {
        var a = string.Join("\n\n", BridgeLead, BridgeLead2, BridgeMore, BridgeWitness, closing);
        Assert.Empty(Reconcile(BridgeStory(a, reports: 4)).OffTopicOf("a"));
    }

    [Fact]
    public void Shares_are_told_apart_by_who_holds_them_and_one_holder_by_any_of_its_names()
    {
        var r = Reconcile(
            Doc("a", "With most stations counted, the Democratic Alliance for Change (DAC) had 41.4% and the Union for National Progress (UNP) had 45.2%."),
            Doc("b", "The DAC won 42.7 per cent of the vote on Tuesday, and the Union for National Progress won 44.1 per cent."));
        var shares = r.Groups.Where(g => g.Unit == "percent").ToList();
        Assert.Equal(2, shares.Count);
        Assert.Contains(shares, g => g.Values.Select(v => v.Value).Order().SequenceEqual([41.4m, 42.7m]));
        Assert.Contains(shares, g => g.Values.Select(v => v.Value).Order().SequenceEqual([44.1m, 45.2m]));
    }

    [Fact]
    public void Meanwhile_goes_on_with_the_story()
    {
        // "Meanwhile" most often moves within a story: no turn to another.
        var a = string.Join("\n\n", BridgeLead, BridgeLead2, BridgeMore,
            "Meanwhile, relatives waited through the night at a sports hall in Halvern, where volunteers handed out blankets and tea.");
        Assert.Empty(Reconcile(BridgeStory(a, reports: 4)).OffTopicOf("a"));
    }

    [Theory]
    [InlineData("Mara Lind, who lives by the water, said: \"I heard a sound like thunder and then the cars were gone.\"", "Lind said her neighbours ran down with ropes and torches before any boat arrived.")]
    [InlineData("\"I heard a sound like thunder and then the cars were gone,\" said Mara Lind, who lives by the water.", "Lind said her neighbours ran down with ropes and torches before any boat arrived.")]
    public void A_report_that_closes_on_a_witness_quoted_is_not_a_drift(string witness, string after)
    {
        var a = string.Join("\n\n", BridgeLead, BridgeLead2, BridgeMore, BridgeWitness, witness, after);
        Assert.Empty(Reconcile(BridgeStory(a, reports: 4)).OffTopicOf("a"));
    }

    [Fact]
    public void A_weak_turn_that_goes_on_with_the_story_is_on_topic()
    {
        // "Elsewhere in the province, …" may open the story's own next paragraph, with a new town and a new official:
        // not foreign enough for a turn the story itself may use.
        var lead = "A strong earthquake struck Dravia province on Tuesday, killing at least 212 people, the civil protection agency said.";
        var lead2 = "Rescuers in Dravia searched collapsed houses through the night, and the agency said the earthquake toll would rise.";
        var more = "The agency said 1,100 people were injured and rescuers were still digging in the rubble of the provincial capital.";
        var elsewhere = "Elsewhere in the province, the quake destroyed a school in Vornik and killed 30 people, Governor Petar Lusk told reporters on Wednesday.";
        var a = Doc("a", string.Join("\n\n", lead, lead2, more, elsewhere));
        var r = Reconcile(a, Doc("b", "The earthquake in Dravia province killed 212 people and injured 1,100, the civil protection agency said; rescuers searched the rubble."));
        Assert.Empty(r.OffTopicOf("a"));
    }

    [Fact]
    public void A_reports_later_paragraphs_naming_new_people_once_are_on_topic()
    {
        // The wounded, a witness and the hospital are new names, each said once: the report goes on, it does not drift.
        // A second, shorter report of the story, so that the first is judged.
        var r = Reconcile(
            Doc("a", string.Join("\n\n",
                "Gunfire at a party in Harwick early Saturday left two people dead and three wounded, police said.",
                "Officers found the victims in the yard of a house on Ellery Street shortly after 2 a.m.",
                "The three wounded were identified as Dara Quill, 25; Tomas Everly, 20; and Ines Marlow, 31, and were taken to St. Aldric Medical Center.",
                "Neighbor Corwin Pell told Channel 9 that he heard about a dozen shots and saw two cars speed away toward Linden Avenue.")),
            Doc("b", "Two people were killed and three wounded at a party in Harwick early Saturday, police said."));
        Assert.Empty(r.OffTopicOf("a"));
        Assert.Contains(r.Groups, g => g.Unit == "injured");
    }

    [Theory]
    // Named again by its kind after its name: one more name of it.
    [InlineData("The Civil Protection Directorate ordered 2,000 people out of Korvath on Monday. The directorate said the cloud had thinned by evening.", "Civil Protection Directorate", "The directorate")]
    [InlineData("Rescuers of the National Emergency Service reached the village at dawn. The emergency service said 30 people were missing.", "National Emergency Service", "The emergency service")]
    // A kind that fits by sort names it too when its name holds the word.
    [InlineData("The Velsby Port Authority called its offer final. Pickets said the authority had not met them.", "Velsby Port Authority", "the authority")]
    [InlineData("The Velsby Chamber of Commerce put the losses at 2.5 million euros a day. The chamber said exporters were worst hit.", "Velsby Chamber of Commerce", "The chamber")]
    // The name's last word capitalized, alone: "the Fund", "the Tribune".
    [InlineData("The International Monetary Fund cut its forecast on Tuesday. The Fund said growth would slow to 1.2%.", "International Monetary Fund", "The Fund")]
    [InlineData("The Harwick Tribune first reported the shooting. He was 19, the Tribune reported.", "Harwick Tribune", "the Tribune")]
    public void An_organisation_named_again_by_its_kind_is_mentioned_there(string text, string name, string mention)
    {
        var entity = Reconcile(Doc("a", text)).Entities.Entities.Single(e => e.Name == name);
        // The mention is the phrase as written, with its article; the kind alone is one more alias.
        Assert.Contains(entity.Mentions, m => m.Text == mention);
        Assert.Contains(mention[4..], entity.Aliases);
    }

    [Theory]
    // A kind that fits by sort, when another organisation was named since: Kessler, not the tram company.
    [InlineData("The Velsby Tram Company was sold to Kessler Holdings in 2019. Kessler Holdings said on Monday it would cut 300 jobs. The company said the cuts would come next year.",
        "Velsby Tram Company", "The company")]
    // A kind that fits by sort must be the name's own: "Airline" qualifies the guild.
    [InlineData("The Orvenian Airline Pilots' Guild said 300 pilots had raised concerns. The airline said the plane was airworthy.",
        "Orvenian Airline Pilots' Guild", "The airline")]
    // A capitalized kind that opens another name: the Department of Children and Families.
    [InlineData("Officers of the DeLand Police Department were called at 2 a.m. Police said they did not know if the Department of Children and Families had been told.",
        "DeLand Police Department", "the Department")]
    public void A_kind_that_names_another_body_or_none_is_no_mention_of_the_organisation(string text, string name, string kind)
    {
        var entities = Reconcile(Doc("a", text)).Entities.Entities;
        Assert.Contains(entities, e => e.Name == name);
        Assert.DoesNotContain(entities.SelectMany(e => e.Mentions), m => m.Text == kind);
    }

    [Fact]
    public void A_kind_reports_name_alone_for_any_body_of_it_names_none_and_takes_no_attribution()
    {
        // "taken to the hospital" need not be Harwick General; and Brightmoor, not the committee it told, gives the figure.
        var text = "Two workers were taken to Harwick General Hospital on Monday. A third was taken to the hospital by car.\n\n"
            + "The Commons Digital Economy Committee heard evidence on Tuesday. Brightmoor Telecom told the committee that about 3,000 customers had lost service.";
        var r = Reconcile(Doc("a", text));
        Assert.DoesNotContain(r.Entities.Entities.Single(e => e.Name == "Harwick General Hospital").Mentions, m => m.Text is "hospital" or "the hospital");
        var claim = r.Claims.Single(c => c.Quantity.Value == 3000);
        Assert.Equal("Brightmoor Telecom", r.SourceName(claim.SourceLabel));
    }

    [Fact]
    public void A_description_that_names_one_body_again_does_not_answer_for_another()
    {
        // "the ministry" names the ministry again; "the authority" after the water authority is still the water authority.
        var text = "The Ministry of Health said 14 people had died. The ministry said hospitals were full.\n\n"
            + "The Harwick Valley Water Authority has banned garden hoses in 46 municipalities since Saturday. "
            + "The authority said its reservoirs had fallen to 38 percent of capacity.";
        var r = Reconcile(Doc("a", text));
        var claim = r.Claims.Single(c => c.Quantity.Value == 38);
        Assert.Equal("Harwick Valley Water Authority", r.SourceName(claim.SourceLabel));
    }

    [Fact]
    public void A_story_of_one_report_is_not_judged_off_topic()
    {
        // With no other report to measure against, a prosecutor and a second suspect each named twice
        // would look foreign to a short lead; they are the same story going on.
        var r = Reconcile(Doc("a", string.Join("\n\n",
            "Gunfire at a bar in Harwick on Saturday left one man dead, police said.",
            "Dara Quill, 34, was trying to leave by the rear door when he was shot.",
            "Marrow County Prosecutor Ines Tallis said the Marrow County grand jury would hear the case next week, and Tallis asked witnesses to come forward.",
            "Officers are still looking for a second gunman, Corwin Pell. A warrant for Pell was issued Monday, and the Ellery Street bar stays closed until the Harwick Police Division says otherwise.",
            "Three other patrons were wounded, according to a Harwick Police Division report.")));
        Assert.Empty(r.OffTopicOf("a"));
        Assert.Contains(r.Groups, g => g.Unit == "injured");
    }

    [Fact]
    public void A_figure_dated_before_the_story_began_stays_out_of_its_groups()
    {
        // An earlier rampage named as background is another event; a later report naming the month of this one is not.
        var r = Reconcile(
            Doc("a", "Two people were killed in a shooting at a Harwick mall on Saturday, police said. In 2019, four people were killed in a rampage at a school in Ellery.", "2024-03-05"),
            Doc("b", "The March shooting that killed two people at the Harwick mall is still unsolved, police said.", "2024-06-01"));
        var killed = Assert.Single(r.Groups, g => g.Unit == "killed");
        Assert.Equal(2m, killed.Consensus.Value);
        Assert.Equal(2, killed.Members.Length);
        Assert.Contains(r.Claims, c => c.Quantity.Value == 4m && !r.GroupOfClaim.ContainsKey(c.Id));
    }

    [Fact]
    public void A_sum_of_money_dated_before_the_story_measures_a_period_and_stays_in_its_groups()
    {
        // "worth $4.2 billion last year" is the trade the tariffs hit, not an earlier event; a share so dated is background.
        var r = Reconcile(
            Doc("a", "Talmor says its new tariffs cover Harwick exports worth $4.2 billion last year. The murder rate rose 20 percent last year.", "2026-05-12"),
            Doc("b", "Harwick's exporters' council puts the trade hit by the tariffs at nearly $6 billion.", "2026-05-13"));
        Assert.Contains(r.Claims, c => c.Quantity.Value == 4_200_000_000m && r.GroupOfClaim.ContainsKey(c.Id));
        Assert.Contains(r.Claims, c => c.Quantity.Value == 20m && !r.GroupOfClaim.ContainsKey(c.Id));
    }

    [Fact]
    public void Dated_events_told_by_two_articles_merge_in_the_timeline()
    {
        var r = Reconcile(
            Doc("a", "The Aldermoor River burst its banks in Kelbrook on Tuesday, flooding the main street.", "2024-03-07"),
            Doc("b", "On Tuesday the Aldermoor River burst its banks in Kelbrook, flooding the main street and the school.", "2024-03-07"));
        var e = Assert.Single(r.Timeline);
        Assert.Equal("2024-03-05", e.Date);
        Assert.Equal(new[] { "a", "b" }, e.Docs.ToArray());
    }
}
