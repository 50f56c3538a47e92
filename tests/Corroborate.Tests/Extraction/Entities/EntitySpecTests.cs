using System.Text.Json;
using Corroborate.Model;
using Xunit;

namespace Corroborate.Tests.Extraction.Entities;

/// <summary>One expected mention: the text as written and the name it resolves to (and the role and the written title, when given).</summary>
public sealed record MentionSpec(string Text, string Name, string? Role = null, string? Title = null);

/// <summary>
/// One case of <c>Specs/entities.json</c>: a passage of a real report and mentions a careful reader
/// finds in it; optionally organisations, and capitalized phrases that are no person ("Ford Explorer").
/// </summary>
public sealed record EntitySpec(string Name, string Source, string Text, IReadOnlyList<MentionSpec> People, IReadOnlyList<MentionSpec> Places,
    IReadOnlyList<MentionSpec>? Organizations = null, IReadOnlyList<string>? NotPeople = null)
{
    public override string ToString() => Name;
}

/// <summary>Drives the entity recognizer from the spec file: every expected mention is found, with its resolved name, and no person overlaps a phrase that is none.</summary>
public sealed class EntitySpecTests
{
    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    private static IReadOnlyList<EntitySpec> LoadSpecs()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Specs", "entities.json");
        return JsonSerializer.Deserialize<List<EntitySpec>>(File.ReadAllText(path), JsonOptions)
            ?? throw new InvalidDataException($"{path}: no cases");
    }

    public static TheoryData<EntitySpec> Specs()
    {
        var data = new TheoryData<EntitySpec>();
        foreach (var spec in LoadSpecs())
            data.Add(spec);
        return data;
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void Finds_the_people_and_places_a_reader_would(EntitySpec spec)
    {
        var mentions = ExtractionFixture.Run(spec.Text).Entities;
        Check(spec.Text, mentions, EntityKind.Person, spec.People);
        Check(spec.Text, mentions, EntityKind.Place, spec.Places);
        Check(spec.Text, mentions, EntityKind.Organization, spec.Organizations ?? []);
        foreach (var phrase in spec.NotPeople ?? [])
        {
            var start = spec.Text.IndexOf(phrase, StringComparison.Ordinal);
            Assert.True(start >= 0, $"notPeople phrase not in the text: '{phrase}'");
            var span = new TextSpan(start, start + phrase.Length);
            Assert.DoesNotContain(mentions, m => m.Kind == EntityKind.Person && m.Span.Start < span.End && span.Start < m.Span.End);
        }
    }

    [Fact]
    public void The_spec_file_has_cases_from_several_corpora()
    {
        var specs = LoadSpecs();
        Assert.True(specs.Count >= 100, $"only {specs.Count} cases");
        Assert.True(specs.Select(s => s.Source.Split(' ')[0]).Distinct().Count() >= 3);
    }

    private static void Check(string text, IEnumerable<EntityMention> mentions, EntityKind kind, IReadOnlyList<MentionSpec> expected)
    {
        var found = mentions.Where(m => m.Kind == kind).Select(m => (Text: m.Span.Of(text), m.Name, m.Role, m.Title)).ToList();
        foreach (var e in expected)
            Assert.True(found.Any(f => f.Text == e.Text && f.Name == e.Name && (e.Role is null || f.Role == e.Role) && (e.Title is null || f.Title == e.Title)),
                $"expected {kind} '{e.Text}' → '{e.Name}'{(e.Role is null ? "" : $" ({e.Role})")}{(e.Title is null ? "" : $" [{e.Title}]")}; found: {string.Join("; ", found)}");
    }
}
