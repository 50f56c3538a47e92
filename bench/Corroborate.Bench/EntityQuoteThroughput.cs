using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Corroborate.Extraction.Entities;
using Corroborate.Extraction.Quotes;
using Corroborate.Lexicons;
using Corroborate.Model;
using Corroborate.Pipeline;
using Corroborate.Text;

namespace Corroborate.Bench;

/// <summary>
/// Entities + quotations, single-threaded, over the gva-dev corpus: the text stages run once in
/// setup, so only <see cref="EntityStage"/> and <see cref="QuoteStage"/> are timed. Divide the
/// corpus size (<see cref="Bytes"/>, UTF-8) by the mean time for MB/s. The corpus path comes from
/// CORROBORATE_GVA (default: shared/corpus/gva-dev/articles.jsonl beside the repository).
/// </summary>
[MemoryDiagnoser]
public class EntityQuoteThroughput
{
    private AnalyzedDocument[] _documents = [];
    private EntityStage _entities = null!;
    private QuoteStage _quotes = null!;

    public long Bytes { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        var data = LanguageData.LoadEnglish();
        var text = new PipelineBuilder().Add(new FurnitureStage(data)).Add(new SentenceStage(data)).Build();
        _entities = new EntityStage(EntityLexicon.LoadEnglish());
        _quotes = new QuoteStage(QuoteLexicon.LoadEnglish());
        var path = Environment.GetEnvironmentVariable("CORROBORATE_GVA") ?? FindCorpus();
        var docs = new List<AnalyzedDocument>();
        foreach (var line in File.ReadLines(path))
        {
            using var json = JsonDocument.Parse(line);
            var body = json.RootElement.GetProperty("text").GetString() ?? "";
            docs.Add(text.Run(new NewsDocument(json.RootElement.GetProperty("id").GetString()!, path, body)));
            Bytes += Encoding.UTF8.GetByteCount(body);
        }
        _documents = [.. docs];
    }

    /// <summary>Runs both stages over every article; returns a count so the work is not optimised away.</summary>
    [Benchmark]
    public int EntitiesAndQuotes()
    {
        var n = 0;
        foreach (var d in _documents)
            n += _quotes.Apply(_entities.Apply(d)).Quotes.Length;
        return n;
    }

    private static string FindCorpus()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "corpus", "gva-dev", "articles.jsonl");
            if (File.Exists(candidate))
                return candidate;
            dir = dir.Parent;
        }
        throw new FileNotFoundException("gva-dev corpus not found; set CORROBORATE_GVA");
    }
}
