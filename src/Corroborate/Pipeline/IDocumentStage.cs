namespace Corroborate.Pipeline;

/// <summary>
/// One per-article step. A stage declares the layers it needs and the layers it adds, and
/// returns a new document; it never edits its input. Implementations must be thread-safe:
/// a frozen pipeline runs one stage instance on many articles at once.
/// </summary>
public interface IDocumentStage
{
    string Name { get; }
    Layer Needs { get; }
    Layer Produces { get; }
    AnalyzedDocument Apply(AnalyzedDocument document);
}
