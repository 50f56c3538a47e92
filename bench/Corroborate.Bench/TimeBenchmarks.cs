using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Corroborate.Extraction.Times;

namespace Corroborate.Bench;

/// <summary>
/// Temporal extraction over the texts of a JSON Lines corpus (default: ../shared/corpus/gva-dev),
/// single-threaded, each article resolved against its publication date. Register it with
/// BenchmarkSwitcher in Program.cs; <see cref="MeasureOnce"/> gives a quick MB/s figure without it.
/// </summary>
[MemoryDiagnoser]
public class TimeBenchmarks
{
    private readonly TimeExtractor _extractor = new(TimeLexicon.LoadEnglish());
    private List<(string Text, DateOnly? Published)> _articles = [];

    [Params("../shared/corpus/gva-dev/articles.jsonl")]
    public string Corpus { get; set; } = "";

    [GlobalSetup]
    public void Setup() => _articles = Load(Corpus);

    [Benchmark]
    public int ExtractAll()
    {
        var n = 0;
        foreach (var (text, published) in _articles)
            n += _extractor.Extract(text, published).Length;
        return n;
    }

    public static List<(string Text, DateOnly? Published)> Load(string path) =>
        File.ReadLines(path).Where(l => l.Length > 0).Select(l =>
        {
            using var json = JsonDocument.Parse(l);
            var root = json.RootElement;
            DateOnly? published = root.TryGetProperty("published", out var p) && p.GetString() is { Length: >= 10 } s
                && DateOnly.TryParse(s.AsSpan(0, 10), System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : null;
            return (root.GetProperty("text").GetString() ?? "", published);
        }).ToList();

    /// <summary>Characters per second (as 10^6 chars/s) of the best of <paramref name="rounds"/> passes, after a warm-up pass.</summary>
    public static (double MegaCharsPerSecond, int Expressions, long Chars) MeasureOnce(string path, int rounds = 5)
    {
        var bench = new TimeBenchmarks { Corpus = path };
        bench.Setup();
        var chars = bench._articles.Sum(a => (long)a.Text.Length);
        var found = bench.ExtractAll();
        var best = double.MaxValue;
        for (var r = 0; r < rounds; r++)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            bench.ExtractAll();
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }
        return (chars / best / 1e6, found, chars);
    }
}
