using System.Collections.Immutable;
using Corroborate.Model;
using Corroborate.Pipeline;
using Corroborate.Text;

namespace Corroborate.Reconcile;

/// <summary>Articles that are one source, not several: they share verbatim passages or a wire agency's copy.</summary>
public sealed record SharedOrigin(ImmutableArray<string> Docs, string Evidence, string Sample);

/// <summary>
/// Finds articles of one story that share an origin, as they arrive: each article's 8-word
/// shingles are looked up in an index of the story's earlier articles (no pairwise comparison),
/// and articles sharing several shingles, or carrying the same agency's mark ("(AP)",
/// "Reuters reported"), are joined. Not thread-safe: one tracker per run.
/// </summary>
public sealed class OriginTracker(ReconcileLexicon lexicon)
{
    private const int ShingleWords = 8;
    /// <summary>Shared shingles needed to call two articles one origin: a 12-word passage and more, not a stock phrase.</summary>
    private const int MinShared = 5;

    private sealed class StoryIndex
    {
        public Dictionary<long, int> Shingles { get; } = [];
        public Dictionary<string, int> Agencies { get; } = new(StringComparer.Ordinal);
    }

    private readonly Dictionary<string, StoryIndex> _stories = new(StringComparer.Ordinal);
    private readonly List<string> _docs = [];
    private readonly Dictionary<string, int> _position = new(StringComparer.Ordinal);
    private readonly List<int> _parent = [];
    private readonly Dictionary<int, (string Evidence, string Sample)> _evidence = [];
    private readonly Dictionary<int, (int Count, int Quoted, TextSpan First)> _shared = [];
    private readonly List<long> _mine = [];
    private readonly List<TextSpan> _words = [];
    private readonly Folded _folded = new();

    public void Observe(AnalyzedDocument article, string story)
    {
        if (!_stories.TryGetValue(story, out var index))
            _stories[story] = index = new StoryIndex();
        var me = _docs.Count;
        _docs.Add(article.Document.Id);
        _position.TryAdd(article.Document.Id, me);
        _parent.Add(me);
        if (article.Sentences.IsDefault)
            return;

        var text = article.Text;
        var quotes = article.Quotes.IsDefault ? [] : article.Quotes.Where(q => q.Kind != QuoteKind.Indirect).Select(q => q.Span).ToImmutableArray();
        // Scratch buffers kept from one article to the next.
        var shared = _shared;
        var mine = _mine;
        var words = _words;
        var folded = _folded;
        shared.Clear();
        mine.Clear();
        foreach (var sentence in article.Sentences)
        {
            Words(text, sentence.Span, words);
            folded.Fill(text, words);
            for (var i = 0; i + ShingleWords <= words.Count; i++)
            {
                var hash = Hash(folded, words, i);
                mine.Add(hash);
                if (index.Shingles.TryGetValue(hash, out var other) && other != me)
                {
                    var window = new TextSpan(words[i].Start, words[i + ShingleWords - 1].End);
                    var inQuote = quotes.Any(q => q.Contains(window)) ? 1 : 0;
                    var (count, quoted, first) = shared.TryGetValue(other, out var seen) ? seen : (0, 0, sentence.Span);
                    shared[other] = (count + 1, quoted + inQuote, first);
                }
            }
        }
        foreach (var (other, (count, quoted, first)) in shared.OrderBy(kv => kv.Key))
        {
            if (count < MinShared)
                continue;
            var evidence = quoted * 2 >= count ? "shared quotation" : "shared passage";
            Union(other, me, evidence, Sample(first.Of(text)));
        }
        foreach (var hash in mine)
            index.Shingles.TryAdd(hash, me);

        foreach (var agency in AgencyMarks(article))
        {
            if (index.Agencies.TryGetValue(agency, out var other))
                Union(other, me, $"syndication ({agency})", agency);
            else
                index.Agencies[agency] = me;
        }
    }

    /// <summary>The origin of every article: articles that share one have the same key.</summary>
    public string OriginOf(string doc)
    {
        return _position.TryGetValue(doc, out var i) ? _docs[Find(i)] : doc;
    }

    public IReadOnlyList<SharedOrigin> Origins() => Enumerable.Range(0, _docs.Count)
        .GroupBy(Find)
        .Where(g => g.Count() > 1)
        .Select(g =>
        {
            var (evidence, sample) = _evidence.TryGetValue(g.Key, out var e) ? e : ("shared passage", "");
            return new SharedOrigin([.. g.Select(i => _docs[i])], evidence, sample);
        })
        .ToList();

