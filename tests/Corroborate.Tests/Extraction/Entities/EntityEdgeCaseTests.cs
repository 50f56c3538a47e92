using Corroborate.Extraction.Entities;
using Corroborate.Model;
using Corroborate.Reconcile;
using Xunit;

namespace Corroborate.Tests.Extraction.Entities;

/// <summary>Entity edge cases: roles split from names, organisations, acronyms, places and their variants, in-article and cross-article resolution.</summary>
public sealed class EntityEdgeCaseTests
{
    private static List<(string Text, EntityKind Kind, string Name, string? Role)> Mentions(string text) =>
        [.. ExtractionFixture.Run(text).Entities.Select(m => (m.Span.Of(text), m.Kind, m.Name, m.Role))];

    [Fact]
    public void Title_rank_and_service_are_split_from_the_name()
    {
        var m = Mentions("Pentagon Press Secretary Air Force Maj. Gen. Pat Reed spoke on Monday.");
        Assert.Contains(("Pat Reed", EntityKind.Person, "Pat Reed", "Pentagon Press Secretary"), m);
        Assert.Contains(m, x => x.Kind == EntityKind.Organization && x.Name == "Pentagon");
    }

    [Fact]
    public void The_first_word_of_a_body_alone_after_where_is_its_place_unless_the_body_is_a_venue()
    {
        var m = Mentions("The Talmor Lift Company runs the lifts. The only road to Talmor was blocked. Talmor Lift said it would help. "
                         + "The Kelmar District Hospital is full. Two more were taken to Kelmar overnight.");
        Assert.DoesNotContain(("Talmor", EntityKind.Organization, "Talmor Lift Company", null), m);
        Assert.Contains(("Talmor Lift", EntityKind.Organization, "Talmor Lift Company", null), m);
        Assert.Contains(("Kelmar", EntityKind.Organization, "Kelmar District Hospital", null), m);
    }

    [Fact]
    public void A_role_with_of_keeps_its_complement()
    {
        Assert.Contains(("Jane Doe", EntityKind.Person, "Jane Doe", "Secretary of State"), Mentions("Secretary of State Jane Doe arrived."));
    }

    [Fact]
    public void The_outlet_is_named_by_its_masthead_copyright_and_short_form()
    {
        const string Text = "THE HARWICK COURIER\nHome | News | Sport\nFlood closes the bridge\n\nThe river rose overnight, a council engineer told the Courier. The Courier understands repairs will take a week.\n\n© The Harwick Courier";
        var words = TestData.Data.OutletWords;
        var outlets = OutletMentions.Add(Text, "THE HARWICK COURIER", [], words);
        Assert.All(outlets, m => Assert.Equal("Harwick Courier", m.Name));
        Assert.Equal(["THE HARWICK COURIER", "Courier", "Courier", "The Harwick Courier"], outlets.Select(m => m.Span.Of(Text)));
        // An outlet named by its address is no name, and "courier" in lowercase is no outlet.
        Assert.Empty(OutletMentions.Add(Text, "harwickcourier.com", [], words));
        Assert.Empty(OutletMentions.Add("The courier was late.", "The Harwick Courier", [], words));
        Assert.Single(OutletMentions.Add("VOICE OF AMERICA\n\nVoice of America reported the vote.", "Voice of America", [], words), m => m.Span.Start > 0);
        Assert.Equal(["The Independent"], OutletMentions.Add("Officials called for an independent inquiry, The Independent reported.", "The Independent", [], words).Select(m => m.Span.Of("Officials called for an independent inquiry, The Independent reported.")));
    }

    [Fact]
    public void A_news_agency_is_named_by_its_first_word_where_no_other_name_goes_on()
    {
        // Not its other products ("Lodestar Markets Daily"); not the first word of an outlet that is no agency.
        const string Text = "\"We call it an insult,\" Kastan told Lodestar by telephone.\n\nSubscribe to Lodestar Markets Daily for the morning's top stories.";
        var words = TestData.Data.OutletWords;
        var mentions = OutletMentions.Add(Text, "Lodestar Press Agency", [], words);
        Assert.Equal(["Lodestar"], mentions.Select(m => m.Span.Of(Text)));
        Assert.Equal("Lodestar Press Agency", Assert.Single(mentions).Name);
        Assert.Empty(OutletMentions.Add(Text, "Lodestar Courier", [], words));
        // Only where it is credited: not a demonym or a word of another name ("the Saudi-led coalition", "Saudi officials").
        Assert.Empty(OutletMentions.Add("The Saudi-led coalition said 40 people died. Saudi officials declined to comment.", "Saudi Press Agency", [], words));
    }

