using System.Collections.Immutable;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Corroborate.Extraction.Quantities;
using Corroborate.Lexicons;
using Corroborate.Model;
using Corroborate.Text;

namespace Corroborate.Bench;

/// <summary>
/// Quantity extraction alone (tokens and sentences prepared beforehand), single-threaded, over
/// the gva-dev articles: throughput and allocations per article. Set CORROBORATE_GVA to the
/// articles.jsonl path; by default ../shared/corpus/gva-dev/articles.jsonl from the repository.
/// </summary>
[MemoryDiagnoser]
public class QuantityBenchmarks
{
    private QuantityExtractor _extractor = null!;
    private (string Text, ImmutableArray<Token> Tokens, ImmutableArray<Sentence> Sentences)[] _articles = [];

    /// <summary>Characters in the corpus, to turn the mean time into MB/s.</summary>
    public long Characters { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        var data = LanguageData.LoadEnglish();
        var tokenizer = new Tokenizer(data);
        var splitter = new SentenceSplitter(data);
        _extractor = new QuantityExtractor(QuantityLexicon.LoadEnglish());
        var path = Environment.GetEnvironmentVariable("CORROBORATE_GVA") ?? "../shared/corpus/gva-dev/articles.jsonl";
        _articles = File.ReadLines(path)
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("text").GetString() ?? "")
            .Select(text =>
            {
                var tokens = tokenizer.Tokenize(text);
                var (_, sentences) = splitter.Split(text, tokens, []);
                return (text, tokens, sentences);
            })
            .ToArray();
        Characters = _articles.Sum(a => (long)a.Text.Length);
    }

    [Benchmark(Description = "quantities over gva-dev")]
    public int ExtractAll()
    {
        var n = 0;
        foreach (var (text, tokens, sentences) in _articles)
            n += _extractor.Extract(text, tokens, sentences, default, new DateOnly(2015, 1, 1)).Length;
        return n;
    }
}
