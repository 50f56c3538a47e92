namespace Corroborate.Ingest;

/// <summary>The input formats Corroborate reads, by file extension.</summary>
public enum InputFormat
{
    Text,
    Html,
    JsonLines,
    Feed,
}

/// <summary>Expands the paths a user names into input files, in a stable order.</summary>
public static class Inputs
{
    public const string StandardInput = "-";
    public const string SidecarSuffix = ".meta.json";

    public static InputFormat? FormatOf(string path)
    {
        if (path.EndsWith(SidecarSuffix, StringComparison.OrdinalIgnoreCase))
            return null;
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".txt" or ".text" or ".md" => InputFormat.Text,
            ".html" or ".htm" or ".xhtml" => InputFormat.Html,
            ".jsonl" or ".ndjson" => InputFormat.JsonLines,
            ".xml" or ".rss" or ".atom" => InputFormat.Feed,
            _ => null,
        };
    }

    private static bool IsUnder(string file, string? skipped) =>
        skipped is not null && file.StartsWith(skipped, StringComparison.Ordinal)
        && (file.Length == skipped.Length || file[skipped.Length] == Path.DirectorySeparatorChar);

    /// <summary>
    /// Files to read, folders expanded recursively (sorted, so runs are reproducible). Paths that
    /// do not exist or that name an unsupported file come back as errors, and the rest go on.
    /// </summary>
    /// <param name="skip">A file, or a folder and its files, that a folder's expansion leaves out: the output,
    /// so that a brief or an extract written inside its input folder is not read back as articles on the next run.</param>
    public static IEnumerable<(string Path, InputFormat? Format, string? Error)> Expand(IEnumerable<string> paths, string? skip = null)
    {
        var skipped = skip is null ? null : Path.TrimEndingDirectorySeparator(Path.GetFullPath(skip));
        foreach (var path in paths)
        {
            if (path == StandardInput)
            {
                yield return (path, InputFormat.JsonLines, null);
            }
            else if (Directory.Exists(path))
            {
                var files = Directory.EnumerateFiles(path, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = System.IO.FileAttributes.Hidden })
                    .Where(f => FormatOf(f) is not null && !IsUnder(Path.GetFullPath(f), skipped))
                    .OrderBy(f => f, StringComparer.Ordinal);
                foreach (var f in files)
                    yield return (f, FormatOf(f), null);
            }
            else if (File.Exists(path))
            {
                var format = FormatOf(path);
                yield return format is null
                    ? (path, null, "unsupported file type; expected .txt, .html, .jsonl or .xml (RSS/Atom)")
                    : (path, format, null);
            }
            else
            {
                yield return (path, null, "no such file or folder");
            }
        }
    }
}
