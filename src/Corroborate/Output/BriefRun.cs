using Corroborate.Ingest;
using Corroborate.Model;
using Corroborate.Pipeline;
using Corroborate.Reconcile;

namespace Corroborate.Output;

/// <summary>What a brief run did: counts, failures and timing.</summary>
public sealed record BriefReport(
    int Articles, long TextChars, IReadOnlyList<DocumentError> Failures, IReadOnlyList<DocumentError> ArticleErrors,
    IReadOnlyList<Story> Stories, TimeSpan Elapsed, string DossierPath, string BriefPath)
{
    /// <summary>True when every input was read and every article went through every stage.</summary>
    public bool Clean => Failures.Count == 0 && ArticleErrors.Count == 0;
}

/// <summary>
/// Reads inputs, runs the per-article pipeline, and writes <c>dossier.json</c> and
/// <c>brief.md</c> into a folder. Outputs are written to temporary files and moved into place,
/// so an interrupted run never leaves a half-written dossier. Thread-safe: holds no state.
/// </summary>
public sealed class BriefRun(ArticleReader reader, DocumentPipeline pipeline, Func<StoryClusterer> clusterer, ReconcileLexicon lexicon)
{
    /// <summary>How many articles are analyzed at once; one per core by default.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <param name="onItem">Called after each input unit, with the running article and failure counts.</param>
    public BriefReport Run(IReadOnlyList<string> inputs, string outDir, Func<Stream>? stdin = null,
        Action<IngestItem, int, int>? onItem = null, string? extraDossierPath = null) =>
        Run(reader.Read(inputs, stdin), outDir, onItem, extraDossierPath);

    /// <summary>The brief over articles already read, such as a store's.</summary>
    /// <param name="assignedStory">The story an article was already given (by the store), or null to assign one here.</param>
    public BriefReport Run(IEnumerable<IngestItem> items, string outDir, Action<IngestItem, int, int>? onItem = null,
        string? extraDossierPath = null, Func<NewsDocument, string?>? assignedStory = null)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Directory.CreateDirectory(outDir);
        var dossierPath = Path.Combine(outDir, "dossier.json");
        var briefPath = Path.Combine(outDir, "brief.md");
        var htmlPath = Path.Combine(outDir, "brief.html");
        var csvPath = Path.Combine(outDir, "claims.csv");
        var failures = new List<DocumentError>();
        var articleErrors = new List<DocumentError>();
        var stories = new StoryAssigner(clusterer());
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var articles = 0;
        long chars = 0;

