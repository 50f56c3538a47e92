using System.CommandLine;
using System.Globalization;
using Corroborate.Ingest;
using Corroborate.Lexicons;
using Corroborate.Reconcile;
using Corroborate.Store;
using Corroborate.Text;
using Microsoft.Data.Sqlite;

namespace Corroborate.Cli;

/// <summary>The <c>ingest</c> command: articles into a store, incrementally.</summary>
internal static class IngestCommand
{
    public static Command Build(TextWriter stdout, TextWriter stderr, Func<Stream> stdin)
    {
        var inputs = new Argument<string[]>("inputs")
        {
            Description = "Articles to read, as for brief: folders, .txt, .html, .jsonl, .xml feeds, or '-' for JSON Lines on standard input.",
            Arity = ArgumentArity.OneOrMore,
        };
        var db = new Option<string>("--db")
        {
            Description = "The store: a SQLite file, created on first use.",
            Required = true,
            HelpName = "FILE",
        };
        var threads = new Option<int?>("--threads")
        {
            Description = "Articles analyzed at once (default: one per core). The store is the same for any value.",
            HelpName = "N",
        };
        var batch = new Option<int?>("--batch")
        {
            Description = "Articles committed per transaction (default 200): at most this many are lost, and read again, if the ingest is interrupted.",
            HelpName = "N",
        };
        var ingest = new Command("ingest", """
            Add articles to a store: new ones are added, changed ones (same id, other text or metadata) updated, the rest skipped,
            so running it again on the same inputs adds nothing. Articles are committed in batches: an interrupted ingest keeps
            what it committed, and running it again completes it. Stories are assigned as brief assigns them.
            Example: corroborate ingest feeds/ --db news.db    then: corroborate brief --db news.db
            Exit code: 0 when every input was read, 1 when some could not be (each is named, the rest are stored), 2 for usage errors
            and for a file that is not a Corroborate store (left untouched).
            """)
        {
            inputs, db, threads, batch,
        };
        ingest.SetAction(parse => Run(parse.GetValue(inputs)!, parse.GetValue(db)!, parse.GetValue(threads), parse.GetValue(batch), stdout, stderr, stdin));
        return ingest;
    }

    private static int Run(string[] inputs, string dbPath, int? threads, int? batch, TextWriter stdout, TextWriter stderr, Func<Stream> stdin)
    {
        if (batch is <= 0)
        {
            stderr.WriteLine("error: --batch must be at least 1");
            stderr.WriteLine("Run 'corroborate ingest --help' for usage.");
            return ExitCodes.Usage;
        }
        ArticleStore store;
        try
        {
            store = ArticleStore.Open(dbPath, create: true);
        }
        catch (StoreException e)
        {
            stderr.WriteLine($"error: {e.Message}");
            return ExitCodes.Usage;
        }
        using (store)
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
            var ingest = new StoreIngest(StandardPipeline.ForClustering(data), () => new StoryClusterer(data))
            {
                Parallelism = threads is > 0 ? threads.Value : Environment.ProcessorCount,
                BatchSize = batch ?? 200,
            };
            IngestReport report;
            try
            {
                report = ingest.Run(new ArticleReader().Read(inputs, stdin), store, (item, counts) =>
                {
                    if (item.Error is { } e)
                        stderr.WriteLine($"error: {e}");
                    else if (counts.Read % 1000 == 0)
                        stdout.WriteLine($"read {counts.Read:N0} articles");
                });
            }
            catch (Exception e) when (e is SqliteException or StoreException)
            {
                // What was committed stays; running the ingest again completes it.
                stderr.WriteLine($"error: {dbPath}: {e.Message}");
                return ExitCodes.SomeFailed;
            }
            var c = report.Counts;
            var seconds = Math.Max(report.Elapsed.TotalSeconds, 1e-6);
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{dbPath}: {c.Added:N0} added, {c.Updated:N0} updated, {c.Unchanged:N0} unchanged, {c.Failed:N0} failed; {seconds:F2} s ({c.Read / seconds:N0} articles/s)"));
            return report.Clean ? ExitCodes.Ok : ExitCodes.SomeFailed;
        }
    }
}
