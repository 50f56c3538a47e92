using Corroborate.Cli;
using Corroborate.Model;
using Corroborate.Output;
using Corroborate.Reconcile;
using Xunit;

namespace Corroborate.Tests.Output;

public sealed class StoryAssignerTests
{
    private static readonly IReadOnlyDictionary<FurnitureKind, int> NoFurniture = new Dictionary<FurnitureKind, int>();

    private static DocumentSummary Summary(string id, string? title, string? lead, string? date) => new(
        id, id + ".txt", title, "Outlet", date is null ? null : new Published(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), null, PublishedFrom.Metadata),
        "s", lead, 1, NoFurniture, []);

    private static Story Only(params DocumentSummary[] summaries)
    {
        var assigner = new StoryAssigner(new StoryClusterer(TestData.Data));
        foreach (var s in summaries)
            assigner.Add(s);
        return Assert.Single(assigner.Stories());
    }

    [Fact]
    public void A_story_is_titled_by_its_earliest_dated_report_whatever_the_order_of_arrival()
    {
        var story = Only(
            Summary("b", "Second day: toll rises", null, "2026-03-11"),
            Summary("u", "Undated feature", null, null),
            Summary("a", "Blast at the plant", null, "2026-03-10"),
            Summary("a2", "Same day, later arrival", null, "2026-03-10"));
        Assert.Equal("Blast at the plant", story.Title);
        Assert.Equal(new DateOnly(2026, 3, 10), story.First);
        Assert.Equal(new DateOnly(2026, 3, 11), story.Last);
        Assert.Equal(["b", "u", "a", "a2"], story.Documents.Select(d => d.Id));
    }

    [Fact]
    public void With_no_title_the_earliest_lead_names_the_story_and_the_kept_summaries_drop_titles_and_leads()
    {
        var story = Only(
            Summary("b", "  ", "A later lead.", "2026-03-11"),
            Summary("a", null, "The first lead.", "2026-03-10"));
        Assert.Equal("The first lead.", story.Title);
        Assert.All(story.Documents, d => Assert.Null(d.Title));
        Assert.All(story.Documents, d => Assert.Null(d.Lead));
    }

    [Fact]
    public void The_brief_lists_each_report_with_its_title_and_lead_read_back_with_the_article()
    {
        using var dir = new TempDir();
        var input = Path.Combine(dir.Path, "in.jsonl");
        File.WriteAllLines(input,
        [
            """{"id": "r2", "story": "k", "published": "2026-03-11", "title": "Toll rises to 14 at the mill", "text": "Rescuers said 14 people died at the Dunmore mill. Work went on overnight."}""",
            """{"id": "r1", "story": "k", "published": "2026-03-10", "title": "Roof falls in at the Dunmore mill", "text": "Police said 12 people died when the roof of the Dunmore mill fell in. Searches continue."}""",
        ]);
        var code = CorroborateCommand.Run(["brief", input, "--out", Path.Combine(dir.Path, "out")], new StringWriter(), new StringWriter());
        Assert.Equal(ExitCodes.Ok, code);
        var md = File.ReadAllText(Path.Combine(dir.Path, "out", "brief.md"));
        Assert.Contains("## Roof falls in at the Dunmore mill", md, StringComparison.Ordinal);
        Assert.Contains("| Toll rises to 14 at the mill | Rescuers said 14 people died at the Dunmore mill. |", md, StringComparison.Ordinal);
        var html = File.ReadAllText(Path.Combine(dir.Path, "out", "brief.html"));
        Assert.Contains("Police said 12 people died when the roof of the Dunmore mill fell in.", html, StringComparison.Ordinal);
    }
}
