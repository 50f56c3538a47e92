using Corroborate.Ingest;
using Corroborate.Model;
using Corroborate.Output;
using Corroborate.Pipeline;
using Corroborate.Reconcile;

namespace Corroborate.Store;

/// <summary>Running counts of an ingest. Immutable.</summary>
public sealed record IngestCounts(int Added, int Updated, int Unchanged, int Failed)
{
    public int Read => Added + Updated + Unchanged;
}

/// <summary>What an ingest did.</summary>
public sealed record IngestReport(IngestCounts Counts, IReadOnlyList<DocumentError> Failures, long TextChars, TimeSpan Elapsed)
{
    public bool Clean => Failures.Count == 0;
}

/// <summary>
/// Adds articles to a store, incrementally and idempotently: an article whose key is current with
/// the same content hash is skipped; with another hash, the new version supersedes it; otherwise it
/// is added. Articles are committed in batches, so a killed ingest loses at most the open batch and
/// running it again skips what was committed.
/// <para>
/// Stories are assigned as <c>brief</c> assigns them: the input's story key, else online clustering.
/// Before the first article that needs clustering, the clusterer is rebuilt by replaying every
/// stored version in arrival order (superseded ones too: an uninterrupted run saw them), so an
/// interrupted and resumed ingest assigns the same stories as one that was never interrupted.
/// </para>
/// Thread-safe: holds no state between runs.
/// </summary>
public sealed class StoreIngest(DocumentPipeline pipeline, Func<StoryClusterer> clusterer)
{
    /// <summary>How many articles are analyzed at once; one per core by default.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Articles per transaction: what a crash can lose, against the cost of a commit.</summary>
    public int BatchSize { get; init; } = 200;

    /// <param name="onItem">Called after each input unit with the running counts.</param>
    public IngestReport Run(IEnumerable<IngestItem> items, ArticleStore store, Action<IngestItem, IngestCounts>? onItem = null)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var startSeq = store.LastSeq();
        var current = store.CurrentHashes();
        var before = new Dictionary<ArticleKey, (long Seq, string Hash)>(current);
        var stories = new StoryAssigner(clusterer());
        var replayed = false;
        var next = startSeq + 1;
        var batch = new List<StoredArticle>(BatchSize);
        var failures = new List<DocumentError>();
        int added = 0, updated = 0, unchanged = 0;
        long chars = 0;

        // Hashing and analysis run on every core, in input order. Only articles that will need
        // clustering are analyzed: a keyed or unchanged article is stored as read.
        var results = items
            .AsParallel().AsOrdered()
            .WithDegreeOfParallelism(Math.Max(1, Parallelism))
            .WithMergeOptions(ParallelMergeOptions.NotBuffered)
            .Select(item =>
            {
                if (item.Document is not { } doc)
                    return (item, "", (AnalyzedDocument?)null);
                var hash = ContentHash.Of(doc);
                var known = before.TryGetValue(ArticleKey.Of(doc), out var old) && old.Hash == hash;
                return (item, hash, doc.Story is null && !known ? pipeline.Run(doc) : null);
            });
        foreach (var (item, hash, analyzed) in results)
        {
            if (item.Error is { } error)
            {
                failures.Add(error);
            }
            else
            {
                var doc = item.Document!;
                var exists = current.TryGetValue(ArticleKey.Of(doc), out var old);
                if (exists && old.Hash == hash)
                {
                    unchanged++;
                }
                else
                {
                    var story = stories.KeyOf(doc);
                    if (story is null)
                    {
                        if (!replayed)
                        {
                            Replay(store, startSeq, stories);
                            replayed = true;
                        }
                        // Analyzed ahead unless an earlier input in this run changed the same id.
                        story = stories.Cluster(analyzed ?? pipeline.Run(doc));
                    }
                    batch.Add(new StoredArticle(next, doc, story, hash));
                    current[ArticleKey.Of(doc)] = (next, hash);
                    next++;
                    chars += doc.Text.Length;
                    if (exists)
                        updated++;
                    else
                        added++;
                    if (batch.Count >= BatchSize)
                    {
                        store.Write(batch);
                        batch.Clear();
                    }
                }
            }
            onItem?.Invoke(item, new IngestCounts(added, updated, unchanged, failures.Count));
        }
        store.Write(batch);
        clock.Stop();
        return new IngestReport(new IngestCounts(added, updated, unchanged, failures.Count), failures, chars, clock.Elapsed);
    }

    /// <summary>Feeds the clusterer what it saw before this run: every stored version up to <paramref name="lastSeq"/>.</summary>
    private void Replay(ArticleStore store, long lastSeq, StoryAssigner stories)
    {
        if (lastSeq == 0)
            return;
        var history = store.History(lastSeq)
            .AsParallel().AsOrdered()
            .WithDegreeOfParallelism(Math.Max(1, Parallelism))
            .WithMergeOptions(ParallelMergeOptions.NotBuffered)
            .Select(a => (a.Document, Analyzed: a.Document.Story is null ? pipeline.Run(a.Document) : null));
        foreach (var (doc, analyzed) in history)
        {
            if (stories.KeyOf(doc) is null)
                stories.Cluster(analyzed!);
        }
    }
}
