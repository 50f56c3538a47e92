using Corroborate.Model;

namespace Corroborate.Pipeline;

/// <summary>
/// Gives a report whose dateline has no year ("SELDAN, July 13 (CPA) -", as wire copy writes it) and that
/// nothing else dates the year of the reports around it in the stream: the year that puts its day nearest
/// a dated report around it — the median publication date of the latest dated arrivals before it, or one of
/// the <see cref="DatedAfter"/> dated reports after it (in a mixed stream the report next to it may be
/// another story's, a year away; its own story's are among the few after it). The report is analyzed
/// again with that date, so its "on Monday" resolves and its story is dated. It waits for those reports,
/// and the reports after it wait with it, so they leave in the order they came (at most
/// <see cref="MaxWaiting"/> wait; past that, or at the stream's end, it is dated by the reports there are,
/// else goes on undated). Deterministic for the same input; not thread-safe: one per run, fed in input order.
/// </summary>
public sealed class DatelineYears<T>(DocumentPipeline pipeline) where T : notnull
{
    /// <summary>Reports that wait for dated ones, at most: memory stays bounded.</summary>
    public const int MaxWaiting = 256;

    /// <summary>Dated reports after a report without its year that it waits for.</summary>
    public const int DatedAfter = 3;

    private const int Recent = 63;
    /// <summary>
    /// Days past the latest dated arrival around it a report's inferred date may fall: a mixed stream may bring a
    /// story's reports weeks after another story's (eval/mixed.sh: two days split a corpus whose wire report came
    /// six weeks after its neighbour's), but half a year ahead is last year's day, not next year's.
    /// </summary>
    private const int LateDays = 62;
    private readonly RecentDates _recent = new(Recent);
    private readonly List<Waiting> _waiting = [];
    // Dated reports queued after the last report without its year.
    private int _datedAfterLast;

    private sealed record Waiting(T Item, NewsDocument Original, AnalyzedDocument Analyzed, DateOnly? Date, bool Yearless);

    /// <summary>
    /// The reports ready to go on after <paramref name="analyzed"/> arrives, in input order: none while a
    /// report without its year waits; then those that waited and this one. Done at once, not as the list is read.
    /// </summary>
    public IReadOnlyList<(T Item, AnalyzedDocument Analyzed)> Feed(T item, NewsDocument original, AnalyzedDocument analyzed)
    {
        var dated = analyzed.Document.Published is { From: not PublishedFrom.Content } published ? published.Date : (DateOnly?)null;
        var yearless = IsYearless(analyzed);
        if (_waiting.Count == 0 && !yearless)
        {
            if (dated is { } d)
                _recent.Add(d);
            return [(item, analyzed)];
        }
        _waiting.Add(new Waiting(item, original, analyzed, dated, yearless));
        _datedAfterLast = yearless ? 0 : _datedAfterLast + (dated is null ? 0 : 1);
        if (_datedAfterLast >= DatedAfter)
            return Release(_waiting.Count);
        if (_waiting.Count <= MaxWaiting)
            return [];
        // The oldest goes on with the reports there are; those behind it that need no year need not wait.
        var n = 1;
        while (n < _waiting.Count && !_waiting[n].Yearless)
            n++;
        return Release(n);
    }

    /// <summary>At the stream's end: those still waiting, dated by the reports around them when there are any.</summary>
    public IReadOnlyList<(T Item, AnalyzedDocument Analyzed)> Flush() => Release(_waiting.Count);

    private static bool IsYearless(AnalyzedDocument a) =>
        a.DatelineDay is not null && a.Document.Published is null or { From: PublishedFrom.Content };

    /// <summary>The first <paramref name="count"/> waiting reports, in order, each without its year dated by the reports around it.</summary>
    private List<(T Item, AnalyzedDocument Analyzed)> Release(int count)
    {
        var output = new List<(T, AnalyzedDocument)>(count);
        for (var k = 0; k < count; k++)
        {
            var w = _waiting[k];
            if (w.Date is { } d)
                _recent.Add(d);
            output.Add(w.Yearless ? Dated(w, [.. _waiting.Skip(k + 1).Select(x => x.Date).OfType<DateOnly>().Take(DatedAfter)]) : (w.Item, w.Analyzed));
        }
        _waiting.RemoveRange(0, count);
        if (_waiting.Count == 0)
            _datedAfterLast = 0;
        return output;
    }

    private (T Item, AnalyzedDocument Analyzed) Dated(Waiting w, List<DateOnly> next)
    {
        List<DateOnly> anchors = [.. next];
        if (_recent.Median() is { } median)
            anchors.Insert(0, median);
        if (anchors.Count == 0)
            return (w.Item, w.Analyzed);
        // A wire report comes out no later than the reports around it, give or take the gaps of a mixed stream.
        var latest = anchors.Max();
        if (_recent.Latest() is { } before && before > latest)
            latest = before;
        var notAfter = latest.DayNumber <= DateOnly.MaxValue.DayNumber - LateDays ? latest.AddDays(LateDays) : DateOnly.MaxValue;
        return w.Analyzed.DatelineDay!.Value.Nearest([.. anchors], notAfter) is { } date
            ? (w.Item, pipeline.Run(w.Original with { Published = new Published(date, null, PublishedFrom.Dateline) }))
            : (w.Item, w.Analyzed);
    }
}
