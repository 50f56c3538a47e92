using Corroborate.Extraction.Times;
using System.Collections.Immutable;
using Corroborate.Model;
using Corroborate.Pipeline;
using Corroborate.Text;

namespace Corroborate.Reconcile;

/// <summary>A quotation as the cross-article sections keep it.</summary>
public sealed record QuoteRecord(string Id, string Doc, Quote Quote, string Text);

/// <summary>A temporal expression as the cross-article sections keep it.</summary>
public sealed record TimeRecord(string Doc, TimeExpression Time, string Text);

/// <summary>
/// How many quantities, quotations, entities and groups earlier reconciliations of the same
/// dossier have numbered (or may number at most), so that ids stay unique when stories are
/// reconciled one at a time or several at once.
/// </summary>
public sealed record DossierIds(int Quantities = 0, int Quotes = 0, int Entities = 0, int Groups = 0)
{
    public DossierIds Plus(DossierIds more) =>
        new(Quantities + more.Quantities, Quotes + more.Quotes, Entities + more.Entities, Groups + more.Groups);
}

/// <summary>The reconciled picture: everything the dossier's cross-article sections and the brief show.</summary>
public sealed record Reconciliation(
    EntityResolver Entities,
    IReadOnlyList<TimeRecord> Times,
    IReadOnlyList<Claim> Claims,
    IReadOnlyDictionary<string, string> GroupOfClaim,
    IReadOnlyList<QuoteRecord> Quotes,
    IReadOnlyList<ClaimGroup> Groups,
    IReadOnlyList<SharedOrigin> Origins,
    IReadOnlyDictionary<string, ImmutableArray<TextSpan>> OffTopic,
    IReadOnlyList<TimelineEvent> Timeline,
    IReadOnlyDictionary<string, string> ClaimSentences,
    IReadOnlyDictionary<(string Doc, TextSpan Span), string> OffTopicPreviews,
    DossierIds Next)
{
    /// <summary>The display name of a source: the entity's name when it resolved to one, else the text as written.</summary>
    public string SourceName(string? label) =>
        label is null ? "the outlet itself" : _entityNames.GetValueOrDefault(label) ?? label;

    private readonly Dictionary<string, string> _entityNames = Entities.Entities.ToDictionary(e => e.Id, e => e.Name, StringComparer.Ordinal);

    public ImmutableArray<TextSpan> OffTopicOf(string doc) => OffTopic.TryGetValue(doc, out var spans) ? spans : [];
}

/// <summary>
/// Collects what each analyzed article gives the cross-article steps (claims, quotations,
/// mentions, dated sentences, shingles, paragraph terms) without keeping its text, then
/// reconciles: entities across articles, shared origins, off-topic passages, claim groups with
/// consensus and verdict, and the timeline. Not thread-safe: one reconciler per story (or per run), fed in order.
/// </summary>
public sealed class Reconciler(ReconcileLexicon lexicon, DossierIds? numbered = null)
{
    private readonly DossierIds _numbered = numbered ?? new DossierIds();
    private readonly OriginTracker _origins = new(lexicon);
    private readonly OffTopicFinder _offTopic = new(lexicon);
    private readonly TimelineBuilder _timeline = new(lexicon);
    private readonly List<MentionRecord> _mentions = [];
    private readonly List<(string Doc, string Story, HeadReferences.Unresolved Kind, string Text)> _unresolved = [];
    private readonly List<TimeRecord> _times = [];
    private readonly List<QuoteRecord> _quotes = [];
    private readonly List<(string Id, string Doc, string Story, Quantity Quantity, string Text, DateOnly? Published, string? Outlet)> _quantities = [];
    // The sentence each figure stands in: the evidence a reader checks in the brief.
    private readonly Dictionary<string, string> _sentences = new(StringComparer.Ordinal);

    public void Observe(AnalyzedDocument a, string story)
    {
        var doc = a.Document.Id;
        _origins.Observe(a, story);
        _offTopic.Observe(a, story);
        _timeline.Observe(a, story);
        foreach (var m in a.Entities.IsDefault ? [] : a.Entities)
            _mentions.Add(new MentionRecord(doc, story, m, m.Span.Of(a.Text)));
        // "the directorate" after "the Civil Protection Directorate": one more name of it. "The labour ministry" in a
        // report that names no ministry waits for the story's other reports.
        foreach (var (m, unresolved) in HeadReferences.Read(a, lexicon))
        {
            if (m is not null)
                _mentions.Add(new MentionRecord(doc, story, m, m.Span.Of(a.Text), Description: true));
            else if (unresolved is not null)
                _unresolved.Add((doc, story, unresolved, unresolved.Span.Of(a.Text)));
        }
        foreach (var t in a.Times.IsDefault ? [] : a.Times)
            _times.Add(new TimeRecord(doc, t, t.Span.Of(a.Text)));
        foreach (var q in a.Quotes.IsDefault ? [] : a.Quotes)
            _quotes.Add(new QuoteRecord($"u{_numbered.Quotes + _quotes.Count + 1}", doc, q, q.Span.Of(a.Text)));
        foreach (var q in a.Quantities.IsDefault ? [] : a.Quantities)
        {
            var id = $"q{_numbered.Quantities + _quantities.Count + 1}";
            _quantities.Add((id, doc, story, q, q.Span.Of(a.Text), a.Document.Published?.Date, a.Document.Outlet));
            _sentences[id] = Whitespace.Collapse(SentenceSpan(a.Sentences, q.Span).SliceOf(a.Text));
        }
    }

