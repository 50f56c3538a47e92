using System.Text.Json;
using Corroborate.Model;
using Corroborate.Tests.Extraction.Entities;
using Xunit;

namespace Corroborate.Tests.Extraction.Quotes;

/// <summary>One expected quotation: its text, kind, and the speaker as written (null when unknown).</summary>
public sealed record QuoteExpectation(string Text, string Kind, string? Speaker);

/// <summary>One case of <c>Specs/quotes.json</c>: a passage of a real report and every quotation in it, checked by eye.</summary>
public sealed record QuoteSpec(string Name, string Source, string Text, IReadOnlyList<QuoteExpectation> Quotes)
{
    public override string ToString() => Name;
}

/// <summary>Drives the quotation stage from the spec file: exactly the expected quotations, kinds and speakers.</summary>
public sealed class QuoteSpecTests
{
    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    private static IReadOnlyList<QuoteSpec> LoadSpecs()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Specs", "quotes.json");
        return JsonSerializer.Deserialize<List<QuoteSpec>>(File.ReadAllText(path), JsonOptions)
            ?? throw new InvalidDataException($"{path}: no cases");
    }

    public static TheoryData<QuoteSpec> Specs()
    {
        var data = new TheoryData<QuoteSpec>();
        foreach (var spec in LoadSpecs())
            data.Add(spec);
        return data;
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void Finds_the_quotations_and_speakers_a_reader_would(QuoteSpec spec)
    {
        var quotes = ExtractionFixture.Run(spec.Text).Quotes;
        var actual = quotes.Select(q => new QuoteExpectation(q.Span.Of(spec.Text), q.Kind.ToString().ToLowerInvariant(), q.Speaker?.Text)).ToList();
        Assert.Equal(spec.Quotes, actual);
    }

    [Fact]
    public void The_spec_file_has_cases_from_several_corpora()
    {
        var specs = LoadSpecs();
        Assert.True(specs.Count >= 100, $"only {specs.Count} cases");
        Assert.True(specs.Select(s => s.Source.Split(' ')[0]).Distinct().Count() >= 3);
    }
}
