using Corroborate.Ingest;
using Corroborate.Model;
using Corroborate.Pipeline;
using Corroborate.Reconcile;
using Corroborate.Text;
using Xunit;

namespace Corroborate.Tests.Reconcile;

public sealed class StoryClustererTests
{
    private static readonly DocumentPipeline Pipeline = StandardPipeline.Build(TestData.Data);

    private static AnalyzedDocument Doc(string id, string text, string published, string? title = null, string? url = null) =>
        Pipeline.Run(new NewsDocument(id, id, text) { Title = title, Url = url, Published = DateParsing.TryParse(published, PublishedFrom.Metadata) });

    /// <summary>The score of the last report's assignment when the reports are clustered in order with these options.</summary>
    private static double LastScore(ClusteringOptions options, IEnumerable<AnalyzedDocument> reports)
    {
        var clusterer = new StoryClusterer(TestData.Data, options);
        foreach (var report in reports)
            clusterer.Assign(report);
        return clusterer.LastDecision.Score;
    }

    private static readonly string[] Flood =
    [
        "Floodwaters from the Aldermoor River swept through Kelbrook on Tuesday, forcing 300 residents from their homes.",
        "Residents of Kelbrook were evacuated after the Aldermoor River burst its banks on Tuesday, officials said.",
        "The Aldermoor River flood left Kelbrook's main street under a metre of water, and the mayor, Petra Voss, asked for help.",
    ];

    private static readonly string[] Strike =
    [
        "Dock workers at the port of Sallow Bay walked out on Monday in a dispute over pay, halting container traffic.",
        "The Sallow Bay dockers' union said the strike would continue until the port operator raised wages.",
    ];

    [Fact]
    public void Reports_of_one_event_join_one_story_and_another_event_opens_its_own()
    {
        var clusterer = new StoryClusterer(TestData.Data);
        var flood = Flood.Select((t, i) => clusterer.Assign(Doc($"f{i}", t, "2024-03-05"))).ToList();
        var strike = Strike.Select((t, i) => clusterer.Assign(Doc($"s{i}", t, "2024-03-04"))).ToList();
        Assert.Single(flood.Distinct());
        Assert.Single(strike.Distinct());
        Assert.NotEqual(flood[0], strike[0]);
    }

    [Fact]
    public void A_title_the_text_carries_as_prose_counts_once()
    {
        // A headline under a page's name stays prose and names the report: its words count as the text's, not
        // again as a title's. The same line ended by a full stop is prose naming nothing; the two score alike.
        const string Heading = "Kelbrook flood: Aldermoor River bursts its banks";
        var headed = Doc("x", "THE HARWICK COURIER\n\n" + Heading + "\n\n" + Flood[1], "2024-03-05");
        Assert.Equal(Heading, headed.Document.Title);
        var plain = Doc("x", "THE HARWICK COURIER\n\n" + Heading + ".\n\n" + Flood[1], "2024-03-05");
        Assert.Null(plain.Document.Title);
        Assert.Equal(
            LastScore(new ClusteringOptions(), [Doc("f0", Flood[0], "2024-03-05"), plain]),
            LastScore(new ClusteringOptions(), [Doc("f0", Flood[0], "2024-03-05"), headed]), 6);
    }

    [Fact]
    public void In_a_young_stream_a_report_of_the_same_days_and_toll_joins_at_a_lower_bar()
    {
        // Two reports of one earthquake that share few of their strongest words: the second names the same day and
        // the same toll. A third, of another event on the same day, names only the same governor: one official named
        // on one day is no tie.
        var first = Doc("a", "A powerful earthquake struck the Veskar highlands before dawn on Tuesday, killing at least 212 people. Governor Petar Ruskov said rescuers were working by floodlight.", "2026-03-03");
        var second = Doc("b", "The bakery on Liberty Square is a heap of stone after the earthquake that killed 212 people in the highlands on Tuesday; the clock tower lies in pieces over the tram lines, Governor Petar Ruskov said.", "2026-03-04");
        var other = Doc("c", "The city council on Tuesday passed a budget that raises spending on parks, and Governor Petar Ruskov praised the vote.", "2026-03-04");
        // Words alone join nothing here (a bar of 0.99); the young stream's bar is 0: only its conditions decide.
        var young = Assign(new ClusteringOptions { Threshold = 0.99, YoungThreshold = 0 }, first, second, other);
        Assert.Equal(young[0], young[1]);
        Assert.NotEqual(young[0], young[2]);
        // The rule is what joins them: in a stream no longer young the second report opens a story of its own.
        var old = Assign(new ClusteringOptions { Threshold = 0.99, YoungThreshold = 0, YoungStream = 0 }, first, second, other);
        Assert.NotEqual(old[0], old[1]);
    }

