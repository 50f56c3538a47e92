using System.Text.Json;
using Corroborate.Cli;
using Xunit;

namespace Corroborate.Tests.Ingest.Html;

/// <summary><c>corroborate extract</c>: JSON Lines records in the input form, exit codes like brief's.</summary>
public sealed class ExtractCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CorroborateCommand.Run(args, stdout, stderr, () => new MemoryStream());
        return (code, stdout.ToString(), stderr.ToString());
    }

    private const string Article = """
        <html><head><meta property="og:title" content="Budget approved"><meta property="og:site_name" content="Example Post">
        <meta name="author" content="Jane Doe"><meta property="article:published_time" content="2024-10-31T14:05:00-04:00">
        <link rel="canonical" href="https://example.org/budget"></head>
        <body><nav><a href="/">Home</a></nav><article><p>The council voted on Tuesday, after a long debate, to approve the budget.</p></article></body></html>
        """;

    [Fact]
    public void Pages_become_records_on_standard_output()
    {
        using var dir = new TempDir();
        dir.File("pages/budget.html", Article);
        var (code, stdout, stderr) = Run("extract", Path.Combine(dir.Path, "pages"));
        Assert.True(code == ExitCodes.Ok, stderr);
        using var record = JsonDocument.Parse(stdout.Trim());
        var r = record.RootElement;
        Assert.Equal("budget", r.GetProperty("id").GetString());
        Assert.Equal("The council voted on Tuesday, after a long debate, to approve the budget.", r.GetProperty("text").GetString());
        Assert.Equal("Budget approved", r.GetProperty("title").GetString());
        Assert.Equal("Example Post", r.GetProperty("outlet").GetString());
        Assert.Equal("https://example.org/budget", r.GetProperty("url").GetString());
        Assert.Equal("Jane Doe", r.GetProperty("author").GetString());
        Assert.Equal("2024-10-31T14:05:00-04:00", r.GetProperty("published").GetString());
        Assert.Contains("pages/s", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Records_written_to_a_file_read_back_as_articles()
    {
        using var dir = new TempDir();
        var page = dir.File("budget.html", Article);
        var output = Path.Combine(dir.Path, "out.jsonl");
        var (code, stdout, _) = Run("extract", page, "--out", output);
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal("", stdout);
        var doc = Assert.Single(new Corroborate.Ingest.ArticleReader().Read([output])).Document!;
        Assert.Equal("budget", doc.Id);
        Assert.Equal("Example Post", doc.Outlet);
    }

    [Fact]
    public void A_page_without_an_article_is_named_written_empty_and_exits_1()
    {
        using var dir = new TempDir();
        dir.File("in/good.html", Article);
        var empty = dir.File("in/index.html", "<html><body><nav><a href='/a'>A</a></nav></body></html>");
        var (code, stdout, stderr) = Run("extract", Path.Combine(dir.Path, "in"));
        Assert.Equal(ExitCodes.SomeFailed, code);
        Assert.Contains(empty, stderr, StringComparison.Ordinal);
        Assert.Contains("no article", stderr, StringComparison.Ordinal);
        var records = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(2, records.Count);
        Assert.Equal("", records.Single(r => r.GetProperty("id").GetString() == "index").GetProperty("text").GetString());
    }

    [Fact]
    public void Missing_inputs_exit_1_and_unknown_options_exit_2()
    {
        Assert.Equal(ExitCodes.SomeFailed, Run("extract", "/no/such/page.html").Code);
        Assert.Equal(ExitCodes.Usage, Run("extract", "--bogus", "x.html").Code);
        Assert.Equal(ExitCodes.Usage, Run("extract").Code);
    }
}
