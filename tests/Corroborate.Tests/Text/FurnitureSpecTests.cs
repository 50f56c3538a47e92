using System.Text.Json;
using Corroborate.Lexicons;
using Corroborate.Model;
using Corroborate.Text;
using Xunit;

namespace Corroborate.Tests.Text;

/// <summary>
/// Runs the page-furniture cases in <c>Specs/furniture.json</c>: every expected span is found with
/// its kind, no furniture span overlaps a sentence that must stay prose, and a dateline's date and
/// outlet, and a link line's address, are reported when the case expects them.
/// </summary>
public sealed class FurnitureSpecTests
{
    private static readonly FurnitureDetector Detector = new(LanguageData.LoadEnglish());

    public sealed record Expected(string Text, string Kind);

    public sealed record Case(
        string Name, string Text, string? Title, string? Outlet,
        Expected[]? Furniture, string[]? NotFurniture, string? Published, string? FoundOutlet, string? FoundUrl = null, bool NoPublished = false, string? Heading = null, bool NoHeading = false, string? DatelineDay = null)
    {
        public override string ToString() => Name;
    }

    private sealed record SpecFile(Case[] Cases);

    private static Case[] Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Specs", "furniture.json");
        var file = JsonSerializer.Deserialize<SpecFile>(File.ReadAllText(path), new JsonSerializerOptions { PropertyNameCaseInsensitive = true })
            ?? throw new InvalidDataException($"{path}: empty");
        return file.Cases;
    }

    public static TheoryData<Case> Cases() => new(Load());

    [Fact]
    public void SpecHasEnoughCases() => Assert.True(Load().Length >= 60);

    /// <summary>A rule's prefilters ("requires", "endsWithout") are necessary conditions: they never rule out a line its pattern matches.</summary>
    [Fact]
    public void Prefilters_never_exclude_a_line_their_pattern_matches()
    {
        var lines = Load().SelectMany(c => c.Text.Split('\n'))
            .Concat(Directory.EnumerateFiles(TestData.Samples, "*.txt").SelectMany(File.ReadLines))
            .Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        var filtered = LanguageData.LoadEnglish().FurnitureRules.Where(r => r.Requires is not null || r.EndsWithout is not null).ToList();
        Assert.NotEmpty(filtered);
        var matches = 0;
        foreach (var rule in filtered)
        {
            foreach (var line in lines)
            {
                var m = rule.Pattern.Match(line);
                if (!m.Success || m.Index != 0 || m.Length == 0)
                    continue;
                matches++;
                Assert.True(rule.MayMatch(line), $"{rule.Kind} rule /{rule.Pattern}/ matches but its prefilter excludes: {line}");
            }
        }
        Assert.True(matches > 10, $"only {matches} lines matched a prefiltered rule: the check would prove nothing");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Furniture(Case c)
    {
        var result = Detector.Detect(c.Text, c.Title, c.Outlet);
        var found = result.Furniture.Select(f => (Text: c.Text[f.Span.Start..f.Span.End], f.Kind, f.Span)).ToList();
        var shown = string.Join("; ", found.Select(f => $"{f.Kind}: \"{f.Text}\""));

        foreach (var e in c.Furniture ?? [])
        {
            var kind = Enum.Parse<FurnitureKind>(e.Kind, ignoreCase: true);
            Assert.True(found.Any(f => f.Text == e.Text && f.Kind == kind),
                $"{c.Name}: expected {kind} \"{e.Text}\"; found [{shown}]");
        }

        foreach (var sentence in c.NotFurniture ?? [])
        {
            var start = c.Text.IndexOf(sentence, StringComparison.Ordinal);
            Assert.True(start >= 0, $"{c.Name}: notFurniture sentence not in the text: \"{sentence}\"");
            var end = start + sentence.Length;
            var overlapping = found.Where(f => f.Span.Start < end && start < f.Span.End).ToList();
            Assert.True(overlapping.Count == 0,
                $"{c.Name}: \"{sentence}\" is covered by {string.Join("; ", overlapping.Select(f => $"{f.Kind}: \"{f.Text}\""))}");
        }

        if (c.Published is { } published)
            Assert.Equal(published, result.Published?.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        if (c.FoundOutlet is { } outlet)
            Assert.Equal(outlet, result.Outlet);
        if (c.FoundUrl is { } url)
            Assert.Equal(url, result.Url);
        if (c.NoPublished)
            Assert.Null(result.Published);
        // "MM-DD": the day a dateline gave without its year.
        if (c.DatelineDay is { } day)
            Assert.Equal(day, result.DatelineDay is { } d ? $"{d.Month:00}-{d.Day:00}" : null);
        if (c.Heading is { } heading)
            Assert.Equal(heading, result.Heading is { } h ? c.Text[h.Start..h.End] : null);
        if (c.NoHeading)
            Assert.Null(result.Heading);
    }

    [Fact]
    public void A_line_of_many_hyphened_parts_is_read_without_failing()
    {
        // A hyphen may stand inside a byline's word or between its parts: a line of many such parts that is no byline
        // must neither be one nor fail the page (the patterns' alternatives would otherwise be tried 2^n ways).
        var line = "By Ann Lee, " + string.Join('-', Enumerable.Repeat("2024", 40)) + " x";
        var text = line + "\n\nThe river rose overnight, officials said.";
        var result = Detector.Detect(text, null, null);
        Assert.DoesNotContain(result.Furniture, f => f.Kind == FurnitureKind.Byline);
    }

    [Fact]
    public void FurnitureSpansLieInsideTheText()
    {
        foreach (var c in Load())
        {
            foreach (var f in Detector.Detect(c.Text, c.Title, c.Outlet).Furniture)
                Assert.InRange(f.Span.End, f.Span.Start + 1, c.Text.Length);
        }
    }
}