    /// <summary>Days before a story's first report that a dated figure must end to be about an earlier event.</summary>
    private const int BackgroundDays = 31;

    /// <summary>The last day a date value ("2005", "2014-02", "2014-02-06") covers; null for weeks, seasons and the like.</summary>
    private static DateOnly? LastDayOf(string when)
    {
        var c = System.Globalization.CultureInfo.InvariantCulture;
        var n = System.Globalization.NumberStyles.None;
        if (when.Length == 4 && int.TryParse(when, n, c, out var y) && y is > 1000 and < 3000)
            return new DateOnly(y, 12, 31);
        if (when.Length == 7 && when[4] == '-' && int.TryParse(when.AsSpan(0, 4), n, c, out y) && int.TryParse(when.AsSpan(5, 2), n, c, out var m) && y is > 1000 and < 3000 && m is >= 1 and <= 12)
            return new DateOnly(y, m, DateTime.DaysInMonth(y, m));
        return Timex.DayOf(when);
    }

    /// <summary>The first sentence the figure overlaps, else the figure's own span.</summary>
    private static TextSpan SentenceSpan(ImmutableArray<Sentence> sentences, TextSpan figure)
    {
        if (!sentences.IsDefault)
            foreach (var s in sentences)
                if (s.Span.Overlaps(figure))
                    return s.Span;
        return figure;
    }

    public Reconciliation Complete()
    {
        // "the labour ministry" where another report of the story names the Ministry of Labour and Employment: the one
        // organisation of the story whose name holds both words.
        var organisations = _unresolved.Count == 0 ? [] : _mentions.Where(m => m.Mention.Kind == EntityKind.Organization && !m.Description)
            .GroupBy(m => m.Story, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(m => m.Mention.Name).Distinct(StringComparer.OrdinalIgnoreCase).ToList(), StringComparer.Ordinal);
        var described = new List<MentionRecord>();
        foreach (var (doc, story, kind, text) in _unresolved)
            if (organisations.TryGetValue(story, out var names) && HeadReferences.OneHolding(names, kind.Words) is { } name)
                described.Add(new MentionRecord(doc, story, new EntityMention(kind.Span, EntityKind.Organization, name), text, Description: true));
        var entities = new EntityResolver(_mentions.Concat(described), _numbered.Entities, lexicon);
        var offTopic = _offTopic.Find();
        var measures = new MeasureNames(entities, _mentions);
        var claims = _quantities.Select(q =>
        {
            var entity = q.Quantity.Source is { } s ? entities.EntityFor(q.Doc, s) : null;
            var label = entity ?? q.Quantity.Source?.Text;
            var key = entity ?? (q.Quantity.Source is { } src ? Whitespace.CollapseLower(src.Text) : null);
            // "killed in Kessler-Vance …", "31 people in Dalton Ridge Memorial Hospital": the figure's "where" read from
            // the words names an organisation of the story, which is no place to tell its figures apart by.
            var quantity = q.Quantity.Where is { } where && entities.NamesOrganisationOnly(q.Story, where) ? q.Quantity with { Where = null } : q.Quantity;
            return new Claim(q.Id, q.Doc, q.Story, quantity, q.Text, q.Published, q.Outlet, _origins.OriginOf(q.Doc), key, label, measures.Measure(q.Story, quantity.Subject));
        }).ToList();
        bool OffTopic(Claim c) => offTopic.TryGetValue(c.Doc, out var spans) && spans.Any(s => s.Overlaps(c.Quantity.Span));
        // A person whose fate one article leaves open ("a man was shot") is, in a story whose other
        // articles report a death, most often that death: presumed injuries then stay out of the groups.
        var deadIn = claims.Where(c => c.Quantity.Unit == "killed" && !OffTopic(c)).Select(c => c.Story).ToHashSet(StringComparer.Ordinal);
        // A figure its sentence dates well before the story's first report is about an earlier event
        // ("in 2005, four others were killed in a rampage"): background, not a figure of this story. Not a sum of money,
        // whose date is the period it measures ("exports worth $4.2 billion last year"); a share may be background ("the
        // murder rate rose 20 percent last year").
        var began = claims.Where(c => c.Published is not null).GroupBy(c => c.Story, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Min(c => c.Published!.Value), StringComparer.Ordinal);
        bool Earlier(Claim c) => c.Quantity.When is { } when && !(lexicon.MeasuredUnits.Contains(c.Quantity.Unit ?? "") && c.Quantity.Unit is not ("percent" or "percentage points")) && LastDayOf(when) is { } last
            && began.TryGetValue(c.Story, out var first) && last.DayNumber < first.DayNumber - BackgroundDays;
        var groups = new ClaimGrouper(lexicon).Group(claims.Where(c => !OffTopic(c) && !Earlier(c) && !(c.Quantity.Presumed && deadIn.Contains(c.Story))), _numbered.Groups);
        var groupOf = groups.SelectMany(g => g.Members.Select(m => (m, g.Id))).ToDictionary(x => x.m, x => x.Id, StringComparer.Ordinal);
        return new Reconciliation(entities, _times, claims, groupOf, _quotes, groups, _origins.Origins(), offTopic, _timeline.Build(offTopic), _sentences, _offTopic.Previews,
            new DossierIds(_numbered.Quantities + _quantities.Count, _numbered.Quotes + _quotes.Count, _numbered.Entities + entities.Entities.Length, _numbered.Groups + groups.Count));
    }

}
