using Corroborate.Model;

namespace Corroborate.Pipeline;

/// <summary>
/// Gives a report whose dateline has no year ("SELDAN, July 13 (CPA) -", as wire copy writes it) and that
/// nothing else dates the year of the reports around it in the stream: the year that puts its day nearest
/// the median publication date of the latest dated arrivals. The report is analyzed again with that date,
/// so its "on Monday" resolves and its story is dated. One that comes before any dated report waits for
/// the first (at most <see cref="MaxWaiting"/> wait; past that, or at the stream's end, they go on
/// undated), so reports may leave in another order than they came. Deterministic for the same input;
/// not thread-safe: one per run, fed in input order.
/// </summary>
public sealed class DatelineYears<T>(DocumentPipeline pipeline) where T : notnull
{
    /// <summary>Reports that wait for a dated one, at most: memory stays bounded.</summary>
    public const int MaxWaiting = 256;

    private const int Recent = 63;
    /// <summary>
    /// Days past the latest dated arrival a report's inferred date may fall: a mixed stream may bring a story's
    /// reports weeks after another story's (eval/mixed.sh: two days split a corpus whose wire report came
    /// six weeks after its neighbour's), but half a year ahead is last year's day, not next year's.
    /// </summary>
    private const int LateDays = 62;
    private readonly RecentDates _recent = new(Recent);
    private readonly Queue<(T Item, NewsDocument Original, AnalyzedDocument Analyzed)> _waiting = new();

    /// <summary>
    /// The reports ready to go on after <paramref name="analyzed"/> arrives, in order: none while it waits; it,
    /// then those that waited, once it is dated.
    /// </summary>
    public IEnumerable<(T Item, AnalyzedDocument Analyzed)> Feed(T item, NewsDocument original, AnalyzedDocument analyzed)
    {
        if (IsYearless(analyzed))
        {
            if (!_recent.IsEmpty)
            {
                yield return (item, Dated(original, analyzed));
                yield break;
            }
            _waiting.Enqueue((item, original, analyzed));
            if (_waiting.Count > MaxWaiting)
            {
                var (oldest, _, undated) = _waiting.Dequeue();
                yield return (oldest, undated);
            }
            yield break;
        }
        if (analyzed.Document.Published is { From: not PublishedFrom.Content } published)
            _recent.Add(published.Date);
        yield return (item, analyzed);
        if (!_recent.IsEmpty)
        {
            while (_waiting.TryDequeue(out var w))
                yield return (w.Item, Dated(w.Original, w.Analyzed));
        }
    }

    /// <summary>At the stream's end: those still waiting, undated.</summary>
    public IEnumerable<(T Item, AnalyzedDocument Analyzed)> Flush()
    {
        while (_waiting.TryDequeue(out var w))
            yield return (w.Item, w.Analyzed);
    }

    private static bool IsYearless(AnalyzedDocument a) =>
        a.DatelineDay is not null && a.Document.Published is null or { From: PublishedFrom.Content };

    private AnalyzedDocument Dated(NewsDocument original, AnalyzedDocument analyzed)
    {
        // A wire report comes out no later than the reports around it, give or take the gaps of a mixed stream.
        var latest = _recent.Latest()!.Value.AddDays(LateDays);
        return analyzed.DatelineDay!.Value.Nearest(_recent.Median()!.Value, latest) is { } date
            ? pipeline.Run(original with { Published = new Published(date, null, PublishedFrom.Dateline) })
            : analyzed;
    }
}
