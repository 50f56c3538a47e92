using Corroborate.Model;
using Microsoft.Data.Sqlite;

namespace Corroborate.Store;

/// <summary>A store file that cannot be used: not SQLite, not a Corroborate store, or written by a newer version.</summary>
/// <summary>
/// An article's identity in the store: its id and, when the input gives one, its story key. The same
/// article filed under two stories (inputs do this) is two entries, as <c>brief</c> keeps it twice;
/// the same id with other content and the same key is a new version of one entry. Immutable.
/// </summary>
public readonly record struct ArticleKey(string Id, string? StoryKey)
{
    public static ArticleKey Of(NewsDocument doc) => new(doc.Id, doc.Story);
}

public sealed class StoreException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// The article store: one SQLite file (WAL) holding every article version in arrival order, with
/// its content hash and the story it was assigned. An article is known by its <see cref="ArticleKey"/>; when a changed
/// version arrives, the old row is kept but marked superseded (replaying the store then sees what
/// an uninterrupted run saw), and only current rows count as the store's articles. One writer at
/// a time; readers may run alongside. Not thread-safe: one instance per thread.
/// </summary>
public sealed class ArticleStore : IDisposable
{
    /// <summary>Schema version, in <c>PRAGMA user_version</c>.</summary>
    public const int SchemaVersion = 1;
    /// <summary>"CRRB" in <c>PRAGMA application_id</c>: tells a Corroborate store from any other SQLite file.</summary>
    private const int ApplicationId = 0x43525242;
    private static readonly byte[] SqliteHeader = "SQLite format 3\0"u8.ToArray();

    private const string Columns =
        "seq, id, hash, story, source, text, title, outlet, url, published_date, published_moment, published_from, story_key, extra, errors";

    private readonly SqliteConnection _connection;

    private ArticleStore(SqliteConnection connection, string path)
    {
        _connection = connection;
        Path = path;
    }

    public string Path { get; }