    [Fact]
    public void Reporters_and_editors_of_bylines_and_credit_lines_are_people()
    {
        const string Text = "THE HARWICK COURIER\nFlood closes the bridge\nBy Karel Ondrasz and Nadia Fell, Senior Editor\nShare | Tweet | Email\n\n"
            + "The river rose overnight, officials said.\n\n(Reporting by Jonas Kettle in Carrick Falls; Editing by Ruth Amadi)\n\nBy KTLA's Nidia Becerra, KOAT Action News";
        var people = ExtractionFixture.Run(Text).Entities.Where(m => m.Kind == EntityKind.Person).Select(m => (m.Name, m.Role)).ToList();
        Assert.DoesNotContain(ExtractionFixture.Run("BY THE ASSOCIATED PRESS\n\nThe river rose overnight, officials said.").Entities, m => m.Kind == EntityKind.Person);
        Assert.Equal([("Karel Ondrasz", "reporter"), ("Nadia Fell", "Senior Editor"), ("Jonas Kettle", "reporter"), ("Ruth Amadi", "editor"), ("Nidia Becerra", "reporter")], people);
    }

    [Fact]
    public void A_clause_with_an_owner_after_a_name_is_no_role()
    {
        var m = Mentions("Sheriff Bob Gualtieri said Kevin Ahles, put his son in the family car, and Mara Lind, put her bag down.");
        Assert.Contains(("Kevin Ahles", EntityKind.Person, "Kevin Ahles", null), m);
        Assert.Contains(("Mara Lind", EntityKind.Person, "Mara Lind", null), m);
    }

    [Fact]
    public void A_lower_case_role_before_a_name()
    {
        Assert.Contains(("Mark Lind", EntityKind.Person, "Mark Lind", "prosecutor"), Mentions("The case was closed, prosecutor Mark Lind said."));
    }

    [Fact]
    public void Surname_and_title_plus_surname_resolve_to_the_full_name()
    {
        var m = Mentions("Defense Minister Kim Yong-ho spoke first. Later, Defense Minister Kim and Jane Doe met. Doe left.");
        Assert.Equal(2, m.Count(x => x.Kind == EntityKind.Person && x.Name == "Kim Yong-ho"));
        Assert.Contains(("Doe", EntityKind.Person, "Jane Doe", null), m);
    }

    [Fact]
    public void A_first_name_in_brackets_joins_the_surname()
    {
        Assert.Contains(Mentions("(Vlad) Brenner said the talks were over."), m => m.Kind == EntityKind.Person && m.Name == "Vlad Brenner");
    }

    [Fact]
    public void An_acronym_in_brackets_names_the_phrase_before_it()
    {
        var m = Mentions("Ukraine's military intelligence (HUR) reported the move. HUR said more would follow.");
        Assert.Equal(3, m.Count(x => x.Kind == EntityKind.Organization && x.Name == "Ukraine's military intelligence"));
    }

    [Fact]
    public void An_agency_named_by_its_country()
    {
        var m = Mentions("South Korea's Defense Ministry said the launch failed.");
        Assert.Contains(m, x => x.Kind == EntityKind.Organization && x.Text == "South Korea's Defense Ministry" && x.Name.Contains("South Korea"));
        Assert.Contains(("South Korea", EntityKind.Place, "South Korea", null), m);
    }

    [Fact]
    public void Known_organisations_under_their_other_names()
    {
        var m = Mentions("The U.S. Defense Department confirmed it. The Department of Defense gave no figure.");
        Assert.Equal(2, m.Count(x => x.Kind == EntityKind.Organization && x.Name == "Pentagon"));
    }

    [Fact]
    public void Region_variants_are_one_region()
    {
        var m = Mentions("Troops moved into Kursk Oblast, then the Kursk region and the Kursk Region.");
        Assert.Equal(3, m.Count(x => x.Kind == EntityKind.Place && x.Name == "Kursk Oblast"));
    }

    [Fact]
    public void A_demonym_names_its_country()
    {
        Assert.Contains(("North Korean", EntityKind.Place, "North Korea", null), Mentions("North Korean troops arrived."));
    }

