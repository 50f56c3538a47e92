using Corroborate.Pipeline;

namespace Corroborate.Extraction.Quantities;

/// <summary>
/// Adds the quantities layer. Needs sentences and tokens; uses the times layer for
/// <see cref="Model.Quantity.When"/> when an earlier stage produced it, else the publication
/// date. Immutable; thread-safe.
/// </summary>
public sealed class QuantityStage(QuantityLexicon lexicon) : IDocumentStage
{
    private readonly QuantityExtractor _extractor = new(lexicon);

    public string Name => nameof(QuantityStage);
    public Layer Needs => Layer.Sentences | Layer.Tokens;
    public Layer Produces => Layer.Quantities;

    public AnalyzedDocument Apply(AnalyzedDocument document) => document with
    {
        Quantities = _extractor.Extract(document.Text, document.Tokens, document.Sentences, document.Times, document.Document.Published?.Date),
    };
}
