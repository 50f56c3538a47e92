using System.Text.Json;
using Corroborate.Model;
using Corroborate.Text;
using Xunit;

namespace Corroborate.Tests.Extraction.Quantities;

/// <summary>
/// Runs the cases of <c>Specs/quantities.json</c> through the standard pipeline: every expected
/// quantity is found with its value, bounds, hedge, unit, rate and source (and its place and subject,
/// where a case gives "where" or "subject": "" for none), and nothing else is.
/// </summary>
public sealed class QuantitySpecTests
{
    public sealed record Expected(string Text, decimal Value, decimal? Low, decimal? High, string Hedge, string? Unit, string? Rate, string? Source, string? Where = null, string? Subject = null)
    {
        /// <summary>The same figure, the place and the subject compared only when the case gives them ("" for none).</summary>
        public bool Matches(Expected found) => this == found with { Where = Where is null ? null : found.Where ?? "", Subject = Subject is null ? null : found.Subject ?? "" };
    }

    public sealed record Case(string Name, string From, string Text, Expected[] Quantities)
    {
        public override string ToString() => Name;
    }

    private sealed record SpecFile(Case[] Cases);

    private static readonly Lazy<Corroborate.Pipeline.DocumentPipeline> Pipeline = new(() => StandardPipeline.Build(TestData.Data));

    private static Case[] Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Specs", "quantities.json");
        var file = JsonSerializer.Deserialize<SpecFile>(File.ReadAllText(path), new JsonSerializerOptions { PropertyNameCaseInsensitive = true })
            ?? throw new InvalidDataException($"{path}: empty");
        return file.Cases;
    }

    public static TheoryData<Case> Cases() => new(Load());

    [Fact]
    public void SpecHasEnoughVariedCases()
    {
        var cases = Load();
        Assert.True(cases.Length >= 200);
        Assert.True(cases.Count(c => c.Quantities.Length == 0) >= 50, "negative cases");
        Assert.True(cases.Select(c => c.From).Distinct().Count() >= 3, "sources");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Quantities(Case c)
    {
        var doc = new NewsDocument(c.Name, c.Name, c.Text) { Published = new Published(new DateOnly(2015, 1, 1), null, PublishedFrom.Metadata) };
        var result = Pipeline.Value.Run(doc);
        Assert.Empty(result.Failures);
        var found = result.Quantities.Select(q => new Expected(
            q.Span.Of(c.Text), q.Value, q.Low, q.High, q.Hedge.ToString().ToLowerInvariant(), q.Unit, q.Rate, q.Source?.Text, q.Where, q.Subject)).ToList();
        var shown = string.Join("; ", found);
        Assert.True(found.Count == c.Quantities.Length, $"{c.Name}: expected {c.Quantities.Length} quantities, found [{shown}]");
        foreach (var e in c.Quantities)
            Assert.True(found.Any(e.Matches), $"{c.Name}: expected {e}; found [{shown}]");
    }
}