    /// <summary>The stories of the reports clustered in order with these options.</summary>
    private static string[] Assign(ClusteringOptions options, params AnalyzedDocument[] reports)
    {
        var clusterer = new StoryClusterer(TestData.Data, options);
        return [.. reports.Select(clusterer.Assign)];
    }

    [Fact]
    public void In_a_young_stream_a_named_hospital_and_its_director_tie_a_report_of_the_same_days()
    {
        // The second report names one person of the first and an organisation of three words: two names few stories
        // share. A third names the same person and a ministry every story of a country may name.
        var first = Doc("a", "Shelling killed at least seven people in Kelmar late on Sunday, regional officials said. Ivo Brandt, director of Kelmar District Hospital, said 23 wounded had been admitted.", "2026-05-04");
        var second = Doc("b", "The number of people killed in Sunday night's attack has risen to 11, Mayor Lena Ostrova said on Tuesday. Kelmar District Hospital said 46 injured had been admitted; Director Ivo Brandt appealed for blood donors.", "2026-05-05");
        var other = Doc("c", "Ivo Brandt, a surgeon, told the Interior Ministry's inquiry on Tuesday that the new wing opened late.", "2026-05-05");
        var young = Assign(new ClusteringOptions { Threshold = 0.99, YoungThreshold = 0 }, first, second, other);
        Assert.Equal(young[0], young[1]);
        Assert.NotEqual(young[0], young[2]);
    }

    [Fact]
    public void In_a_young_stream_a_report_with_no_date_that_shares_two_names_joins_at_a_lower_bar()
    {
        // A local page saved without a date tells the story through its own people: it shares the union and its leader
        // with the first report, not its words. One name is not enough, nor two for a dated report (its dates speak for it).
        var first = Doc("a", "A nine-storey building collapsed in the Talmor district on Tuesday, trapping hundreds of garment workers. Edda Morlan of the Talmor Garment Workers' Union said at least 40 people had died. The building's owner, Piet Varro, could not be reached.", "2026-04-14");
        const string Local = "Outside the fence, families wait for news of the missing. Edda Morlan, who leads the Talmor Garment Workers' Union, said volunteers had counted more bodies than officials had.";
        var undated = Pipeline.Run(new NewsDocument("b", "b", Local));
        var oneName = Pipeline.Run(new NewsDocument("c", "c", "Outside the fence, families wait for news of the missing. Edda Morlan said volunteers had counted more bodies than officials had."));
        var dated = Doc("d", Local, "2026-04-16");
        var options = new ClusteringOptions { Threshold = 0.99, YoungThreshold = 0.99, UndatedThreshold = 0 };
        var joined = Assign(options, first, undated);
        Assert.Equal(joined[0], joined[1]);
        Assert.NotEqual(Assign(options, first, oneName)[0], Assign(options, first, oneName)[1]);
        var apart = Assign(options, first, dated);
        Assert.NotEqual(apart[0], apart[1]);
        // The rule is what joins it: in a stream no longer young it opens a story of its own.
        var old = Assign(options with { YoungStream = 0 }, first, undated);
        Assert.NotEqual(old[0], old[1]);
    }

    [Fact]
    public void In_a_young_stream_a_report_with_no_date_that_names_the_story_s_unknown_places_joins_it()
    {
        // No gazetteer knows the village or its quarter; every report of the avalanche names them, the local page too,
        // which shares no person or body with the first report. A page naming them once each is no such report.
        var first = Doc("a", "An avalanche buried chalets in Tallrein, the upper quarter of Mirenz, on Monday. Rescuers searched Tallrein through the night, and the road to Mirenz stayed closed, the Ardel Civil Protection Authority said.", "2026-01-13");
        var local = Pipeline.Run(new NewsDocument("b", "b", "The bells rang in Mirenz for the villagers still missing. Families from Tallrein waited in the hall in Mirenz. Nobody thought an avalanche could reach Tallrein."));
        var once = Pipeline.Run(new NewsDocument("c", "c", "The bells rang in Mirenz for the villagers still missing. Families from Tallrein waited in the hall."));
        var options = new ClusteringOptions { Threshold = 0.99, YoungThreshold = 0.99, UndatedThreshold = 0 };
        var joined = Assign(options, first, local);
        Assert.Equal(joined[0], joined[1]);
        var apart = Assign(options, first, once);
        Assert.NotEqual(apart[0], apart[1]);
    }

