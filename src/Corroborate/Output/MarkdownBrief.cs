using System.Globalization;
using System.Text;
using Corroborate.Model;

namespace Corroborate.Output;

/// <summary>
/// The Markdown brief: per story, its articles and what each leads with, what was set aside as
/// page furniture, and the inputs that could not be read. Article text is untrusted and is
/// escaped so that it can neither break the Markdown nor inject HTML. Thread-safe.
/// </summary>
public static class MarkdownBrief
{
    public static string Render(IReadOnlyList<Story> stories, IReadOnlyList<DocumentError> failures)
    {
        var sb = new StringBuilder();
        var articles = stories.Sum(s => s.Documents.Count);
        sb.AppendLine("# Corroborate brief").AppendLine();
        sb.Append(CultureInfo.InvariantCulture, $"{articles} {Plural(articles, "article", "articles")} in {stories.Count} {Plural(stories.Count, "story", "stories")}");
        if (failures.Count > 0)
            sb.Append(CultureInfo.InvariantCulture, $"; {failures.Count} {Plural(failures.Count, "input", "inputs")} could not be read (listed at the end)");
        sb.AppendLine(".").AppendLine();

        foreach (var story in stories)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"## {Escape(story.Title)}").AppendLine();
            sb.AppendLine(CultureInfo.InvariantCulture, $"Story `{Code(story.Id)}` · {story.Documents.Count} {Plural(story.Documents.Count, "article", "articles")} · {Range(story.First, story.Last)}").AppendLine();
            sb.AppendLine("| Published | Outlet | Article | Leads with |");
            sb.AppendLine("|---|---|---|---|");
            foreach (var d in story.Documents.OrderBy(d => d.Published?.Date ?? DateOnly.MaxValue).ThenBy(d => d.Id, StringComparer.Ordinal))
            {
                var published = d.Published is { } p ? $"{Iso(p.Date)}{(p.From == PublishedFrom.Metadata ? "" : $" ({p.From.ToString().ToLowerInvariant()})")}" : "unknown";
                sb.AppendLine(CultureInfo.InvariantCulture,
                    $"| {published} | {Escape(d.Outlet ?? "—")} | {Escape(d.Title ?? d.Id)} | {Escape(Shorten(d.Lead ?? "", 200))} |");
            }
            sb.AppendLine();
            var furniture = story.Documents.SelectMany(d => d.Furniture)
                .GroupBy(kv => kv.Key).OrderBy(g => g.Key).Select(g => $"{g.Key.ToString().ToLowerInvariant()} ×{g.Sum(kv => kv.Value)}").ToList();
            if (furniture.Count > 0)
                sb.AppendLine(CultureInfo.InvariantCulture, $"Left out as page furniture: {string.Join(", ", furniture)}.").AppendLine();
            var problems = story.Documents.SelectMany(d => d.Errors).ToList();
            if (problems.Count > 0)
            {
                sb.AppendLine("Problems met while reading these articles:").AppendLine();
                foreach (var e in problems)
                    sb.AppendLine(CultureInfo.InvariantCulture, $"- {Escape(e.ToString())}");
                sb.AppendLine();
            }
        }

        if (failures.Count > 0)
        {
            sb.AppendLine("## Inputs that could not be read").AppendLine();
            foreach (var f in failures)
                sb.AppendLine(CultureInfo.InvariantCulture, $"- {Escape(f.ToString())}");
            sb.AppendLine();
        }
        return sb.ToString();
    }

    /// <summary>Escapes text for a Markdown table cell or line: no markup, no HTML, no line breaks.</summary>
    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '&': sb.Append("&amp;"); break;
                case '\r' or '\n' or '\t': sb.Append(' '); break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '|' or '#' or '!' or '~': sb.Append('\\').Append(c); break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }

    private static string Code(string s) => s.Replace("`", "'", StringComparison.Ordinal);

    private static string Shorten(string s, int max) => s.Length <= max ? s : s[..(max - 1)].TrimEnd() + "…";

    private static string Range(DateOnly? first, DateOnly? last) =>
        first is null ? "dates unknown" : first == last ? Iso(first.Value) : $"{Iso(first.Value)} to {Iso(last!.Value)}";

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Plural(int n, string one, string many) => n == 1 ? one : many;
}
