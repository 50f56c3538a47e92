using Corroborate.Model;
using Corroborate.Tests.Extraction.Entities;
using Xunit;

namespace Corroborate.Tests.Extraction.Quotes;

/// <summary>Quotation edge cases, one test each: marks, runs over paragraphs, kinds, scare quotes, and each speaker sieve.</summary>
public sealed class QuoteEdgeCaseTests
{
    private static List<(string Text, QuoteKind Kind, string? Speaker, string? Cue)> Quotes(string text) =>
        [.. ExtractionFixture.Run(text).Quotes.Select(q => (q.Span.Of(text), q.Kind, q.Speaker?.Text, q.Cue))];

    [Fact]
    public void Straight_double_marks()
    {
        var q = Assert.Single(Quotes("\"We will rebuild the bridge,\" Mayor Ellen Porter said."));
        Assert.Equal(("We will rebuild the bridge,", QuoteKind.Direct, "Ellen Porter", "said"), q);
    }

    [Fact]
    public void Curly_double_marks()
    {
        var q = Assert.Single(Quotes("“We will rebuild the bridge,” Mayor Ellen Porter said."));
        Assert.Equal("We will rebuild the bridge,", q.Text);
        Assert.Equal("Ellen Porter", q.Speaker);
    }

    [Fact]
    public void Single_marks_inside_double_belong_to_the_quotation()
    {
        var q = Assert.Single(Quotes("“She told me, ‘Run,’ and I ran,” said Tom Greene."));
        Assert.Equal("She told me, ‘Run,’ and I ran,", q.Text);
        Assert.Equal("Tom Greene", q.Speaker);
    }

    [Fact]
    public void A_quotation_runs_over_paragraphs_when_the_next_opens_with_a_mark()
    {
        const string text = "Ellen Porter, the mayor, spoke at length.\n\n“The river rose overnight and we moved everyone out.\n\n“Nobody was hurt,” she said.";
        var q = Assert.Single(Quotes(text));
        Assert.StartsWith("The river rose overnight", q.Text);
        Assert.EndsWith("Nobody was hurt,", q.Text);
        Assert.Equal("Ellen Porter", q.Speaker);
    }

    [Fact]
    public void An_unterminated_quotation_ends_with_its_paragraph()
    {
        const string text = "Ellen Porter described the night. \"The river rose and we moved everyone out.\n\nThe council meets on Monday.";
        var q = Assert.Single(Quotes(text));
        Assert.Equal("The river rose and we moved everyone out.", q.Text);
    }

    [Fact]
    public void Two_single_closing_marks_close_a_double_quotation()
    {
        var q = Quotes("“We are not done yet’’ said Ellen Porter.");
        Assert.Equal("We are not done yet", Assert.Single(q).Text);
    }

    [Fact]
    public void A_partial_quotation_inside_reported_speech_is_partial()
    {
        var q = Assert.Single(Quotes("Ellen Porter said the repairs were \"long overdue\" and would start soon."));
        Assert.Equal(("long overdue", QuoteKind.Partial, "Ellen Porter", "said"), q);
    }

    [Fact]
    public void Reported_speech_with_that_is_indirect()
    {
        var q = Assert.Single(Quotes("Ellen Porter said that the bridge would reopen in May."));
        Assert.Equal(("the bridge would reopen in May", QuoteKind.Indirect, "Ellen Porter", "said"), q);
    }

    [Fact]
    public void Reported_speech_with_a_trailing_cue_is_indirect()
    {
        var q = Assert.Single(Quotes("The bridge will reopen in May, Mayor Ellen Porter said on Tuesday."));
        Assert.Equal(("The bridge will reopen in May", QuoteKind.Indirect, "Ellen Porter", "said"), q);
    }

    [Fact]
    public void A_scare_quoted_modifier_is_nobodys_words()
    {
        Assert.Empty(Quotes("Ellen Porter announced the plan after a \"two-plus-two\" meeting at city hall."));
    }

    [Fact]
    public void A_quoted_name_is_nobodys_words()
    {
        Assert.Empty(Quotes("The group, known as \"the Night Watch,\" patrols the river bank."));
        Assert.Empty(Quotes("They staged the so-called \"Harvest March\" on Sunday."));
    }

    [Fact]
    public void A_nickname_inside_a_name_is_nobodys_words()
    {
        Assert.Empty(Quotes("Police arrested Donald “Big Don” Harlow on Friday."));
    }

    [Fact]
    public void A_short_quoted_phrase_nobody_says_is_a_scare_quote()
    {
        Assert.Empty(Quotes("The event was a themed \"white party,\" where guests wore white."));
    }

    [Fact]
    public void Cue_after_the_quotation_with_the_name_first()
    {
        Assert.Equal("Porter", Quotes("Ellen Porter spoke first. \"We are ready,\" Porter stated.")[0].Speaker);
    }

