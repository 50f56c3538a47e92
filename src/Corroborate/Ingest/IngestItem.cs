using Corroborate.Model;

namespace Corroborate.Ingest;

/// <summary>
/// What reading one input unit (a file, a JSON line, a feed item) gave: an article, or the
/// reason none could be read. Immutable; thread-safe.
/// </summary>
public sealed record IngestItem
{
    private IngestItem(NewsDocument? document, DocumentError? error)
    {
        Document = document;
        Error = error;
    }

    public NewsDocument? Document { get; }
    public DocumentError? Error { get; }

    public static IngestItem Read(NewsDocument document) => new(document, null);
    public static IngestItem Failed(string source, string? location, string message) => new(null, new DocumentError(source, location, message));
}

/// <summary>Size bounds for untrusted input. Immutable; thread-safe.</summary>
public sealed record IngestLimits
{
    /// <summary>Largest single-article file (text, HTML) or feed read whole.</summary>
    public long MaxFileBytes { get; init; } = 32L * 1024 * 1024;
    /// <summary>Largest JSON Lines record.</summary>
    public int MaxRecordBytes { get; init; } = 32 * 1024 * 1024;

    public static IngestLimits Default { get; } = new();
}
