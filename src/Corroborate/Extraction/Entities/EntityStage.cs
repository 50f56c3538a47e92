using System.Collections.Frozen;
using Corroborate.Pipeline;

namespace Corroborate.Extraction.Entities;

/// <summary>People, organisations and places of each article, with in-article name resolution, and the outlet where the article names it.</summary>
public sealed class EntityStage(EntityLexicon lexicon, FrozenSet<string> outletWords) : IDocumentStage
{
    private readonly EntityRecognizer _recognizer = new(lexicon);

    public string Name => nameof(EntityStage);
    public Layer Needs => Layer.Tokens | Layer.Sentences | Layer.Furniture;
    public Layer Produces => Layer.Entities;

    public AnalyzedDocument Apply(AnalyzedDocument document) =>
        document with
        {
            Entities = BylinePeople.Add(document.Text, document.Tokens, document.Furniture,
                OutletMentions.Add(document.Text, document.Document.Outlet, _recognizer.Recognize(document.Text, document.Tokens, document.Sentences), outletWords),
                lexicon, outletWords),
        };
}
