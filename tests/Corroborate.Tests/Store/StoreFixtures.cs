using System.Globalization;
using System.Text;
using System.Text.Json;
using Corroborate.Cli;
using Microsoft.Data.Sqlite;

namespace Corroborate.Tests.Store;

/// <summary>Helpers for the store tests: running the command, synthetic articles, and a canonical dump of a store.</summary>
internal static class StoreFixtures
{
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CorroborateCommand.Run(args, stdout, stderr, () => new MemoryStream());
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static readonly string[] Places = ["Northfield", "Lakeside", "Riverton", "Hillcrest", "Oakdale", "Fairview", "Brookhaven", "Westport"];
    private static readonly string[] Events = ["warehouse fire", "bridge collapse", "factory strike", "flood", "power outage", "train derailment", "chemical spill", "hospital evacuation"];
    private static readonly string[] Officials = ["fire chief Dana Mercer", "mayor Owen Talbot", "police spokesman Lee Brandt", "county officer Rita Vance"];

    /// <summary>
    /// JSON Lines of synthetic news reports: a fixed seed, so the same every run. Reports come in
    /// stories (an event in a place); one in <paramref name="unkeyedEvery"/> names no story and is clustered.
    /// </summary>
    public static string Articles(int count, int unkeyedEvery = 4, int seed = 7)
    {
        var random = new Random(seed);
        var sb = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            var story = random.Next(count / 6 + 1);
            var place = Places[story % Places.Length];
            var what = Events[story / Places.Length % Events.Length];
            var who = Officials[random.Next(Officials.Length)];
            var day = new DateOnly(2024, 1, 1).AddDays(story % 300 + random.Next(3));
            var figure = 10 + story % 90 + random.Next(5);
            var text = string.Create(CultureInfo.InvariantCulture,
                $"The {what} in {place} (case {story}) left at least {figure} people injured, {who} said on {day:MMMM d}. "
                + $"\"We are still counting,\" {who} told reporters. About {figure * 10} residents were moved from the area near {place} station. "
                + $"Report {i}: crews worked through the night and {random.Next(2, 9)} roads stayed closed.");
            var record = new Dictionary<string, object?>
            {
                ["id"] = $"a{i:D5}",
                ["published"] = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["outlet"] = $"outlet{random.Next(12)}.example",
                ["title"] = $"{what} in {place}: {figure} injured",
                ["text"] = text,
                ["desk"] = i % 3 == 0 ? "metro" : null,
            };
            if (i % unkeyedEvery != 0)
                record["story"] = $"case-{story}";
            sb.Append(JsonSerializer.Serialize(record)).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>Every row of the store, in arrival order: what "the same store" means.</summary>
    public static List<string> Dump(string db)
    {
        using var c = Open(db);
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT seq, id, ifnull(story_key, '-'), hash, story, ifnull(superseded_by, 0) FROM article ORDER BY seq";
        using var r = cmd.ExecuteReader();
        var rows = new List<string>();
        while (r.Read())
            rows.Add(string.Create(CultureInfo.InvariantCulture, $"{r.GetInt64(0)} {r.GetString(1)} {r.GetString(2)} {r.GetString(3)} {r.GetString(4)} {r.GetInt64(5)}"));
        return rows;
    }

    /// <summary>Identities with more than one current row: must be none.</summary>
    public static List<string> Duplicates(string db)
    {
        using var c = Open(db);
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT id || '/' || ifnull(story_key, '') FROM article WHERE superseded_by IS NULL GROUP BY id, ifnull(story_key, '') HAVING count(*) > 1";
        using var r = cmd.ExecuteReader();
        var rows = new List<string>();
        while (r.Read())
            rows.Add(r.GetString(0));
        return rows;
    }

    /// <summary>Rows committed so far, or -1 while the store does not exist yet (or is being created).</summary>
    public static long Committed(string db)
    {
        if (!File.Exists(db))
            return -1;
        try
        {
            using var c = Open(db);
            using var cmd = c.CreateCommand();
            cmd.CommandText = "SELECT count(*) FROM article";
            return (long)cmd.ExecuteScalar()!;
        }
        catch (SqliteException)
        {
            return -1;
        }
    }

    private static SqliteConnection Open(string db)
    {
        var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        c.Open();
        return c;
    }
}
