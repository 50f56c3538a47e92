using Xunit;
using System.Text;
using Corroborate.Ingest;
using Corroborate.Model;

namespace Corroborate.Tests.Ingest;

public sealed class ArticleReaderTests
{
    private static List<IngestItem> Read(params string[] paths) => new ArticleReader().Read(paths).ToList();

    [Fact]
    public void Text_file_with_sidecar_takes_its_metadata()
    {
        using var dir = new TempDir();
        var path = dir.File("a1.txt", "Officials said on Monday that talks failed.");
        dir.File("a1.meta.json", """{"published": "2024-11-01", "outlet": "Example Times", "story": "k9", "desk": "world"}""");
        var doc = Assert.Single(Read(dir.Path)).Document!;
        Assert.Equal("a1", doc.Id);
        Assert.Equal(path, doc.Source);
        Assert.Equal(new DateOnly(2024, 11, 1), doc.Published!.Date);
        Assert.Equal(PublishedFrom.Metadata, doc.Published.From);
        Assert.Equal("Example Times", doc.Outlet);
        Assert.Equal("k9", doc.Story);
        Assert.Equal("world", doc.Extra["desk"].GetString());
    }

    [Fact]
    public void A_broken_sidecar_is_an_error_on_the_article_which_is_still_read()
    {
        using var dir = new TempDir();
        dir.File("a.txt", "Text of the article.");
        dir.File("a.meta.json", "{\"published\": ");
        var doc = Assert.Single(Read(dir.Path)).Document!;
        var error = Assert.Single(doc.Errors);
        Assert.EndsWith("a.meta.json", error.Source);
        Assert.Contains("not valid JSON", error.Message);
    }

