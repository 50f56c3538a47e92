namespace Corroborate.Model;

/// <summary>
/// Something that went wrong with one input: the file or URL, where in it (line, record,
/// or stage), and why. Immutable; thread-safe.
/// </summary>
public sealed record DocumentError(string Source, string? Location, string Message)
{
    public override string ToString() =>
        Location is null ? $"{Source}: {Message}" : $"{Source} ({Location}): {Message}";
}
