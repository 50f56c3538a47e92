using System.Diagnostics;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Corroborate.Ingest;
using Corroborate.Model;

namespace Corroborate.Cli;

/// <summary>
/// <c>corroborate extract</c>: turns saved web pages (and any other input) into JSON Lines records
/// in the input form of the dossier spec: id, text, title, published, outlet, url, author.
/// </summary>
public static class ExtractRun
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // Records are data, not HTML: keep non-ASCII text readable; quotes and controls are still escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    /// <summary>Writes one record per article to <paramref name="output"/>; returns the exit code.</summary>
    /// <param name="outputPath">The file <paramref name="output"/> writes, left out of input folders (it is being written).</param>
    public static int Run(IReadOnlyList<string> inputs, TextWriter output, TextWriter stderr, Func<Stream> stdin, string? outputPath = null)
    {
        var reader = new ArticleReader();
        int pages = 0, records = 0, failed = 0, empty = 0;
        long bytes = 0;
        var clock = Stopwatch.StartNew();
        var cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
        foreach (var (path, format, error) in Inputs.Expand(inputs, outputPath))
        {
            if (error is not null)
            {
                failed++;
                stderr.WriteLine($"error: {path}: {error}");
                continue;
            }
            if (format == InputFormat.Html)
            {
                var page = reader.ReadHtmlPage(path, out var readError);
                if (page is null)
                {
                    failed++;
                    stderr.WriteLine($"error: {path}: {readError}");
                    continue;
                }
                pages++;
                bytes += new FileInfo(path).Length;
                string? note = null;
                if (string.IsNullOrWhiteSpace(page.Text))
                {
                    empty++;
                    note = "no article found on the page";
                    stderr.WriteLine($"error: {path}: {note}; its record has an empty text");
                }
                Write(output, StemOf(path), path, page.Text, page.Title, page.Published, page.Outlet, page.Url, page.Author, note);
                records++;
                continue;
            }
            foreach (var item in reader.Read([path], stdin))
            {
                if (item.Error is { } e)
                {
                    failed++;
                    stderr.WriteLine($"error: {e}");
                    continue;
                }
                var d = item.Document!;
                Write(output, d.Id, d.Source, d.Text, d.Title, d.Published, d.Outlet, d.Url, null, null);
                records++;
            }
        }
        output.Flush();
        var seconds = Math.Max(clock.Elapsed.TotalSeconds, 1e-6);
        // CPU time as well as wall time: on a shared machine the wall clock measures the neighbours too.
        var cpu = Math.Max((Process.GetCurrentProcess().TotalProcessorTime - cpuAtStart).TotalSeconds, 1e-6);
        stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"wrote {records:N0} records; {pages:N0} web pages ({bytes / 1e6:F1} MB) in {seconds:F2} s ({cpu:F2} s CPU, JIT included): {pages / seconds:F1} pages/s, {bytes / 1e6 / seconds:F1} MB/s ({pages / cpu:F1} pages/s, {bytes / 1e6 / cpu:F1} MB/s per CPU second); {empty:N0} without an article, {failed:N0} inputs failed"));
        return failed + empty > 0 ? ExitCodes.SomeFailed : ExitCodes.Ok;
    }

    private static string StemOf(string path)
    {
        var name = Path.GetFileName(path);
        var dot = name.LastIndexOf('.');
        return dot > 0 ? name[..dot] : name;
    }

    private static void Write(TextWriter output, string id, string source, string text, string? title, Published? published,
        string? outlet, string? url, string? author, string? error)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("id", id);
            json.WriteString("text", text);
            json.WriteString("title", title);
            json.WriteString("published", published?.ToIso());
            json.WriteString("outlet", outlet);
            json.WriteString("url", url);
            json.WriteString("author", author);
            json.WriteString("source", source);
            if (error is not null)
                json.WriteString("error", error);
            json.WriteEndObject();
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }
}
