using System.Collections.Immutable;
using Corroborate.Model;

namespace Corroborate.Reconcile;

/// <summary>An entity resolved across documents, with every mention of it.</summary>
public sealed record ResolvedEntity(
    string Id, EntityKind Kind, string Name, ImmutableArray<string> Aliases, ImmutableArray<string> Roles,
    ImmutableArray<(string Doc, TextSpan Span, string Text)> Mentions);

/// <summary>One mention as the resolver sees it: which document and story, and the text written.</summary>
public sealed record MentionRecord(string Doc, string Story, EntityMention Mention, string Text);

/// <summary>
/// Resolves mentions to entities across the documents of each story: mentions whose in-article
/// names agree (after each article has resolved surnames to full names) are one entity.
/// Deterministic: ids follow first appearance. Immutable once built; thread-safe.
/// </summary>
public sealed class EntityResolver
{
    private readonly Dictionary<(string Doc, TextSpan Span), string> _byMention = [];
    private readonly Dictionary<string, List<(TextSpan Span, EntityKind Kind, string Id)>> _byDoc = new(StringComparer.Ordinal);

    public EntityResolver(IEnumerable<MentionRecord> mentions)
    {
        var entities = new List<(string Id, EntityKind Kind, string Name, List<MentionRecord> Mentions)>();
        var index = new Dictionary<(string Story, EntityKind Kind, string Key), int>();
        foreach (var m in mentions)
        {
            var key = (m.Story, m.Mention.Kind, Key(m.Mention.Name));
            if (!index.TryGetValue(key, out var i))
            {
                i = entities.Count;
                index[key] = i;
                entities.Add(($"e{i + 1}", m.Mention.Kind, m.Mention.Name, []));
            }
            entities[i].Mentions.Add(m);
            _byMention[(m.Doc, m.Mention.Span)] = entities[i].Id;
            if (!_byDoc.TryGetValue(m.Doc, out var list))
                _byDoc[m.Doc] = list = [];
            list.Add((m.Mention.Span, m.Mention.Kind, entities[i].Id));
        }
        Entities = [.. entities.Select(e => new ResolvedEntity(
            e.Id, e.Kind, e.Name,
            [.. e.Mentions.Select(m => m.Text).Append(e.Name).Distinct(StringComparer.Ordinal).Where(a => a != e.Name)],
            [.. e.Mentions.Select(m => m.Mention.Role).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase)],
            [.. e.Mentions.Select(m => (m.Doc, m.Mention.Span, m.Text))]))];
    }

    public ImmutableArray<ResolvedEntity> Entities { get; }

    /// <summary>
    /// The entity an attribution names: a person mentioned inside its span if there is one (the
    /// last: "Pentagon spokesperson Sabrina Singh"), else any entity mentioned inside it.
    /// </summary>
    public string? EntityFor(string doc, TextSpan attribution)
    {
        if (!_byDoc.TryGetValue(doc, out var list))
            return null;
        string? best = null;
        var bestIsPerson = false;
        foreach (var (span, kind, id) in list)
        {
            if (!attribution.Overlaps(span))
                continue;
            var isPerson = kind == EntityKind.Person;
            if (best is null || isPerson || !bestIsPerson)
            {
                best = id;
                bestIsPerson = isPerson;
            }
        }
        return best;
    }

    private static string Key(string name) => string.Join(' ', name.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