    [Fact]
    public void Names_no_story_holds_do_not_crowd_out_those_that_find_one()
    {
        // The local report names seven people no other report names (the rarest names) and the union, its leader and
        // the owner: the probes must reach the story through the last three. Words find no candidate here.
        var first = Doc("a", "A nine-storey building collapsed in the Talmor district on Tuesday, trapping hundreds of garment workers. Edda Morlan of the Talmor Garment Workers' Union said at least 40 people had died. The building's owner, Piet Varro, could not be reached.", "2026-04-14");
        var local = Pipeline.Run(new NewsDocument("b", "b", "Ana Brel, Ivo Kest, Lina Moor, Jon Sarl, Mira Tolv, Otto Venn and Rita Wald waited at the fence. Edda Morlan, who leads the Talmor Garment Workers' Union, said volunteers had counted more bodies. Many here know Piet Varro."));
        Assert.True(local.Entities.Count(m => m.Kind == EntityKind.Person) >= 9);
        var stories = Assign(new ClusteringOptions { Threshold = 0.99, YoungThreshold = 0.99, UndatedThreshold = 0, ProbeTerms = 0 }, first, local);
        Assert.Equal(stories[0], stories[1]);
    }

    [Fact]
    public void The_same_stream_gives_the_same_stories()
    {
        string[] Run()
        {
            var c = new StoryClusterer(TestData.Data);
            return [.. Flood.Concat(Strike).Select((t, i) => c.Assign(Doc($"d{i}", t, "2024-03-05")))];
        }
        Assert.Equal(Run(), Run());
    }

    [Fact]
    public void Reports_years_apart_beyond_the_window_are_different_stories()
    {
        var clusterer = new StoryClusterer(TestData.Data, new ClusteringOptions { WindowDays = 30 });
        var first = clusterer.Assign(Doc("a", Flood[0], "2020-03-05"));
        var later = clusterer.Assign(Doc("b", Flood[1], "2024-03-05"));
        Assert.NotEqual(first, later);
    }

    [Fact]
    public void One_report_dated_far_ahead_does_not_close_the_stories_of_the_stream()
    {
        // An archive of one season with one straggler a year on (a late follow-up, or a wrong date in its metadata).
        var clusterer = new StoryClusterer(TestData.Data, new ClusteringOptions { WindowDays = 30 });
        var flood = clusterer.Assign(Doc("f0", Flood[0], "2024-03-05"));
        clusterer.Assign(Doc("late", Strike[0], "2025-06-01"));
        for (var i = 0; i < 100; i++)
            clusterer.Assign(Doc($"d{i}", $"Unrelated item number {i} about topic{i} and matter{i * 7} in place{i * 3}.", "2024-03-05"));
        Assert.Equal(flood, clusterer.Assign(Doc("f1", Flood[1], "2024-03-06")));
    }

    [Fact]
    public void Open_stories_stay_bounded()
    {
        var clusterer = new StoryClusterer(TestData.Data, new ClusteringOptions { MaxOpenStories = 10 });
        for (var i = 0; i < 200; i++)
            clusterer.Assign(Doc($"d{i}", $"Unrelated item number {i} about topic{i} and matter{i * 7} in place{i * 3}.", "2024-01-01"));
        Assert.InRange(clusterer.OpenStories, 1, 11);
    }

    [Fact]
    public void Boilerplate_repeated_across_many_articles_does_not_join_them()
    {
        const string wall = "We have sent you a verification email. Please confirm your address to keep reading our journalism today.";
        string[] titles = ["Mayor resigns in Hartfield", "Bridge closure snarls Dunmore traffic", "Orchard frost ruins apple harvest",
            "Library reopens after Quillan renovation", "Teachers vote to strike in Berrow", "Wildfire smoke reaches Tamsin valley"];
        var clusterer = new StoryClusterer(TestData.Data);
        var stories = titles.Select((t, i) => clusterer.Assign(Doc($"w{i}", wall, "2024-01-01", title: t))).ToList();
        Assert.True(stories.Distinct().Count() >= 5, string.Join(",", stories));
    }

