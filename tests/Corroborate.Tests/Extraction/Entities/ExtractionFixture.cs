using Corroborate.Model;
using Corroborate.Pipeline;
using Corroborate.Text;

namespace Corroborate.Tests.Extraction.Entities;

/// <summary>The standard pipeline, built once per process (it is immutable), and a helper to run it on a text.</summary>
internal static class ExtractionFixture
{
    private static readonly Lazy<DocumentPipeline> Standard = new(() => StandardPipeline.Build(TestData.Data));

    public static AnalyzedDocument Run(string text, string id = "t") => Standard.Value.Run(new NewsDocument(id, id + ".txt", text));
}
