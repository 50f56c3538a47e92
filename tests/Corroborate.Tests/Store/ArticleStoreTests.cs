using System.Collections.Immutable;
using System.Text.Json;
using Corroborate.Model;
using Corroborate.Store;
using Xunit;

namespace Corroborate.Tests.Store;

public sealed class ArticleStoreTests
{
    private static NewsDocument Full() => new("d1", "in/a.jsonl#line3", "Text \u00e9 \"quoted\"\nsecond line.")
    {
        Title = "A title", Outlet = "outlet.example", Url = "https://outlet.example/a",
        Published = new Published(new DateOnly(2024, 10, 29), new DateTimeOffset(2024, 10, 29, 9, 30, 0, TimeSpan.FromHours(-4)), PublishedFrom.Dateline),
        Story = "k1",
        Extra = ImmutableDictionary<string, JsonElement>.Empty
            .Add("tags", JsonDocument.Parse("[\"a\", {\"b\": 1.50}]").RootElement.Clone())
            .Add("desk", JsonDocument.Parse("null").RootElement.Clone()),
        Errors = [new DocumentError("in/a.meta.json", "line 2", "bad date")],
    };

    [Fact]
    public void A_document_reads_back_as_it_was_written()
    {
        using var dir = new TempDir();
        var doc = Full();
        using (var store = ArticleStore.Open(Path.Combine(dir.Path, "s.db"), create: true))
            store.Write([new StoredArticle(1, doc, "k1", ContentHash.Of(doc))]);
        using (var store = ArticleStore.Open(Path.Combine(dir.Path, "s.db"), create: false))
        {
            var back = Assert.Single(store.Articles());
            var d = back.Document;
            Assert.Equal((doc.Id, doc.Source, doc.Text, doc.Title, doc.Outlet, doc.Url, doc.Published, doc.Story),
                (d.Id, d.Source, d.Text, d.Title, d.Outlet, d.Url, d.Published, d.Story));
            Assert.Equal(doc.Errors.ToArray(), d.Errors.ToArray());
            Assert.Equal(doc.Extra.Keys.Order(), d.Extra.Keys.Order());
            Assert.Equal(doc.Extra["tags"].GetRawText().Replace(" ", ""), d.Extra["tags"].GetRawText());
            Assert.Equal(ContentHash.Of(doc), ContentHash.Of(d));
            Assert.Equal(ContentHash.Of(doc), back.Hash);
        }
    }

    [Fact]
    public void The_hash_changes_with_text_and_metadata_but_not_with_the_source_path()
    {
        var doc = Full();
        var hash = ContentHash.Of(doc);
        Assert.Equal(hash, ContentHash.Of(new NewsDocument(doc.Id, "elsewhere/a.jsonl#line9", doc.Text) with
        {
            Title = doc.Title, Outlet = doc.Outlet, Url = doc.Url, Published = doc.Published, Story = doc.Story, Extra = doc.Extra,
        }));
        Assert.NotEqual(hash, ContentHash.Of(doc with { Title = "Another title" }));
        Assert.NotEqual(hash, ContentHash.Of(doc with { Title = null }));
        Assert.NotEqual(hash, ContentHash.Of(doc with { Published = doc.Published! with { From = PublishedFrom.Metadata } }));
        Assert.NotEqual(hash, ContentHash.Of(doc with { Extra = doc.Extra.Remove("desk") }));
    }

    [Fact]
    public void A_second_writer_is_refused_rather_than_interleaved()
    {
        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, "s.db");
        var doc = Full();
        using var first = ArticleStore.Open(path, create: true);
        using var second = ArticleStore.Open(path, create: true);
        first.Write([new StoredArticle(1, doc, "k1", ContentHash.Of(doc))]);
        var other = doc with { Story = "k2" };
        var e = Assert.Throws<StoreException>(() => second.Write([new StoredArticle(1, other, "k2", ContentHash.Of(other))]));
        Assert.Contains("another process", e.Message);
        Assert.Single(first.Articles());
    }
}
