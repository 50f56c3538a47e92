using Corroborate.Model;

namespace Corroborate.Pipeline;

/// <summary>
/// Gives a report whose dateline has no year ("SELDAN, July 13 (CPA) -", as wire copy writes it) and that
/// nothing else dates the year of the reports around it in the stream: the year that puts its day nearest
/// the median publication date of the latest dated arrivals before it or the first dated arrival after it
/// (in a mixed stream the report before may be another story's, months away; the next is often its own).
/// The report is analyzed again with that date, so its "on Monday" resolves and its story is dated. It waits
/// for the next dated report, and the reports after it wait with it, so they leave in the order they came
/// (at most <see cref="MaxWaiting"/> wait; past that, or at the stream's end, it is dated by the reports
/// before it, else goes on undated). Deterministic for the same input; not thread-safe: one per run, fed in
/// input order.
/// </summary>
public sealed class DatelineYears<T>(DocumentPipeline pipeline) where T : notnull
{
    /// <summary>Reports that wait for a dated one, at most: memory stays bounded.</summary>
    public const int MaxWaiting = 256;

    private const int Recent = 63;
    /// <summary>
    /// Days past the latest dated arrival around it a report's inferred date may fall: a mixed stream may bring a
    /// story's reports weeks after another story's (eval/mixed.sh: two days split a corpus whose wire report came
    /// six weeks after its neighbour's), but half a year ahead is last year's day, not next year's.
    /// </summary>
    private const int LateDays = 62;
    private readonly RecentDates _recent = new(Recent);
    private readonly Queue<(T Item, NewsDocument Original, AnalyzedDocument Analyzed)> _waiting = new();

    /// <summary>
    /// The reports ready to go on after <paramref name="analyzed"/> arrives, in input order: none while a
    /// report without its year waits; then those that waited and this one.
    /// </summary>
    public IEnumerable<(T Item, AnalyzedDocument Analyzed)> Feed(T item, NewsDocument original, AnalyzedDocument analyzed)
    {
        var dated = analyzed.Document.Published is { From: not PublishedFrom.Content } published ? published.Date : (DateOnly?)null;
        if (_waiting.Count == 0 && !IsYearless(analyzed))
        {
            if (dated is { } d)
                _recent.Add(d);
            yield return (item, analyzed);
            yield break;
        }
        if (dated is null)
        {
            _waiting.Enqueue((item, original, analyzed));
            if (_waiting.Count > MaxWaiting)
                yield return Release(_waiting.Dequeue(), next: null);
            yield break;
        }
        while (_waiting.TryDequeue(out var w))
            yield return Release(w, dated);
        _recent.Add(dated.Value);
        yield return (item, analyzed);
    }

    /// <summary>At the stream's end: those still waiting, dated by the reports before them when there were any.</summary>
    public IEnumerable<(T Item, AnalyzedDocument Analyzed)> Flush()
    {
        while (_waiting.TryDequeue(out var w))
            yield return Release(w, next: null);
    }

    private static bool IsYearless(AnalyzedDocument a) =>
        a.DatelineDay is not null && a.Document.Published is null or { From: PublishedFrom.Content };

    private (T Item, AnalyzedDocument Analyzed) Release((T Item, NewsDocument Original, AnalyzedDocument Analyzed) w, DateOnly? next)
    {
        if (!IsYearless(w.Analyzed))
            return (w.Item, w.Analyzed);
        // A wire report comes out no later than the reports around it, give or take the gaps of a mixed stream.
        DateOnly? latest = _recent.Latest() is { } before && (next is null || before > next) ? before : next;
        if (latest is null)
            return (w.Item, w.Analyzed);
        DateOnly[] anchors = [.. new[] { _recent.Median(), next }.OfType<DateOnly>()];
        return w.Analyzed.DatelineDay!.Value.Nearest(anchors, latest.Value.AddDays(LateDays)) is { } date
            ? (w.Item, pipeline.Run(w.Original with { Published = new Published(date, null, PublishedFrom.Dateline) }))
            : (w.Item, w.Analyzed);
    }
}
