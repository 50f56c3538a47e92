using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Corroborate.Bench;
using Corroborate.Ingest;
using Corroborate.Lexicons;
using Corroborate.Model;
using Corroborate.Output;
using Corroborate.Pipeline;
using Corroborate.Reconcile;
using Corroborate.Text;

// Usage: dotnet run -c Release --project bench/Corroborate.Bench -- [--quick] [--corpus FILE.jsonl] [BenchmarkDotNet args, e.g. --filter '*Pipeline*']
var (options, rest) = BenchOptions.Parse(args);
if (options is null)
    return 2;
var corpus = CorpusInfo.Measure(options.CorpusPath);
Console.WriteLine(corpus.Describe());

var summaries = BenchmarkRunner.Run([typeof(CorpusBenchmarks), typeof(StageBenchmarks), typeof(HtmlExtractionBenchmark)], BenchConfig.Create(options), rest);
// Derived figures are per gva-dev pass; the HTML benchmark's operation is one pass over the saved pages instead.
foreach (var summary in summaries.Where(s => s.BenchmarksCases.All(b => b.Descriptor.Type != typeof(HtmlExtractionBenchmark))))
    DerivedFigures.Print(summary, corpus, Console.Out);
var html = HtmlExtractionBenchmark.Measure(HtmlExtractionBenchmark.DefaultFolder);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// HTML extraction (Stopwatch, best of 5 after 3 warm-ups): {html.Pages} pages, {html.PagesPerSecond:F0} pages/s, {html.MegabytesPerSecond:F1} MB/s"));
return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;

namespace Corroborate.Bench
{
    /// <summary>
    /// Whole-corpus benchmarks: one operation is one pass over every record of the JSON Lines
    /// file, so time and allocation per operation divide evenly into per-article figures.
    /// </summary>
    [MemoryDiagnoser]
    public class CorpusBenchmarks
    {
        private string _path = "";
        private ArticleReader _reader = null!;
        private DocumentPipeline _pipeline = null!;
        private NewsDocument[] _documents = [];
        private BriefRun _brief = null!;
        private string _outDir = "";

        [GlobalSetup]
        public void Setup()
        {
            // The host resolves the path and hands it to the benchmark process through the job's environment.
            _path = Environment.GetEnvironmentVariable(CorpusLocator.EnvironmentVariable) is { Length: > 0 } p ? p : CorpusLocator.Resolve(null);
            _reader = new ArticleReader();
            var data = LanguageData.LoadEnglish();
            _pipeline = StandardPipeline.Build(data);
            _documents = [.. _reader.Read([_path]).Select(i => i.Document).OfType<NewsDocument>()];
            if (_documents.Length == 0)
                throw new InvalidOperationException($"no articles could be read from {_path}");
            // One untimed pass, so a cold-start stage failure (seen: a furniture regex timing out on
            // the first article while its compiled code is still being JIT-compiled) is reported
            // here rather than skewing the first measured operation.
            var failures = _documents.SelectMany(d => _pipeline.Run(d).Failures).ToList();
            Console.WriteLine($"// Setup: {_documents.Length} articles from {_path}; first pipeline pass: {failures.Count} stage failures");
            foreach (var f in failures.Take(5))
                Console.WriteLine($"//   {f}");
            _brief = new BriefRun(_reader, _pipeline, () => new StoryClusterer(data), ReconcileLexicon.LoadEnglish(data));
            _outDir = Directory.CreateTempSubdirectory("corroborate-bench-").FullName;
        }

        /// <summary>A stage failure leaves the layer absent (default); count it as none rather than throw.</summary>
        private static int SentencesOf(AnalyzedDocument a) => a.Sentences.IsDefault ? 0 : a.Sentences.Length;

        [GlobalCleanup]
        public void Cleanup()
        {
            if (_outDir.Length > 0 && Directory.Exists(_outDir))
                Directory.Delete(_outDir, recursive: true);
        }

        /// <summary>(a) Read, split lines, decode UTF-8, parse JSON and metadata for every record.</summary>
        [Benchmark(Description = "Ingest")]
        public long Ingest()
        {
            long chars = 0;
            foreach (var item in _reader.Read([_path]))
                chars += item.Document?.Text.Length ?? 0;
            return chars;
        }