    [Fact]
    public void A_capital_as_subject_stands_for_its_country()
    {
        Assert.Contains(("Moscow", EntityKind.Place, "Russia", null), Mentions("Moscow warned that it would respond."));
        Assert.Contains(("Beijing", EntityKind.Place, "China", null), Mentions("Beijing sent a delegation."));
    }

    [Fact]
    public void A_capital_as_a_location_stays_a_city()
    {
        Assert.Contains(("Moscow", EntityKind.Place, "Moscow", null), Mentions("The talks were held in Moscow on Monday."));
    }

    [Fact]
    public void A_town_name_that_opens_a_persons_name_is_a_name()
    {
        Assert.Contains(Mentions("Howard Uribe lived next door."), m => m.Kind == EntityKind.Person && m.Name == "Howard Uribe");
    }

    [Fact]
    public void A_street_is_not_a_person()
    {
        Assert.DoesNotContain(Mentions("The club at 4126 N. Teutonia Ave. closed."), m => m.Kind == EntityKind.Person);
    }

    [Fact]
    public void Resolver_joins_a_person_across_articles_without_initials_or_suffix()
    {
        var a = ExtractionFixture.Run("Defense Secretary Lloyd Brandt spoke.", "a");
        var b = ExtractionFixture.Run("Secretary of Defense Lloyd J. Brandt III arrived. Brandt left.", "b");
        var records = a.Entities.Select(m => new MentionRecord("a", "s", m, m.Span.Of(a.Text)))
            .Concat(b.Entities.Select(m => new MentionRecord("b", "s", m, m.Span.Of(b.Text))));
        var resolver = new EntityResolver(records);
        var person = Assert.Single(resolver.Entities, e => e.Kind == EntityKind.Person);
        Assert.Equal("Lloyd Brandt", person.Name);
        Assert.Contains("Lloyd J. Brandt III", person.Aliases);
        Assert.Contains("Brandt", person.Aliases);
        Assert.Contains("Secretary of Defense Lloyd J. Brandt III", person.Aliases);
        Assert.Contains("Defense Secretary", person.Roles);
    }

