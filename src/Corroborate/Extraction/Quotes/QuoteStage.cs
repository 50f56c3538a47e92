using Corroborate.Pipeline;

namespace Corroborate.Extraction.Quotes;

/// <summary>Quotations, partial quotations and reported speech of each article, with their speakers.</summary>
public sealed class QuoteStage(QuoteLexicon lexicon) : IDocumentStage
{
    private readonly QuoteExtractor _extractor = new(lexicon);

    public string Name => nameof(QuoteStage);
    public Layer Needs => Layer.Tokens | Layer.Sentences | Layer.Paragraphs | Layer.Entities;
    public Layer Produces => Layer.Quotes;

    public AnalyzedDocument Apply(AnalyzedDocument document) => document with { Quotes = _extractor.Extract(document) };
}
