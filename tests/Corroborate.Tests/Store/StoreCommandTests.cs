using System.Text.Json;
using Corroborate.Cli;
using Microsoft.Data.Sqlite;
using Xunit;
using static Corroborate.Tests.Store.StoreFixtures;

namespace Corroborate.Tests.Store;

public sealed class StoreCommandTests
{
    private static string[] Files => ["dossier.json", "brief.md", "brief.html", "claims.csv"];

    [Fact]
    public void Ingesting_the_same_inputs_again_adds_nothing()
    {
        using var dir = new TempDir();
        var jsonl = dir.File("in/batch.jsonl", Articles(60));
        var db = Path.Combine(dir.Path, "news.db");
        var first = Run("ingest", TestData.Samples, jsonl, "--db", db);
        Assert.True(first.Code == ExitCodes.Ok, first.Err);
        Assert.Contains("65 added, 0 updated, 0 unchanged, 0 failed", first.Out);
        var before = Dump(db);

        var second = Run("ingest", TestData.Samples, jsonl, "--db", db);
        Assert.True(second.Code == ExitCodes.Ok, second.Err);
        Assert.Contains("0 added, 0 updated, 65 unchanged, 0 failed", second.Out);
        Assert.Equal(before, Dump(db));
    }

    [Fact]
    public void A_changed_article_is_updated_and_the_others_are_unchanged()
    {
        using var dir = new TempDir();
        var lines = Articles(20).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var path = dir.File("in/batch.jsonl", string.Join('\n', lines));
        var db = Path.Combine(dir.Path, "news.db");
        Assert.Equal(ExitCodes.Ok, Run("ingest", path, "--db", db).Code);

        lines[5] = lines[5].Replace("crews worked through the night", "crews worked until noon", StringComparison.Ordinal);
        File.WriteAllText(path, string.Join('\n', lines));
        var (code, stdout, stderr) = Run("ingest", path, "--db", db);
        Assert.True(code == ExitCodes.Ok, stderr);
        Assert.Contains("0 added, 1 updated, 19 unchanged", stdout);
        Assert.Empty(Duplicates(db));

        // The new version is current, the old one kept as superseded; brief reads the new one.
        var rows = Dump(db);
        Assert.Equal(21, rows.Count);
        Assert.EndsWith(" 21", rows.Single(r => r.StartsWith("6 a00005 ", StringComparison.Ordinal)));
        var outDir = Path.Combine(dir.Path, "out");
        Assert.Equal(ExitCodes.Ok, Run("brief", "--db", db, "--out", outDir).Code);
        using var dossier = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "dossier.json")));
        var docs = dossier.RootElement.GetProperty("documents").EnumerateArray().ToList();
        Assert.Equal(20, docs.Count);
        Assert.Contains("crews worked until noon", docs.Single(d => d.GetProperty("id").GetString() == "a00005").GetProperty("text").GetString());
    }

    [Fact]
    public void Brief_from_the_store_writes_what_brief_over_the_inputs_writes()
    {
        using var dir = new TempDir();
        // Half the articles name no story, so the stored (clustered) stories are checked too; two ingests, so is the replay.
        var lines = Articles(80, unkeyedEvery: 2).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var part1 = dir.File("in/part1.jsonl", string.Join('\n', lines[..50]));
        var part2 = dir.File("in/part2.jsonl", string.Join('\n', lines[50..]));
        var db = Path.Combine(dir.Path, "news.db");
        Assert.Equal(ExitCodes.Ok, Run("ingest", TestData.Samples, part1, "--db", db).Code);
        Assert.Equal(ExitCodes.Ok, Run("ingest", TestData.Samples, part1, part2, "--db", db).Code);

        var fromFiles = Path.Combine(dir.Path, "files");
        var fromStore = Path.Combine(dir.Path, "store");
        Assert.Equal(ExitCodes.Ok, Run("brief", TestData.Samples, part1, part2, "--out", fromFiles).Code);
        var (code, _, stderr) = Run("brief", "--db", db, "--out", fromStore);
        Assert.True(code == ExitCodes.Ok, stderr);
        foreach (var file in Files)
            Assert.Equal(File.ReadAllText(Path.Combine(fromFiles, file)), File.ReadAllText(Path.Combine(fromStore, file)));
    }

    [Fact]
    public void The_same_article_under_two_stories_is_kept_in_both_as_brief_keeps_it()
    {
        using var dir = new TempDir();
        var path = dir.File("in/twice.jsonl", """
            {"id":"x1","story":"A","text":"Officials said the bridge would reopen on Monday."}
            {"id":"x1","story":"B","text":"Officials said the bridge would reopen on Monday."}
            """);
        var db = Path.Combine(dir.Path, "news.db");
        Assert.Contains("2 added", Run("ingest", path, "--db", db).Out);
        Assert.Contains("0 added, 0 updated, 2 unchanged", Run("ingest", path, "--db", db).Out);
        var fromFiles = Path.Combine(dir.Path, "files");
        var fromStore = Path.Combine(dir.Path, "store");
        Assert.Equal(ExitCodes.Ok, Run("brief", path, "--out", fromFiles).Code);
        Assert.Equal(ExitCodes.Ok, Run("brief", "--db", db, "--out", fromStore).Code);
        Assert.Equal(File.ReadAllText(Path.Combine(fromFiles, "dossier.json")), File.ReadAllText(Path.Combine(fromStore, "dossier.json")));
    }

    [Fact]
    public void The_story_option_briefs_one_story_and_an_unknown_story_is_named()
    {
        using var dir = new TempDir();
        var db = Path.Combine(dir.Path, "news.db");
        Assert.Equal(ExitCodes.Ok, Run("ingest", dir.File("in/a.jsonl", Articles(40)), "--db", db).Code);
        var story = Dump(db).Select(r => r.Split(' ')[4]).GroupBy(s => s).First(g => g.Count() > 1);

        var outDir = Path.Combine(dir.Path, "out");
        var (code, _, stderr) = Run("brief", "--db", db, "--story", story.Key, "--out", outDir);
        Assert.True(code == ExitCodes.Ok, stderr);
        using var dossier = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "dossier.json")));
        var docs = dossier.RootElement.GetProperty("documents").EnumerateArray().ToList();
        Assert.Equal(story.Count(), docs.Count);
        Assert.All(docs, d => Assert.Equal(story.Key, d.GetProperty("story").GetString()));

        var unknown = Run("brief", "--db", db, "--story", "no-such-story", "--out", outDir);
        Assert.Equal(ExitCodes.Usage, unknown.Code);
        Assert.Contains("no story 'no-such-story'", unknown.Err);
    }

    [Fact]
    public void Bad_inputs_are_named_and_the_rest_stored_and_nothing_stored_is_lost()
    {
        using var dir = new TempDir();
        var db = Path.Combine(dir.Path, "news.db");
        Assert.Equal(ExitCodes.Ok, Run("ingest", TestData.Samples, "--db", db).Code);
        var jsonl = dir.File("in/batch.jsonl", "{\"id\":\"j1\",\"text\":\"Fine.\"}\n{broken\n");
        var bad = dir.File("in/bad.txt", [0x00, 0x01, 0x02]);
        var (code, stdout, stderr) = Run("ingest", Path.Combine(dir.Path, "in"), "--db", db);
        Assert.Equal(ExitCodes.SomeFailed, code);
        Assert.Contains($"{jsonl} (line 2)", stderr);
        Assert.Contains(bad, stderr);
        Assert.Contains("1 added, 0 updated, 0 unchanged, 2 failed", stdout);
        Assert.Equal(6, Dump(db).Count);
    }

    [Theory]
    [InlineData("brief")]
    [InlineData("brief", "x.txt", "--db", "x.db")]
    [InlineData("brief", "x.txt", "--story", "s1")]
    [InlineData("ingest", "x.txt")]
    [InlineData("ingest", "--db", "x.db")]
    public void Usage_errors_exit_2(params string[] args)
    {
        var (code, _, stderr) = Run(args);
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--help", stderr);
    }

    [Fact]
    public void A_new_store_in_a_folder_not_yet_made_makes_the_folder()
    {
        using var dir = new TempDir();
        var db = Path.Combine(dir.Path, "stores", "2026", "news.db");
        var (code, stdout, stderr) = Run("ingest", TestData.Samples, "--db", db);
        Assert.True(code == ExitCodes.Ok, stderr);
        Assert.Contains("5 added", stdout);
        Assert.True(File.Exists(db));
    }

    [Fact]
    public void Brief_of_a_missing_store_exits_2_and_creates_nothing()
    {
        using var dir = new TempDir();
        var db = Path.Combine(dir.Path, "missing.db");
        var (code, _, stderr) = Run("brief", "--db", db, "--out", Path.Combine(dir.Path, "out"));
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("no such store", stderr);
        Assert.False(File.Exists(db));
    }

    [Fact]
    public void A_file_that_is_not_a_store_is_refused_and_left_untouched()
    {
        using var dir = new TempDir();
        var text = dir.File("notes.db", "these are notes, not a database\n");
        var other = Path.Combine(dir.Path, "other.db");
        using (var c = new SqliteConnection($"Data Source={other};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1);";
            cmd.ExecuteNonQuery();
        }
        foreach (var db in new[] { text, other })
        {
            var bytes = File.ReadAllBytes(db);
            var ingest = Run("ingest", TestData.Samples, "--db", db);
            Assert.Equal(ExitCodes.Usage, ingest.Code);
            Assert.Contains("not a", ingest.Err);
            var brief = Run("brief", "--db", db, "--out", Path.Combine(dir.Path, "out"));
            Assert.Equal(ExitCodes.Usage, brief.Code);
            Assert.Equal(bytes, File.ReadAllBytes(db));
        }
    }

    [Fact]
    public void A_store_from_a_newer_version_is_refused()
    {
        using var dir = new TempDir();
        var db = Path.Combine(dir.Path, "news.db");
        Assert.Equal(ExitCodes.Ok, Run("ingest", TestData.Samples, "--db", db).Code);
        using (var c = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "PRAGMA user_version = 99";
            cmd.ExecuteNonQuery();
        }
        var (code, _, stderr) = Run("ingest", TestData.Samples, "--db", db);
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("newer", stderr);
        Assert.Equal(ExitCodes.Usage, Run("brief", "--db", db).Code);
    }
}
