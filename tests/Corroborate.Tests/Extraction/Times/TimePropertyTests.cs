using Corroborate.Extraction.Times;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace Corroborate.Tests.Extraction.Times;

/// <summary>
/// Properties over arbitrary text built from temporal words, numbers and punctuation: extraction
/// never throws, spans lie inside the text and do not overlap, and every value is valid TIMEX3.
/// </summary>
public sealed class TimePropertyTests
{
    private static readonly string[] Pieces =
    [
        "on", "Monday", "last", "next", "this", "week", "year", "month", "the", "of", "early", "late", "mid", "-", "Oct.", "October",
        "31", "31st", ",", "2024", "10/31/2024", "2024-10-31", "6", "p.m.", "a", "day", "two", "days", "ago", "every", "daily",
        "now", "recently", "in", "coming", "days", "May", "may", "march", "second", "$", "2,000", "Sunday", "Times", "Tuesday's",
        "quarter", "third", "first", "half", "summer", "fall", "1990s", "'", "90s", "fiscal", "noon", ":", "30", "12:45", ".", "\n",
        "Q3", "year-earlier", "several", "decades", "hundred", "century", "20th", "tonight", "yesterday", "morning", "0", "99", "",
    ];

    private static Arbitrary<string> Texts() =>
        Gen.ListOf(Gen.Elements(Pieces)).Select(words => string.Join(" ", words)).ToArbitrary();

    private static Arbitrary<DateOnly?> Anchors() =>
        Gen.OneOf(Gen.Constant<DateOnly?>(null),
            Gen.Choose(0, 60000).Select(n => (DateOnly?)new DateOnly(1900, 1, 1).AddDays(n))).ToArbitrary();

    [Fact]
    public void ExtractionIsTotalAndWellFormed()
    {
        var property = Prop.ForAll(Texts(), Anchors(), (text, anchor) =>
        {
            var found = TimeSpecTests.Extractor.Extract(text, anchor);
            var previousEnd = 0;
            foreach (var t in found)
            {
                if (t.Span.Start < previousEnd || t.Span.End > text.Length || t.Span.IsEmpty || !Timex.IsValid(t.Value))
                    return false;
                previousEnd = t.Span.End;
            }
            return true;
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500), property);
    }

    [Fact]
    public void RandomUnicodeNeverThrows()
    {
        var property = Prop.ForAll(ArbMap.Default.ArbFor<string>(), text =>
        {
            var s = text ?? "";
            return TimeSpecTests.Extractor.Extract(s, new DateOnly(2024, 10, 29)).All(t => t.Span.End <= s.Length && Timex.IsValid(t.Value));
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500), property);
    }

    /// <summary>Regression (FsCheck replay 11057398910303879312,13926921625974250721): an offset beyond the calendar gave the value "-78".</summary>
    [Fact]
    public void An_offset_beyond_the_calendar_is_only_past_or_future()
    {
        var found = TimeSpecTests.Extractor.Extract("It happened 99 century ago, they said.", new DateOnly(2018, 3, 27));
        Assert.All(found, t => Assert.True(Timex.IsValid(t.Value), t.Value));
    }
}
