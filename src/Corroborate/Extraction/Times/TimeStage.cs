using Corroborate.Model;
using Corroborate.Pipeline;

namespace Corroborate.Extraction.Times;

/// <summary>
/// Adds the <see cref="Layer.Times"/> layer: every temporal expression, resolved against the
/// publication date. An article whose metadata and dateline give no date takes the latest
/// explicit date of its content as publication date (<see cref="PublishedFrom.Content"/>);
/// with none, relative values stay unresolved. Times inside page furniture that is not the
/// report's (a copyright line, related links) are left out, as sentences leave it out.
/// Immutable; thread-safe.
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
        var times = extractor.Extract(doc.Text, published?.Date);
        if (!document.Furniture.IsDefaultOrEmpty)
            times = times.RemoveAll(t => document.Furniture.Any(f => !SaysWhen(f.Kind) && f.Span.Start <= t.Span.Start && t.Span.End <= f.Span.End));
        return document with { Times = times };
    }

    /// <summary>
    /// Furniture whose times are the report's: the headline, the dateline, the byline and the outlet's or
    /// section's line with the date ("Metro Wire Today | Europe | 13/03/2026"), photo captions ("Police at the
    /// scene Sunday") and video blurbs ("… killed early Sunday. (Published Sunday, March 23)"). The rest
    /// ("© 2016 Cox Media Group", related links, subscription offers) dates nothing.
    /// </summary>
    private static bool SaysWhen(FurnitureKind kind) => kind is FurnitureKind.Headline or FurnitureKind.Dateline or FurnitureKind.Caption
        or FurnitureKind.Media or FurnitureKind.Byline or FurnitureKind.Outlet or FurnitureKind.Navigation;
}