        /// <summary>(b) Ingest, then the standard pipeline (furniture, tokens, paragraphs, sentences) on each article.</summary>
        [Benchmark(Description = "Ingest+Pipeline")]
        public long IngestAndPipeline()
        {
            long sentences = 0;
            foreach (var item in _reader.Read([_path]))
            {
                if (item.Document is { } doc)
                    sentences += SentencesOf(_pipeline.Run(doc));
            }
            return sentences;
        }

        /// <summary>(c) The standard pipeline alone over documents read once in setup.</summary>
        [Benchmark(Description = "Pipeline")]
        public long PipelineOnly()
        {
            long sentences = 0;
            foreach (var doc in _documents)
                sentences += SentencesOf(_pipeline.Run(doc));
            return sentences;
        }

        /// <summary>
        /// (d) What `corroborate brief` does in-process once warm: ingest, pipeline, stories, and
        /// the dossier and brief written to a temporary folder. Set against e2e.sh, the gap is
        /// start-up and JIT warm-up.
        /// </summary>
        [Benchmark(Description = "Brief (all + dossier)")]
        public int Brief() => _brief.Run([_path], _outDir).Articles;
    }

    /// <summary>Command-line options of the bench host; unknown arguments go to BenchmarkDotNet.</summary>
    internal sealed record BenchOptions(string CorpusPath, bool Quick)
    {
        public static (BenchOptions? Options, string[] Remaining) Parse(string[] args)
        {
            string? corpus = null;
            var quick = false;
            var rest = new List<string>();
            for (var i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--quick":
                        quick = true;
                        break;
                    case "--corpus" when i + 1 < args.Length:
                        corpus = args[++i];
                        break;
                    case "--corpus":
                        Console.Error.WriteLine("error: --corpus needs a path to a .jsonl file");
                        return (null, []);
                    default:
                        rest.Add(args[i]);
                        break;
                }
            }
            string path;
            try
            {
                path = CorpusLocator.Resolve(corpus);
            }
            catch (FileNotFoundException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return (null, []);
            }
            return (new BenchOptions(path, quick), [.. rest]);
        }
    }

    /// <summary>
    /// Finds the corpus: --corpus, else $CORROBORATE_BENCH_CORPUS, else
    /// ../shared/corpus/gva-dev/articles.jsonl beside the repository root (the folder holding Corroborate.slnx).
    /// </summary>
    internal static class CorpusLocator
    {
        public const string EnvironmentVariable = "CORROBORATE_BENCH_CORPUS";
        private const string DefaultRelative = "../shared/corpus/gva-dev/articles.jsonl";

        public static string Resolve(string? given)
        {
            var candidate = given ?? Environment.GetEnvironmentVariable(EnvironmentVariable);
            if (!string.IsNullOrEmpty(candidate))
            {
                var full = Path.GetFullPath(candidate);
                return File.Exists(full) ? full : throw new FileNotFoundException($"corpus not found: {full}");
            }
            var root = RepositoryRoot()
                ?? throw new FileNotFoundException($"cannot find the repository root (Corroborate.slnx) above {Environment.CurrentDirectory}; pass --corpus FILE or set {EnvironmentVariable}");
            var path = Path.GetFullPath(Path.Combine(root, DefaultRelative));
            return File.Exists(path) ? path : throw new FileNotFoundException($"corpus not found: {path}; pass --corpus FILE or set {EnvironmentVariable}");
        }

        private static string? RepositoryRoot()
        {
            foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
            {
                for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                {
                    if (File.Exists(Path.Combine(dir.FullName, "Corroborate.slnx")))
                        return dir.FullName;
                }
            }
            return null;
        }
    }

    /// <summary>The sizes that turn time and bytes per operation into rates and per-article figures.</summary>
    internal sealed record CorpusInfo(string Path, long FileBytes, int Articles, int Failed, long TextChars)
    {
        public static CorpusInfo Measure(string path)
        {
            int articles = 0, failed = 0;
            long chars = 0;
            foreach (var item in new ArticleReader().Read([path]))
            {
                if (item.Document is { } doc)
                {
                    articles++;
                    chars += doc.Text.Length;
                }
                else
                {
                    failed++;
                }
            }
            return new CorpusInfo(path, new FileInfo(path).Length, articles, failed, chars);
        }

        public string Describe() => string.Create(CultureInfo.InvariantCulture,
            $"Corpus {Path}: {FileBytes:N0} bytes, {Articles:N0} articles ({Failed:N0} records failed), {TextChars:N0} characters of article text");
    }

    internal static class BenchConfig
    {
        /// <summary>
        /// One operation takes a large fraction of a second to seconds, so one invocation per
        /// iteration is plenty; few iterations keep the whole run to a few minutes on 2 cores.
        /// </summary>
        public static IConfig Create(BenchOptions options)
        {
            var job = (options.Quick
                    ? Job.Default.WithId("Quick").WithWarmupCount(1).WithIterationCount(3)
                    : Job.Default.WithId("Corpus").WithWarmupCount(3).WithIterationCount(15))
                .WithLaunchCount(1)
                .WithInvocationCount(1)
                .WithUnrollFactor(1)
                .WithEnvironmentVariables(new EnvironmentVariable(CorpusLocator.EnvironmentVariable, options.CorpusPath));
            return DefaultConfig.Instance
                .AddJob(job)
                .WithOptions(ConfigOptions.JoinSummary)
                .WithSummaryStyle(SummaryStyle.Default.WithMaxParameterColumnWidth(40));
        }
    }

    /// <summary>Throughput and allocation per article, computed from the summary's reports.</summary>
    internal static class DerivedFigures
    {
        public static void Print(Summary summary, CorpusInfo corpus, TextWriter output)
        {
            var lines = new List<string>
            {
                "",
                "// * Derived figures (MB/s and Mchars/s use 10^6; MiB = 2^20; one operation = one pass over the whole corpus) *",
                corpus.Describe(),
                "",
                "| Benchmark | Mean (ms) | Median (ms) | StdDev (ms) | File MB/s | Text Mchars/s | Articles/s | Allocated/op (MiB) | Allocated/article (bytes) |",
                "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
            };
            foreach (var report in summary.Reports)
            {
                var name = report.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo + (report.BenchmarkCase.HasParameters ? " " + report.BenchmarkCase.Parameters.DisplayInfo : "");
                var stats = report.ResultStatistics;
                if (!report.Success || stats is null)
                {
                    lines.Add($"| {name} | failed | | | | | | | |");
                    continue;
                }
                var seconds = stats.Mean / 1e9;
                var allocated = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase);
                lines.Add(string.Create(CultureInfo.InvariantCulture,
                    $"| {name} | {stats.Mean / 1e6:F1} | {stats.Median / 1e6:F1} | {stats.StandardDeviation / 1e6:F1} | {corpus.FileBytes / 1e6 / seconds:F2} | {corpus.TextChars / 1e6 / seconds:F2} | {corpus.Articles / seconds:N0} | {(allocated is { } a ? (a / 1048576.0).ToString("F2", CultureInfo.InvariantCulture) : "n/a")} | {(allocated is { } b ? (b / (double)corpus.Articles).ToString("N0", CultureInfo.InvariantCulture) : "n/a")} |"));
            }
            lines.Add("");
            lines.Add($"Machine: {Environment.ProcessorCount} logical cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}; load average at the end: {LoadAverage()}");
            lines.Add("Rates use the mean. File MB/s counts the JSON Lines bytes (for Pipeline, the bytes its pre-loaded articles came from); Text Mchars/s counts article text.");
            foreach (var line in lines)
                output.WriteLine(line);

            var file = Path.Combine(summary.ResultsDirectoryPath, "derived-figures.md");
            File.WriteAllLines(file, lines);
            output.WriteLine($"Derived figures written to {file}");
        }

        /// <summary>Other work on the machine skews every figure; say how busy it was.</summary>
        private static string LoadAverage()
        {
            try
            {
                return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return "unknown";
            }
        }
    }
}
