using System.Globalization;
using System.Net;
using System.Text;
using Corroborate.Model;
using Corroborate.Reconcile;

namespace Corroborate.Output;

/// <summary>
/// The HTML brief: one self-contained page (inline CSS and SVG, no scripts, no external assets)
/// with the same sections as the Markdown brief, an evidence sentence behind every figure, and a
/// chart of each disputed group's figures by source and date. Every piece of article text goes
/// through WebUtility.HtmlEncode, so a hostile article stays inert. Thread-safe.
/// </summary>
public static class HtmlBrief
{
    private const string Style = """
        body{font:15px/1.5 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;color:#1d2330;background:#f6f7f9}
        main{max-width:1100px;margin:0 auto;padding:24px}
        h1{font-size:26px;margin:0 0 4px}h2{font-size:21px;margin:36px 0 8px;border-top:3px solid #1d2330;padding-top:14px}
        h3{font-size:16px;margin:22px 0 8px;text-transform:uppercase;letter-spacing:.04em;color:#505a6e}
        .meta{color:#5b6475;font-size:13px}.summary li{margin:2px 0}
        .group{background:#fff;border:1px solid #dfe3ea;border-radius:8px;padding:12px 14px;margin:12px 0}
        .group h4{margin:0 0 6px;font-size:15px}
        .badge{display:inline-block;border-radius:10px;padding:0 8px;font-size:12px;font-weight:600;margin-left:6px}
        .corroborated{background:#dff3e4;color:#1c6b34}.disputed{background:#fde4d8;color:#9a3412}.single{background:#e8eaf0;color:#444b5a}
        table{border-collapse:collapse;width:100%;font-size:13.5px}th,td{text-align:left;padding:4px 8px;border-bottom:1px solid #edf0f4;vertical-align:top}
        th{color:#5b6475;font-weight:600}td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
        details summary{cursor:pointer;color:#2452a8}details blockquote{margin:4px 0 0;padding:4px 8px;border-left:3px solid #c9d2e3;background:#f8f9fc}
        .quote{margin:4px 0 4px 0;padding-left:10px;border-left:3px solid #dfe3ea}.doc{color:#8a93a4;font-size:12px}
        svg{max-width:100%;height:auto;margin:6px 0}svg text{font:12px system-ui,sans-serif;fill:#1d2330}
        .toc{background:#fff;border:1px solid #dfe3ea;border-radius:8px;padding:8px 14px}.toc li{margin:2px 0}
        ul.timeline{list-style:none;padding:0}ul.timeline li{margin:4px 0}ul.timeline b{display:inline-block;min-width:92px}
        """;

    /// <summary>
    /// Writes the page to a file story by story: the sections go to a temporary file as they come,
    /// and the page (head, contents list, sections, tail) is put together at the end.
    /// </summary>
    public sealed class FileWriter : IDisposable
    {
        private readonly string _path;
        private readonly int _articles;
        private readonly int _stories;
        private readonly FileStream _sections = new(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        private readonly StreamWriter _sectionText;
        private readonly List<(string Title, int Articles, int Groups)> _contents = [];

        public FileWriter(string path, int articles, int stories)
        {
            (_path, _articles, _stories) = (path, articles, stories);
            _sectionText = new StreamWriter(_sections, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        }

        public void Write(StoryView view) => Write(Section.Of(view, _contents.Count + 1));

        /// <summary>Adds a story rendered by <see cref="Section.Of"/>; stories come in the order they were numbered.</summary>
        public void Write(Section section)
        {
            if (section.Number != _contents.Count + 1)
                throw new InvalidOperationException($"story {section.Number} of the brief came after story {_contents.Count}");
            _contents.Add((section.Title, section.Articles, section.Groups));
            _sectionText.Write(section.Html);
        }

        public void Complete(IReadOnlyList<DocumentError> failures)
        {
            _sectionText.Flush();
            using var page = new StreamWriter(_path, append: false, new UTF8Encoding(false));
            var sb = new StringBuilder();
            Head(sb, _articles, _stories, failures.Count);
            if (_contents.Count > 1)
                Contents(sb, _contents);
            page.Write(sb);
            page.Flush();
            _sections.Position = 0;
            _sections.CopyTo(page.BaseStream);
            sb.Clear();
            Tail(sb, failures);
            page.Write(sb);
        }

        public void Dispose()
        {
            _sectionText.Dispose();
            _sections.Dispose();
        }
    }

    /// <summary>One story's section of the page and its line in the contents, rendered on any thread.</summary>
    public sealed record Section(int Number, string Title, int Articles, int Groups, string Html)
    {
        /// <param name="number">The story's place on the page, from 1: its anchor.</param>
        public static Section Of(StoryView view, int number)
        {
            var sb = new StringBuilder();
            RenderStory(sb, view, number);
            return new Section(number, view.Story.Title, view.Story.Documents.Count, view.Groups.Length, sb.ToString());
        }
    }

    private static void Head(StringBuilder sb, int articles, int stories, int failures)
    {
        sb.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">");
        sb.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        // No scripts, no remote content: the page must stay inert whatever the articles contain.
        sb.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">");
        sb.Append("<title>Corroborate brief</title><style>").Append(Style).Append("</style></head><body><main>");
        sb.Append("<h1>Corroborate brief</h1>");
        sb.Append(CultureInfo.InvariantCulture, $"<p class=\"meta\">{articles} articles in {stories} {(stories == 1 ? "story" : "stories")}");
        if (failures > 0)
            sb.Append(CultureInfo.InvariantCulture, $"; {failures} inputs could not be read (listed at the end)");
        sb.Append(".</p>");
    }

