namespace Corroborate.Text;

/// <summary>
/// Whitespace runs as one space, the ends trimmed: what splitting on whitespace
/// (<see cref="char.IsWhiteSpace(char)"/>) and joining the words with one space gives, in one pass
/// and without a string per word. Thread-safe.
/// </summary>
internal static class Whitespace
{
    /// <summary>Texts up to this length are folded on the stack.</summary>
    private const int StackLimit = 512;

    public static string Collapse(ReadOnlySpan<char> text)
    {
        var buffer = text.Length <= StackLimit ? stackalloc char[text.Length] : new char[text.Length];
        return new string(CollapseInto(text, buffer));
    }

    /// <summary>The text lower-cased (as <see cref="string.ToLowerInvariant()"/> does), then collapsed.</summary>
    public static string CollapseLower(ReadOnlySpan<char> text, ReadOnlySpan<char> trimEnd = default)
    {
        var lower = text.Length <= StackLimit ? stackalloc char[text.Length] : new char[text.Length];
        text.ToLowerInvariant(lower);
        var buffer = text.Length <= StackLimit ? stackalloc char[text.Length] : new char[text.Length];
        return new string(CollapseInto(lower, buffer).TrimEnd(trimEnd));
    }

    /// <summary>
    /// Writes the collapsed text into <paramref name="buffer"/> and returns that part of it; a buffer
    /// shorter than the text takes what fits (a preview reads only as far as it goes).
    /// </summary>
    public static Span<char> CollapseInto(ReadOnlySpan<char> text, Span<char> buffer)
    {
        var n = 0;
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = n > 0;
                continue;
            }
            if (space)
            {
                buffer[n++] = ' ';
                space = false;
                if (n == buffer.Length)
                    break;
            }
            buffer[n++] = c;
            if (n == buffer.Length)
                break;
        }
        return buffer[..n];
    }
}