    [Theory]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF }, "utf-8")]
    [InlineData(new byte[] { }, "utf-8")]
    [InlineData(new byte[] { 0xFF, 0xFE }, "utf-16le")]
    [InlineData(new byte[] { 0xFE, 0xFF }, "utf-16be")]
    public void Utf8_and_utf16_with_bom_decode_to_the_same_text(byte[] bom, string encoding)
    {
        const string text = "Kyiv’s officials — “we agree.”";
        var enc = encoding switch
        {
            "utf-16le" => (Encoding)new UnicodeEncoding(false, false),
            "utf-16be" => new UnicodeEncoding(true, false),
            _ => new UTF8Encoding(false),
        };
        using var dir = new TempDir();
        dir.File("a.txt", [.. bom, .. enc.GetBytes(text)]);
        Assert.Equal(text, Assert.Single(Read(dir.Path)).Document!.Text);
    }

    [Fact]
    public void Bad_files_each_give_one_error_naming_the_file_and_the_rest_are_read()
    {
        using var dir = new TempDir();
        dir.File("1-binary.txt", [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x14, 0x00]);
        dir.File("2-latin1.txt", [.. Encoding.ASCII.GetBytes("Caf"), 0xE9, .. Encoding.ASCII.GetBytes(" au lait.")]);
        dir.File("3-empty.txt", "");
        dir.File("4-blank.txt", "  \n\n ");
        dir.File("5-good.txt", "A good article.");
        dir.File("6-nobody.html", "<html><head><title>x</title></head><body><script>var a=1;</script></body></html>");
        dir.File("7-notxml.xml", "this is not a feed");
        var items = Read(dir.Path);
        Assert.Equal(7, items.Count);
        Assert.Single(items, i => i.Document is not null);
        var errors = items.Where(i => i.Error is not null).Select(i => i.Error!).ToList();
        Assert.Equal(6, errors.Count);
        Assert.Contains("binary", Error("1-binary.txt").Message);
        Assert.Contains("not valid UTF-8", Error("2-latin1.txt").Message);
        Assert.Contains("empty", Error("3-empty.txt").Message);
        Assert.Contains("empty", Error("4-blank.txt").Message);
        Assert.Contains("no body text", Error("6-nobody.html").Message);
        Assert.Contains("not an XML feed", Error("7-notxml.xml").Message);
        Assert.Equal("line 1", Error("7-notxml.xml").Location);

        DocumentError Error(string name) => errors.Single(e => e.Source.EndsWith(name, StringComparison.Ordinal));
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused_without_being_read()
    {
        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, "huge.txt");
        using (var f = File.Create(path))
            f.SetLength(100L * 1024 * 1024);
        dir.File("ok.txt", "Fine.");
        var items = Read(dir.Path);
        var error = items.Single(i => i.Error is not null).Error!;
        Assert.Equal(path, error.Source);
        Assert.Contains("too large (100.0 MB", error.Message);
        Assert.Single(items, i => i.Document is not null);
    }

    [Fact]
    public void Json_lines_keep_unknown_fields_and_report_broken_lines_by_number()
    {
        using var dir = new TempDir();
        var path = dir.File("feed.jsonl", string.Join('\n',
            """{"id": "r1", "text": "First report.", "published": "2024-10-29T08:15:00Z", "outlet": "Wire", "story": "s-7", "lang": "en", "tags": ["a"]}""",
            """{"id": "r2", "text": "Second report.""",
            "",
            """["not", "an", "object"]""",
            """{"id": "r4", "title": "no text"}""",
            """{"id": 5, "html": "<html><body><article><p>From HTML.</p></article></body></html>"}""",
            """{"text": "No id.", "published": "yesterday"}"""));
        var items = Read(path);
        Assert.Equal(6, items.Count);
        var r1 = items[0].Document!;
        Assert.Equal("r1", r1.Id);
        Assert.Equal("s-7", r1.Story);
        Assert.Equal(new DateOnly(2024, 10, 29), r1.Published!.Date);
        Assert.NotNull(r1.Published.Moment);
        Assert.Equal("en", r1.Extra["lang"].GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Array, r1.Extra["tags"].ValueKind);
        Assert.Equal("line 2", items[1].Error!.Location);
        Assert.Contains("not a valid JSON record", items[1].Error!.Message);
        Assert.Equal("line 4", items[2].Error!.Location);
        Assert.Contains("line 5, record r4", items[3].Error!.Location);
        Assert.Equal("From HTML.", items[4].Document!.Text);
        Assert.Equal("5", items[4].Document!.Id);
        var noId = items[5].Document!;
        Assert.Equal("feed-7", noId.Id);
        Assert.Null(noId.Published);
        Assert.Contains(noId.Errors, e => e.Message.Contains("not a date"));
    }

    [Fact]
    public void Json_lines_with_invalid_utf8_lose_only_that_line()
    {
        using var dir = new TempDir();
        var bytes = new List<byte>();
        bytes.AddRange(Encoding.UTF8.GetBytes("{\"id\": \"a\", \"text\": \"ok\"}\n{\"id\": \"b\", \"text\": \"caf"));
        bytes.Add(0xE9);
        bytes.AddRange(Encoding.UTF8.GetBytes("\"}\n{\"id\": \"c\", \"text\": \"ok too\"}\n"));
        var items = Read(dir.File("x.jsonl", bytes.ToArray()));
        Assert.Equal(["a", null, "c"], items.Select(i => i.Document?.Id));
        Assert.Equal("line 2", items[1].Error!.Location);
    }

    [Fact]
    public void An_over_long_json_line_is_skipped_and_reading_goes_on()
    {
        using var dir = new TempDir();
        var path = dir.File("x.jsonl", "{\"id\":\"a\",\"text\":\"" + new string('x', 5000) + "\"}\n{\"id\":\"b\",\"text\":\"short\"}\n");
        var items = new ArticleReader(new IngestLimits { MaxRecordBytes = 1000 }).Read([path]).ToList();
        Assert.Contains("too large", items[0].Error!.Message);
        Assert.Equal("b", items[1].Document!.Id);
    }

    [Fact]
    public void Standard_input_is_read_as_json_lines()
    {
        var stdin = new MemoryStream(Encoding.UTF8.GetBytes("{\"id\":\"s1\",\"text\":\"From a pipe.\"}\n"));
        var doc = Assert.Single(new ArticleReader().Read(["-"], () => stdin)).Document!;
        Assert.Equal("s1", doc.Id);
        Assert.Equal("From a pipe.", doc.Text);
    }

    [Fact]
    public void Html_metadata_comes_from_meta_tags_and_json_ld()
    {
        using var dir = new TempDir();
        var path = dir.File("page.html", """
            <html><head><title>Page title | Site</title>
            <meta property="og:title" content="Troops sent north">
            <meta property="article:published_time" content="2024-10-31T14:05:00-04:00">
            <link rel="canonical" href="https://example.org/a">
            <script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2024-10-30", "publisher": {"@type": "Organization", "name": "Example Post"}}</script>
            </head><body><nav>Home | World</nav><article><h1>Troops sent north</h1><p>First   paragraph
            of the story.</p><p>Second paragraph.</p></article><footer>© Example</footer></body></html>
            """);
        var doc = Assert.Single(Read(path)).Document!;
        Assert.Equal("Troops sent north", doc.Title);
        Assert.Equal("Example Post", doc.Outlet);
        Assert.Equal("https://example.org/a", doc.Url);
        Assert.Equal(new DateOnly(2024, 10, 31), doc.Published!.Date);
        Assert.Equal("Troops sent north\n\nFirst paragraph of the story.\n\nSecond paragraph.", doc.Text);
    }

    [Fact]
    public void Rss_items_become_articles_with_feed_metadata()
    {
        using var dir = new TempDir();
        var path = dir.File("news.xml", """
            <?xml version="1.0"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Example Wire</title>
            <item><title>One</title><link>https://e.org/1</link><guid>id-1</guid><pubDate>Thu, 31 Oct 2024 18:00:00 GMT</pubDate>
              <description>&lt;p&gt;Short.&lt;/p&gt;</description><content:encoded><![CDATA[<p>Full text one.</p><p>More.</p>]]></content:encoded></item>
            <item><title>Two</title><link>https://e.org/2</link><pubDate>Fri, 01 Nov 2024 09:30:00 -0400</pubDate><description>Plain two.</description></item>
            <item><title>Empty</title></item>
            </channel></rss>
            """);
        var items = Read(path);
        var one = items[0].Document!;
        Assert.Equal("One", one.Title);
        Assert.Equal("Example Wire", one.Outlet);
        Assert.Equal("Full text one.\n\nMore.", one.Text);
        Assert.Equal(new DateOnly(2024, 10, 31), one.Published!.Date);
        Assert.StartsWith("news-", one.Id);
        Assert.Equal(new DateOnly(2024, 11, 1), items[1].Document!.Published!.Date);
        Assert.Contains("item 3", items[2].Error!.Location);
    }

    [Fact]
    public void Atom_entries_become_articles()
    {
        using var dir = new TempDir();
        var path = dir.File("atom.xml", """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Example Atom</title>
            <entry><id>urn:1</id><title>A</title><link rel="alternate" href="https://e.org/a"/><published>2024-10-29T10:00:00Z</published>
            <content type="html">&lt;p&gt;Atom body.&lt;/p&gt;</content></entry></feed>
            """);
        var doc = Assert.Single(Read(path)).Document!;
        Assert.Equal("Atom body.", doc.Text);
        Assert.Equal("https://e.org/a", doc.Url);
        Assert.Equal("Example Atom", doc.Outlet);
    }

    [Fact]
    public void Missing_paths_and_unsupported_files_are_named()
    {
        using var dir = new TempDir();
        var pdf = dir.File("x.pdf", "%PDF");
        var items = Read(Path.Combine(dir.Path, "nope.txt"), pdf);
        Assert.Contains("no such file", items[0].Error!.Message);
        Assert.Contains("unsupported file type", items[1].Error!.Message);
    }

    [Fact]
    public void Folders_are_read_recursively_in_a_stable_order_and_sidecars_are_not_articles()
    {
        using var dir = new TempDir();
        dir.File("b/2.txt", "Two.");
        dir.File("a/1.txt", "One.");
        dir.File("a/1.meta.json", "{}");
        dir.File("notes.pdf", "x");
        Assert.Equal(["1", "2"], Read(dir.Path).Select(i => i.Document!.Id));
    }

    [Theory]
    [InlineData("2024-10-29", 2024, 10, 29, false)]
    [InlineData("2024-10-29T23:30:00-05:00", 2024, 10, 29, true)]
    [InlineData("2024-10-29T23:30:00", 2024, 10, 29, false)]
    [InlineData("Tue, 29 Oct 2024 23:30:00 EST", 2024, 10, 29, true)]
    [InlineData("Tue, 29 Oct 2024 23:30:00 +0100", 2024, 10, 29, true)]
    [InlineData("February 6, 2014", 2014, 2, 6, false)]
    public void Publication_dates_parse_in_their_common_forms(string value, int y, int m, int d, bool moment)
    {
        var p = DateParsing.TryParse(value, PublishedFrom.Metadata)!;
        Assert.Equal(new DateOnly(y, m, d), p.Date);
        Assert.Equal(moment, p.Moment is not null);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2024-13-45")]
    [InlineData("")]
    [InlineData("0001-01-01T00:00:00+00:00")] // the empty value many publishing systems write
    [InlineData("9999-12-31")]
    public void Non_dates_are_not_publication_dates(string value) =>
        Assert.Null(DateParsing.TryParse(value, PublishedFrom.Metadata));

    [Theory]
    [InlineData("www.huffingtonpost.com:80", "huffingtonpost.com")]
    [InlineData("news.yahoo.com:443", "news.yahoo.com")]
    [InlineData("www.bbc.co.uk", "bbc.co.uk")]
    [InlineData("Example Times", "Example Times")]
    [InlineData("Reuters", "Reuters")]
    [InlineData("www.com", "www.com")]
    public void An_outlet_given_as_a_web_host_loses_its_port_and_www(string given, string outlet) =>
        Assert.Equal(outlet, RecordMetadata.OutletName(given));
}