        IReadOnlyList<Story> list;
        using (var spool = new AnalysisSpool())
        using (var stream = new FileStream(dossierPath + ".partial", FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        using (var dossier = new DossierWriter(stream))
        {
            // Per-article stages run on every core; results come back in input order, so stories,
            // ids and the dossier are the same as a sequential run's. Each analyzed article goes to
            // the dossier and to a spool on disk: memory does not grow with the stream.
            var results = items
                .AsParallel().AsOrdered()
                .WithDegreeOfParallelism(Math.Max(1, Parallelism))
                .WithMergeOptions(ParallelMergeOptions.NotBuffered)
                .Select(item => (Item: item, Analyzed: item.Document is { } d ? pipeline.Run(d) : null));
            // A report dated by a dateline without its year takes the year of the reports around it (and may wait for one).
            var years = new DatelineYears<IngestItem>(pipeline);
            foreach (var (item, done) in results)
            {
                if (item.Error is { } error)
                {
                    failures.Add(error);
                    onItem?.Invoke(item, articles, failures.Count);
                    continue;
                }
                // Ids are made unique in input order, before a report may wait for its year.
                var original = UniqueId(item.Document!, seen);
                var renamed = ReferenceEquals(original, item.Document) ? done! : done! with { Document = WithId(done!.Document, original.Id) };
                foreach (var (ready, analyzed) in years.Feed(item, original, renamed))
                    Accept(ready, analyzed);
            }
            foreach (var (ready, analyzed) in years.Flush())
                Accept(ready, analyzed);

            void Accept(IngestItem item, AnalyzedDocument analyzed)
            {
                var doc = analyzed.Document;
                // A keyed article is noted as keyed either way; a stored story is kept, not clustered again.
                var story = stories.KeyOf(doc) ?? assignedStory?.Invoke(item.Document!) ?? stories.Cluster(analyzed);
                dossier.WriteDocument(analyzed, story);
                spool.Add(story, analyzed);
                var summary = DocumentSummary.Of(analyzed, story);
                stories.Add(summary);
                articleErrors.AddRange(summary.Errors);
                articles++;
                chars += doc.Text.Length;
                onItem?.Invoke(item, articles, failures.Count);
            }
            list = stories.Stories();
            WriteStories(list, spool, dossier, outDir, articles, failures);
            dossier.Complete(list, failures);
        }
        // Outputs were written to temporary files: an interrupted run never leaves a half-written dossier.
        foreach (var path in (ReadOnlySpan<string>)[dossierPath, briefPath, htmlPath, csvPath])
            File.Move(path + ".partial", path, overwrite: true);
        if (extraDossierPath is not null)
        {
            if (Path.GetDirectoryName(Path.GetFullPath(extraDossierPath)) is { } dir)
                Directory.CreateDirectory(dir);
            File.Copy(dossierPath, extraDossierPath, overwrite: true);
        }
        clock.Stop();
        return new BriefReport(articles, chars, failures, articleErrors, list, clock.Elapsed, dossierPath, briefPath);
    }

    /// <summary>
    /// The cross-article steps, story by story: each story is reconciled and rendered (on up to
    /// <see cref="Parallelism"/> threads, a bounded number of stories ahead, so only those stories'
    /// articles are in memory), then appended in order to the dossier's sections, brief.md, brief.html
    /// and claims.csv. A story's ids are numbered from the most the stories before it may use, not
    /// from what they used, so they do not wait for each other and the output is the same for any
    /// number of threads.
    /// </summary>
    private void WriteStories(IReadOnlyList<Story> stories, AnalysisSpool spool, DossierWriter dossier, string outDir, int articles, IReadOnlyList<DocumentError> failures)
    {
        var utf8 = new System.Text.UTF8Encoding(false);
        using var markdown = new StreamWriter(Path.Combine(outDir, "brief.md.partial"), append: false, utf8);
        using var html = new HtmlBrief.FileWriter(Path.Combine(outDir, "brief.html.partial"), articles, stories.Count);
        using var csvText = new StreamWriter(Path.Combine(outDir, "claims.csv.partial"), append: false, utf8);
        using (var csv = new ClaimsCsv(csvText))
        {
            MarkdownBrief.Begin(markdown, articles, stories.Count, failures.Count);
            // Stories come rendered: this thread only appends, so it does not hold up the threads reconciling.
            foreach (var story in Reconciled(stories, spool))
            {
                dossier.WriteStory(story.Dossier);
                markdown.Write(story.Markdown);
                html.Write(story.Html);
                csv.Write(story.Csv);
            }
            MarkdownBrief.End(markdown, failures);
        }
        html.Complete(failures);
    }

    private const int StoriesAhead = 8;
    /// <summary>Stories in flight at most, however many threads: what memory holds of the stream.</summary>
    private const int MaxStoriesAhead = 64;

    /// <summary>A story reconciled and rendered for each output.</summary>
    private sealed record RenderedStory(DossierWriter.StorySections Dossier, string Markdown, HtmlBrief.Section Html, string Csv);

    /// <summary>Each story reconciled and rendered, in the stories' order; with more than one thread, several at once.</summary>
    private IEnumerable<RenderedStory> Reconciled(IReadOnlyList<Story> stories, AnalysisSpool spool)
    {
        var numbered = new DossierIds();
        DossierIds NumbersFor(Story story)
        {
            var ids = numbered;
            numbered = numbered.Plus(spool.Numbers(story.Id));
            return ids;
        }
        if (Parallelism <= 1)
        {
            for (var k = 0; k < stories.Count; k++)
                yield return Reconcile(stories[k], k + 1, NumbersFor(stories[k]), spool);
            yield break;
        }
        // Stories are written in order, so a long story at the head holds the ones behind it: eight a thread in
        // flight keep the threads busy (two left them idle a quarter of the time), and memory holds a few stories, not the stream.
        var ahead = new Queue<Task<RenderedStory>>();
        try
        {
            var k = 0;
            while (k < stories.Count || ahead.Count > 0)
            {
                while (k < stories.Count && ahead.Count < Math.Min(StoriesAhead * Parallelism, MaxStoriesAhead))
                {
                    var story = stories[k++];
                    var (number, ids) = (k, NumbersFor(story));
                    ahead.Enqueue(Task.Run(() => Reconcile(story, number, ids, spool)));
                }
                yield return ahead.Dequeue().GetAwaiter().GetResult();
            }
        }
        finally
        {
            // Stopped early (a story failed, or the writer did): the stories in flight finish before the spool closes.
            foreach (var task in ahead)
            {
                try
                {
                    task.Wait();
                }
                catch (AggregateException)
                {
                    // Theirs is not the failure being reported: the one that stopped the writing is.
                }
            }
        }
    }

    /// <param name="number">The story's place in the brief, from 1.</param>
    private RenderedStory Reconcile(Story story, int number, DossierIds numbered, AnalysisSpool spool)
    {
        var reconciler = new Reconciler(lexicon, numbered);
        // The stories list keeps no titles or leads of its articles; the brief's table of reports takes them from here.
        var documents = new List<DocumentSummary>(story.Documents.Count);
        foreach (var read in spool.Read(story.Id))
        {
            // A report with no date at all reads its weekdays against the dates of its story's other reports.
            var analyzed = UndatedReports.Anchored(read, story.First, story.Last, pipeline);
            reconciler.Observe(analyzed, story.Id);
            documents.Add(DocumentSummary.Of(analyzed, story.Id));
        }
        var reconciliation = reconciler.Complete();
        var view = StoryView.Build([story with { Documents = documents }], reconciliation)[0];
        return new RenderedStory(DossierWriter.Render(reconciliation), MarkdownBrief.Render(view), HtmlBrief.Section.Of(view, number),
            ClaimsCsv.Render(reconciliation));
    }

    /// <summary>Ids must be unique in a dossier: a repeated id (the same article under two stories) gets a suffix.</summary>
    private static NewsDocument UniqueId(NewsDocument doc, Dictionary<string, int> seen)
    {
        if (!seen.TryGetValue(doc.Id, out var n))
        {
            seen[doc.Id] = 1;
            return doc;
        }
        seen[doc.Id] = n + 1;
        return WithId(doc, $"{doc.Id}~{n + 1}");
    }

    private static NewsDocument WithId(NewsDocument doc, string id) => new(id, doc.Source, doc.Text)
    {
        Title = doc.Title, Outlet = doc.Outlet, Url = doc.Url, Published = doc.Published, Story = doc.Story,
        Extra = doc.Extra, Errors = doc.Errors,
    };
}
