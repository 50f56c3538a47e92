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

    [Fact]
    public void Ids_stay_unique_and_references_resolve_when_stories_are_reconciled_one_at_a_time()
    {
        using var dir = new TempDir();
        var lines = new[]
        {
            """{"id": "a1", "story": "flood", "published": "2024-05-02", "outlet": "A", "text": "At least 12 people were killed and 40 injured when the river burst its banks, the mayor, John Smith, said on Thursday."}""",
            """{"id": "b1", "story": "fire", "published": "2024-05-03", "outlet": "B", "text": "Fire chief Ann Lee said 300 homes were destroyed and two firefighters were injured on Friday."}""",
            """{"id": "a2", "story": "flood", "published": "2024-05-03", "outlet": "C", "text": "The death toll rose to 15, the mayor said on Friday. \"We have never seen water like this,\" John Smith said."}""",
            """{"id": "b2", "story": "fire", "published": "2024-05-04", "outlet": "D", "text": "About 320 homes were destroyed, Ann Lee said. \"The wind changed in minutes,\" she said."}""",
        };
        var input = dir.File("mixed.jsonl", string.Join('\n', lines) + "\n");
        using var dossier = Brief(input, Path.Combine(dir.Path, "out"));
        var root = dossier.RootElement;
        foreach (var section in new[] { "entities", "quantities", "quotes", "groups" })
        {
            var ids = root.GetProperty(section).EnumerateArray().Select(e => e.GetProperty("id").GetString()).ToList();
            Assert.NotEmpty(ids);
            Assert.Equal(ids.Count, ids.Distinct().Count());
        }
        var quantities = root.GetProperty("quantities").EnumerateArray().ToDictionary(q => q.GetProperty("id").GetString()!);
        var stories = new HashSet<string>();
        foreach (var g in root.GetProperty("groups").EnumerateArray())
        {
            stories.Add(g.GetProperty("story").GetString()!);
            foreach (var m in g.GetProperty("members").EnumerateArray())
                Assert.Equal(g.GetProperty("id").GetString(), quantities[m.GetString()!].GetProperty("group").GetString());
        }
        Assert.Equal(["fire", "flood"], stories.Order());
        var entities = root.GetProperty("entities").EnumerateArray().Select(e => e.GetProperty("id").GetString()).ToHashSet();
        foreach (var q in root.GetProperty("quotes").EnumerateArray())
            if (q.GetProperty("speaker").ValueKind == JsonValueKind.Object && q.GetProperty("speaker").GetProperty("entity").GetString() is { } e)
                Assert.Contains(e, entities);
    }
}
