using System.Globalization;
using CsvHelper;
using Corroborate.Reconcile;

namespace Corroborate.Output;

/// <summary><c>claims.csv</c>: one row per quantity claim with its group, verdict and evidence sentence. Not thread-safe.</summary>
public sealed class ClaimsCsv : IDisposable
{
    private readonly TextWriter _output;
    private readonly CsvWriter _csv;
    // Rows the CSV writer holds that rendered rows must follow; a flush of it flushes the file too, so only then.
    private bool _held;

    /// <summary>Starts the file with its header row; <see cref="Write(Reconciliation)"/> then adds each reconciliation's claims.</summary>
    public ClaimsCsv(TextWriter output)
    {
        _output = output;
        _csv = CsvWriter.Create(output, new CsvWriterOptions(), true);
        _csv.WriteRecord((string[])["id", "story", "group", "verdict", "doc", "outlet", "published", "text", "value", "low", "high", "hedge",
            "unit", "subject", "where", "when", "rate", "source", "start", "end", "sentence"]);
        _held = true;
    }

    public void Write(Reconciliation r)
    {
        WriteRows(_csv, r);
        _held = true;
    }

    /// <summary>Adds rows rendered by <see cref="Render"/>.</summary>
    public void Write(string rows)
    {
        if (_held)
            _csv.Flush();
        _held = false;
        _output.Write(rows);
    }

    /// <summary>A reconciliation's rows, on any thread: the writer then adds them in order.</summary>
    public static string Render(Reconciliation r)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var rows = CsvWriter.Create(text, new CsvWriterOptions(), true))
            WriteRows(rows, r);
        return text.ToString();
    }

    private static void WriteRows(CsvWriter csv, Reconciliation r)
    {
        var groups = r.Groups.ToDictionary(g => g.Id, StringComparer.Ordinal);
        foreach (var c in r.Claims)
        {
            var group = r.GroupOfClaim.TryGetValue(c.Id, out var g) ? g : null;
            var q = c.Quantity;
            csv.WriteRecord((string[])[
                c.Id, c.Story, group ?? "", group is null ? "" : StoryView.Verdict(groups[group].Verdict), c.Doc, c.Outlet ?? "",
                c.Published is { } p ? StoryView.Iso(p) : "", c.Text, Num(q.Value), Num(q.Low), Num(q.High), q.Hedge.ToString().ToLowerInvariant(),
                q.Unit ?? "", q.Subject ?? "", q.Where ?? "", q.When ?? "", q.Rate ?? "", c.SourceLabel is null ? "" : r.SourceName(c.SourceLabel),
                Num(q.Span.Start), Num(q.Span.End), r.ClaimSentences.GetValueOrDefault(c.Id, c.Text)]);
        }
    }

    public void Dispose()
    {
        _csv.Flush();
        _csv.Dispose();
    }

    private static string Num(decimal? v) => v?.ToString(CultureInfo.InvariantCulture) ?? "";
}
