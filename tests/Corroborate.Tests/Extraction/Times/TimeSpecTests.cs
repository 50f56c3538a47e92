using System.Globalization;
using System.Text.Json;
using Corroborate.Extraction.Times;
using Corroborate.Model;
using Xunit;

namespace Corroborate.Tests.Extraction.Times;

/// <summary>
/// Runs the cases in <c>Specs/times.json</c>: each text, resolved against its reference date,
/// yields exactly the expected expressions, in order, with their TIMEX3 values (and type and mod
/// where the case gives them).
/// </summary>
public sealed class TimeSpecTests
{
    internal static readonly TimeExtractor Extractor = new(TimeLexicon.LoadEnglish());

    public sealed record Expected(string Text, string Value, string? Type, string? Mod);

    public sealed record Case(string Name, string Text, string? Ref, Expected[] Expected, string? Source)
    {
        public override string ToString() => Name;
    }

    private sealed record SpecFile(Case[] Cases);

    private static Case[] Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Specs", "times.json");
        var file = JsonSerializer.Deserialize<SpecFile>(File.ReadAllText(path), new JsonSerializerOptions { PropertyNameCaseInsensitive = true })
            ?? throw new InvalidDataException($"{path}: empty");
        return file.Cases;
    }

    public static TheoryData<Case> Cases() => new(Load());

    [Fact]
    public void SpecHasEnoughCases() => Assert.True(Load().Length >= 250);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Time(Case c)
    {
        DateOnly? anchor = c.Ref is null ? null : DateOnly.ParseExact(c.Ref, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var found = Extractor.Extract(c.Text, anchor);
        var shown = string.Join("; ", found.Select(t => $"\"{t.Span.Of(c.Text)}\" = {t.Value} {t.Type} {t.Mod}"));
        Assert.True(found.Length == c.Expected.Length, $"{c.Name}: expected {c.Expected.Length} expressions, found [{shown}]");
        for (var i = 0; i < found.Length; i++)
        {
            var (t, e) = (found[i], c.Expected[i]);
            Assert.True(t.Span.Of(c.Text) == e.Text && t.Value == e.Value, $"{c.Name}: expected \"{e.Text}\" = {e.Value}; found [{shown}]");
            if (e.Type is not null)
                Assert.Equal(Enum.Parse<TimeType>(e.Type, ignoreCase: true), t.Type);
            if (e.Mod is not null)
                Assert.Equal(e.Mod, t.Mod);
        }
    }
}