    /// <summary>A contents list: with hundreds of stories the page is otherwise a long scroll.</summary>
    private static void Contents(StringBuilder sb, IReadOnlyList<(string Title, int Articles, int Groups)> stories)
    {
        sb.Append("<details class=\"toc\"><summary>Stories</summary><ol>");
        for (var i = 0; i < stories.Count; i++)
        {
            var (title, articles, groups) = stories[i];
            sb.Append(CultureInfo.InvariantCulture, $"<li><a href=\"#story-{i + 1}\">").Append(E(title)).Append("</a> <span class=\"doc\">")
              .Append(CultureInfo.InvariantCulture, $"{articles} articles, {groups} figure groups</span></li>");
        }
        sb.Append("</ol></details>");
    }

    private static void Tail(StringBuilder sb, IReadOnlyList<DocumentError> failures)
    {
        if (failures.Count > 0)
        {
            sb.Append("<h2>Inputs that could not be read</h2><ul>");
            foreach (var f in failures)
                sb.Append("<li>").Append(E(f.ToString())).Append("</li>");
            sb.Append("</ul>");
        }
        sb.Append("</main></body></html>\n");
    }

    private static void RenderStory(StringBuilder sb, StoryView view, int number)
    {
        var story = view.Story;
        sb.Append(CultureInfo.InvariantCulture, $"<section id=\"story-{number}\"><h2>").Append(E(story.Title)).Append("</h2>");
        sb.Append("<p class=\"meta\">Story ").Append(E(story.Id)).Append("</p><ul class=\"summary\">");
        foreach (var line in view.Summary)
            sb.Append("<li>").Append(E(line)).Append("</li>");
        sb.Append("</ul>");

        if (view.Groups.Length > 0)
        {
            sb.Append("<h3>Figures</h3>");
            foreach (var g in view.Groups)
                RenderGroup(sb, g);
        }

        if (view.Quotes.Length > 0)
        {
            sb.Append("<h3>Quotations by speaker</h3>");
            foreach (var speaker in view.Quotes)
            {
                sb.Append("<p><b>").Append(E(speaker.Speaker)).Append("</b></p>");
                foreach (var q in speaker.Quotes)
                    sb.Append("<div class=\"quote\">").Append(q.Kind == QuoteKind.Indirect ? "<i>reported:</i> " : "").Append('“').Append(E(q.Text))
                      .Append("” <span class=\"doc\" title=\"").Append(E(string.Join(", ", q.Docs))).Append("\">").Append(E(string.Join(", ", q.Outlets))).Append("</span></div>");
            }
        }

        if (view.Entities.Length > 0)
        {
            sb.Append("<h3>People and organisations</h3><table><tr><th>Name</th><th>Kind</th><th>Roles</th><th>Articles</th></tr>");
            foreach (var e in view.Entities.Take(40))
                sb.Append("<tr><td>").Append(E(e.Name)).Append("</td><td>").Append(e.Kind.ToString().ToLowerInvariant()).Append("</td><td>")
                  .Append(E(string.Join("; ", e.Roles))).Append("</td><td class=\"num\">").Append(e.Articles).Append("</td></tr>");
            sb.Append("</table>");
        }

        if (view.Timeline.Length > 0)
        {
            sb.Append("<h3>Timeline</h3><ul class=\"timeline\">");
            foreach (var e in view.Timeline)
                sb.Append("<li><b>").Append(E(e.Date)).Append("</b>").Append(E(e.Text)).Append(" <span class=\"doc\">")
                  .Append(E(string.Join(", ", e.Docs))).Append("</span></li>");
            sb.Append("</ul>");
        }

        sb.Append("<h3>Articles</h3><table><tr><th>Published</th><th>Outlet</th><th>Article</th><th>Leads with</th></tr>");
        foreach (var d in story.Documents.OrderBy(d => d.Published?.Date ?? DateOnly.MaxValue).ThenBy(d => d.Id, StringComparer.Ordinal))
        {
            sb.Append("<tr><td>").Append(d.Published is { } p ? StoryView.Iso(p.Date) : "unknown").Append("</td><td>").Append(E(d.Outlet ?? "—"))
              .Append("</td><td>").Append(E(d.Title ?? d.Id)).Append("<div class=\"doc\">").Append(E(d.Id)).Append("</div></td><td>")
              .Append(E(MarkdownBrief.Shorten(d.Lead ?? "", 220))).Append("</td></tr>");
        }
        sb.Append("</table>");

        if (view.Furniture.Count > 0 || view.OffTopic.Length > 0)
        {
            sb.Append("<h3>Left out</h3><ul>");
            if (view.Furniture.Count > 0)
                sb.Append("<li>Page furniture: ").Append(E(string.Join(", ", view.Furniture.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key.ToString().ToLowerInvariant()} ×{kv.Value}")))).Append("</li>");
            foreach (var (doc, text) in view.OffTopic)
                sb.Append("<li>Off-topic in ").Append(E(doc)).Append(": ").Append(E(text)).Append("</li>");
            sb.Append("</ul>");
        }
        sb.Append("</section>");
    }

    private static void RenderGroup(StringBuilder sb, GroupView g)
    {
        var group = g.Group;
        var css = group.Verdict switch { Verdict.Corroborated => "corroborated", Verdict.Disputed => "disputed", _ => "single" };
        sb.Append("<div class=\"group\"><h4>").Append(E(group.Label)).Append("<span class=\"badge ").Append(css).Append("\">")
          .Append(StoryView.Verdict(group.Verdict)).Append("</span></h4>");
        sb.Append(CultureInfo.InvariantCulture,
            $"<div class=\"meta\">Consensus {E(StoryView.Number(group.Consensus.Value))} ({E(group.Consensus.Rule)}); reported {E(StoryView.Number(group.Consensus.Low))}–{E(StoryView.Number(group.Consensus.High))}; lowest {E(StoryView.Number(group.Conservative))}; {group.IndependentSources} independent {(group.IndependentSources == 1 ? "source" : "sources")}</div>");
        if (group.Verdict == Verdict.Disputed)
            sb.Append(Chart(g));
        sb.Append("<table><tr><th>Figure</th><th>Hedge</th><th>Who</th><th>When</th><th>Outlet</th><th>Evidence</th></tr>");
        foreach (var row in g.Rows)
        {
            sb.Append("<tr><td class=\"num\">").Append(E(StoryView.Number(row.Value))).Append("</td><td>").Append(row.Hedge.ToString().ToLowerInvariant())
              .Append("</td><td>").Append(E(row.Who)).Append("</td><td>").Append(row.When is { } d ? StoryView.Iso(d) : "—").Append("</td><td>")
              .Append(E(row.Outlet)).Append("</td><td><details><summary>sentence</summary><blockquote>").Append(E(row.Evidence))
              .Append("</blockquote><span class=\"doc\">").Append(E(row.Doc)).Append("</span></details></td></tr>");
        }
        sb.Append("</table></div>");
    }

    /// <summary>
    /// A horizontal bar per figure, ordered by date then source: bar length is the figure, a thin
    /// line spans its hedge's bounds, so disagreements read at a glance.
    /// </summary>
    private static string Chart(GroupView g)
    {
        var rows = g.Rows.OrderBy(r => r.When ?? DateOnly.MaxValue).ThenBy(r => r.Who, StringComparer.Ordinal).ToList();
        var max = rows.Max(r => Math.Max(r.Value, r.High ?? r.Value)) * 1.08m;
        if (max <= 0)
            return "";
        const int labelWidth = 300, barWidth = 480, rowHeight = 24, top = 8;
        var height = top + rows.Count * rowHeight + 22;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg role=\"img\" aria-label=\"Figures by source\" viewBox=\"0 0 {labelWidth + barWidth + 120} {height}\" width=\"{labelWidth + barWidth + 120}\" height=\"{height}\" xmlns=\"http://www.w3.org/2000/svg\">");
        double X(decimal v) => labelWidth + (double)(v / max) * barWidth;
        var consensusX = X(g.Group.Consensus.Value);
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            var y = top + i * rowHeight;
            var label = $"{r.Who}{(r.When is { } d ? " · " + StoryView.Iso(d) : "")}";
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth - 8}\" y=\"{y + 15}\" text-anchor=\"end\">{E(MarkdownBrief.Shorten(label, 46))}</text>");
            sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{labelWidth}\" y=\"{y + 4}\" width=\"{X(r.Value) - labelWidth:F1}\" height=\"14\" rx=\"3\" fill=\"#5b7fd1\"/>");
            var low = r.Low ?? 0;
            var high = r.High ?? max;
            sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{X(low):F1}\" x2=\"{X(Math.Min(high, max)):F1}\" y1=\"{y + 11}\" y2=\"{y + 11}\" stroke=\"#1d2330\" stroke-width=\"1.5\"{(r.High is null ? " stroke-dasharray=\"3 3\"" : "")}/>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(Math.Max(r.Value, Math.Min(high, max))) + 6:F1}\" y=\"{y + 15}\">{E(StoryView.Hedged(r.Value, r.Hedge))}</text>");
        }
        sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{consensusX:F1}\" x2=\"{consensusX:F1}\" y1=\"{top}\" y2=\"{top + rows.Count * rowHeight}\" stroke=\"#c2410c\" stroke-dasharray=\"4 3\"/>");
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{consensusX:F1}\" y=\"{height - 6}\" text-anchor=\"middle\" fill=\"#c2410c\">consensus {E(StoryView.Number(g.Group.Consensus.Value))}</text>");
        sb.Append("</svg>");
        return sb.ToString();
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
