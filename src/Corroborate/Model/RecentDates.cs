namespace Corroborate.Model;

/// <summary>
/// The publication dates of a stream's latest dated arrivals, a bounded ring: where "now" is in a stream
/// that may arrive out of order (an archive, a late follow-up). Not thread-safe.
/// </summary>
public sealed class RecentDates(int capacity)
{
    private readonly int[] _days = new int[capacity];
    private int _next;
    private int _count;

    public bool IsEmpty => _count == 0;

    public void Add(DateOnly date)
    {
        _days[_next] = date.DayNumber;
        _next = (_next + 1) % _days.Length;
        _count = Math.Min(_count + 1, _days.Length);
    }

    /// <summary>The median of the dates held (the upper one of an even count); null when none.</summary>
    public DateOnly? Median()
    {
        if (_count == 0)
            return null;
        var days = _days[.._count];
        Array.Sort(days);
        return DateOnly.FromDayNumber(days[_count / 2]);
    }

    /// <summary>The latest of the dates held; null when none.</summary>
    public DateOnly? Latest()
    {
        if (_count == 0)
            return null;
        var latest = int.MinValue;
        foreach (var day in _days.AsSpan(0, _count))
            latest = Math.Max(latest, day);
        return DateOnly.FromDayNumber(latest);
    }
}
