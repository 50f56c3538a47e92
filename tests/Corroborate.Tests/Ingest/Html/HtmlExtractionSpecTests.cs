using System.Text.Json;
using Corroborate.Ingest;
using Xunit;

namespace Corroborate.Tests.Ingest.Html;

/// <summary>
/// Runs the body-extraction cases in <c>Specs/html/extraction.json</c>: fragments in the structure
/// of real pages, each a regression test for one rule of the extractor.
/// </summary>
public sealed class HtmlExtractionSpecTests
{
    public sealed record Case(
        string Name, string Source, string Html, string[]? Contains, string[]? Absent, string? Text,
        string? Title, string? Outlet, string? Url, string? Published, string? Author)
    {
        public override string ToString() => Name;
    }

    private sealed record SpecFile(Case[] Cases);

    private static Case[] Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Specs", "html", "extraction.json");
        var file = JsonSerializer.Deserialize<SpecFile>(File.ReadAllText(path), new JsonSerializerOptions { PropertyNameCaseInsensitive = true })
            ?? throw new InvalidDataException($"{path}: empty");
        return file.Cases;
    }

    public static TheoryData<Case> Cases() => new(Load());

    [Theory]
    [MemberData(nameof(Cases))]
    public void Extracts(Case c)
    {
        var page = HtmlArticle.Parse(c.Html);
        foreach (var s in c.Contains ?? [])
            Assert.True(page.Text.Contains(s, StringComparison.Ordinal), $"{c.Name}: missing \"{s}\" in:\n{page.Text}");
        foreach (var s in c.Absent ?? [])
            Assert.False(page.Text.Contains(s, StringComparison.Ordinal), $"{c.Name}: furniture \"{s}\" kept in:\n{page.Text}");
        if (c.Text is not null)
            Assert.Equal(c.Text, page.Text);
        if (c.Title is not null)
            Assert.Equal(c.Title, page.Title);
        if (c.Outlet is not null)
            Assert.Equal(c.Outlet, page.Outlet);
        if (c.Url is not null)
            Assert.Equal(c.Url, page.Url);
        if (c.Published is not null)
            Assert.Equal(c.Published, page.Published?.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        if (c.Author is not null)
            Assert.Equal(c.Author, page.Author);
    }
}
