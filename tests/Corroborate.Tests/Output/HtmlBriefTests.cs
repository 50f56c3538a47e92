using Corroborate.Cli;
using Xunit;

namespace Corroborate.Tests.Output;

public sealed class HtmlBriefTests
{
    [Fact]
    public void Hostile_article_text_stays_inert_in_the_html_brief_and_the_page_is_self_contained()
    {
        using var dir = new TempDir();
        var input = Path.Combine(dir.Path, "in");
        Directory.CreateDirectory(input);
        File.WriteAllText(Path.Combine(input, "x.txt"),
            "<script>alert(1)</script> Officials said 12 people were killed. <img src=x onerror=alert(2)> \"<svg onload=alert(3)>\" the mayor said.");
        File.WriteAllText(Path.Combine(input, "x.meta.json"), """{"title": "<script>alert(4)</script>", "outlet": "<b onmouseover=alert(5)>o</b>"}""");
        var code = CorroborateCommand.Run(["brief", input, "--out", Path.Combine(dir.Path, "out")], new StringWriter(), new StringWriter());
        Assert.Equal(ExitCodes.Ok, code);
        var html = File.ReadAllText(Path.Combine(dir.Path, "out", "brief.html"));
        // Parsed as a browser would: the hostile markup must be text, never elements or handlers.
        using var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        Assert.Empty(page.QuerySelectorAll("script, img, svg *[onload], iframe, object, embed"));
        Assert.DoesNotContain(page.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
        Assert.Contains("<script>alert(1)</script>", page.Body!.TextContent, StringComparison.Ordinal);
        // Self-contained: nothing is fetched from elsewhere.
        Assert.DoesNotContain("src=\"http", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"http", html, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", html, StringComparison.Ordinal);
        var csv = File.ReadAllText(Path.Combine(dir.Path, "out", "claims.csv"));
        Assert.StartsWith("id,story,group", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void A_disputed_group_gets_a_chart()
    {
        using var dir = new TempDir();
        var input = Path.Combine(dir.Path, "in");
        Directory.CreateDirectory(input);
        File.WriteAllText(Path.Combine(input, "a.txt"), "Police said 12 people were killed in the collapse at the Dunmore mill.");
        File.WriteAllText(Path.Combine(input, "b.txt"), "Hospital officials said 30 people were killed in the collapse at the Dunmore mill.");
        CorroborateCommand.Run(["brief", input, "--out", Path.Combine(dir.Path, "out")], new StringWriter(), new StringWriter());
        var html = File.ReadAllText(Path.Combine(dir.Path, "out", "brief.html"));
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Contains("disputed", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_words_relayed_by_two_outlets_are_listed_once_with_both_articles()
    {
        using var dir = new TempDir();
        var input = Path.Combine(dir.Path, "in");
        Directory.CreateDirectory(input);
        const string Quote = "\"We will rebuild every house on this street before the winter,\" the mayor, Ann Lee, said.";
        File.WriteAllText(Path.Combine(input, "a.txt"), "The flood destroyed 40 homes in Dunmore on Monday. " + Quote);
        File.WriteAllText(Path.Combine(input, "b.txt"), "Forty homes were destroyed in Dunmore. " + Quote.Replace("winter,", "winter.", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(input, "c.txt"), "Dunmore counted its losses. \"It was the worst night of my life,\" Ann Lee said.");
        File.WriteAllText(Path.Combine(input, "c.meta.json"), """{"outlet": "Dunmore Gazette"}""");
        var code = CorroborateCommand.Run(["brief", input, "--out", Path.Combine(dir.Path, "out")], new StringWriter(), new StringWriter());
        Assert.NotEqual(ExitCodes.Usage, code);
        var md = File.ReadAllText(Path.Combine(dir.Path, "out", "brief.md"));
        var lines = md.Split('\n').Where(l => l.Contains("rebuild every house", StringComparison.Ordinal)).ToList();
        Assert.Single(lines);
        // No outlet is known for these files: the articles are named by their ids.
        Assert.EndsWith("— a, b", lines[0].TrimEnd(), StringComparison.Ordinal);
        Assert.EndsWith("— Dunmore Gazette", Assert.Single(md.Split('\n'), l => l.Contains("worst night", StringComparison.Ordinal)).TrimEnd(), StringComparison.Ordinal);
    }
}
