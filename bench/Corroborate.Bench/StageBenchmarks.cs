using BenchmarkDotNet.Attributes;
using Corroborate.Ingest;
using Corroborate.Lexicons;
using Corroborate.Model;
using Corroborate.Pipeline;
using Corroborate.Text;

namespace Corroborate.Bench;

/// <summary>
/// Each stage of the standard pipeline alone, single-threaded: one operation applies the stage to
/// every article of the corpus, its inputs (the earlier stages' layers) prepared in setup. So
/// MB/s and allocations per article are the stage's own.
/// </summary>
[MemoryDiagnoser]
public class StageBenchmarks
{
    private IDocumentStage _stage = null!;
    private AnalyzedDocument[] _inputs = [];

    public static IEnumerable<string> StageNames() =>
        StandardPipeline.Build(LanguageData.LoadEnglish()).Stages.Select(s => s.Name);

    [ParamsSource(nameof(StageNames))]
    public string Stage { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var path = Environment.GetEnvironmentVariable(CorpusLocator.EnvironmentVariable) is { Length: > 0 } p ? p : CorpusLocator.Resolve(null);
        var stages = StandardPipeline.Build(LanguageData.LoadEnglish()).Stages;
        var index = stages.Select(s => s.Name).ToList().IndexOf(Stage);
        _stage = stages[index];
        var before = new PipelineBuilder();
        foreach (var s in stages.Take(index))
            before.Add(s);
        var prefix = before.Build();
        _inputs = [.. new ArticleReader().Read([path]).Select(i => i.Document).OfType<NewsDocument>().Select(prefix.Run)];
    }

    [Benchmark(Description = "Stage")]
    public int Apply()
    {
        var n = 0;
        foreach (var doc in _inputs)
            n += _stage.Apply(doc).Present.GetHashCode() & 1;
        return n;
    }
}
