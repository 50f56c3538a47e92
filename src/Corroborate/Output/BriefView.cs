using System.Collections.Immutable;
using System.Globalization;
using Corroborate.Model;
using Corroborate.Reconcile;
using Corroborate.Text;

namespace Corroborate.Output;

/// <summary>One figure as a row of the brief: who gives it, when, where it was read, and the sentence it stands in.</summary>
public sealed record FigureRow(string ClaimId, decimal Value, decimal? Low, decimal? High, Hedge Hedge, string Who, DateOnly? When, string Outlet, string Doc, string Evidence);

/// <summary>A claim group as the brief shows it.</summary>
public sealed record GroupView(ClaimGroup Group, ImmutableArray<FigureRow> Rows);

/// <summary>One quotation as the brief shows it: the words, every article that carries them, and those articles' outlets (the document id where none is known).</summary>
public sealed record QuoteView(string Text, QuoteKind Kind, ImmutableArray<string> Docs, ImmutableArray<string> Outlets);

/// <summary>
/// What one speaker is quoted as saying: each distinct quotation once, with every article that
/// carries it (the same words relayed by several outlets are one statement, not several).
/// </summary>
public sealed record SpeakerQuotes(string Speaker, ImmutableArray<QuoteView> Quotes);

/// <summary>A person or organisation of the story, with roles and how often it is mentioned.</summary>
public sealed record EntityView(string Name, EntityKind Kind, ImmutableArray<string> Roles, int Mentions, int Articles);

