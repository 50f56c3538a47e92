using System.Globalization;
using Corroborate.Model;

namespace Corroborate.Ingest;

/// <summary>Parses publication dates as metadata gives them: ISO 8601, RFC 822 (feeds), and common written forms.</summary>
public static class DateParsing
{
    private static readonly string[] DateOnlyFormats =
    [
        "yyyy-MM-dd", "yyyy/MM/dd", "yyyyMMdd", "MMMM d, yyyy", "MMM d, yyyy", "d MMMM yyyy", "d MMM yyyy", "MMMM d yyyy",
    ];

    private static readonly string[] MomentFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm:ss",
        "ddd, dd MMM yyyy HH:mm:ss zzz", "ddd, d MMM yyyy HH:mm:ss zzz", "dd MMM yyyy HH:mm:ss zzz", "d MMM yyyy HH:mm:ss zzz",
        "ddd, dd MMM yyyy HH:mm zzz", "ddd, d MMM yyyy HH:mm zzz",
    ];

    // RFC 822 time zone names that .NET's "zzz" does not read.
    private static readonly (string Name, string Offset)[] ZoneNames =
    [
        ("GMT", "+00:00"), ("UT", "+00:00"), ("UTC", "+00:00"), ("Z", "+00:00"),
        ("EST", "-05:00"), ("EDT", "-04:00"), ("CST", "-06:00"), ("CDT", "-05:00"),
        ("MST", "-07:00"), ("MDT", "-06:00"), ("PST", "-08:00"), ("PDT", "-07:00"),
    ];

    /// <summary>
    /// Reads a date or date-time; null when <paramref name="value"/> is not one, or names a year no
    /// news was published in: "0001-01-01T00:00:00" is the empty value many publishing systems write.
    /// </summary>
    public static Published? TryParse(string? value, PublishedFrom from) =>
        Parse(value, from) is { Date.Year: >= FirstYear and <= LastYear } published ? published : null;

    private static readonly string[] MonthDayFormats = ["MMMM d", "MMM d", "d MMMM", "d MMM"];

    /// <summary>A day written without its year, as wire datelines write it ("Oct 18", "July 13", "13 July"); null otherwise.</summary>
    public static MonthDay? TryParseMonthDay(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > 24)
            return null;
        var s = value.Replace(".", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal).Trim();
        // "Sept" is no abbreviation .NET reads, written first ("Sept 17") or last ("17 Sept").
        s = s.Replace("Sept ", "Sep ", StringComparison.Ordinal);
        if (s.EndsWith(" Sept", StringComparison.Ordinal))
            s = s[..^1];
        // A leap year, so that "Feb 29" reads.
        return DateTime.TryParseExact(s + " 2000", [.. MonthDayFormats.Select(f => f + " yyyy")], CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var d)
            ? new MonthDay(d.Month, d.Day)
            : null;
    }

    // The first printed newspapers are of the 17th century; a date past 2200 is a typing error.
    private const int FirstYear = 1600;
    private const int LastYear = 2200;

    private static Published? Parse(string? value, PublishedFrom from)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > 64)
            return null;
        var s = value.Trim();
        if (DateOnly.TryParseExact(s, DateOnlyFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var date))
            return new Published(date, null, from);

        var withOffset = s;
        foreach (var (name, offset) in ZoneNames)
        {
            if (s.EndsWith(" " + name, StringComparison.Ordinal))
            {
                withOffset = s[..^name.Length] + offset;
                break;
            }
        }
        // RFC 822 offsets are written "+0000"; "zzz" wants "+00:00".
        if (withOffset.Length > 5 && (withOffset[^5] is '+' or '-') && withOffset[^4..].All(char.IsAsciiDigit))
            withOffset = withOffset[..^2] + ":" + withOffset[^2..];

        if (DateTimeOffset.TryParseExact(withOffset, MomentFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out var moment))
        {
            // A date-time without an offset says nothing about the zone: keep the calendar date as written.
            var hasOffset = withOffset.Length > 10 && (withOffset.EndsWith('Z') || withOffset[^6] is '+' or '-');
            return new Published(DateOnly.FromDateTime(hasOffset ? moment.DateTime : moment.UtcDateTime), hasOffset ? moment : null, from);
        }
        return null;
    }
}