    [Fact]
    public void Cue_after_the_quotation_with_the_verb_first()
    {
        var q = Assert.Single(Quotes("\"We are ready,\" said Lt. Col. Paul Sanders, commander of the unit."));
        Assert.Equal(("Paul Sanders", "said"), (q.Speaker, q.Cue));
    }

    [Fact]
    public void Cue_after_the_quotation_with_a_pronoun()
    {
        var q = Quotes("Ellen Porter visited the site. \"It is worse than we thought,\" she warned.");
        Assert.Equal(("Ellen Porter", "warned"), (q[^1].Speaker, q[^1].Cue));
    }

    [Fact]
    public void Appositive_between_the_speaker_and_the_cue()
    {
        var q = Assert.Single(Quotes("\"He was lucky,\" Maria Lopez, a doctor at the clinic, said."));
        Assert.Equal("Maria Lopez", q.Speaker);
    }

    [Fact]
    public void According_to_names_the_speaker()
    {
        var q = Assert.Single(Quotes("According to Maria Lopez, \"the clinic is full.\""));
        Assert.Equal(("Maria Lopez", "according to"), (q.Speaker, q.Cue));
    }

    [Fact]
    public void Cue_before_the_quotation_with_a_colon()
    {
        var q = Assert.Single(Quotes("Maria Lopez said: \"The clinic is full.\""));
        Assert.Equal("Maria Lopez", q.Speaker);
    }

    [Fact]
    public void The_previous_sentence_introduces_the_quotation()
    {
        const string text = "The storm damaged the clinic, according to Maria Lopez.\n\n\"We will reopen as soon as the roof is fixed.\"";
        Assert.Equal("Maria Lopez", Quotes(text)[^1].Speaker);
    }

    [Fact]
    public void The_next_quotation_in_a_paragraph_keeps_the_speaker()
    {
        var q = Quotes("\"We are ready,\" Maria Lopez said. \"The beds are made.\"");
        Assert.Equal(2, q.Count);
        Assert.Equal("Maria Lopez", q[1].Speaker);
    }

    [Fact]
    public void A_pronoun_takes_the_person_a_previous_sentence_quotes()
    {
        const string text = "The wounded officer, Sam Reed, remains in hospital, Chief Dana Cole said.\n\n\"He is in critical condition,\" she said.";
        Assert.Equal("Dana Cole", Quotes(text)[^1].Speaker);
    }

    [Fact]
    public void A_pronoun_takes_the_subject_of_the_nearest_sentence_before_an_earlier_speaker()
    {
        const string text = "\"They would become targets,\" Jane Doe warned.\n\nDefense Secretary Lloyd Brandt made similar statements. \"We are consulting closely,\" he said.";
        Assert.Equal("Lloyd Brandt", Quotes(text)[^1].Speaker);
    }

    [Fact]
    public void The_one_heard_speaking_is_the_speaker()
    {
        const string text = "Security stopped Tom Barrow at the door. Then a witness heard him say: \"I'm gonna settle this tonight.\"";
        Assert.Equal("Tom Barrow", Quotes(text)[^1].Speaker);
    }

    [Fact]
    public void An_unnamed_speaker_is_written_as_the_phrase()
    {
        var q = Assert.Single(Quotes("A detective at the scene said the injuries were \"not grave.\""));
        Assert.Equal("A detective", q.Speaker);
    }

    [Fact]
    public void An_unnamed_speaker_past_a_relative_clause()
    {
        var q = Assert.Single(Quotes("The man, who declined to give his name, said: \"There is a shooter in the building.\""));
        Assert.Equal("The man", q.Speaker);
    }

    [Fact]
    public void A_possessor_is_not_the_speaker()
    {
        var q = Assert.Single(Quotes("\"He was a special young man,\" said Andre Miles's father, Sam Miles."));
        Assert.Equal("Sam Miles", q.Speaker);
    }

    [Fact]
    public void No_speaker_is_null_never_a_guess()
    {
        var q = Assert.Single(Quotes("\"I am scared,\" she said."));
        Assert.Null(q.Speaker);
        Assert.Equal("said", q.Cue);
    }

    [Fact]
    public void Quotation_marks_in_page_furniture_are_ignored()
    {
        const string text = "Ellen Porter opened the bridge on Monday.\n\nRead also| Harris Clarifies Stance After ‘Garbage’ Comment";
        Assert.DoesNotContain(Quotes(text), q => q.Text == "Garbage");
    }

    [Fact]
    public void The_speaker_span_overlaps_the_persons_mention()
    {
        const string text = "Pentagon Press Secretary Air Force Maj. Gen. Pat Reed spoke. \"Initial indications are clear,\" Reed stated.";
        var doc = ExtractionFixture.Run(text);
        var speaker = Assert.Single(doc.Quotes).Speaker!;
        Assert.Contains(doc.Entities, m => m.Kind == EntityKind.Person && m.Span.Overlaps(speaker.Span) && m.Name == "Pat Reed");
    }
}
