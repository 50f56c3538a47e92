namespace Corroborate.Model;

/// <summary>Where a document's publication date was found.</summary>
public enum PublishedFrom
{
    /// <summary>A metadata field: sidecar, JSON record, HTML meta tag, JSON-LD or feed.</summary>
    Metadata,
    /// <summary>A dateline at the head of the text, such as "date 2024-10-29 (Agency)".</summary>
    Dateline,
    /// <summary>The latest explicit date in the content.</summary>
    Content,
}

/// <summary>
/// A publication date with its provenance. <see cref="Moment"/> is set when the source gave a
/// time of day as well. Immutable; thread-safe.
/// </summary>
public sealed record Published(DateOnly Date, DateTimeOffset? Moment, PublishedFrom From)
{
    /// <summary>ISO 8601: the date-time when one was given, else the date.</summary>
    public string ToIso() => Moment is { } m
        ? m.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture)
        : Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A day of the year with no year, as a wire dateline writes it ("SELDAN, July 13 (CPA) -").</summary>
public readonly record struct MonthDay(int Month, int Day)
{
    /// <summary>
    /// The day in the year that puts it nearest <paramref name="near"/>, and not after <paramref name="notAfter"/> when
    /// given (a report does not come out after the latest report around it); null when it is no day of those years (Feb 29).
    /// </summary>
    public DateOnly? Nearest(DateOnly near, DateOnly? notAfter = null) => Nearest([near], notAfter);

    /// <summary>The day in the year that puts it nearest any of <paramref name="anchors"/> (the first on a tie), as <see cref="Nearest(DateOnly, DateOnly?)"/>.</summary>
    public DateOnly? Nearest(ReadOnlySpan<DateOnly> anchors, DateOnly? notAfter = null)
    {
        DateOnly? best = null;
        var bestDistance = int.MaxValue;
        foreach (var near in anchors)
        {
            for (var year = Math.Max(1, near.Year - 1); year <= Math.Min(9999, near.Year + 1); year++)
            {
                if (Day > DateTime.DaysInMonth(year, Month))
                    continue;
                var date = new DateOnly(year, Month, Day);
                if (date > notAfter)
                    continue;
                var distance = Math.Abs(date.DayNumber - near.DayNumber);
                if (distance < bestDistance)
                    (best, bestDistance) = (date, distance);
            }
        }
        return best;
    }
}