    [Fact]
    public void Two_alike_incidents_on_different_days_are_weighed_down_by_their_days()
    {
        // Same neighbourhood, same wording, published the same day; the day each happened ("Tuesday night" is a time) is what differs.
        AnalyzedDocument[] reports =
        [
            Doc("a", "Two men were wounded in a shooting on Tuesday night in the Kelbrook neighbourhood, police said. One was taken to hospital in a car.", "2024-03-17"),
            Doc("b", "Police were called to the Kelbrook neighbourhood on Saturday afternoon after a teenager was shot in the leg outside a shop.", "2024-03-17"),
        ];
        double Score(ClusteringOptions options) => LastScore(options, reports);
        var weighed = Score(new ClusteringOptions());
        var ignored = Score(new ClusteringOptions { DaysAgree = 1, DaysDisagree = 1 });
        Assert.True(ignored > 0);
        Assert.Equal(ignored * new ClusteringOptions().DaysDisagree, weighed, 6);
    }

    [Fact]
    public void A_follow_up_months_later_that_names_the_day_of_the_event_joins_its_story()
    {
        var clusterer = new StoryClusterer(TestData.Data);
        var first = clusterer.Assign(Doc("a", "Petra Voss, 34, was shot dead on Tuesday outside a bar on Quillan Street in Kelbrook, police said.", "2024-03-06"));
        var later = clusterer.Assign(Doc("b", "A Kelbrook man was charged on Monday with the murder of Petra Voss, who was shot outside a Quillan Street bar on March 5.", "2024-09-10"));
        Assert.Equal(first, later);
    }

