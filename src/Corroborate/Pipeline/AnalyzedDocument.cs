using System.Collections.Immutable;
using Corroborate.Model;

namespace Corroborate.Pipeline;

/// <summary>The layers a per-article stage can need or add.</summary>
[Flags]
public enum Layer
{
    None = 0,
    Furniture = 1 << 0,
    Paragraphs = 1 << 1,
    Sentences = 1 << 2,
    Tokens = 1 << 3,
    Times = 1 << 4,
    Entities = 1 << 5,
    Quotes = 1 << 6,
    Quantities = 1 << 7,
}

/// <summary>
/// A <see cref="NewsDocument"/> with the typed layers the pipeline has added so far. Each stage
/// returns a new instance with one more layer; a layer that is absent is <c>default</c>.
/// Immutable; thread-safe.
/// </summary>
public sealed record AnalyzedDocument(NewsDocument Document)
{
    public ImmutableArray<Furniture> Furniture { get; init; }
    public ImmutableArray<Paragraph> Paragraphs { get; init; }
    public ImmutableArray<Sentence> Sentences { get; init; }
    public ImmutableArray<Token> Tokens { get; init; }
    public ImmutableArray<TimeExpression> Times { get; init; }
    public ImmutableArray<EntityMention> Entities { get; init; }
    public ImmutableArray<Quote> Quotes { get; init; }
    public ImmutableArray<Quantity> Quantities { get; init; }
    /// <summary>The day a dateline gave without its year, for an article with no publication date (see <see cref="DatelineYears{T}"/>).</summary>
    public MonthDay? DatelineDay { get; init; }

    /// <summary>Stage failures recorded on this article; the batch goes on.</summary>
    public ImmutableArray<DocumentError> Failures { get; init; } = [];

    public string Text => Document.Text;

    /// <summary>Which layers are present.</summary>
    public Layer Present =>
        (Furniture.IsDefault ? Layer.None : Layer.Furniture)
        | (Paragraphs.IsDefault ? Layer.None : Layer.Paragraphs)
        | (Sentences.IsDefault ? Layer.None : Layer.Sentences)
        | (Tokens.IsDefault ? Layer.None : Layer.Tokens)
        | (Times.IsDefault ? Layer.None : Layer.Times)
        | (Entities.IsDefault ? Layer.None : Layer.Entities)
        | (Quotes.IsDefault ? Layer.None : Layer.Quotes)
        | (Quantities.IsDefault ? Layer.None : Layer.Quantities);

    /// <summary>Reading errors and stage failures together.</summary>
    public IEnumerable<DocumentError> AllErrors => Document.Errors.Concat(Failures);
}
