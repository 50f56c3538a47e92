using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Corroborate.Ingest;

namespace Corroborate.Bench;

/// <summary>
/// Body extraction from saved web pages, single-threaded, over the development pages of
/// ../shared/corpus/article-extraction-dev (or the folder in CORROBORATE_HTML_PAGES). One
/// operation extracts every page; pages/s = pages / mean time, MB/s = bytes / mean time.
/// <see cref="Measure"/> gives the same figures with a Stopwatch, for runs without BenchmarkDotNet.
/// </summary>
[MemoryDiagnoser]
public class HtmlExtractionBenchmark
{
    private string[] pages = [];

    public static string DefaultFolder =>
        Environment.GetEnvironmentVariable("CORROBORATE_HTML_PAGES") ?? Path.GetFullPath(Path.Combine(FindRoot(), "..", "shared", "corpus", "article-extraction-dev"));

    [GlobalSetup]
    public void Setup() => pages = Load(DefaultFolder);

    [Benchmark]
    public int ExtractAll()
    {
        var chars = 0;
        foreach (var html in pages)
            chars += HtmlArticle.Parse(html).Text.Length;
        return chars;
    }

    /// <summary>Pages/s and MB/s after <paramref name="warmups"/> untimed passes, best of <paramref name="rounds"/>.</summary>
    public static (int Pages, double Megabytes, double PagesPerSecond, double MegabytesPerSecond) Measure(string folder, int warmups = 3, int rounds = 5)
    {
        var files = Directory.GetFiles(folder, "*.htm*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        var megabytes = files.Sum(f => new FileInfo(f).Length) / 1e6;
        var pages = Load(folder);
        var bench = new HtmlExtractionBenchmark { pages = pages };
        for (var i = 0; i < warmups; i++)
            bench.ExtractAll();
        var best = double.MaxValue;
        for (var i = 0; i < rounds; i++)
        {
            var clock = Stopwatch.StartNew();
            bench.ExtractAll();
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }
        return (pages.Length, megabytes, pages.Length / best, megabytes / best);
    }

    private static string[] Load(string folder) =>
        Directory.GetFiles(folder, "*.htm*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => TextDecoding.TryDecodeHtml(File.ReadAllBytes(f), out _) ?? "").ToArray();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Directory.Build.props")))
            dir = dir.Parent;
        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }
}