    [Theory]
    [InlineData(2, "Tomas Verhoek", "Anneke Brandt")]
    [InlineData(0, "Tomas Verhoek", "Anneke Brandt")]
    // Names written with and without initials or suffixes are one person to the rule.
    [InlineData(2, "Tomas J. Verhoek", "Anneke M. Brandt")]
    [InlineData(2, "Tomas Verhoek Jr.", "Anneke Brandt")]
    public void Two_rare_names_of_people_tie_a_late_report_to_its_story_whatever_its_days(int strongNames, string killer, string victim)
    {
        var clusterer = new StoryClusterer(TestData.Data, new ClusteringOptions { StrongNames = strongNames });
        var first = clusterer.Assign(Doc("a", "Police said Tomas Verhoek shot Anneke Brandt outside a bakery on Tuesday in Kelbrook. Tomas Verhoek was arrested at the scene.", "2024-03-06"));
        var later = clusterer.Assign(Doc("b", $"{killer} was sentenced on Thursday to 20 years in prison for killing {victim}, the court in Dunmore heard.", "2024-11-15"));
        Assert.Equal(strongNames > 0, first == later);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.0)]
    public void The_words_of_an_address_slug_speak_for_a_page_whose_text_does_not(double slugWeight)
    {
        var clusterer = new StoryClusterer(TestData.Data, new ClusteringOptions { SlugWeight = slugWeight });
        var first = clusterer.Assign(Doc("a", "A baker was shot outside the Quillan Street bakery in Kelbrook on Tuesday. Police arrested a suspect near the harbour.", "2024-03-06"));
        var paywalled = clusterer.Assign(Doc("b", "Subscribe to keep reading. Already a subscriber? Log in to continue.", "2024-03-07",
            url: "https://www.example-news.com/news/2024/03/07/kelbrook-quillan-street-bakery-shooting-suspect-charged.html"));
        Assert.Equal(slugWeight > 0, first == paywalled);
    }

    [Fact]
    public void Reports_that_name_years_far_apart_are_weighed_down()
    {
        // No day and no publication date to go by: the years named are the only clue that these are two elections.
        string[] texts =
        [
            "Voters in Norland elected a new parliament in 2008 , officials said , after a campaign dominated by fuel prices .",
            "Voters in Norland elected a new parliament in 2013 , officials said , after a campaign dominated by fuel prices and jobs .",
        ];
        string[] Run(double years)
        {
            var c = new StoryClusterer(TestData.Data, new ClusteringOptions { YearsDisagree = years, Threshold = 0.5 });
            return [.. texts.Select((t, i) => c.Assign(Pipeline.Run(new NewsDocument($"e{i}", $"e{i}", t))))];
        }
        Assert.Single(Run(1).Distinct());
        Assert.Equal(2, Run(0.5).Distinct().Count());
    }

    [Fact]
    public void An_undated_report_of_a_Saturday_is_weighed_down_against_a_story_dated_to_a_Thursday()
    {
        AnalyzedDocument[] reports =
        [
            Pipeline.Run(new NewsDocument("a", "a", "The navy foiled a pirate attack on a cargo ship in the Gulf of Aden on Thursday , 10 November 2011 , officials said .")),
            Pipeline.Run(new NewsDocument("b", "b", "The navy foiled a pirate attack on a tanker in the Gulf of Aden on Saturday , officials said .")),
        ];
        double Score(ClusteringOptions options) => LastScore(options, reports);
        var weighed = Score(new ClusteringOptions());
        var ignored = Score(new ClusteringOptions { WeekdaysDisagree = 1 });
        Assert.True(ignored > 0);
        Assert.Equal(ignored * new ClusteringOptions().WeekdaysDisagree, weighed, 6);
    }

    [Fact]
    public void A_dated_report_that_names_a_background_year_is_not_weighed_down_by_it()
    {
        // A developing story: the second report recalls 2022; the publication dates, not that year, say when it is.
        AnalyzedDocument[] reports =
        [
            Doc("a", "Troops from Norland crossed into Kelbrook province in 2024 , officials in Dunmore said .", "2024-10-29"),
            Doc("b", "Officials in Dunmore said troops from Norland were in Kelbrook province , the largest move since the 2022 invasion .", "2024-10-31"),
        ];
        double Score(ClusteringOptions options) => LastScore(options, reports);
        var plain = Score(new ClusteringOptions { YearsDisagree = 1 });
        Assert.True(plain > 0);
        Assert.Equal(plain, Score(new ClusteringOptions { YearsDisagree = 0.1 }), 6);
    }

    [Fact]
    public void A_report_that_says_when_weighs_less_against_a_story_that_never_does()
    {
        // Pages without dates: an emergency patch of one year, and an alike one of another that names its day.
        const string Earlier = "Microsoft released an emergency security update to fix a flaw in Internet Explorer that attackers were exploiting, Christopher Budd said.";
        const string Later = "Microsoft released an emergency security update on Sept. 17, 2013 to fix a flaw in Internet Explorer that attackers were exploiting, Dustin Childs said.";
        double Score(string published, ClusteringOptions options) =>
            LastScore(options, [Doc("a", Earlier, published), Doc("b", Later, "")]);
        var plain = Score("", new ClusteringOptions { TimelessStory = 1 });
        Assert.True(plain > 0);
        Assert.Equal(plain * 0.5, Score("", new ClusteringOptions { TimelessStory = 0.5 }), 6);
        // A story with a publication date is not timeless: the factor does not apply.
        Assert.Equal(Score("2013-09-17", new ClusteringOptions { TimelessStory = 1 }), Score("2013-09-17", new ClusteringOptions { TimelessStory = 0.5 }), 6);
    }

    [Fact]
    public void An_age_in_common_lifts_the_score_of_a_report()
    {
        // Same day, same town; the second report words it otherwise but names the same 7-year-old.
        AnalyzedDocument[] reports =
        [
            Doc("a", "A 7-year-old boy was shot in the leg on Tuesday night in Kelbrook, police said. He was taken to hospital.", "2024-03-06"),
            Doc("b", "Kelbrook police are searching for the gunman who wounded a 7-year-old outside his home on Tuesday night.", "2024-03-06"),
        ];
        double Score(ClusteringOptions options) => LastScore(options, reports);
        var plain = Score(new ClusteringOptions { FiguresAgree = 1 });
        Assert.True(plain > 0);
        Assert.Equal(plain * new ClusteringOptions().FiguresAgree, Score(new ClusteringOptions()), 6);
    }

    [Fact]
    public void An_age_that_many_open_stories_give_does_not_lift_the_score()
    {
        AnalyzedDocument[] reports =
        [
            // Another story gives the age too: two holders, more than RareFigure.
            Doc("x", "Orchard frost ruined the apple harvest in Berrow valley, and a 17-year-old picker lost his summer job.", "2024-03-01"),
            Doc("a", "A 17-year-old boy was shot in the leg on Tuesday night in Kelbrook, police said. He was taken to hospital.", "2024-03-06"),
            Doc("b", "Kelbrook police are searching for the gunman who wounded a 17-year-old outside his home on Tuesday night.", "2024-03-06"),
        ];
        double Score(ClusteringOptions options) => LastScore(options, reports);
        // The ages of the leads are left out here: they weigh whatever the holders (the next test).
        Assert.Equal(Score(new ClusteringOptions { FiguresAgree = 1, RareFigure = 1, LeadSentences = 0 }), Score(new ClusteringOptions { RareFigure = 1, LeadSentences = 0 }), 6);
        Assert.NotEqual(Score(new ClusteringOptions { FiguresAgree = 1, RareFigure = 2, LeadSentences = 0 }), Score(new ClusteringOptions { RareFigure = 2, LeadSentences = 0 }), 6);
    }

    [Fact]
    public void An_age_both_leads_give_lifts_the_score_however_many_stories_give_it()
    {
        AnalyzedDocument[] reports =
        [
            // Other stories give the age as well, in their text and in their headlines.
            Doc("x", "Orchard frost ruined the apple harvest in Berrow valley, and a 3-year-old watched from the porch.", "2024-03-01"),
            Doc("y", "A 3-year-old girl won the Dunmore spelling bee's youngest-entrant ribbon on Monday.", "2024-03-04"),
            Doc("a", "The boy was taken to hospital after the shot was fired at his home on Tuesday night in Kelbrook.", "2024-03-06", title: "Boy, 3, shoots himself with father's gun"),
            Doc("b", "A 3-year-old boy who shot himself with a gun he found at home on Tuesday has died, Kelbrook police said.", "2024-03-08"),
        ];
        double Score(ClusteringOptions options) => LastScore(options, reports);
        var plain = Score(new ClusteringOptions { FiguresAgree = 1, RareFigure = 1 });
        Assert.True(plain > 0);
        Assert.Equal(plain * new ClusteringOptions().FiguresAgree, Score(new ClusteringOptions { RareFigure = 1 }), 6);
        Assert.Equal(plain, Score(new ClusteringOptions { RareFigure = 1, LeadSentences = 0 }), 6);
    }

    [Fact]
    public void A_round_up_that_gives_the_ages_of_many_people_is_weighed_down()
    {
        AnalyzedDocument[] reports =
        [
            Doc("a", "A 19-year-old man was shot in the leg on Saturday night in Kelbrook, police said. He was taken to hospital.", "2024-03-10"),
            Doc("b", "At least five people were shot in Kelbrook over the weekend. A 19-year-old man was shot in the leg on Saturday night; "
                + "a 34-year-old woman was wounded on Quillan Street; a 16-year-old boy and a 52-year-old man were hurt in Dunmore Park.", "2024-03-11"),
        ];
        double Score(ClusteringOptions options) => LastScore(options, reports);
        var plain = Score(new ClusteringOptions { Roundup = 1, FiguresAgree = 1 });
        Assert.True(plain > 0);
        Assert.Equal(plain * new ClusteringOptions().Roundup, Score(new ClusteringOptions { FiguresAgree = 1 }), 6);
    }

    [Fact]
    public void A_day_that_many_open_stories_name_lifts_the_score_less()
    {
        AnalyzedDocument[] reports =
        [
            Doc("a", "A man was shot in the leg on Tuesday night in Kelbrook, police said. He was taken to hospital.", "2024-03-06"),
            Doc("b", "Kelbrook police are searching for the gunman who wounded a man outside his home on Tuesday night.", "2024-03-06"),
        ];
        double Score(ClusteringOptions options) => LastScore(options, reports);
        var defaults = new ClusteringOptions();
        // One open story names the day: with CommonDay 0 that is already too many.
        Assert.Equal(Score(new ClusteringOptions { DaysAgree = defaults.CommonDayAgree }), Score(new ClusteringOptions { CommonDay = 0 }), 6);
        Assert.True(Score(defaults) > Score(new ClusteringOptions { CommonDay = 0 }));
    }
}
