using System.Diagnostics;
using System.Text;
using Corroborate.Ingest;
using Corroborate.Ingest.Html;
using Xunit;

namespace Corroborate.Tests.Ingest.Html;

/// <summary>Hostile and broken pages: size, nesting, no article, legacy charsets, broken markup.</summary>
public sealed class HtmlRobustnessTests
{
    private const string Sentence = "The council voted on Tuesday, after a long debate, to approve the new budget for the coming year. ";

    [Fact]
    public void A_10_MB_page_is_read_in_bounded_time()
    {
        var sb = new StringBuilder("<html><body><nav><a href='/'>Home</a></nav><article>");
        while (sb.Length < 10 * 1024 * 1024)
            sb.Append("<p>").Append(Sentence).Append(Sentence).Append("</p>\n<div class='ad'><a href='/x'>Buy now</a></div>\n");
        sb.Append("</article></body></html>");
        var clock = Stopwatch.StartNew();
        var page = HtmlArticle.Parse(sb.ToString());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"took {clock.Elapsed}");
        Assert.StartsWith(Sentence.Trim(), page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Buy now", page.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("div")]
    [InlineData("span")]
    [InlineData("blockquote")]
    public void Ten_thousand_nested_elements_do_not_overflow_the_stack(string tag)
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat($"<{tag}>", 10_000)) + "<p>" + Sentence + "</p>"
                   + string.Concat(Enumerable.Repeat($"</{tag}>", 10_000)) + "</body></html>";
        var page = HtmlArticle.Parse(html);
        Assert.Contains("approve the new budget", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Unclosed_nested_elements_do_not_overflow_the_stack()
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div><b><i>", 10_000)) + Sentence;
        var page = HtmlArticle.Parse(html);
        Assert.Contains("approve the new budget", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_markup_still_gives_the_article()
    {
        var html = "<html><body><div class=content><p>" + Sentence + "<p>" + Sentence + "<table><tr><td>cell</div></p></span>"
                   + "<p>Third paragraph, with commas, still read.<!-- unclosed comment";
        var page = HtmlArticle.Parse(html);
        Assert.Contains("approve the new budget", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_with_no_article_gives_empty_text_and_the_reader_says_so()
    {
        const string html = "<html><head><title>Index</title></head><body><nav><a href='/a'>A</a> <a href='/b'>B</a></nav><footer>© Site</footer></body></html>";
        Assert.Equal("", HtmlArticle.Parse(html).Text);
        using var dir = new TempDir();
        var item = Assert.Single(new ArticleReader().Read([dir.File("index.html", html)]));
        Assert.Contains("no article", item.Error!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<meta charset=\"windows-1252\">", "windows-1252")]
    [InlineData("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">", "windows-1252")]
    [InlineData("<META HTTP-EQUIV='content-type' CONTENT='text/html;charset=iso-8859-15'>", "iso-8859-15")]
    public void A_page_in_a_declared_legacy_charset_is_decoded(string declaration, string encoding)
    {
        var html = $"<html><head>{declaration}<title>Café</title></head><body><article><p>Le café coûte 2 € à la gare, a-t-il dit, et « c'est trop ».</p></article></body></html>";
        var bytes = CodePagesEncodingProvider.Instance.GetEncoding(encoding)!.GetBytes(html);
        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, "page.html");
        File.WriteAllBytes(path, bytes);
        var doc = Assert.Single(new ArticleReader().Read([path])).Document!;
        Assert.Equal("Le café coûte 2 € à la gare, a-t-il dit, et « c'est trop ».", doc.Text);
        Assert.Equal("Café", doc.Title);
    }

    [Fact]
    public void A_page_in_shift_jis_is_decoded()
    {
        const string text = "東京都は火曜日、新しい予算案を承認したと発表した。";
        var html = $"<html><head><meta charset=\"Shift_JIS\"></head><body><article><p>{text}</p></article></body></html>";
        var bytes = CodePagesEncodingProvider.Instance.GetEncoding("shift_jis")!.GetBytes(html);
        Assert.Equal(text, HtmlArticle.Parse(TextDecoding.TryDecodeHtml(bytes, out var error) ?? throw new InvalidOperationException(error)).Text);
    }

    [Fact]
    public void An_undeclared_page_that_is_not_utf8_is_refused_with_a_reason()
    {
        var bytes = Encoding.Latin1.GetBytes("<html><body><p>caf\u00e9</p></body></html>");
        Assert.Null(TextDecoding.TryDecodeHtml(bytes, out var error));
        Assert.Contains("declares no charset", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_declaration_after_the_first_kilobyte_is_found()
    {
        var head = "<html><head>" + new string(' ', 5000) + "<meta charset='koi8-r'>";
        Assert.Equal("koi8-r", HtmlCharset.Declared(Encoding.ASCII.GetBytes(head))!.WebName);
        Assert.Null(HtmlCharset.Declared(Encoding.ASCII.GetBytes("<html><head><meta charset='no-such-charset'>")));
    }

    [Fact]
    public void Broken_json_ld_does_not_stop_the_page()
    {
        const string html = "<html><head><script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", broken</script>"
                            + "<meta property=\"og:title\" content=\"Still here\"></head><body><article><p>Body text.</p></article></body></html>";
        var page = HtmlArticle.Parse(html);
        Assert.Equal("Still here", page.Title);
        Assert.Equal("Body text.", page.Text);
    }

    private static string JsonLdPage(string ldBody, string shown) =>
        "<html><head><script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"articleBody\": \"" + ldBody + "\"}</script></head>"
        + "<body><article><p>" + shown + "</p><div id=\"rest\"></div></article></body></html>";

    [Fact]
    public void Json_ld_article_body_fills_in_when_the_page_shows_only_its_opening()
    {
        var paragraphs = Enumerable.Range(1, 6).Select(i => $"Paragraph {i}: " + Sentence.Trim()).ToArray();
        var page = HtmlArticle.Parse(JsonLdPage(string.Join("\\n", paragraphs), paragraphs[0]));
        Assert.Equal(string.Join("\n\n", paragraphs), page.Text);
    }

    [Fact]
    public void Json_ld_article_body_that_the_page_does_not_show_is_not_used()
    {
        var foreign = string.Concat(Enumerable.Repeat("A different story about a harbour and its ships, told at length. ", 10));
        var page = HtmlArticle.Parse(JsonLdPage(foreign, Sentence.Trim()));
        Assert.Equal(Sentence.Trim(), page.Text);
    }
}
