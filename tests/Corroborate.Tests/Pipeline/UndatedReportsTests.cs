using System.Text.Json;
using Corroborate.Cli;
using Xunit;

namespace Corroborate.Tests.Pipeline;

public sealed class UndatedReportsTests
{
    /// <summary>Times of the dossier's document <paramref name="doc"/>: text → value.</summary>
    private static Dictionary<string, string> TimesOf(string outDir, string doc)
    {
        using var dossier = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "dossier.json")));
        return dossier.RootElement.GetProperty("times").EnumerateArray()
            .Where(t => t.GetProperty("doc").GetString() == doc)
            .GroupBy(t => t.GetProperty("text").GetString()!)
            .ToDictionary(g => g.Key, g => g.First().GetProperty("value").GetString()!);
    }

    private static string Brief(TempDir dir, string undated)
    {
        var input = Path.Combine(dir.Path, "in");
        Directory.CreateDirectory(input);
        // A strike told by two dated reports (Tuesday 12 and Friday 15 May 2026) and a local paper with no date.
        File.WriteAllText(Path.Combine(input, "a.txt"), "Dockers at the Port of Velsby walked out on Saturday, the union said. Police arrested 14 people at the Velsby gate on Tuesday night.");
        File.WriteAllText(Path.Combine(input, "a.meta.json"), """{"published": "2026-05-12", "story": "strike"}""");
        File.WriteAllText(Path.Combine(input, "b.txt"), "The strike at the Port of Velsby entered its seventh day on Friday as the union weighed a new pay offer.");
        File.WriteAllText(Path.Combine(input, "b.meta.json"), """{"published": "2026-05-15", "story": "strike"}""");
        File.WriteAllText(Path.Combine(input, "c.txt"), undated);
        File.WriteAllText(Path.Combine(input, "c.meta.json"), """{"story": "strike"}""");
        var outDir = Path.Combine(dir.Path, "out");
        Assert.Equal(ExitCodes.Ok, CorroborateCommand.Run(["brief", input, "--out", outDir], new StringWriter(), new StringWriter()));
        return outDir;
    }

    [Fact]
    public void A_report_with_no_date_reads_its_weekdays_against_its_story_and_comes_out_the_day_after_the_latest()
    {
        using var dir = new TempDir();
        var outDir = Brief(dir, "Pickets at the Velsby gate have kept a fire going since Saturday, and police vans have lined the road since Tuesday night. "
            + "Most of those held were released by Wednesday evening. Union branch secretary Ola Brekke said yesterday that 2,000 dockers were still out.");
        var times = TimesOf(outDir, "c");
        Assert.Equal("2026-05-09", times["Saturday"]);
        Assert.Equal("2026-05-12TNI", times["Tuesday night"]);
        Assert.Equal("2026-05-13TEV", times["Wednesday evening"]);
        // Read as of Thursday 14 May: the day after the latest weekday behind it.
        Assert.Equal("2026-05-13", times["yesterday"]);
        using var dossier = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "dossier.json")));
        // Its publication date stays unknown: only its times are resolved.
        var c = dossier.RootElement.GetProperty("documents").EnumerateArray().Single(d => d.GetProperty("id").GetString() == "c");
        Assert.Equal(JsonValueKind.Null, c.GetProperty("published").ValueKind);
    }

    [Fact]
    public void A_report_with_no_date_and_no_weekday_stays_unresolved()
    {
        using var dir = new TempDir();
        var outDir = Brief(dir, "Union branch secretary Ola Brekke said yesterday that 2,000 dockers were still out at the Velsby gate.");
        Assert.Equal("XXXX-XX-XX", TimesOf(outDir, "c")["yesterday"]);
    }
}
