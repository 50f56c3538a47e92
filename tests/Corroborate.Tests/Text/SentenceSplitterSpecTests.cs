using System.Collections.Immutable;
using System.Text.Json;
using Corroborate.Lexicons;
using Corroborate.Model;
using Corroborate.Text;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace Corroborate.Tests.Text;

/// <summary>One case of <c>Specs/sentences.json</c>: a short passage of a real report and the sentences a careful reader finds in it.</summary>
public sealed record SentenceSpec(string Name, string Source, string Text, IReadOnlyList<string> Sentences)
{
    public override string ToString() => Name;
}

/// <summary>Drives the sentence splitter from the spec file, plus the invariants every split must keep.</summary>
public sealed class SentenceSplitterSpecTests
{
    private static readonly LanguageData Data = LanguageData.LoadEnglish();

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    private static IReadOnlyList<SentenceSpec> LoadSpecs()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Specs", "sentences.json");
        return JsonSerializer.Deserialize<List<SentenceSpec>>(File.ReadAllText(path), JsonOptions)
            ?? throw new InvalidDataException($"{path}: no cases");
    }

    public static TheoryData<SentenceSpec> Specs()
    {
        var data = new TheoryData<SentenceSpec>();
        foreach (var spec in LoadSpecs())
            data.Add(spec);
        return data;
    }

    private static ImmutableArray<Sentence> Split(string text)
    {
        var tokens = new Tokenizer(Data).Tokenize(text);
        return new SentenceSplitter(Data).Split(text, tokens, ImmutableArray<Furniture>.Empty).Sentences;
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void Splits_as_a_reader_would(SentenceSpec spec)
    {
        var actual = Split(spec.Text).Select(s => s.Span.Of(spec.Text)).ToList();
        Assert.Equal(spec.Sentences, actual);
    }

    [Fact]
    public void Spec_sentences_are_substrings_in_order()
    {
        foreach (var spec in LoadSpecs())
        {
            var from = 0;
            foreach (var sentence in spec.Sentences)
            {
                var at = spec.Text.IndexOf(sentence, from, StringComparison.Ordinal);
                Assert.True(at >= 0, $"{spec.Name}: expected sentence is not in the text after offset {from}: {sentence}");
                from = at + sentence.Length;
            }
        }
    }

    [Fact]
    public void Empty_text_has_no_sentences() => Assert.Empty(Split(""));

    [Fact]
    public void Whitespace_only_has_no_sentences() => Assert.Empty(Split(" \n\n\t \r\n  "));

    [Fact]
    public void Sentence_spans_are_inside_ordered_and_disjoint()
    {
        foreach (var spec in LoadSpecs())
            AssertWellFormed(spec.Text, Split(spec.Text));
    }

    [Fact]
    public void Any_string_splits_without_error_into_well_formed_spans()
    {
        Prop.ForAll<string>(text =>
        {
            text ??= "";
            AssertWellFormed(text, Split(text));
            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Sentence_like_strings_split_without_error_into_well_formed_spans()
    {
        // Random strings rarely hold periods before capitals; build them from the pieces that matter.
        var pieces = new[] { "U.S.", "Gen.", "No.", "J.", "Inc.", " ", "  ", "\n", "\n\n", ".", "...", "…", "?", "!", "\"", "”", ")", "(", "The", "said", "5", "3.5", "a.m.", "x" };
        var gen = Gen.ArrayOf(Gen.Elements(pieces)).Select(a => string.Concat(a));
        Prop.ForAll(Arb.From(gen), text =>
        {
            AssertWellFormed(text, Split(text));
            return true;
        }).QuickCheckThrowOnFailure();
    }

    private static void AssertWellFormed(string text, ImmutableArray<Sentence> sentences)
    {
        var end = 0;
        foreach (var s in sentences)
        {
            Assert.True(s.Span.Start >= end, $"span {s.Span} overlaps or precedes the previous sentence ending at {end}");
            Assert.True(s.Span.End <= text.Length, $"span {s.Span} runs past the text ({text.Length})");
            Assert.False(s.Span.IsEmpty, $"span {s.Span} is empty");
            Assert.False(char.IsWhiteSpace(text[s.Span.Start]) || char.IsWhiteSpace(text[s.Span.End - 1]), $"span {s.Span} is not trimmed");
            end = s.Span.End;
        }
    }
}
