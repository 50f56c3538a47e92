using System.Collections.Immutable;
using Corroborate.Extraction.Times;
using Corroborate.Model;

namespace Corroborate.Pipeline;

/// <summary>
/// Resolves the relative times of a report that carries no date at all ("since Tuesday night", "by Wednesday
/// lunchtime") against the dates of its story's other reports. Its weekdays are read first against the story's
/// latest date; the report is taken to come out the day after the latest of them that lies behind it (news tells
/// what happened up to the day before), no later than the day after the story's latest report. A report that names
/// no weekday, or only weekdays a week or more before the story's first report, or in a story of more than a week, is
/// left as it is: nothing tells its day. The report stays undated (its publication date is unknown); only its times are resolved. Pure; thread-safe.
/// </summary>
public static class UndatedReports
{
    /// <summary>
    /// Days a story may span for its dates to tell an undated report's week: in a longer one the report may come from
    /// any of its weeks.
    /// </summary>
    private const int MaxStoryDays = 7;

    /// <summary>Days before the story's first report that the report's latest past weekday may fall.</summary>
    private const int EarlierDays = 6;

    /// <summary>
    /// The report analyzed again with its times resolved, or <paramref name="report"/> itself when it is dated, names no
    /// weekday, or the story has no dated report (<paramref name="first"/> and <paramref name="last"/> are its dates).
    /// </summary>
    public static AnalyzedDocument Anchored(AnalyzedDocument report, DateOnly? first, DateOnly? last, DocumentPipeline pipeline)
    {
        // (A dateline's day without its year has dated the report already wherever a dated report came near it in the
        // stream, as one of its story did.)
        if (report.Document.Published is not null || report.DatelineDay is not null || first is not { } earliest || last is not { } latest
            || latest.DayNumber - earliest.DayNumber > MaxStoryDays || report.Times.IsDefaultOrEmpty || !report.Times.Any(t => IsWeekday(t.Value)))
            return report;
        var read = Analyze(report, latest, pipeline);
        if (read is null)
            return report;
        // The weekdays it names that lie behind the story's latest day, as read against that day.
        DateOnly? behind = null;
        foreach (var (before, after) in report.Times.Zip(read.Times))
        {
            if (!IsWeekday(before.Value) || before.Span != after.Span || Timex.DayOf(after.Value) is not { } named || named > latest)
                continue;
            if (behind is null || named > behind)
                behind = named;
        }
        if (behind is not { } mentioned || mentioned.DayNumber < earliest.DayNumber - EarlierDays)
            return report;
        var day = mentioned.AddDays(1);
        if (day == latest)
            return read;
        return Analyze(report, day, pipeline) ?? report;
    }

    /// <summary>
    /// The report analyzed as if it came out on <paramref name="day"/>, its document left undated; null when the
    /// analysis finds other figures, quotations or names than the first did (a story's ids are counted from those).
    /// </summary>
    private static AnalyzedDocument? Analyze(AnalyzedDocument report, DateOnly day, DocumentPipeline pipeline)
    {
        var again = pipeline.Run(report.Document with { Published = new Published(day, null, PublishedFrom.Content) });
        if (Count(again.Quantities) != Count(report.Quantities) || Count(again.Quotes) != Count(report.Quotes)
            || Count(again.Entities) != Count(report.Entities) || Count(again.Times) != Count(report.Times))
            return null;
        return again with { Document = report.Document };
    }

    private static int Count<T>(ImmutableArray<T> items) => items.IsDefault ? 0 : items.Length;

    /// <summary>"XXXX-WXX-2", "XXXX-WXX-2TNI": a weekday the report could not date.</summary>
    private static bool IsWeekday(string value) => Timex.UndatedWeekday(value) > 0;
}
