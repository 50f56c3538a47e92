using System.Text.Json;
using Corroborate.Cli;
using Xunit;

namespace Corroborate.Tests.Cli;

public sealed class BriefCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CorroborateCommand.Run(args, stdout, stderr, () => new MemoryStream());
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Samples_give_a_dossier_and_a_brief_and_exit_0()
    {
        using var dir = new TempDir();
        var (code, stdout, stderr) = Run("brief", TestData.Samples, "--out", dir.Path);
        Assert.True(code == ExitCodes.Ok, stderr);
        Assert.Contains("5 articles in 1 story", stdout);
        Assert.True(File.Exists(Path.Combine(dir.Path, "brief.md")));
        using var dossier = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir.Path, "dossier.json")));
        Assert.Equal(5, dossier.RootElement.GetProperty("documents").GetArrayLength());
    }

    [Fact]
    public void Some_bad_inputs_exit_1_naming_each_and_the_rest_are_written()
    {
        using var dir = new TempDir();
        var good = dir.File("in/good.txt", "Officials said the talks failed.");
        var bad = dir.File("in/bad.txt", [0x00, 0x01, 0x02]);
        var jsonl = dir.File("in/batch.jsonl", "{\"id\":\"j1\",\"text\":\"Fine.\"}\n{broken\n");
        var (code, _, stderr) = Run("brief", Path.Combine(dir.Path, "in"), "--out", Path.Combine(dir.Path, "out"));
        Assert.Equal(ExitCodes.SomeFailed, code);
        Assert.Contains(bad, stderr);
        Assert.Contains($"{jsonl} (line 2)", stderr);
        Assert.DoesNotContain(good, stderr);
        using var dossier = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir.Path, "out", "dossier.json")));
        Assert.Equal(2, dossier.RootElement.GetProperty("documents").GetArrayLength());
        Assert.Equal(2, dossier.RootElement.GetProperty("failures").GetArrayLength());
    }

    /// <summary>An input folder holding one article, and the path of an output named <paramref name="output"/> inside it.</summary>
    private static (string Input, string Output) OneArticleWithOutputInside(TempDir dir, string output)
    {
        dir.File("in/a.txt", "Officials said the talks failed on Tuesday.");
        var input = Path.Combine(dir.Path, "in");
        return (input, Path.Combine(input, output));
    }

    [Fact]
    public void A_brief_written_inside_its_input_folder_is_not_read_back_on_the_next_run()
    {
        using var dir = new TempDir();
        var (input, output) = OneArticleWithOutputInside(dir, "out");
        Assert.Equal(ExitCodes.Ok, Run("brief", input, "--out", output).Code);
        var (code, stdout, stderr) = Run("brief", input, "--out", output);
        Assert.True(code == ExitCodes.Ok, stderr);
        Assert.Contains("1 article in 1 story", stdout);
    }

    [Fact]
    public void An_extract_written_inside_its_input_folder_is_not_read_as_input()
    {
        using var dir = new TempDir();
        var (input, output) = OneArticleWithOutputInside(dir, "articles.jsonl");
        Assert.Equal(ExitCodes.Ok, Run("extract", input, "--out", output).Code);
        Assert.Equal(ExitCodes.Ok, Run("extract", input, "--out", output).Code);
        Assert.Single(File.ReadAllLines(output));
    }

    [Theory]
    [InlineData("brief")]
    [InlineData("brief", "x.txt", "--no-such-option")]
    [InlineData("summon")]
    public void Usage_errors_exit_2(params string[] args)
    {
        var (code, _, stderr) = Run(args);
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--help", stderr);
    }

    [Fact]
    public void Help_explains_inputs_and_outputs()
    {
        var (code, stdout, _) = Run("brief", "--help");
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains(".jsonl", stdout);
        Assert.Contains("--out", stdout);
        Assert.Contains("Exit code", stdout);
    }

    [Fact]
    public void The_json_option_writes_a_second_copy_of_the_dossier()
    {
        using var dir = new TempDir();
        var target = Path.Combine(dir.Path, "copy", "d.json");
        var (code, _, _) = Run("brief", TestData.Samples, "--out", Path.Combine(dir.Path, "o"), "--json", target);
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal(File.ReadAllText(Path.Combine(dir.Path, "o", "dossier.json")), File.ReadAllText(target));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Analyzing_and_reconciling_in_parallel_writes_the_same_outputs_as_one_thread(bool manyStories)
    {
        using var dir = new TempDir();
        var input = TestData.Samples;
        if (manyStories)
        {
            // Stories of different sizes, so that they finish out of order when reconciled at once.
            input = Path.Combine(dir.Path, "stream.jsonl");
            File.WriteAllLines(input, Enumerable.Range(0, 24).Select(i => System.Text.Json.JsonSerializer.Serialize(new
            {
                id = $"a{i}",
                story = $"k{i % 7}",
                published = $"2024-03-{1 + i % 7:00}",
                text = $"A shooting in Harwick left {2 + i % 3} people dead and {i % 5 + 1} others wounded on Saturday, Chief Mara Quill said. "
                       + $"Officer Tomas Everly said {10 + i} shots were fired. \"We are still looking for the gunman,\" Quill said.",
            })));
        }
        var one = Path.Combine(dir.Path, "one");
        var many = Path.Combine(dir.Path, "many");
        Assert.Equal(ExitCodes.Ok, Run("brief", input, "--out", one, "--threads", "1").Code);
        Assert.Equal(ExitCodes.Ok, Run("brief", input, "--out", many, "--threads", "4").Code);
        foreach (var file in new[] { "dossier.json", "brief.md", "brief.html", "claims.csv" })
            Assert.Equal(File.ReadAllText(Path.Combine(one, file)), File.ReadAllText(Path.Combine(many, file)));
        // Ids stay unique across stories reconciled at once.
        using var dossier = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(many, "dossier.json")));
        foreach (var section in new[] { "entities", "quantities", "quotes", "groups" })
        {
            var ids = dossier.RootElement.GetProperty(section).EnumerateArray().Select(e => e.GetProperty("id").GetString()).ToList();
            Assert.Equal(ids.Count, ids.Distinct().Count());
            Assert.True(!manyStories || ids.Count > 7, section);
        }
    }
}
