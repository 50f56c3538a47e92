namespace Corroborate.Model;

/// <summary>
/// A half-open range [Start, End) of UTF-16 code units in a document's original text.
/// Immutable; thread-safe.
/// </summary>
public readonly record struct TextSpan
{
    public TextSpan(int start, int end)
    {
        if (start < 0 || end < start)
            throw new ArgumentOutOfRangeException(nameof(start), $"Invalid span [{start}, {end}).");
        Start = start;
        End = end;
    }

    public int Start { get; }
    public int End { get; }
    public int Length => End - Start;
    public bool IsEmpty => End == Start;

    public bool Contains(TextSpan other) => other.Start >= Start && other.End <= End;
    public bool Overlaps(TextSpan other) => Start < other.End && other.Start < End;

    public string Of(string text) => text.Substring(Start, Length);
    public ReadOnlySpan<char> SliceOf(string text) => text.AsSpan(Start, Length);

    public override string ToString() => $"[{Start}, {End})";
}
