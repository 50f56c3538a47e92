using Corroborate.Evaluation;
using Corroborate.Extraction.Times;
using Corroborate.Model;
using Corroborate.Pipeline;
using Corroborate.Text;
using Xunit;

namespace Corroborate.Tests.Extraction.Times;

public sealed class TimeStageTests
{
    private static readonly DocumentPipeline Pipeline = StandardPipeline.Build(TestData.Data);

    [Fact]
    public void RelativeDatesResolveAgainstMetadataDate()
    {
        var doc = new NewsDocument("a", "a.txt", "The minister resigned on Monday.")
            { Published = new Published(new DateOnly(2024, 10, 29), null, PublishedFrom.Metadata) };
        var result = Pipeline.Run(doc);
        var t = Assert.Single(result.Times);
        Assert.Equal("2024-10-28", t.Value);
    }

    [Fact]
    public void ContentDateBecomesPublicationDateWhenMetadataHasNone()
    {
        var doc = new NewsDocument("b", "b.txt", "The council met on Oct. 28, 2024, and again on Oct. 30, 2024.\n\nThe mayor spoke on Monday.");
        var result = Pipeline.Run(doc);
        Assert.Equal(new Published(new DateOnly(2024, 10, 30), null, PublishedFrom.Content), result.Document.Published);
        Assert.Contains(result.Times, t => t.Value == "2024-10-28" && t.Span.Of(result.Text) == "Monday");
    }

    [Fact]
    public void TimesInCopyrightLinesAreLeftOutAndHeadlineTimesKept()
    {
        var doc = new NewsDocument("d", "d.txt",
            "Man shot dead outside bar on Sunday\n\nA man was shot outside a bar early Sunday, police said.\n\n© 2016 Cox Media Group.")
            { Published = new Published(new DateOnly(2016, 3, 22), null, PublishedFrom.Metadata) };
        var result = Pipeline.Run(doc);
        Assert.Contains(result.Furniture, f => f.Kind == FurnitureKind.Copyright);
        Assert.DoesNotContain(result.Times, t => t.Value == "2016");
        Assert.Equal(2, result.Times.Count(t => t.Value == "2016-03-20"));
    }

    [Fact]
    public void TimesInTheOutletsDateLineAreKept()
    {
        // "EuroWire Today | Europe | 13/03/2026": the report's own date, in a line of furniture.
        var doc = new NewsDocument("e", "e.txt",
            "Strike shuts the capital\n\nEuroWire Today | Europe | 13/03/2026\n\nTens of thousands of workers marched through the capital on Thursday, unions said.")
            { Published = new Published(new DateOnly(2026, 3, 13), null, PublishedFrom.Metadata) };
        var result = Pipeline.Run(doc);
        Assert.Contains(result.Furniture, f => f.Span.Of(result.Text).Contains("13/03/2026"));
        Assert.Contains(result.Times, t => t.Value == "2026-03-13" && t.Span.Of(result.Text) == "13/03/2026");
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(9999, 12, 31)]
    public void AnAnchorAtTheEndsOfTheCalendarLeavesRelativeValuesUnresolved(int y, int m, int d)
    {
        var extractor = new TimeExtractor(TimeLexicon.LoadEnglish());
        var times = extractor.Extract("The mayor spoke on Monday, the day before, and resigned last week.", new DateOnly(y, m, d));
        Assert.Equal(["XXXX-WXX-1", "XXXX-WXX"], times.Select(t => t.Value));
    }

    [Fact]
    public void NoAnchorLeavesRelativeValuesUnresolved()
    {
        var doc = new NewsDocument("c", "c.txt", "The mayor spoke on Monday and resigned last week.");
        var result = Pipeline.Run(doc);
        Assert.Null(result.Document.Published);
        Assert.Equal(["XXXX-WXX-1", "XXXX-WXX"], result.Times.Select(t => t.Value));
    }

    [Fact]
    public void StageNeedsSentencesAndProducesTimes()
    {
        var stage = new TimeStage(TimeSpecTests.Extractor);
        Assert.Equal(Layer.Sentences, stage.Needs);
        Assert.Equal(Layer.Times, stage.Produces);
    }

    [Fact]
    public void TimeMlReaderKeepsSpansAndCreationTime()
    {
        using var dir = new TempDir();
        var path = dir.File("d.tml", """
            <?xml version="1.0" ?>
            <TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-08-07" functionInDocument="CREATION_TIME">1998-08-07</TIMEX3></DCT>
            <TEXT>Bombs <EVENT eid="e1">exploded</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-08-07">Friday</TIMEX3>, killing dozens.</TEXT></TimeML>
            """);
        var doc = TimeMlReader.ReadTml(path);
        Assert.Equal(new DateOnly(1998, 8, 7), doc.CreationTime);
        var g = Assert.Single(doc.Gold);
        Assert.Equal("Friday", g.Span.Of(doc.Text));
        var score = TimeMlScorer.Score(TimeSpecTests.Extractor, [doc]);
        Assert.Equal(1.0, score.RelaxedF1);
        Assert.Equal(1.0, score.ValueF1);
    }
}
