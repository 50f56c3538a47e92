using System.Collections.Immutable;
using System.Text.Json;
using Corroborate.Ingest;
using Corroborate.Model;
using Corroborate.Output;
using Corroborate.Pipeline;
using Corroborate.Text;
using Xunit;

namespace Corroborate.Tests.Output;

public sealed class AnalysisSpoolTests
{
    private static readonly DocumentPipeline Pipeline = StandardPipeline.Build(TestData.Data);

    [Fact]
    public void Every_layer_of_every_sample_reads_back_as_written_story_by_story()
    {
        var docs = new ArticleReader().Read([TestData.Samples]).Select(i => Pipeline.Run(i.Document!)).ToList();
        Assert.True(docs.Count >= 5);
        using var spool = new AnalysisSpool();
        for (var i = 0; i < docs.Count; i++)
            spool.Add(i % 2 == 0 ? "even" : "odd", docs[i]);

        var even = spool.Read("even").ToList();
        var odd = spool.Read("odd").ToList();
        Assert.Equal(docs.Where((_, i) => i % 2 == 0).Select(d => d.Document.Id), even.Select(d => d.Document.Id));
        Assert.Equal(docs.Where((_, i) => i % 2 == 1).Select(d => d.Document.Id), odd.Select(d => d.Document.Id));
        Assert.Empty(spool.Read("none"));
        foreach (var back in even.Concat(odd))
            AssertSame(docs.Single(d => d.Document.Id == back.Document.Id), back);
    }

    [Fact]
    public void An_absent_layer_stays_absent_and_an_empty_one_empty()
    {
        var doc = new AnalyzedDocument(new NewsDocument("x", "x.txt", "Text. More text.")
        {
            Title = "T", Outlet = "O", Url = "https://example.org/x", Story = "k",
            Published = new Published(new DateOnly(2024, 10, 28), new DateTimeOffset(2024, 10, 28, 9, 30, 0, TimeSpan.FromHours(2)), PublishedFrom.Dateline),
            Extra = ImmutableDictionary<string, JsonElement>.Empty.Add("lang", JsonDocument.Parse("\"en\"").RootElement),
            Errors = [new DocumentError("x.txt", "line 3", "odd byte")],
        })
        {
            Sentences = [],
            Failures = [new DocumentError("x.txt", null, "TimeStage failed")],
        };
        using var spool = new AnalysisSpool();
        spool.Add("s", doc);
        var back = Assert.Single(spool.Read("s"));
        Assert.True(back.Tokens.IsDefault);
        Assert.True(back.Quantities.IsDefault);
        Assert.False(back.Sentences.IsDefault);
        Assert.Empty(back.Sentences);
        Assert.Equal(doc.Present, back.Present);
        Assert.Equal(doc.Document.Published, back.Document.Published);
        Assert.Equal("en", back.Document.Extra["lang"].GetString());
        Assert.Equal(doc.Document.Errors.ToArray(), back.Document.Errors.ToArray());
        Assert.Equal(doc.Failures.ToArray(), back.Failures.ToArray());
        Assert.Equal((doc.Document.Title, doc.Document.Outlet, doc.Document.Url, doc.Document.Story), (back.Document.Title, back.Document.Outlet, back.Document.Url, back.Document.Story));
    }

    // ImmutableArray compares by reference: the layers are compared as sequences.
    private static void AssertSame(AnalyzedDocument expected, AnalyzedDocument actual)
    {
        Assert.Equal(expected.Document.Text, actual.Document.Text);
        Assert.Equal(expected.Document.Published, actual.Document.Published);
        Assert.Equal(expected.Present, actual.Present);
        Assert.Equal(expected.Tokens.ToArray(), actual.Tokens.ToArray());
        Assert.Equal(expected.Furniture.ToArray(), actual.Furniture.ToArray());
        Assert.Equal(expected.Paragraphs.ToArray(), actual.Paragraphs.ToArray());
        Assert.Equal(expected.Sentences.ToArray(), actual.Sentences.ToArray());
        Assert.Equal(expected.Times.ToArray(), actual.Times.ToArray());
        Assert.Equal(expected.Entities.ToArray(), actual.Entities.ToArray());
        Assert.Equal(expected.Quotes.ToArray(), actual.Quotes.ToArray());
        Assert.Equal(expected.Quantities.ToArray(), actual.Quantities.ToArray());
        Assert.NotEmpty(actual.Tokens);
        Assert.NotEmpty(actual.Quantities);
    }
}