/// <summary>Everything the brief shows of one story, prepared once for the Markdown and HTML renderers.</summary>
public sealed record StoryView(
    Story Story, int Outlets, int Origins, ImmutableArray<string> Summary, ImmutableArray<GroupView> Groups,
    ImmutableArray<SpeakerQuotes> Quotes, ImmutableArray<EntityView> Entities, ImmutableArray<TimelineEvent> Timeline,
    ImmutableArray<(string Doc, string Text)> OffTopic, IReadOnlyDictionary<FurnitureKind, int> Furniture)
{
    public static IReadOnlyList<StoryView> Build(IReadOnlyList<Story> stories, Reconciliation r)
    {
        var claims = r.Claims.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var outletOf = stories.SelectMany(s => s.Documents).ToDictionary(d => d.Id, d => d.Outlet ?? d.Id, StringComparer.Ordinal);
        var groupsByStory = r.Groups.ToLookup(g => g.Story, StringComparer.Ordinal);
        var docStory = stories.SelectMany(s => s.Documents.Select(d => (d.Id, s.Id))).ToDictionary(x => x.Item1, x => x.Item2, StringComparer.Ordinal);
        var quotesByStory = r.Quotes.ToLookup(q => docStory.GetValueOrDefault(q.Doc, ""), StringComparer.Ordinal);
        var timelineByStory = r.Timeline.ToLookup(t => t.Story, StringComparer.Ordinal);
        var entitiesByStory = r.Entities.Entities.ToLookup(e => docStory.GetValueOrDefault(e.Mentions[0].Doc, ""), StringComparer.Ordinal);

        return stories.Select(story =>
        {
            var docs = story.Documents.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
            var groups = groupsByStory[story.Id]
                // Ties keep the groups' own order (a stable sort): their ids are numbers, and "g10" sorts before "g9" as text.
                .OrderByDescending(g => g.IndependentSources).ThenByDescending(g => g.Members.Length)
                .Select(g => new GroupView(g, [.. g.Members.Select(id => claims[id]).Select(c => new FigureRow(
                    c.Id, c.Quantity.Value, c.Quantity.Low, c.Quantity.High, c.Quantity.Hedge, r.SourceName(c.SourceLabel),
                    c.Published, outletOf.GetValueOrDefault(c.Doc, c.Doc), c.Doc, r.ClaimSentences.GetValueOrDefault(c.Id, c.Text)))]))
                .ToImmutableArray();
            var quotes = quotesByStory[story.Id]
                .Where(q => q.Quote.Speaker is not null)
                .GroupBy(q => r.SourceName(r.Entities.EntityFor(q.Doc, q.Quote.Speaker!) ?? q.Quote.Speaker!.Text), StringComparer.Ordinal)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new SpeakerQuotes(g.Key, [.. g
                    .GroupBy(q => QuoteKey(q.Text), StringComparer.Ordinal)
                    .Select(same => new QuoteView(same.First().Text, same.First().Quote.Kind,
                        [.. same.Select(q => q.Doc).Distinct(StringComparer.Ordinal)],
                        [.. same.Select(q => outletOf.GetValueOrDefault(q.Doc, q.Doc)).Distinct(StringComparer.Ordinal)]))]))
                .ToImmutableArray();
            var entities = entitiesByStory[story.Id]
                .Where(e => e.Kind is EntityKind.Person or EntityKind.Organization)
                .Select(e => new EntityView(e.Name, e.Kind, e.Roles, e.Mentions.Count(m => docs.Contains(m.Doc)), e.Mentions.Where(m => docs.Contains(m.Doc)).Select(m => m.Doc).Distinct().Count()))
                .OrderByDescending(e => e.Articles).ThenByDescending(e => e.Mentions).ThenBy(e => e.Name, StringComparer.Ordinal)
                .ToImmutableArray();
            var offTopic = story.Documents.SelectMany(d => r.OffTopicOf(d.Id).Select(s => (d.Id, s))).ToList();
            var origins = story.Documents.Select(d => r.Origins.FirstOrDefault(o => o.Docs.Contains(d.Id))?.Docs[0] ?? d.Id).Distinct(StringComparer.Ordinal).Count();
            var outlets = story.Documents.Select(d => d.Outlet ?? d.Id).Distinct(StringComparer.Ordinal).Count();
            var furniture = story.Documents.SelectMany(d => d.Furniture).GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.Sum(kv => kv.Value));
            return new StoryView(story, outlets, origins, Summarize(story, outlets, origins, groups, r), groups, quotes, entities,
                [.. timelineByStory[story.Id]], [.. offTopic.Select(x => (x.Item1, r.OffTopicPreviews.GetValueOrDefault((x.Item1, x.s), "")))], furniture);
        }).ToList();
    }

    /// <summary>A few sentences: how many reports, and the leading figures with their verdicts.</summary>
    private static ImmutableArray<string> Summarize(Story story, int outlets, int origins, ImmutableArray<GroupView> groups, Reconciliation r)
    {
        var lines = ImmutableArray.CreateBuilder<string>();
        var span = story.First is null ? "" : story.First == story.Last ? $" on {Iso(story.First.Value)}" : $" from {Iso(story.First.Value)} to {Iso(story.Last!.Value)}";
        lines.Add($"{Count(story.Documents.Count, "report")} from {Count(outlets, "outlet")}{span}, {Count(origins, "independent origin")}.");
        foreach (var g in groups.Where(g => g.Rows.Length > 1 || g.Group.IndependentSources > 1).Take(4))
        {
            var c = g.Group.Consensus;
            var range = c.Low == c.High ? "" : $" (figures from {Number(c.Low)} to {Number(c.High)})";
            var who = g.Group.Values.Select(v => $"{Hedged(v.Value, v.Hedge)} per {string.Join(", ", v.Sources.Select(r.SourceName).DefaultIfEmpty("the outlets"))}");
            lines.Add($"{Capitalize(g.Group.Label)}: {Number(c.Value)}{range}; {Verdict(g.Group.Verdict)}, {Count(g.Group.IndependentSources, "independent source")}. {string.Join("; ", who)}.");
        }
        return lines.ToImmutable();
    }

    public static string Verdict(Verdict v) => v switch
    {
        Reconcile.Verdict.Corroborated => "corroborated",
        Reconcile.Verdict.Disputed => "disputed",
        _ => "single source",
    };

    public static string Hedged(decimal value, Hedge hedge) => hedge switch
    {
        Hedge.Approx => "about " + Number(value),
        Hedge.Above => "over " + Number(value),
        Hedge.Below => "nearly " + Number(value),
        Hedge.AtLeast => "at least " + Number(value),
        Hedge.UpTo => "up to " + Number(value),
        _ => Number(value),
    };

    public static string Number(decimal v) =>
        v >= 1_000_000_000 && v % 10_000_000 == 0 ? (v / 1_000_000_000).ToString("0.##", CultureInfo.InvariantCulture) + " billion"
        : v >= 1_000_000 && v % 10_000 == 0 ? (v / 1_000_000).ToString("0.##", CultureInfo.InvariantCulture) + " million"
        : v.ToString("#,0.##", CultureInfo.InvariantCulture);

    /// <summary>Quotations that differ only in case, spacing or closing punctuation ("…at this time," / "…at this time.") are the same words.</summary>
    private static string QuoteKey(string text) => Whitespace.CollapseLower(text, ".,;:!? '\"’”");

    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
