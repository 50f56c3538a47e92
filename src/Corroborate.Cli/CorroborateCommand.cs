using System.CommandLine;
using System.Globalization;
using Corroborate.Ingest;
using Corroborate.Lexicons;
using Corroborate.Output;
using Corroborate.Reconcile;
using Corroborate.Store;
using Corroborate.Text;
using Spectre.Console;

namespace Corroborate.Cli;

/// <summary>Exit codes of the <c>corroborate</c> command.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>Some inputs or articles could not be read; the rest were processed.</summary>
    public const int SomeFailed = 1;
    public const int Usage = 2;
}

/// <summary>The <c>corroborate</c> command line.</summary>
public static class CorroborateCommand
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, Func<Stream>? stdin = null)
    {
        var root = Build(stdout, stderr, stdin ?? Console.OpenStandardInput);
        var parse = root.Parse(args);
        // An unknown option would otherwise be taken for an input path.
        var unknownOptions = UnknownOptions(root, args);
        if (parse.Errors.Count > 0 || unknownOptions.Count > 0)
        {
            foreach (var error in parse.Errors)
                stderr.WriteLine($"error: {error.Message}");
            foreach (var option in unknownOptions)
                stderr.WriteLine($"error: unknown option '{option}'");
            stderr.WriteLine("Run 'corroborate --help' (or 'corroborate brief --help', 'corroborate extract --help') for usage.");
            return ExitCodes.Usage;
        }
        return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
    }

    /// <summary>
    /// Tokens that look like options but that no command defines. Commands take paths as variadic
    /// arguments, so the parser would otherwise read a mistyped option as a path to read.
    /// </summary>
    private static List<string> UnknownOptions(RootCommand root, string[] args)
    {
        var options = root.Options.Concat(root.Subcommands.SelectMany(c => c.Options)).ToList();
        var names = options.SelectMany(o => o.Aliases.Append(o.Name)).ToHashSet(StringComparer.Ordinal);
        var takesValue = options.Where(o => o.ValueType != typeof(bool)).SelectMany(o => o.Aliases.Append(o.Name)).ToHashSet(StringComparer.Ordinal);
        var unknown = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var a = args[i];
            if (takesValue.Contains(a))
                i++;
            else if (a.StartsWith('-') && a != "-" && !names.Contains(a) && !a.Contains('=') && !File.Exists(a) && !Directory.Exists(a))
                unknown.Add(a);
        }
        return unknown;
    }

    private static RootCommand Build(TextWriter stdout, TextWriter stderr, Func<Stream> stdin)
    {
        var inputs = new Argument<string[]>("inputs")
        {
            Description = "Articles to read: folders (searched recursively), .txt files (with an optional NAME.meta.json beside them), "
                          + ".html pages, .jsonl files of records, .xml RSS/Atom feeds, or '-' for JSON Lines on standard input. "
                          + "Not with --db.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var db = new Option<string?>("--db")
        {
            Description = "Read the articles from this store (see 'corroborate ingest') instead of inputs; their stories are kept as stored.",
            HelpName = "FILE",
        };
        var storyOption = new Option<string?>("--story")
        {
            Description = "With --db: only this story's articles.",
            HelpName = "ID",
        };
        var outDir = new Option<string>("--out", "-o")
        {
            Description = "Folder for the outputs: dossier.json (every figure, date, quote, with offsets into the text), brief.md, brief.html and claims.csv.",
            DefaultValueFactory = _ => "out",
            HelpName = "DIR",
        };
        var threads = new Option<int?>("--threads")
        {
            Description = "Articles analyzed at once (default: one per core). The output is the same for any value.",
            HelpName = "N",
        };
        var json = new Option<string?>("--json")
        {
            Description = "Also write the JSON dossier to this file.",
            HelpName = "FILE",
        };
        var brief = new Command("brief", """
            Read news reports and write the reconciled picture: a JSON dossier, a Markdown and an HTML brief, and a CSV of every figure.
            Example: corroborate brief samples/ --out out    or, from a store: corroborate brief --db news.db --story s3
            Exit code: 0 when every input was read, 1 when some could not be (each is named, the rest are processed), 2 for usage errors
            (with --db: also a missing file or one that is not a store, and an unknown --story).
            """)
        {
            inputs, db, storyOption, outDir, json, threads,
        };
        brief.SetAction(parse => RunBrief(new BriefSource(parse.GetValue(inputs) ?? [], parse.GetValue(db), parse.GetValue(storyOption)),
            parse.GetValue(outDir)!, parse.GetValue(json), parse.GetValue(threads), stdout, stderr, stdin));

        var evalInputs = new Argument<string[]>("inputs") { Description = "Articles with gold story labels (as for brief).", Arity = ArgumentArity.OneOrMore };
        var label = new Option<string>("--label")
        {
            Description = "Field holding the gold story: 'story' (the default) or any other field of the JSON records, such as 'subtopic'.",
            DefaultValueFactory = _ => "story",
            HelpName = "FIELD",
        };
        var threshold = new Option<double?>("--threshold") { Description = string.Create(CultureInfo.InvariantCulture, $"Similarity threshold for joining a story (default {new ClusteringOptions().Threshold})."), HelpName = "X" };
        var dump = new Option<string?>("--dump") { Description = "Write each article's gold and predicted story, score and title to this JSON Lines file.", HelpName = "FILE" };
        var clusterEval = new Command("cluster-eval", """
            Cluster articles into stories as if they carried no story keys, and score the result against gold labels:
            pairwise precision, recall and F1, and B-cubed.
            Example: corroborate cluster-eval ../shared/corpus/ecbplus/ecbplus_docs.jsonl --label subtopic
            """)
        {
            evalInputs, label, threshold, dump,
        };
        clusterEval.SetAction(parse => ClusterEvaluation.Run(parse.GetValue(evalInputs)!, parse.GetValue(label)!, parse.GetValue(threshold), parse.GetValue(dump), stdout, stderr));

        var root = new RootCommand("""
            Corroborate reads many news reports of the same developing story and returns the reconciled picture:
            every figure and statement, who claims it and when, where sources agree or differ, and how many
            independent sources stand behind it, each line traced to the characters it came from.
            """)
        {
            brief, IngestCommand.Build(stdout, stderr, stdin), clusterEval,
            TimeMlCommand.Build(stdout, stderr),
            BuildExtract(stdout, stderr, stdin),
        };
        return root;
    }

    private static Command BuildExtract(TextWriter stdout, TextWriter stderr, Func<Stream> stdin)
    {
        var inputs = new Argument<string[]>("inputs")
        {
            Description = "Saved web pages (.html, .htm) or folders of them (searched recursively); other inputs brief reads are passed through as records.",
            Arity = ArgumentArity.OneOrMore,
        };
        var outFile = new Option<string?>("--out", "-o")
        {
            Description = "Write the JSON Lines records to this file instead of standard output.",
            HelpName = "FILE",
        };
        var extract = new Command("extract", """
            Extract each web page's article text and metadata (title, published, outlet, url, author) as JSON Lines
            records in the input form that brief reads: one record a page, id = the file's stem.
            Example: corroborate extract pages/ --out articles.jsonl
            Exit code: 0 when every page gave an article, 1 when some could not be read or held no article (each is named), 2 for usage errors.
            """)
        {
            inputs, outFile,
        };
        extract.SetAction(parse =>
        {
            var path = parse.GetValue(outFile);
            if (path is null)
                return ExtractRun.Run(parse.GetValue(inputs)!, stdout, stderr, stdin);
            try
            {
                using var file = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
                return ExtractRun.Run(parse.GetValue(inputs)!, file, stderr, stdin, path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"error: cannot write to {path}: {e.Message}");
                return ExitCodes.SomeFailed;
            }
        });
        return extract;
    }

    /// <summary>Where brief reads its articles: input paths, or a store (optionally one story of it).</summary>
    private sealed record BriefSource(string[] Inputs, string? Db, string? Story);

    private static int Usage(TextWriter stderr, string message)
    {
        stderr.WriteLine($"error: {message}");
        stderr.WriteLine("Run 'corroborate brief --help' for usage.");
        return ExitCodes.Usage;
    }

    private static int RunBrief(BriefSource source, string outDir, string? json, int? threads, TextWriter stdout, TextWriter stderr, Func<Stream> stdin)
    {
        if (source.Db is null && source.Inputs.Length == 0)
            return Usage(stderr, "brief needs inputs to read, or --db FILE");
        if (source.Db is not null && source.Inputs.Length > 0)
            return Usage(stderr, "give inputs or --db, not both (to add inputs to a store: corroborate ingest INPUTS --db FILE)");
        if (source.Story is not null && source.Db is null)
            return Usage(stderr, "--story selects a story of a store: it needs --db FILE");
        ArticleStore? store = null;
        if (source.Db is not null)
        {
            try
            {
                store = ArticleStore.Open(source.Db, create: false);
                if (source.Story is { } wanted && !store.HasStory(wanted))
                {
                    store.Dispose();
                    return Usage(stderr, $"no story '{wanted}' in {source.Db}");
                }
            }
            catch (StoreException e)
            {
                store?.Dispose();
                return Usage(stderr, e.Message);
            }
        }
        using (store)
            return RunBrief(source, store, outDir, json, threads, stdout, stderr, stdin);
    }

    private static int RunBrief(BriefSource source, ArticleStore? store, string outDir, string? json, int? threads, TextWriter stdout, TextWriter stderr, Func<Stream> stdin)
    {
        LanguageData data;
        try
        {
            data = LanguageData.LoadEnglish();
        }
        catch (InvalidDataException e)
        {
            stderr.WriteLine($"error: {e.Message}");
            return ExitCodes.SomeFailed;
        }
        var run = new BriefRun(new ArticleReader { Skip = outDir }, StandardPipeline.Build(data), () => new StoryClusterer(data), ReconcileLexicon.LoadEnglish(data))
        {
            Parallelism = threads is > 0 ? threads.Value : Environment.ProcessorCount,
        };
        // Stored articles keep the story they were given at ingest; the map fills as they stream.
        var assigned = new System.Collections.Concurrent.ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        BriefReport Execute(Action<IngestItem, int, int> onItem) => store is null
            ? run.Run(source.Inputs, outDir, stdin, onItem, json)
            : run.Run(store.Articles(source.Story).Select(a =>
            {
                if (a.Document.Story is null)
                    assigned[a.Document.Id] = a.Story;
                return IngestItem.Read(a.Document);
            }), outDir, onItem, json, doc => assigned.GetValueOrDefault(doc.Id));
        var interactive = ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(stdout),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
        });

        BriefReport report;
        try
        {
            if (interactive)
            {
                report = null!;
                console.Progress().AutoClear(true).Columns(new SpinnerColumn(), new TaskDescriptionColumn(), new ProgressBarColumn(), new ElapsedTimeColumn()).Start(ctx =>
                {
                    var task = ctx.AddTask("Reading articles");
                    task.IsIndeterminate = true;
                    report = Execute((item, articles, failed) =>
                    {
                        if (item.Error is { } e)
                            stderr.WriteLine($"error: {e}");
                        task.Description = $"Read {articles:N0} articles, {failed:N0} failed";
                    });
                });
            }
            else
            {
                report = Execute((item, articles, failed) =>
                {
                    if (item.Error is { } e)
                        stderr.WriteLine($"error: {e}");
                    else if (articles % 1000 == 0)
                        stdout.WriteLine($"read {articles:N0} articles");
                });
            }
        }
        catch (IOException e)
        {
            stderr.WriteLine($"error: cannot write to {outDir}: {e.Message}");
            return ExitCodes.SomeFailed;
        }
        catch (UnauthorizedAccessException e)
        {
            stderr.WriteLine($"error: cannot write to {outDir}: {e.Message}");
            return ExitCodes.SomeFailed;
        }
        catch (Microsoft.Data.Sqlite.SqliteException e) when (store is not null)
        {
            stderr.WriteLine($"error: cannot read the store {source.Db}: {e.Message}");
            return ExitCodes.SomeFailed;
        }

        foreach (var e in report.ArticleErrors)
            stderr.WriteLine($"error: {e}");
        PrintSummary(console, report);
        return report.Clean ? ExitCodes.Ok : ExitCodes.SomeFailed;
    }

    private static void PrintSummary(IAnsiConsole console, BriefReport report)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("Stories");
        table.AddColumn("Story");
        table.AddColumn(new TableColumn("Articles").RightAligned());
        table.AddColumn("First");
        table.AddColumn("Last");
        table.AddColumn("Title");
        const int shown = 20;
        foreach (var s in report.Stories.Take(shown))
        {
            table.AddRow(Markup.Escape(s.Id), s.Documents.Count.ToString(CultureInfo.InvariantCulture), Iso(s.First), Iso(s.Last),
                Markup.Escape(s.Title.Length > 70 ? s.Title[..69] + "…" : s.Title));
        }
        if (report.Stories.Count > shown)
            table.Caption($"… and {report.Stories.Count - shown:N0} more stories (all of them are in the dossier)");
        console.Write(table);

        var seconds = Math.Max(report.Elapsed.TotalSeconds, 1e-6);
        var mb = report.TextChars / 1e6; // millions of characters of article text
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Count(report.Articles, "article")} in {Count(report.Stories.Count, "story", "stories")}; {Count(report.Failures.Count, "input")} failed, {Count(report.ArticleErrors.Count, "article problem")}; {seconds:F2} s ({report.Articles / seconds:N0} articles/s, {mb / seconds:F1} MB/s of text; MB = 10^6 characters)"));
        console.WriteLine($"Wrote {report.DossierPath} and {report.BriefPath}");
    }

    private static string Count(int n, string one, string? many = null) =>
        string.Create(CultureInfo.InvariantCulture, $"{n:N0} {(n == 1 ? one : many ?? one + "s")}");

    private static string Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";
}
