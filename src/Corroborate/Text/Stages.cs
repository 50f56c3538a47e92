using Corroborate.Extraction.Entities;
using Corroborate.Extraction.Quantities;
using Corroborate.Extraction.Quotes;
using Corroborate.Extraction.Times;
using Corroborate.Lexicons;
using Corroborate.Pipeline;

namespace Corroborate.Text;

/// <summary>Marks page furniture, and fills publication date, outlet and address from a dateline or a link line when metadata lacks them.</summary>
public sealed class FurnitureStage(LanguageData data) : IDocumentStage
{
    private readonly FurnitureDetector _detector = new(data);

    public string Name => nameof(FurnitureStage);
    public Layer Needs => Layer.None;
    public Layer Produces => Layer.Furniture;

    public AnalyzedDocument Apply(AnalyzedDocument document)
    {
        var doc = document.Document;
        var result = _detector.Detect(doc.Text, doc.Title, doc.Outlet);
        return document with
        {
            Document = doc with
            {
                Published = doc.Published ?? result.Published,
                Outlet = doc.Outlet ?? result.Outlet,
                Url = doc.Url ?? result.Url,
                Title = doc.Title ?? result.Furniture.Where(f => f.Kind == Model.FurnitureKind.Headline)
                    .Select(f => f.Span.Of(doc.Text).Trim('*', '#', ' ')).FirstOrDefault()
                    ?? (result.Heading is { } heading ? heading.Of(doc.Text).Trim('*', '#', ' ') : null),
            },
            Furniture = result.Furniture,
            DatelineDay = doc.Published is null ? result.DatelineDay : null,
        };
    }
}

/// <summary>Tokens, paragraphs and sentences; sentences leave page furniture out.</summary>
public sealed class SentenceStage(LanguageData data) : IDocumentStage
{
    private readonly Tokenizer _tokenizer = new(data);
    private readonly SentenceSplitter _splitter = new(data);

    public string Name => nameof(SentenceStage);
    public Layer Needs => Layer.Furniture;
    public Layer Produces => Layer.Tokens | Layer.Paragraphs | Layer.Sentences;

    public AnalyzedDocument Apply(AnalyzedDocument document)
    {
        var tokens = _tokenizer.Tokenize(document.Text);
        var (paragraphs, sentences) = _splitter.Split(document.Text, tokens, document.Furniture);
        return document with { Tokens = tokens, Paragraphs = paragraphs, Sentences = sentences };
    }
}

/// <summary>The standard per-article pipeline.</summary>
public static class StandardPipeline
{
    public static DocumentPipeline Build(LanguageData data) => new PipelineBuilder()
        .Add(new FurnitureStage(data))
        .Add(new SentenceStage(data))
        .Add(new TimeStage(new TimeExtractor(TimeLexicon.LoadEnglish())))
        .Add(new EntityStage(EntityLexicon.LoadEnglish(data.PlaceFeatures), data.OutletWords))
        .Add(new QuoteStage(QuoteLexicon.LoadEnglish()))
        .Add(new QuantityStage(QuantityLexicon.LoadEnglish()))
        .Build();

    /// <summary>
    /// The first stages of <see cref="Build"/>: all that story clustering reads (tokens, sentences, and the
    /// publication date, outlet and title that furniture and times may fill in). Assigns the same stories
    /// as the whole pipeline at a fraction of its cost; the later stages add layers but never change the document.
    /// </summary>
    public static DocumentPipeline ForClustering(LanguageData data) => new PipelineBuilder()
        .Add(new FurnitureStage(data))
        .Add(new SentenceStage(data))
        .Add(new TimeStage(new TimeExtractor(TimeLexicon.LoadEnglish())))
        .Build();
}
