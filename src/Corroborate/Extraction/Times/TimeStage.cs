using Corroborate.Model;
using Corroborate.Pipeline;

namespace Corroborate.Extraction.Times;

/// <summary>
/// Adds the <see cref="Layer.Times"/> layer: every temporal expression, resolved against the
/// publication date. An article whose metadata and dateline give no date takes the latest
/// explicit date of its content as publication date (<see cref="PublishedFrom.Content"/>);
/// with none, relative values stay unresolved. Immutable; thread-safe.
/// </summary>
public sealed class TimeStage(TimeExtractor extractor) : IDocumentStage
{
    public string Name => nameof(TimeStage);
    public Layer Needs => Layer.Sentences;
    public Layer Produces => Layer.Times;

    public AnalyzedDocument Apply(AnalyzedDocument document)
    {
        var doc = document.Document;
        var published = doc.Published;
        if (published is null && extractor.LatestExplicitDate(doc.Text) is { } content)
        {
            published = new Published(content, null, PublishedFrom.Content);
            document = document with { Document = doc with { Published = published } };
        }
        return document with { Times = extractor.Extract(doc.Text, published?.Date) };
    }
}
