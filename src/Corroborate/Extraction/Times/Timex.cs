using System.Globalization;
using System.Text.RegularExpressions;

namespace Corroborate.Extraction.Times;

/// <summary>TIMEX3 value formatting and validation. Stateless; thread-safe.</summary>
public static partial class Timex
{
    public const string PresentRef = "PRESENT_REF";
    public const string PastRef = "PAST_REF";
    public const string FutureRef = "FUTURE_REF";

    internal static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The day a value begins with ("2024-03-05", "2024-03-05TNI", "2024-03-05T18:42"); null when it names none.</summary>
    public static DateOnly? DayOf(string value) =>
        value.Length >= 10 && DateOnly.TryParseExact(value.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    /// <summary>A weekday no date anchored ("XXXX-WXX-2", "XXXX-WXX-2TNI"): the day of the week, 1 (Monday) to 7; 0 for none.</summary>
    public static int UndatedWeekday(string value) =>
        value.Length >= 10 && value.StartsWith("XXXX-WXX-", StringComparison.Ordinal) && value[9] is >= '1' and <= '7' ? value[9] - '0' : 0;
    internal static string Month(int year, int month) => $"{Year(year)}-{month:00}";
    internal static string Year(int year) => year.ToString("0000", CultureInfo.InvariantCulture);

    internal static string Week(DateOnly d)
    {
        var dt = d.ToDateTime(TimeOnly.MinValue);
        return $"{ISOWeek.GetYear(dt):0000}-W{ISOWeek.GetWeekOfYear(dt):00}";
    }

    internal static string Quarter(int year, int q) => $"{Year(year)}-Q{q}";
    internal static int QuarterOf(DateOnly d) => (d.Month - 1) / 3 + 1;

    /// <summary>A duration: P3D, PT4H, P100Y, P20Y for two decades, PXY (amount -1 is "some").</summary>
    internal static string Duration(int amount, string unit, bool clock)
    {
        var n = amount < 0 ? "X" : amount.ToString(CultureInfo.InvariantCulture);
        if (unit == "WE")
            return amount < 0 ? "PXWE" : $"P{amount * 2}D";
        if (unit == "2W")
            return amount < 0 ? "PXW" : $"P{amount * 2}W";
        // TimeBank and MEANTIME write decades in years: "the past decade" P10Y, "decades-long" PXY.
        if (unit == "E")
            return amount < 0 ? "PXY" : $"P{amount * 10}Y";
        return clock ? $"PT{n}{unit}" : $"P{n}{unit}";
    }

    /// <summary>
    /// The unit a half of <paramref name="unit"/> is written in, and how many of it make one:
    /// a year is 12 months, an hour 60 minutes, a decade 10 years. None (0) for weeks, days, months.
    /// </summary>
    internal static ((string Unit, bool Clock) Lower, int Per) UnitBelow(string unit, bool clock) => (unit, clock) switch
    {
        ("Y", false) => (("M", false), 12),
        ("E", false) => (("Y", false), 10),
        ("C", false) => (("Y", false), 100),
        ("L", false) => (("Y", false), 1000),
        ("H", true) => (("M", true), 60),
        ("M", true) => (("S", true), 60),
        _ => ((unit, clock), 0),
    };

    /// <summary>
    /// <paramref name="amount"/> and a half units, as TimeBank writes them: P2Y6M, PT5H30M, P15Y for
    /// a decade and a half; a decimal where the unit below does not divide evenly (P2.5W, P1.5D).
    /// </summary>
    internal static string DurationAndHalf(int amount, string unit, bool clock)
    {
        var prefix = clock ? "PT" : "P";
        var n = amount.ToString(CultureInfo.InvariantCulture);
        if (unit == "2W")
            return $"P{amount * 2 + 1}W";
        var (lower, per) = UnitBelow(unit, clock);
        if (per == 0)
            return $"{prefix}{n}.5{unit}";
        if (unit is "Y" or "H" or "M")
            return amount > 0 ? $"{prefix}{n}{unit}{per / 2}{lower.Unit}" : $"{prefix}{per / 2}{lower.Unit}";
        return $"{prefix}{amount * per + per / 2}{lower.Unit}";
    }

    /// <summary>Whether <paramref name="value"/> is a TIMEX3 value this project writes (dates, times, durations, sets, references).</summary>
    public static bool IsValid(string value) => value is PresentRef or PastRef or FutureRef || ValuePattern().IsMatch(value);

    // Date: year, decade or century digits (or X), then month, week, quarter, half or season, day or weekday, time or part of day.
    [GeneratedRegex(
        @"^(?:(?:\d{4}|\d{3}|\d{2}|XXXX|\d{2}XX|\d{3}X|\d{2}X)(?:-(?:\d{2}|XX)(?:-(?:\d{2}|XX))?|-W(?:\d{2}|XX)(?:-(?:[1-7]|WE))?|-Q[1-4X]|-H[12]|-(?:SP|SU|FA|WI))?(?:T(?:\d{2}(?::\d{2})?Z?|MO|AF|EV|NI))?"
        + @"|XXXX-WXX-[1-7](?:T(?:\d{2}(?::\d{2})?Z?|MO|AF|EV|NI))?|XXXX-XX-XXT\d{2}:\d{2}Z?"
        + @"|P(?:(?:\d+(?:\.\d+)?|X)(?:Y|M|W|D|Q|E|C|L|WE))+|PT(?:(?:\d+(?:\.\d+)?|X)(?:H|M|S))+)$",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ValuePattern();

}
