using System.Text.Json;
using Corroborate.Cli;
using Xunit;

namespace Corroborate.Tests.Output;

/// <summary>The dossier obeys spec/dossier.md: every field present, every span indexes the document text.</summary>
public sealed class DossierContractTests
{
    private static JsonDocument Brief(string input, string outDir)
    {
        var code = CorroborateCommand.Run(["brief", input, "--out", outDir], new StringWriter(), new StringWriter());
        Assert.NotEqual(ExitCodes.Usage, code);
        return JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "dossier.json")));
    }

    [Fact]
    public void Top_level_sections_are_all_present()
    {
        using var dir = new TempDir();
        using var dossier = Brief(TestData.Samples, dir.Path);
        var root = dossier.RootElement;
        Assert.Equal(1, root.GetProperty("version").GetInt32());
        foreach (var key in new[] { "documents", "entities", "times", "quantities", "quotes", "groups", "origins", "stories", "timeline" })
            Assert.Equal(JsonValueKind.Array, root.GetProperty(key).ValueKind);
    }

    [Fact]
    public void Documents_carry_every_field_and_their_spans_index_their_text()
    {
        using var dir = new TempDir();
        using var dossier = Brief(TestData.Samples, dir.Path);
        foreach (var doc in dossier.RootElement.GetProperty("documents").EnumerateArray())
        {
            foreach (var key in new[] { "id", "source", "title", "outlet", "url", "published", "publishedFrom", "story", "boilerplate", "offTopic", "text", "errors" })
                Assert.True(doc.TryGetProperty(key, out _), $"{key} missing");
            var text = doc.GetProperty("text").GetString()!;
            var source = File.ReadAllText(doc.GetProperty("source").GetString()!);
            Assert.Equal(source, text);
            foreach (var layer in new[] { "boilerplate", "sentences", "paragraphs" })
            {
                foreach (var span in doc.GetProperty(layer).EnumerateArray())
                {
                    var start = span.GetProperty("start").GetInt32();
                    var end = span.GetProperty("end").GetInt32();
                    Assert.InRange(start, 0, end);
                    Assert.InRange(end, start, text.Length);
                    Assert.False(string.IsNullOrWhiteSpace(text[start..end]));
                }
            }
        }
    }

    [Fact]
    public void The_dateline_fills_publication_date_and_outlet()
    {
        using var dir = new TempDir();
        var input = Path.Combine(dir.Path, "in");
        Directory.CreateDirectory(input);
        File.WriteAllText(Path.Combine(input, "a.txt"), "date 2023-03-14 (Example Wire) Officials said on Monday that talks failed.\n\nThey will meet again.");
        using var dossier = Brief(input, Path.Combine(dir.Path, "out"));
        var doc = dossier.RootElement.GetProperty("documents")[0];
        Assert.Equal("2023-03-14", doc.GetProperty("published").GetString());
        Assert.Equal("dateline", doc.GetProperty("publishedFrom").GetString());
        Assert.Equal("Example Wire", doc.GetProperty("outlet").GetString());
        var furniture = doc.GetProperty("boilerplate")[0];
        Assert.Equal("dateline", furniture.GetProperty("kind").GetString());
    }

    [Fact]
    public void Hostile_article_text_stays_inert_in_the_brief()
    {
        using var dir = new TempDir();
        var input = Path.Combine(dir.Path, "in");
        Directory.CreateDirectory(input);
        File.WriteAllText(Path.Combine(input, "x.txt"), "<script>alert(1)</script> | <img src=x onerror=alert(2)> [link](javascript:alert(3)) said officials.");
        File.WriteAllText(Path.Combine(input, "x.meta.json"), """{"title": "<b>Bold</b> | title", "outlet": "<i>o</i>"}""");
        Brief(input, Path.Combine(dir.Path, "out")).Dispose();
        var md = File.ReadAllText(Path.Combine(dir.Path, "out", "brief.md"));
        Assert.DoesNotContain("<script", md);
        Assert.DoesNotContain("<img", md);
        Assert.DoesNotContain("<b>", md);
        Assert.Contains("\\[link\\](javascript", md);
        var html = Markdig.Markdown.ToHtml(md);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("<a ", html);
    }
}
