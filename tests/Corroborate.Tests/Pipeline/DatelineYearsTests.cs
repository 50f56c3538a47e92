using System.Text.Json;
using Corroborate.Cli;
using Corroborate.Ingest;
using Corroborate.Model;
using Xunit;

namespace Corroborate.Tests.Pipeline;

public sealed class DatelineYearsTests
{
    [Theory]
    [InlineData("Oct 18", 10, 18)]
    [InlineData("July 13", 7, 13)]
    [InlineData("13 July", 7, 13)]
    [InlineData("Sept. 4", 9, 4)]
    [InlineData("Feb 29", 2, 29)]
    public void A_dateline_day_without_its_year_reads(string text, int month, int day) =>
        Assert.Equal(new MonthDay(month, day), DateParsing.TryParseMonthDay(text));

    [Theory]
    [InlineData("Oct 18, 2026")]
    [InlineData("Monday")]
    [InlineData("Oct 32")]
    public void Other_text_is_no_dateline_day(string text) => Assert.Null(DateParsing.TryParseMonthDay(text));

    [Theory]
    [InlineData(7, 13, "2026-07-20", "2026-07-13")]
    [InlineData(12, 31, "2027-01-02", "2026-12-31")]
    [InlineData(1, 2, "2026-12-30", "2027-01-02")]
    public void The_year_is_the_one_nearest_the_reports_around(int month, int day, string near, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            new MonthDay(month, day).Nearest(DateOnly.Parse(near, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void The_year_puts_no_report_after_the_latest_around_it() =>
        // April 3 is nearer October 19 in the next year than in this one, but a report comes out before the reports after it.
        Assert.Equal(new DateOnly(2026, 4, 3), new MonthDay(4, 3).Nearest(new DateOnly(2026, 10, 19), notAfter: new DateOnly(2026, 10, 21)));

    [Fact]
    public void The_year_is_the_one_nearest_either_report_around() =>
        // Before it, another story's report of February; after it, its own of May 5: May 4 of that year, not of the last.
        Assert.Equal(new DateOnly(2026, 5, 4), new MonthDay(5, 4).Nearest([new DateOnly(2026, 2, 15), new DateOnly(2026, 5, 5)], notAfter: new DateOnly(2026, 7, 6)));

    [Fact]
    public void A_leap_day_with_no_leap_year_near_is_no_date() =>
        Assert.Null(new MonthDay(2, 29).Nearest(new DateOnly(2026, 3, 1)));

    [Fact]
    public void A_wire_report_dated_without_a_year_takes_the_year_of_the_reports_after_it()
    {
        using var dir = new TempDir();
        var input = Path.Combine(dir.Path, "in");
        Directory.CreateDirectory(input);
        // First in the stream, nothing before it to date it by: it waits for the next dated report.
        File.WriteAllText(Path.Combine(input, "a.txt"),
            "TALMOR, Oct 18 (Meridian) - At least 14 people were killed when a bus left a mountain road near Brennick late on Saturday, police said.\n\nRescuers worked through the night.");
        File.WriteAllText(Path.Combine(input, "b.txt"), "Police said 16 people were killed when the bus left the road near Brennick on Saturday night.");
        File.WriteAllText(Path.Combine(input, "b.meta.json"), """{"published": "2026-10-19"}""");
        var code = CorroborateCommand.Run(["brief", input, "--out", Path.Combine(dir.Path, "out")], new StringWriter(), new StringWriter());
        Assert.Equal(ExitCodes.Ok, code);
        using var dossier = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir.Path, "out", "dossier.json")));
        var a = dossier.RootElement.GetProperty("documents").EnumerateArray().Single(d => d.GetProperty("id").GetString() == "a");
        Assert.Equal("2026-10-18", a.GetProperty("published").GetString());
        Assert.Equal("dateline", a.GetProperty("publishedFrom").GetString());
        var saturday = dossier.RootElement.GetProperty("times").EnumerateArray()
            .Single(t => t.GetProperty("doc").GetString() == "a" && t.GetProperty("text").GetString()!.Contains("Saturday", StringComparison.Ordinal));
        Assert.Equal("2026-10-17", saturday.GetProperty("value").GetString()![..10]);
    }

    [Fact]
    public void In_a_mixed_stream_it_takes_the_year_of_its_own_story_after_it_and_the_order_is_kept()
    {
        using var dir = new TempDir();
        var input = Path.Combine(dir.Path, "in");
        Directory.CreateDirectory(input);
        // Another story's report of February comes first; May 4 is more than two months past it, so by it alone the
        // wire report would be last year's. The next dated report, of its own story, is of May 5.
        File.WriteAllText(Path.Combine(input, "a.txt"), "The river at Dunmore rose two metres overnight and 300 homes were flooded, the council said on Sunday.");
        File.WriteAllText(Path.Combine(input, "a.meta.json"), """{"published": "2026-02-15"}""");
        File.WriteAllText(Path.Combine(input, "b.txt"),
            "TALMOR, May 4 (Meridian) - At least 14 people were killed when a bus left a mountain road near Brennick late on Saturday, police said.\n\nRescuers worked through the night.");
        File.WriteAllText(Path.Combine(input, "c.txt"), "A second survivor of Saturday's bus crash near Brennick left hospital on Monday.");
        File.WriteAllText(Path.Combine(input, "d.txt"), "Police said 16 people were killed when the bus left the road near Brennick on Saturday night.");
        File.WriteAllText(Path.Combine(input, "d.meta.json"), """{"published": "2026-05-05"}""");
        var code = CorroborateCommand.Run(["brief", input, "--out", Path.Combine(dir.Path, "out")], new StringWriter(), new StringWriter());
        Assert.Equal(ExitCodes.Ok, code);
        using var dossier = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir.Path, "out", "dossier.json")));
        var documents = dossier.RootElement.GetProperty("documents").EnumerateArray().ToList();
        Assert.Equal(["a", "b", "c", "d"], documents.Select(d => d.GetProperty("id").GetString()));
        Assert.Equal("2026-05-04", documents[1].GetProperty("published").GetString());
    }

    [Fact]
    public void With_no_dated_report_in_the_stream_it_stays_undated()
    {
        using var dir = new TempDir();
        var input = Path.Combine(dir.Path, "in");
        Directory.CreateDirectory(input);
        File.WriteAllText(Path.Combine(input, "a.txt"), "TALMOR, Oct 18 (Meridian) - At least 14 people were killed when a bus left a mountain road late on Saturday, police said.");
        var code = CorroborateCommand.Run(["brief", input, "--out", Path.Combine(dir.Path, "out")], new StringWriter(), new StringWriter());
        Assert.Equal(ExitCodes.Ok, code);
        using var dossier = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir.Path, "out", "dossier.json")));
        var a = dossier.RootElement.GetProperty("documents")[0];
        Assert.Equal(JsonValueKind.Null, a.GetProperty("published").ValueKind);
    }
}
