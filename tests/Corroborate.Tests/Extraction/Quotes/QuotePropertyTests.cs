using System.Collections.Immutable;
using Corroborate.Model;
using Corroborate.Tests.Extraction.Entities;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace Corroborate.Tests.Extraction.Quotes;

/// <summary>Invariants on any input: no exception, every span inside the text, quotations never overlap.</summary>
public sealed class QuotePropertyTests
{
    private static readonly string[] Pieces =
    [
        "\"", "“", "”", "‘", "’", "'", "''", "’’", " ", "\n", "\n\n", ".", ",", ":", "(", ")", "HUR", "(HUR)",
        "said", "he", "she", "according to", "that", "Ellen", "Porter", "Mr.", "Gen.", "U.S.", "President", "spokesman",
        "Moscow", "Kursk", "region", "Oblast", "North Korean", "Ministry", "Defense", "'s", "’s", "a", "the", "so-called", "x",
    ];

    [Fact]
    public void Any_string_yields_well_formed_layers()
    {
        Prop.ForAll<string>(text =>
        {
            AssertWellFormed(text ?? "");
            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void News_like_strings_yield_well_formed_layers()
    {
        var gen = Gen.ArrayOf(Gen.Elements(Pieces)).Select(a => string.Join(" ", a.Select((p, i) => i % 3 == 0 ? p : p.Trim())));
        Prop.ForAll(Arb.From(gen), text =>
        {
            AssertWellFormed(text);
            return true;
        }).QuickCheckThrowOnFailure();
    }

    private static void AssertWellFormed(string text)
    {
        var doc = ExtractionFixture.Run(text);
        Assert.Empty(doc.Failures);
        foreach (var m in doc.Entities)
            Assert.True(m.Span.End <= text.Length && !m.Span.IsEmpty, $"entity span {m.Span} outside or empty in a text of {text.Length}");
        var end = 0;
        foreach (var q in doc.Quotes)
        {
            Assert.True(q.Span.Start >= end, $"quotation {q.Span} overlaps the one ending at {end}");
            Assert.True(q.Span.End <= text.Length && !q.Span.IsEmpty, $"quotation span {q.Span} outside or empty");
            if (q.Speaker is { } s)
                Assert.True(s.Span.End <= text.Length && s.Text == s.Span.Of(text), $"speaker span {s.Span} does not match its text");
            end = q.Span.End;
        }
    }
}
