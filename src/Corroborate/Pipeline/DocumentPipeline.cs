using System.Collections.Immutable;
using Corroborate.Model;

namespace Corroborate.Pipeline;

/// <summary>Raised when a pipeline is built with a stage whose needs nothing before it supplies.</summary>
public sealed class PipelineConfigurationException(string message) : Exception(message);

/// <summary>
/// Composes stages in order and checks, once, that each stage's needs are produced by an
/// earlier stage. Not thread-safe; the <see cref="DocumentPipeline"/> it builds is.
/// </summary>
public sealed class PipelineBuilder
{
    private readonly List<IDocumentStage> _stages = [];

    public PipelineBuilder Add(IDocumentStage stage)
    {
        ArgumentNullException.ThrowIfNull(stage);
        _stages.Add(stage);
        return this;
    }

    public DocumentPipeline Build()
    {
        var supplied = Layer.None;
        foreach (var stage in _stages)
        {
            var missing = stage.Needs & ~supplied;
            if (missing != Layer.None)
            {
                var suppliers = _stages.Where(s => (s.Produces & missing) != Layer.None).Select(s => s.Name).ToList();
                var hint = suppliers.Count > 0
                    ? $"it is produced by {string.Join(", ", suppliers)}, which must come before {stage.Name}"
                    : $"add a stage that produces it ({KnownSuppliers(missing)}) before {stage.Name}";
                throw new PipelineConfigurationException($"Stage {stage.Name} needs {missing}, which no earlier stage produces: {hint}.");
            }
            supplied |= stage.Produces;
        }
        return new DocumentPipeline([.. _stages]);
    }

    private static string KnownSuppliers(Layer missing) => string.Join(", ",
        Enum.GetValues<Layer>().Where(l => l != Layer.None && missing.HasFlag(l)).Select(l => l switch
        {
            Layer.Furniture => "FurnitureStage",
            Layer.Paragraphs or Layer.Sentences or Layer.Tokens => "SentenceStage",
            Layer.Times => "TimeStage",
            Layer.Entities => "EntityStage",
            Layer.Quotes => "QuoteStage",
            Layer.Quantities => "QuantityStage",
            _ => l.ToString(),
        }).Distinct());
}

/// <summary>
/// A frozen sequence of stages. Running it on one article never throws for that article's
/// content: a failing stage is recorded on the article, and stages that needed its layer are
/// skipped with a note. Immutable; thread-safe.
/// </summary>
public sealed class DocumentPipeline
{
    internal DocumentPipeline(ImmutableArray<IDocumentStage> stages) => Stages = stages;

    public ImmutableArray<IDocumentStage> Stages { get; }

    public AnalyzedDocument Run(NewsDocument document)
    {
        var current = new AnalyzedDocument(document);
        foreach (var stage in Stages)
        {
            var missing = stage.Needs & ~current.Present;
            if (missing != Layer.None)
            {
                current = current with { Failures = current.Failures.Add(new(document.Source, stage.Name, $"skipped: {missing} missing after an earlier failure")) };
                continue;
            }
            try
            {
                current = stage.Apply(current);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                current = current with { Failures = current.Failures.Add(new(document.Source, stage.Name, $"{e.GetType().Name}: {e.Message}")) };
            }
        }
        return current;
    }
}