    [Fact]
    public void Resolver_joins_names_written_with_either_apostrophe_and_an_outlet_credited_by_its_first_word()
    {
        static MentionRecord Organisation(string doc, string name) => new(doc, "s", new EntityMention(new TextSpan(0, name.Length), EntityKind.Organization, name), name);
        var lexicon = ReconcileLexicon.LoadEnglish(TestData.Data);
        var resolver = new EntityResolver([Organisation("a", "Karvo Parents' Forum"), Organisation("b", "Karvo Parents’ Forum"),
            Organisation("a", "Kestrel News Agency"), Organisation("b", "Kestrel"), Organisation("a", "Harwick Lift Company"), Organisation("b", "Harwick")], lexicon: lexicon);
        Assert.Single(resolver.Entities, e => e.Name.StartsWith("Karvo", StringComparison.Ordinal));
        Assert.Contains("Kestrel", Assert.Single(resolver.Entities, e => e.Name.StartsWith("Kestrel", StringComparison.Ordinal)).Aliases);
        // Not a company's: "Harwick" read as an organisation is no short name of "Harwick Lift Company".
        Assert.Equal(2, resolver.Entities.Count(e => e.Name.StartsWith("Harwick", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("Josh Haber", "Joshua Haber")]
    [InlineData("Becky Lund", "Rebecca Lund")]
    [InlineData("Hank Mata", "Henry Mata")]
    public void Resolver_joins_a_short_first_name_with_the_one_it_stands_for(string short_, string full)
    {
        static MentionRecord Person(string doc, string name) => new(doc, "s", new EntityMention(new TextSpan(0, name.Length), EntityKind.Person, name), name);
        Assert.Single(new EntityResolver([Person("a", full), Person("b", short_)]).Entities);
    }

    [Fact]
    public void A_definite_role_two_people_hold_is_the_one_named_last_before_it()
    {
        const string Text = "Interior Minister Piet Varro arrived on Monday. Health Minister Anja Stelmar visited the hospital. \"Nobody will be turned away,\" the minister said.";
        var a = ExtractionFixture.Run(Text, "a");
        var resolver = new EntityResolver(a.Entities.Select(m => new MentionRecord("a", "s", m, m.Span.Of(a.Text))));
        var at = Text.IndexOf("the minister", StringComparison.Ordinal);
        var id = resolver.EntityFor("a", new Attribution(new TextSpan(at, at + "the minister".Length), "the minister"));
        Assert.Equal("Anja Stelmar", Assert.Single(resolver.Entities, e => e.Id == id).Name);
    }

    [Fact]
    public void A_person_is_known_by_the_title_written_before_the_name_and_by_its_rank()
    {
        var a = ExtractionFixture.Run("Defence ministry spokesman Colonel Ivo Brannick said the line held.", "a");
        var records = a.Entities.Select(m => new MentionRecord("a", "s", m, m.Span.Of(a.Text)));
        var person = Assert.Single(new EntityResolver(records).Entities, e => e.Kind == EntityKind.Person);
        Assert.Contains("Defence ministry spokesman Colonel Ivo Brannick", person.Aliases);
        Assert.Contains("Colonel Ivo Brannick", person.Aliases);
        Assert.Contains("spokesman", person.Roles);
    }

    [Fact]
    public void Resolver_joins_an_organisations_first_or_last_words_to_it_when_no_other_has_them()
    {
        var records = new[]
        {
            Mention("a", 0, EntityKind.Organization, "Veskarian Agrarian League"),
            Mention("b", 0, EntityKind.Organization, "Agrarian League"),
            Mention("a", 40, EntityKind.Organization, "Valdora Motor Group"),
            Mention("b", 40, EntityKind.Person, "Valdora"),
            // Two organisations share "Police Department": it stays itself.
            Mention("a", 80, EntityKind.Organization, "Ashby Police Department"),
            Mention("a", 120, EntityKind.Organization, "Corran Police Department"),
            Mention("b", 80, EntityKind.Organization, "Police Department"),
        };
        var entities = new EntityResolver(records).Entities;
        Assert.Contains("Agrarian League", Assert.Single(entities, e => e.Name == "Veskarian Agrarian League").Aliases);
        Assert.Contains("Valdora", Assert.Single(entities, e => e.Name == "Valdora Motor Group").Aliases);
        Assert.Single(entities, e => e.Name == "Police Department");
        Assert.Equal(5, entities.Length);
    }

    [Fact]
    public void A_name_after_an_honorific_is_one_of_the_persons_written_forms()
    {
        // The honorific stays out of the mention's span (as in NER corpora) and of the roles; the form a reader sees is an alias.
        var a = ExtractionFixture.Run("Finance Minister Luka Varenne spoke on Monday. Mr Varenne said the currency fell. Dr. Okafor agreed.", "a");
        var records = a.Entities.Select(m => new MentionRecord("a", "s", m, m.Span.Of(a.Text)));
        var resolver = new EntityResolver(records);
        var varenne = Assert.Single(resolver.Entities, e => e.Name == "Luka Varenne");
        Assert.Contains("Mr Varenne", varenne.Aliases);
        Assert.Contains("Dr. Okafor", Assert.Single(resolver.Entities, e => e.Name == "Okafor").Aliases);
        Assert.Equal("Varenne", Assert.Single(a.Entities, m => m.Honorific == "Mr").Span.Of(a.Text));
    }

    [Fact]
    public void Resolver_joins_a_lone_surname_to_the_one_full_name_of_the_story()
    {
        var records = new[]
        {
            new MentionRecord("a", "s", new EntityMention(new TextSpan(0, 8), EntityKind.Person, "Ann Vale"), "Ann Vale"),
            new MentionRecord("b", "s", new EntityMention(new TextSpan(0, 4), EntityKind.Person, "Vale"), "Vale"),
        };
        Assert.Single(new EntityResolver(records).Entities);
    }

    private static MentionRecord Mention(string doc, int start, EntityKind kind, string name, string? role = null) =>
        new(doc, "s", new EntityMention(new TextSpan(start, start + name.Length), kind, name, role), name);

    private static readonly Lazy<ReconcileLexicon> Lexicon = new(() => ReconcileLexicon.LoadEnglish(TestData.Data));

    /// <summary>The name of the entity that an attribution written at <paramref name="start"/> of document "a" stands for.</summary>
    private static string? Described(EntityResolver resolver, string text, int start = 200) =>
        resolver.EntityFor("a", new Attribution(new TextSpan(start, start + text.Length), text)) is { } id ? resolver.Entities.Single(e => e.Id == id).Name : null;

    [Fact]
    public void Resolver_joins_a_short_first_name_to_the_full_one()
    {
        var records = new[]
        {
            Mention("a", 0, EntityKind.Person, "Raymond Tillman", "Mayor"),
            Mention("b", 0, EntityKind.Person, "Ray Tillman", "Mayor"),
        };
        Assert.Single(new EntityResolver(records).Entities);
    }

    [Fact]
    public void A_fronted_clause_is_no_apposition()
    {
        // "After meeting the minister of agriculture," is what Macamo did, not his role; "said the Minister …, X" is.
        var a = ExtractionFixture.Run("After meeting the minister of agriculture, Celso Macamo told reporters he was hopeful.", "a");
        Assert.Null(Assert.Single(a.Entities, m => m.Kind == EntityKind.Person).Role);
        var b = ExtractionFixture.Run("\"The rules protect jobs,\" said the Minister of Agriculture, Celso Macamo.", "b");
        Assert.Equal("Minister of Agriculture", Assert.Single(b.Entities, m => m.Kind == EntityKind.Person).Role);
    }

    [Fact]
    public void Resolver_joins_a_name_written_with_and_without_its_marks()
    {
        var records = new[]
        {
            Mention("a", 0, EntityKind.Person, "Inês Carvalho", "leader"),
            Mention("b", 0, EntityKind.Person, "Ines Carvalho"),
            Mention("b", 20, EntityKind.Person, "Tomás Albuquerque"),
            Mention("a", 40, EntityKind.Person, "Tomas Albuquerque"),
        };
        var people = new EntityResolver(records).Entities;
        Assert.Equal(2, people.Length);
        Assert.Contains(people, p => p.Name == "Inês Carvalho" && p.Aliases.Contains("Ines Carvalho"));
    }

    [Fact]
    public void Resolver_reads_an_organisations_short_name_as_the_organisation()
    {
        var records = new[]
        {
            Mention("a", 0, EntityKind.Organization, "Brightmoor Telecom"),
            Mention("b", 0, EntityKind.Person, "Brightmoor"),
        };
        var organisation = Assert.Single(new EntityResolver(records).Entities);
        Assert.Equal(EntityKind.Organization, organisation.Kind);
        Assert.Equal("Brightmoor Telecom", organisation.Name);
        Assert.Contains("Brightmoor", organisation.Aliases);
    }

    [Theory]
    [InlineData("Ministry of Transport and Infrastructure", "Transport Ministry", true)]
    [InlineData("Ministry of Foreign Affairs", "Foreign Ministry", true)]
    [InlineData("Ministry of Transport and Infrastructure", "Infrastructure Ministry", false)] // only the first word after "of"
    public void Resolver_reads_a_bodys_head_after_its_first_word_past_of_as_the_body(string full, string brief, bool one)
    {
        var records = new[] { Mention("a", 0, EntityKind.Organization, full), Mention("b", 0, EntityKind.Organization, brief) };
        var entities = new EntityResolver(records).Entities;
        Assert.Equal(one ? 1 : 2, entities.Length);
        if (one)
            Assert.Contains(brief, entities[0].Aliases);
    }

    [Fact]
    public void A_word_that_only_qualifies_titles_names_a_body_before_its_organisation_word()
    {
        var found = Mentions("Officials at the Transport Ministry said 15 people had died. Deputy Police Chief Jane Doe said the road was closed.");
        Assert.Contains(found, m => m.Text == "Transport Ministry" && m.Kind == EntityKind.Organization);
        Assert.DoesNotContain(found, m => m.Text.StartsWith("Deputy Police", StringComparison.Ordinal) && m.Kind == EntityKind.Organization);
    }

    [Theory]
    [InlineData(null, null, true)]
    [InlineData("spokesman", null, false)] // a role shows a person
    [InlineData(null, "Mr", false)]        // so does a title
    public void Resolver_reads_a_two_word_short_name_written_as_a_person_as_the_organisation(string? role, string? honorific, bool organisation)
    {
        var records = new[]
        {
            Mention("a", 0, EntityKind.Organization, "Halvard Marine Lines"),
            new MentionRecord("b", "s", new EntityMention(new TextSpan(0, 14), EntityKind.Person, "Halvard Marine", role, honorific), "Halvard Marine"),
        };
        var entities = new EntityResolver(records).Entities;
        Assert.Equal(organisation ? 1 : 2, entities.Length);
        if (organisation)
            Assert.Contains("Halvard Marine", entities[0].Aliases);
    }

    [Fact]
    public void A_features_name_alone_is_no_place_at_a_sentences_start_or_as_a_speaker()
    {
        var found = Mentions("Tankers crossed the Black Sea at night. Black smoke rose from the port. " +
                             "Deputies in Harris County searched the bayou. Harris said the search would go on.");
        Assert.Contains(found, m => m.Text == "Black Sea" && m.Kind == EntityKind.Place);
        Assert.DoesNotContain(found, m => m.Text == "Black");
        Assert.Contains(found, m => m.Text == "Harris" && m.Kind == EntityKind.Person);
    }

    [Fact]
    public void A_sentences_subject_before_a_lower_case_feature_word_or_a_street_makes_no_place()
    {
        var found = Mentions("Injuries range from cuts to burns. Police closed Turkey Creek Road and E. Lake St. near Crystal Lake.");
        Assert.DoesNotContain(found, m => m.Text is "Injuries range" or "Turkey Creek" or "E. Lake");
        Assert.Contains(found, m => m.Text == "Crystal Lake" && m.Kind == EntityKind.Place);
    }

    [Fact]
    public void A_known_place_before_a_feature_word_stays_the_gazetteers()
    {
        var found = Mentions("Cape Town said the ships would dock. Climbers on Mount Kenya were safe.");
        Assert.Contains(found, m => m.Text == "Cape Town" && m.Kind == EntityKind.Place);
        Assert.Contains(found, m => m.Text == "Mount Kenya" && m.Kind == EntityKind.Place);
    }

    [Fact]
    public void A_feature_word_before_an_organisation_word_or_more_capitals_makes_no_place()
    {
        var found = Mentions("Staff at Harwick Valley Hospital treated 12 people, and Orlen River Holdings said its barges were safe. " +
                             "Forecasters at Mount Arlo Ridge Station saw the storm.");
        Assert.DoesNotContain(found, m => m.Kind == EntityKind.Place);
    }

    [Fact]
    public void Capitals_nobody_spelled_out_speak_as_an_organisation_outside_a_line_of_capitals()
    {
        var found = Mentions("\"We will be there,\" Maddox told CPS. The evacuation holds, according to the STRD. " +
                             "The JTF says the area is closed. BREAKING NEWS: CREWS SAID THE LINE IS DOWN.");
        foreach (var acronym in new[] { "CPS", "STRD", "JTF" })
            Assert.Contains(found, m => m.Text == acronym && m.Kind == EntityKind.Organization && m.Name == acronym);
        Assert.DoesNotContain(found, m => m.Text is "CREWS" or "NEWS" or "SAID");
    }

    [Fact]
    public void Resolver_joins_initials_to_the_one_organisation_of_the_story_they_spell()
    {
        var records = new[]
        {
            Mention("a", 0, EntityKind.Organization, "Continental Press Service"),
            Mention("b", 0, EntityKind.Organization, "CPS"),
            // Two organisations spell "MPA": the initials stay themselves.
            Mention("a", 40, EntityKind.Organization, "Maritime Port Authority"),
            Mention("a", 80, EntityKind.Organization, "Meridian Press Agency"),
            Mention("b", 40, EntityKind.Organization, "MPA"),
        };
        var entities = new EntityResolver(records).Entities;
        Assert.Contains("CPS", Assert.Single(entities, e => e.Name == "Continental Press Service").Aliases);
        Assert.Single(entities, e => e.Name == "MPA");
    }

    [Fact]
    public void Resolver_keeps_a_person_an_organisation_named_after_people_is_named_for()
    {
        var records = new[]
        {
            Mention("a", 0, EntityKind.Organization, "Elton John AIDS Foundation"),
            Mention("b", 0, EntityKind.Person, "Elton John"),
        };
        Assert.Contains(new EntityResolver(records, lexicon: Lexicon.Value).Entities, e => e.Kind == EntityKind.Person && e.Name == "Elton John");
    }

    [Fact]
    public void Resolver_keeps_a_person_whose_surname_the_story_writes_alone()
    {
        // "Trayvon Martin" of the "Trayvon Martin Foundation", and "Martin" alone: a person.
        var records = new[]
        {
            Mention("a", 0, EntityKind.Organization, "Trayvon Martin Foundation"),
            Mention("b", 0, EntityKind.Person, "Trayvon Martin"),
            Mention("b", 40, EntityKind.Person, "Martin"),
        };
        Assert.Contains(new EntityResolver(records).Entities, e => e.Kind == EntityKind.Person && e.Name == "Trayvon Martin");
    }

    [Fact]
    public void Resolver_joins_a_features_lone_name_and_its_other_feature_word_to_it()
    {
        var records = new[]
        {
            Mention("a", 0, EntityKind.Place, "Skerrin Island"),
            Mention("b", 0, EntityKind.Person, "Skerrin"),
            Mention("a", 40, EntityKind.Place, "Veskar Mountains"),
            Mention("b", 40, EntityKind.Place, "Veskar range"),
            Mention("a", 80, EntityKind.Place, "Mount Garrow"),
            Mention("b", 80, EntityKind.Place, "Garrow Peak"),
            // A river and a province of one name are two places, and "Hallstan" alone is neither.
            Mention("a", 120, EntityKind.Place, "Hallstan River"),
            Mention("b", 120, EntityKind.Place, "Hallstan province"),
            Mention("c", 0, EntityKind.Place, "Hallstan"),
        };
        var entities = new EntityResolver(records, lexicon: Lexicon.Value).Entities;
        Assert.Contains("Skerrin", Assert.Single(entities, e => e.Name == "Skerrin Island").Aliases);
        Assert.Equal(EntityKind.Place, Assert.Single(entities, e => e.Name == "Skerrin Island").Kind);
        Assert.Contains("Veskar range", Assert.Single(entities, e => e.Name == "Veskar Mountains").Aliases);
        Assert.Contains("Garrow Peak", Assert.Single(entities, e => e.Name == "Mount Garrow").Aliases);
        Assert.Single(entities, e => e.Name == "Hallstan River");
        Assert.Single(entities, e => e.Name == "Hallstan province");
        Assert.Single(entities, e => e.Name == "Hallstan");
    }

    [Fact]
    public void Resolver_keeps_a_lone_name_a_person_of_the_story_has()
    {
        var records = new[]
        {
            Mention("a", 0, EntityKind.Organization, "Kessler Coatings"),
            Mention("a", 30, EntityKind.Person, "Stephen Kessler"),
            Mention("b", 0, EntityKind.Person, "Kessler"),
        };
        Assert.Equal(2, new EntityResolver(records).Entities.Length);
    }

    [Fact]
    public void A_description_stands_for_the_one_person_with_that_role_or_the_nearest_organisation_that_fits()
    {
        var resolver = new EntityResolver(
        [
            Mention("a", 0, EntityKind.Person, "Dana Ortiz", "Fire Chief"),
            Mention("a", 40, EntityKind.Organization, "Kessler-Vance Coatings"),
            Mention("a", 80, EntityKind.Organization, "Ohio Environmental Protection Agency"),
            Mention("b", 0, EntityKind.Person, "Raymond Tillman", "Mayor"),
        ], lexicon: Lexicon.Value);
        Assert.Equal("Raymond Tillman", Described(resolver, "the mayor"));
        Assert.Equal("Dana Ortiz", Described(resolver, "the fire chief"));
        Assert.Equal("Kessler-Vance Coatings", Described(resolver, "the company"));
        Assert.Equal("Ohio Environmental Protection Agency", Described(resolver, "the regulator"));
        // Nothing fits before it: the company is named after the description.
        Assert.Null(Described(resolver, "the company", start: 20));
        Assert.Null(Described(resolver, "the spokesman"));
    }

    [Fact]
    public void A_description_does_not_take_another_office_or_a_persons_organisation()
    {
        var resolver = new EntityResolver(
        [
            Mention("a", 0, EntityKind.Person, "Kamala Harris", "Vice President"),
            Mention("a", 30, EntityKind.Person, "Trayvon Martin"),
            Mention("a", 60, EntityKind.Organization, "Trayvon Martin Foundation"),
        ], lexicon: Lexicon.Value);
        Assert.Null(Described(resolver, "the president"));
        Assert.Contains(resolver.Entities, e => e.Kind == EntityKind.Person && e.Name == "Trayvon Martin");
    }
}
