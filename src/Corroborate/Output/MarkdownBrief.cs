using System.Buffers;
using System.Globalization;
using System.Text;
using Corroborate.Model;

namespace Corroborate.Output;

/// <summary>
/// The Markdown brief: per story, a summary, a table per claim group (figure, hedge, who, when,
/// outlet, evidence), quotations by speaker, the people and organisations involved, the timeline,
/// and what was left out. Article text is untrusted and is escaped so that it can neither break
/// the Markdown nor inject HTML. Thread-safe.
/// </summary>
public static class MarkdownBrief
{
    /// <summary>The title and counts; then <see cref="Write"/> for each story and <see cref="End"/>, so a brief of any size streams.</summary>
    public static void Begin(TextWriter output, int articles, int stories, int failures)
    {
        var sb = new StringBuilder();
        sb.AppendLine("# Corroborate brief").AppendLine();
        sb.Append(CultureInfo.InvariantCulture, $"{articles} {Plural(articles, "article", "articles")} in {stories} {Plural(stories, "story", "stories")}");
        if (failures > 0)
            sb.Append(CultureInfo.InvariantCulture, $"; {failures} {Plural(failures, "input", "inputs")} could not be read (listed at the end)");
        sb.AppendLine(".").AppendLine();
        output.Write(sb);
    }

    public static void Write(TextWriter output, StoryView view) => output.Write(Render(view));

    /// <summary>One story's part of the brief, on any thread: the writer then adds the parts in order.</summary>
    public static string Render(StoryView view)
    {
        var sb = new StringBuilder();
        RenderStory(sb, view);
        return sb.ToString();
    }

    public static void End(TextWriter output, IReadOnlyList<DocumentError> failures)
    {
        if (failures.Count == 0)
            return;
        var sb = new StringBuilder();
        sb.AppendLine("## Inputs that could not be read").AppendLine();
        foreach (var f in failures)
            sb.AppendLine(CultureInfo.InvariantCulture, $"- {Escape(f.ToString())}");
        sb.AppendLine();
        output.Write(sb);
    }

