using Xunit;
using System.Collections.Immutable;
using Corroborate.Model;
using Corroborate.Pipeline;
using Corroborate.Text;

namespace Corroborate.Tests.Pipeline;

public sealed class PipelineBuilderTests
{
    private sealed class Failing(Layer produces) : IDocumentStage
    {
        public string Name => "Failing";
        public Layer Needs => Layer.None;
        public Layer Produces => produces;
        public AnalyzedDocument Apply(AnalyzedDocument document) => throw new InvalidOperationException("boom");
    }

    [Fact]
    public void A_stage_whose_needs_come_later_fails_at_build_time_naming_the_supplier()
    {
        var builder = new PipelineBuilder().Add(new SentenceStage(TestData.Data)).Add(new FurnitureStage(TestData.Data));
        var e = Assert.Throws<PipelineConfigurationException>(builder.Build);
        Assert.Contains("SentenceStage needs Furniture", e.Message);
        Assert.Contains("FurnitureStage", e.Message);
    }

    [Fact]
    public void A_stage_with_no_supplier_names_the_stage_to_add()
    {
        var e = Assert.Throws<PipelineConfigurationException>(() => new PipelineBuilder().Add(new SentenceStage(TestData.Data)).Build());
        Assert.Contains("add a stage that produces it (FurnitureStage)", e.Message);
    }

    [Fact]
    public void The_standard_pipeline_adds_every_layer_without_touching_the_text()
    {
        const string text = "WASHINGTON (Reuters) - Officials met on Monday. They agreed.\n\nRead more: Other news";
        var result = StandardPipeline.Build(TestData.Data).Run(new NewsDocument("a", "a.txt", text));
        Assert.Equal(text, result.Text);
        Assert.Empty(result.Failures);
        // Each stage added to the standard pipeline adds its layer; the text stages' layers are always there.
        Assert.True(result.Present.HasFlag(Layer.Furniture | Layer.Paragraphs | Layer.Sentences | Layer.Tokens | Layer.Entities | Layer.Quotes), result.Present.ToString());
        Assert.Equal(["Officials met on Monday.", "They agreed."], result.Sentences.Select(s => s.Span.Of(text)));
        Assert.Empty(result.Failures);
    }

    [Fact]
    public void A_failing_stage_is_recorded_on_the_article_and_dependent_stages_are_skipped()
    {
        var pipeline = new PipelineBuilder().Add(new Failing(Layer.Furniture)).Add(new SentenceStage(TestData.Data)).Build();
        var result = pipeline.Run(new NewsDocument("a", "a.txt", "Text."));
        Assert.Equal(2, result.Failures.Length);
        Assert.Contains("boom", result.Failures[0].Message);
        Assert.Equal("Failing", result.Failures[0].Location);
        Assert.Contains("skipped", result.Failures[1].Message);
        Assert.True(result.Sentences.IsDefault);
    }

    [Fact]
    public void A_built_pipeline_is_frozen()
    {
        var builder = new PipelineBuilder().Add(new FurnitureStage(TestData.Data));
        var pipeline = builder.Build();
        builder.Add(new SentenceStage(TestData.Data));
        Assert.Single(pipeline.Stages);
        Assert.IsType<ImmutableArray<IDocumentStage>>(pipeline.Stages);
    }
}
