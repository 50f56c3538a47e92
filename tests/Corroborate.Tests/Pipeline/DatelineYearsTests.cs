using System.Text.Json;
using Corroborate.Cli;
using Corroborate.Ingest;
using Corroborate.Model;
using Corroborate.Pipeline;
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
    public void Days_at_the_ends_of_the_calendar_are_no_error()
    {
        Assert.Equal(new DateOnly(1, 1, 5), new MonthDay(1, 5).Nearest(new DateOnly(1, 1, 3)));
        Assert.Equal(new DateOnly(9999, 12, 31), new MonthDay(12, 31).Nearest(new DateOnly(9999, 12, 30)));
    }

    [Fact]
    public void A_leap_day_with_no_leap_year_near_is_no_date() =>
        Assert.Null(new MonthDay(2, 29).Nearest(new DateOnly(2026, 3, 1)));

    [Fact]
    public void A_wire_report_dated_without_a_year_takes_the_year_of_the_reports_after_it()
    {
        // First in the stream, nothing before it to date it by: it waits for the next dated report.
        using var dossier = Brief(
            ("a.txt", "TALMOR, Oct 18 (Meridian) - At least 14 people were killed when a bus left a mountain road near Brennick late on Saturday, police said.\n\nRescuers worked through the night."),
            ("b.txt", "Police said 16 people were killed when the bus left the road near Brennick on Saturday night."),
            ("b.meta.json", """{"published": "2026-10-19"}"""));
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
        // Another story's report of February comes first; May 4 is more than two months past it, so by it alone the
        // wire report would be last year's. The next dated report, of its own story, is of May 5.
        using var dossier = Brief(
            ("a.txt", "The river at Dunmore rose two metres overnight and 300 homes were flooded, the council said on Sunday."),
            ("a.meta.json", """{"published": "2026-02-15"}"""),
            ("b.txt", "TALMOR, May 4 (Meridian) - At least 14 people were killed when a bus left a mountain road near Brennick late on Saturday, police said.\n\nRescuers worked through the night."),
            ("c.txt", "A second survivor of Saturday's bus crash near Brennick left hospital on Monday."),
            ("d.txt", "Police said 16 people were killed when the bus left the road near Brennick on Saturday night."),
            ("d.meta.json", """{"published": "2026-05-05"}"""));
        var documents = dossier.RootElement.GetProperty("documents").EnumerateArray().ToList();
        Assert.Equal(["a", "b", "c", "d"], documents.Select(d => d.GetProperty("id").GetString()));
        Assert.Equal("2026-05-04", documents[1].GetProperty("published").GetString());
    }

    [Fact]
    public void When_the_next_dated_report_is_another_storys_a_later_one_of_its_own_gives_the_year()
    {
        // First in a batch; the report after it is of another story, a year earlier; the one after that is its own.
        using var dossier = Brief(
            ("a.txt", "TALMOR, March 8 (Meridian) - At least 14 people were killed when a bus left a mountain road near Brennick late on Saturday, police said."),
            ("b.txt", "The election commission said on Monday that turnout had reached 61 percent."),
            ("b.meta.json", """{"published": "2025-05-12"}"""),
            ("c.txt", "Police said 16 people were killed when the bus left the road near Brennick on Saturday night."),
            ("c.meta.json", """{"published": "2026-03-09"}"""));
        var documents = dossier.RootElement.GetProperty("documents").EnumerateArray().ToList();
        Assert.Equal(["a", "b", "c"], documents.Select(d => d.GetProperty("id").GetString()));
        Assert.Equal("2026-03-08", documents[0].GetProperty("published").GetString());
    }

    [Fact]
    public void Past_the_bound_it_goes_on_undated_and_the_reports_behind_it_wait_no_longer()
    {
        var pipeline = Corroborate.Text.StandardPipeline.Build(TestData.Data);
        var years = new DatelineYears<int>(pipeline);
        var wire = new NewsDocument("w", "w", "TALMOR, Oct 18 (Meridian) - At least 14 people were killed when a bus left a mountain road, police said.");
        var undated = new NewsDocument("u", "u", "Police said the bus left the road near Brennick.");
        var (analyzedWire, analyzedUndated) = (pipeline.Run(wire), pipeline.Run(undated));
        var released = years.Feed(0, wire, analyzedWire).Select(r => r.Item).ToList();
        const int Bound = DatelineYears<int>.MaxWaiting;
        for (var i = 1; i < Bound; i++)
            released.AddRange(years.Feed(i, undated, analyzedUndated).Select(r => r.Item));
        Assert.Empty(released);
        // One more than the bound: the wire report leaves undated, and every report queued behind it with it, in order.
        released.AddRange(years.Feed(Bound, undated, analyzedUndated).Select(r => r.Item));
        Assert.Equal(Enumerable.Range(0, Bound + 1), released);
        Assert.Equal([Bound + 1], years.Feed(Bound + 1, undated, analyzedUndated).Select(r => r.Item));
    }

    [Fact]
    public void With_no_dated_report_in_the_stream_it_stays_undated()
    {
        using var dossier = Brief(("a.txt", "TALMOR, Oct 18 (Meridian) - At least 14 people were killed when a bus left a mountain road late on Saturday, police said."));
        var a = dossier.RootElement.GetProperty("documents")[0];
        Assert.Equal(JsonValueKind.Null, a.GetProperty("published").ValueKind);
    }

    /// <summary>The dossier of a brief over these files, written to a folder of their own.</summary>
    private static JsonDocument Brief(params (string Name, string Text)[] files)
    {
        using var dir = new TempDir();
        var input = Path.Combine(dir.Path, "in");
        Directory.CreateDirectory(input);
        foreach (var (name, text) in files)
            File.WriteAllText(Path.Combine(input, name), text);
        var code = CorroborateCommand.Run(["brief", input, "--out", Path.Combine(dir.Path, "out")], new StringWriter(), new StringWriter());
        Assert.Equal(ExitCodes.Ok, code);
        return JsonDocument.Parse(File.ReadAllText(Path.Combine(dir.Path, "out", "dossier.json")));
    }
}