    private static void RenderStory(StringBuilder sb, StoryView view)
    {
        var story = view.Story;
        sb.AppendLine(CultureInfo.InvariantCulture, $"## {Escape(story.Title)}").AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Story `{Code(story.Id)}`").AppendLine();
        foreach (var line in view.Summary)
            sb.AppendLine(CultureInfo.InvariantCulture, $"- {Escape(line)}");
        sb.AppendLine();

        if (view.Groups.Length > 0)
        {
            sb.AppendLine("### Figures").AppendLine();
            foreach (var g in view.Groups)
            {
                var group = g.Group;
                sb.AppendLine(CultureInfo.InvariantCulture,
                    $"**{Escape(group.Label)}** — consensus {StoryView.Number(group.Consensus.Value)} ({group.Consensus.Rule}), lowest {StoryView.Number(group.Conservative)}; {StoryView.Verdict(group.Verdict)}, {group.IndependentSources} independent {Plural(group.IndependentSources, "source", "sources")}").AppendLine();
                sb.AppendLine("| Figure | Hedge | Who | When | Outlet | Evidence |");
                sb.AppendLine("|---:|---|---|---|---|---|");
                foreach (var row in g.Rows)
                {
                    sb.AppendLine(CultureInfo.InvariantCulture,
                        $"| {StoryView.Number(row.Value)} | {row.Hedge.ToString().ToLowerInvariant()} | {Escape(row.Who)} | {(row.When is { } d ? StoryView.Iso(d) : "—")} | {Escape(row.Outlet)} | {Escape(Shorten(row.Evidence, 220))} |");
                }
                sb.AppendLine();
            }
        }

        if (view.Quotes.Length > 0)
        {
            sb.AppendLine("### Quotations by speaker").AppendLine();
            foreach (var speaker in view.Quotes)
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"**{Escape(speaker.Speaker)}**").AppendLine();
                foreach (var q in speaker.Quotes)
                    sb.AppendLine(CultureInfo.InvariantCulture, $"- {(q.Kind == QuoteKind.Indirect ? "(reported) " : "")}“{Escape(Shorten(q.Text, 300))}” — {Escape(string.Join(", ", q.Outlets))}");
                sb.AppendLine();
            }
        }

        if (view.Entities.Length > 0)
        {
            sb.AppendLine("### People and organisations").AppendLine();
            sb.AppendLine("| Name | Kind | Roles | Articles |");
            sb.AppendLine("|---|---|---|---:|");
            foreach (var e in view.Entities.Take(40))
                sb.AppendLine(CultureInfo.InvariantCulture, $"| {Escape(e.Name)} | {e.Kind.ToString().ToLowerInvariant()} | {Escape(string.Join("; ", e.Roles))} | {e.Articles} |");
            sb.AppendLine();
        }

        if (view.Timeline.Length > 0)
        {
            sb.AppendLine("### Timeline").AppendLine();
            foreach (var e in view.Timeline)
                sb.AppendLine(CultureInfo.InvariantCulture, $"- **{Escape(e.Date)}** {Escape(Shorten(e.Text, 240))} ({e.Docs.Length} {Plural(e.Docs.Length, "report", "reports")})");
            sb.AppendLine();
        }

        sb.AppendLine("### Articles").AppendLine();
        sb.AppendLine("| Published | Outlet | Article | Leads with |");
        sb.AppendLine("|---|---|---|---|");
        foreach (var d in story.Documents.OrderBy(d => d.Published?.Date ?? DateOnly.MaxValue).ThenBy(d => d.Id, StringComparer.Ordinal))
        {
            var published = d.Published is { } p ? $"{StoryView.Iso(p.Date)}{(p.From == PublishedFrom.Metadata ? "" : $" ({p.From.ToString().ToLowerInvariant()})")}" : "unknown";
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"| {published} | {Escape(d.Outlet ?? "—")} | {Escape(d.Title ?? d.Id)} | {Escape(Shorten(d.Lead ?? "", 200))} |");
        }
        sb.AppendLine();

        var leftOut = new List<string>();
        if (view.Furniture.Count > 0)
            leftOut.Add("page furniture: " + string.Join(", ", view.Furniture.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key.ToString().ToLowerInvariant()} ×{kv.Value}")));
        foreach (var (doc, text) in view.OffTopic)
            leftOut.Add($"off-topic in `{Code(doc)}`: {Escape(text)}");
        if (leftOut.Count > 0)
        {
            sb.AppendLine("### Left out").AppendLine();
            foreach (var l in leftOut)
                sb.AppendLine(CultureInfo.InvariantCulture, $"- {l}");
            sb.AppendLine();
        }
        var problems = story.Documents.SelectMany(d => d.Errors).ToList();
        if (problems.Count > 0)
        {
            sb.AppendLine("Problems met while reading these articles:").AppendLine();
            foreach (var e in problems)
                sb.AppendLine(CultureInfo.InvariantCulture, $"- {Escape(e.ToString())}");
            sb.AppendLine();
        }
    }

    /// <summary>Escapes text for a Markdown table cell or line: no markup, no HTML, no line breaks.</summary>
    private static readonly SearchValues<char> Escaped = SearchValues.Create("<>&\r\n\t\\`*_[]|#!~");

    public static string Escape(string text)
    {
        // Most names and sentences hold nothing to escape: return them as they are, uncopied.
        var first = text.AsSpan().IndexOfAny(Escaped);
        if (first < 0)
            return text;
        var sb = new StringBuilder(text.Length + 8);
        sb.Append(text, 0, first);
        foreach (var c in text.AsSpan(first))
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

    internal static string Shorten(string s, int max) => s.Length <= max ? s : s[..(max - 1)].TrimEnd() + "…";

    private static string Plural(int n, string one, string many) => n == 1 ? one : many;
}