    /// <summary>
    /// Opens the store, creating it (and its schema) when <paramref name="create"/> is set and the file
    /// does not exist or is empty. Never writes to a file that is not a Corroborate store.
    /// </summary>
    /// <exception cref="StoreException">The file is missing (when not creating), not SQLite, not a store, or newer.</exception>
    public static ArticleStore Open(string path, bool create)
    {
        var exists = File.Exists(path);
        if (!exists && !create)
            throw new StoreException($"{path}: no such store (run 'corroborate ingest … --db {path}' first)");
        if (Directory.Exists(path))
            throw new StoreException($"{path}: is a folder, not a store file");
        if (exists)
            CheckHeader(path);
        // A new store in a folder that does not exist yet: made, as brief makes its --out folder.
        if (!exists && System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) is { } folder && !Directory.Exists(folder))
        {
            try
            {
                Directory.CreateDirectory(folder);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new StoreException($"{path}: cannot create its folder: {e.Message}", e);
            }
        }
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = create ? SqliteOpenMode.ReadWriteCreate : SqliteOpenMode.ReadWrite,
            Pooling = false,
        }.ToString());
        try
        {
            connection.Open();
            var store = new ArticleStore(connection, path);
            store.Prepare(create);
            return store;
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw new StoreException($"{path}: cannot open the store: {e.Message}", e);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>A non-empty file must start with SQLite's header; checked before SQLite touches it.</summary>
    private static void CheckHeader(string path)
    {
        var head = new byte[SqliteHeader.Length];
        int read;
        try
        {
            using var file = File.OpenRead(path);
            read = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StoreException($"{path}: cannot read: {e.Message}", e);
        }
        if (read > 0 && !head.AsSpan(0, read).SequenceEqual(SqliteHeader.AsSpan(0, read)) || read is > 0 and < 16)
            throw new StoreException($"{path}: not a SQLite database, so not a Corroborate store; left untouched");
    }

    private void Prepare(bool create)
    {
        // WAL: readers (brief, the web view) never block the ingest, and a killed writer leaves the last
        // committed batch intact. synchronous=NORMAL: in WAL mode a process crash loses nothing committed;
        // only a power loss can drop the last batches, and ingest is idempotent, so running it again restores
        // them. FULL would fsync every batch for no gain in that trade.
        Execute("PRAGMA busy_timeout = 5000");
        var version = Scalar<long>("PRAGMA user_version");
        var application = Scalar<long>("PRAGMA application_id");
        var tables = Scalar<long>("SELECT count(*) FROM sqlite_master");
        if (version == 0 && application == 0 && tables == 0)
        {
            if (!create)
                throw new StoreException($"{Path}: an empty database, not a Corroborate store");
            CreateSchema();
        }
        else if (application != ApplicationId)
        {
            throw new StoreException($"{Path}: a SQLite database but not a Corroborate store; left untouched");
        }
        else if (version > SchemaVersion)
        {
            throw new StoreException($"{Path}: store schema version {version} is newer than this program reads ({SchemaVersion}); use a newer corroborate");
        }
        Execute("PRAGMA journal_mode = WAL");
        Execute("PRAGMA synchronous = NORMAL");
    }

    private void CreateSchema()
    {
        using var tx = _connection.BeginTransaction();
        Execute("""
            CREATE TABLE article (
              seq INTEGER PRIMARY KEY,          -- arrival order, from 1
              id TEXT NOT NULL,                 -- the article's identity
              hash TEXT NOT NULL,               -- SHA-256 of text and metadata (ContentHash)
              story TEXT NOT NULL,              -- story assigned at ingest
              source TEXT NOT NULL,
              text TEXT NOT NULL,
              title TEXT, outlet TEXT, url TEXT,
              published_date TEXT, published_moment TEXT, published_from TEXT,
              story_key TEXT,                   -- story given by the input, null when clustered
              extra TEXT NOT NULL,              -- unknown input fields, a JSON object
              errors TEXT NOT NULL,             -- read errors, a JSON array
              superseded_by INTEGER             -- seq of the newer version; null for the current one
            );
            CREATE UNIQUE INDEX article_current ON article(id, ifnull(story_key, '')) WHERE superseded_by IS NULL;
            CREATE INDEX article_story ON article(story, seq) WHERE superseded_by IS NULL;
            """, tx);
        Execute($"PRAGMA application_id = {ApplicationId}", tx);
        Execute($"PRAGMA user_version = {SchemaVersion}", tx);
        tx.Commit();
    }

    /// <summary>The highest sequence number used so far (0 for an empty store).</summary>
    public long LastSeq() => Scalar<long>("SELECT coalesce(max(seq), 0) FROM article");

    /// <summary>Identity → (seq, hash) of every current article.</summary>
    public Dictionary<ArticleKey, (long Seq, string Hash)> CurrentHashes()
    {
        var map = new Dictionary<ArticleKey, (long, string)>();
        using var cmd = Command("SELECT id, story_key, seq, hash FROM article WHERE superseded_by IS NULL");
        using var r = cmd.ExecuteReader();
        while (r.Read())
            map[new ArticleKey(r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1))] = (r.GetInt64(2), r.GetString(3));
        return map;
    }

    /// <summary>Every story id that current articles are in, with the count, in order of first arrival.</summary>
    public IReadOnlyList<(string Story, int Articles)> Stories()
    {
        var list = new List<(string, int)>();
        using var cmd = Command("SELECT story, count(*) FROM article WHERE superseded_by IS NULL GROUP BY story ORDER BY min(seq)");
        using var r = cmd.ExecuteReader();
        while (r.Read())
            list.Add((r.GetString(0), r.GetInt32(1)));
        return list;
    }

    public bool HasStory(string story)
    {
        using var cmd = Command("SELECT EXISTS (SELECT 1 FROM article WHERE superseded_by IS NULL AND story = $story)");
        cmd.Parameters.AddWithValue("$story", story);
        return (long)cmd.ExecuteScalar()! == 1;
    }

    /// <summary>Current articles in arrival order; only one story's when <paramref name="story"/> is given. Streams.</summary>
    public IEnumerable<StoredArticle> Articles(string? story = null)
    {
        using var cmd = Command(story is null
            ? $"SELECT {Columns} FROM article WHERE superseded_by IS NULL ORDER BY seq"
            : $"SELECT {Columns} FROM article WHERE superseded_by IS NULL AND story = $story ORDER BY seq");
        if (story is not null)
            cmd.Parameters.AddWithValue("$story", story);
        using var r = cmd.ExecuteReader();
        while (r.Read())
            yield return Row(r);
    }

    /// <summary>
    /// Every version up to <paramref name="lastSeq"/>, superseded ones included, in arrival order:
    /// what the clusterer saw. Streams.
    /// </summary>
    public IEnumerable<StoredArticle> History(long lastSeq)
    {
        using var cmd = Command($"SELECT {Columns} FROM article WHERE seq <= $last ORDER BY seq");
        cmd.Parameters.AddWithValue("$last", lastSeq);
        using var r = cmd.ExecuteReader();
        while (r.Read())
            yield return Row(r);
    }

    /// <summary>
    /// Writes articles in one transaction: all of them or none. An article whose id is already current
    /// supersedes that row (same <see cref="ArticleKey"/>). Sequence numbers must continue the store's (checked: one writer at a time).
    /// </summary>
    public void Write(IReadOnlyList<StoredArticle> batch)
    {
        if (batch.Count == 0)
            return;
        using var tx = _connection.BeginTransaction(); // BEGIN IMMEDIATE: takes the write lock now
        var last = Scalar<long>("SELECT coalesce(max(seq), 0) FROM article", tx);
        if (batch[0].Seq != last + 1)
            throw new StoreException($"{Path}: another process wrote to the store during this ingest (expected article {batch[0].Seq}, the store is at {last}); run the ingest again");
        using var supersede = Command("UPDATE article SET superseded_by = $new WHERE id = $id AND ifnull(story_key, '') = $key AND superseded_by IS NULL", tx);
        var supersedeNew = supersede.Parameters.Add("$new", SqliteType.Integer);
        var supersedeId = supersede.Parameters.Add("$id", SqliteType.Text);
        var supersedeKey = supersede.Parameters.Add("$key", SqliteType.Text);
        using var insert = Command($"INSERT INTO article ({Columns}) VALUES ($seq, $id, $hash, $story, $source, $text, $title, $outlet, $url, $date, $moment, $from, $key, $extra, $errors)", tx);
        var p = new[] { "$seq", "$id", "$hash", "$story", "$source", "$text", "$title", "$outlet", "$url", "$date", "$moment", "$from", "$key", "$extra", "$errors" }
            .Select(name => insert.Parameters.Add(name, SqliteType.Text)).ToArray();
        p[0].SqliteType = SqliteType.Integer;
        foreach (var a in batch)
        {
            var d = a.Document;
            supersedeNew.Value = a.Seq;
            supersedeId.Value = d.Id;
            supersedeKey.Value = d.Story ?? "";
            supersede.ExecuteNonQuery();
            object?[] values =
            [
                a.Seq, d.Id, a.Hash, a.Story, d.Source, d.Text, d.Title, d.Outlet, d.Url,
                StoredFields.DateOf(d.Published), StoredFields.MomentOf(d.Published), d.Published?.From.ToString(), d.Story,
                StoredFields.ExtraJson(d.Extra), StoredFields.ErrorsJson(d.Errors),
            ];
            for (var i = 0; i < p.Length; i++)
                p[i].Value = values[i] ?? DBNull.Value;
            insert.ExecuteNonQuery();
        }
        tx.Commit();
    }

    private static StoredArticle Row(SqliteDataReader r)
    {
        string? S(int i) => r.IsDBNull(i) ? null : r.GetString(i);
        var doc = new NewsDocument(r.GetString(1), r.GetString(4), r.GetString(5))
        {
            Title = S(6), Outlet = S(7), Url = S(8),
            Published = StoredFields.PublishedOf(S(9), S(10), S(11)),
            Story = S(12),
            Extra = StoredFields.ExtraOf(r.GetString(13)),
            Errors = StoredFields.ErrorsOf(r.GetString(14)),
        };
        return new StoredArticle(r.GetInt64(0), doc, r.GetString(3), r.GetString(2));
    }

    private SqliteCommand Command(string sql, SqliteTransaction? tx = null)
    {
        var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        return cmd;
    }

    private void Execute(string sql, SqliteTransaction? tx = null)
    {
        using var cmd = Command(sql, tx);
        cmd.ExecuteNonQuery();
    }

    private T Scalar<T>(string sql, SqliteTransaction? tx = null)
    {
        using var cmd = Command(sql, tx);
        return (T)Convert.ChangeType(cmd.ExecuteScalar()!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose() => _connection.Dispose();
}