    /// <summary>Agency marks: an agency in brackets ("(AP)", "(Reuters) -") or "X reported".</summary>
    private IEnumerable<string> AgencyMarks(AnalyzedDocument article)
    {
        var text = article.Text;
        var found = new HashSet<string>(StringComparer.Ordinal);
        var agencies = lexicon.Agencies.GetAlternateLookup<ReadOnlySpan<char>>();
        var open = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '(')
                open = i;
            else if (text[i] == ')' && open >= 0 && i - open < 40)
            {
                if (agencies.TryGetValue(text.AsSpan(open + 1, i - open - 1).Trim(), out var agency))
                    found.Add(agency);
                open = -1;
            }
        }
        // "X reported": each form is judged at its first "X reported", as searching for each form
        // would find it, but the text is searched once for " reported", not once per form.
        const string Reported = " reported";
        HashSet<string>? judged = null;
        for (var p = text.IndexOf(Reported, StringComparison.Ordinal); p >= 0; p = text.IndexOf(Reported, p + 1, StringComparison.Ordinal))
        {
            foreach (var (form, agency) in lexicon.Agencies)
            {
                var at = p - form.Length;
                if (at < 0 || !text.AsSpan(at, form.Length).SequenceEqual(form) || !(judged ??= new(StringComparer.Ordinal)).Add(form))
                    continue;
                if (at == 0 || !char.IsLetter(text[at - 1]))
                    found.Add(agency);
            }
        }
        return found.Order(StringComparer.Ordinal);
    }

    private void Union(int a, int b, string evidence, string sample)
    {
        var ra = Find(a);
        var rb = Find(b);
        if (ra == rb)
            return;
        var (root, child) = ra < rb ? (ra, rb) : (rb, ra);
        _parent[child] = root;
        if (!_evidence.ContainsKey(root))
            _evidence[root] = _evidence.TryGetValue(child, out var e) ? e : (evidence, sample);
    }

    private int Find(int i)
    {
        while (_parent[i] != i)
            i = _parent[i] = _parent[_parent[i]];
        return i;
    }

    private static string Sample(string s)
    {
        s = Whitespace.Collapse(s);
        return s.Length <= 240 ? s : s[..239] + "…";
    }

    private static void Words(string text, TextSpan span, List<TextSpan> words)
    {
        words.Clear();
        var i = span.Start;
        while (i < span.End)
        {
            while (i < span.End && !char.IsLetterOrDigit(text[i]))
                i++;
            var start = i;
            while (i < span.End && (char.IsLetterOrDigit(text[i]) || text[i] is '\'' or '’') )
                i++;
            if (i > start)
                words.Add(new TextSpan(start, i));
        }
    }

    /// <summary>
    /// A sentence's words lower-cased, apostrophes unified, one after another: folded once per
    /// sentence rather than once per shingle a word is in (eight times).
    /// </summary>
    private sealed class Folded
    {
        private char[] _chars = new char[256];
        private int[] _starts = new int[64];

        public void Fill(string text, List<TextSpan> words)
        {
            if (_starts.Length <= words.Count)
                _starts = new int[Math.Max(words.Count + 1, _starts.Length * 2)];
            var n = 0;
            for (var w = 0; w < words.Count; w++)
            {
                _starts[w] = n;
                var word = text.AsSpan(words[w].Start, words[w].Length);
                if (_chars.Length - n < word.Length)
                    Array.Resize(ref _chars, Math.Max(n + word.Length, _chars.Length * 2));
                foreach (var c in word)
                    _chars[n++] = c == '’' ? '\'' : char.ToLowerInvariant(c);
            }
            _starts[words.Count] = n;
        }

        /// <summary>Words from..to (exclusive), folded and concatenated.</summary>
        public ReadOnlySpan<char> Of(int from, int to) => _chars.AsSpan(_starts[from], _starts[to] - _starts[from]);
    }

    /// <summary>A case-insensitive hash of eight words, apostrophes unified.</summary>
    private static long Hash(Folded folded, List<TextSpan> words, int from)
    {
        // The same equality as hashing the folded characters one by one, many characters a round.
        var h = new HashCode();
        h.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(folded.Of(from, from + ShingleWords)));
        var low = h.ToHashCode();
        var h2 = new HashCode();
        h2.Add(low);
        h2.Add(words[from].Length);
        h2.Add(words[from + ShingleWords - 1].Length);
        return ((long)low << 32) | (uint)h2.ToHashCode();
    }
}
