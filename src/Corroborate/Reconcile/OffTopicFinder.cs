using System.Collections.Immutable;
using Corroborate.Model;
using Corroborate.Pipeline;
using Corroborate.Text;

namespace Corroborate.Reconcile;

/// <summary>
/// Finds paragraphs that belong to another story: their names and terms are foreign to the
/// story's other articles (for a one-article story, to the article's lead). Keeps per article only
/// the hashed terms of each paragraph, so memory grows with the story, not with its text.
/// Not thread-safe: one finder per run.
/// </summary>
public sealed class OffTopicFinder(ReconcileLexicon lexicon)
{
    /// <summary>A paragraph whose share of known names and terms is below this is off-topic.</summary>
    private const double MaxForeign = 0.45;
    /// <summary>Paragraphs with fewer salient terms than this are too short to judge.</summary>
    private const int MinTerms = 6;
    private const int MinNames = 3;
    private const double NameWeight = 3;

    private sealed record ParagraphTerms(TextSpan Span, int[] Names, int[] Words, string Preview);
    private sealed record ArticleTerms(string Doc, ImmutableArray<ParagraphTerms> Paragraphs);

    private readonly Dictionary<string, List<ArticleTerms>> _stories = new(StringComparer.Ordinal);
    private readonly HashSet<int> _names = [];
    private readonly HashSet<int> _words = [];

    public void Observe(AnalyzedDocument article, string story)
    {
        if (article.Paragraphs.IsDefault || article.Sentences.IsDefault)
            return;
        var text = article.Text;
        var paragraphs = ImmutableArray.CreateBuilder<ParagraphTerms>();
        var tokens = article.Tokens;
        var t = 0;
        var s = 0;
        var stopwords = lexicon.Stopwords.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> buffer = stackalloc char[64];
        // Two sets for the whole article, emptied per paragraph: only the arrays kept are allocated.
        var names = _names;
        var words = _words;
        foreach (var paragraph in article.Paragraphs)
        {
            names.Clear();
            words.Clear();
            for (; s < article.Sentences.Length && article.Sentences[s].Paragraph == paragraph.Index; s++)
            {
                var sentence = article.Sentences[s].Span;
                while (t < tokens.Length && tokens[t].Span.Start < sentence.Start)
                    t++;
                for (var first = true; t < tokens.Length && tokens[t].Span.End <= sentence.End; t++, first = false)
                {
                    var token = tokens[t];
                    if (token.Kind is not (TokenKind.Word or TokenKind.Abbreviation))
                        continue;
                    var word = text.AsSpan(token.Span.Start, token.Span.Length);
                    var lower = Normalize(word, word.Length <= buffer.Length ? buffer : new char[word.Length]);
                    if (lower.Length < 3 || stopwords.Contains(lower))
                        continue;
                    // The hash of the string these characters make (string.GetHashCode(span) equals it).
                    var hash = string.GetHashCode(lower);
                    if (char.IsUpper(word[0]) && !first)
                        names.Add(hash);
                    else
                        words.Add(hash);
                }
            }
            if (names.Count + words.Count > 0)
                paragraphs.Add(new ParagraphTerms(paragraph.Span, [.. names], [.. words], Preview(paragraph.Span.SliceOf(text))));
        }
        if (!_stories.TryGetValue(story, out var list))
            _stories[story] = list = [];
        list.Add(new ArticleTerms(article.Document.Id, paragraphs.ToImmutable()));
    }

    /// <summary>The opening words of each paragraph found off-topic, for the brief.</summary>
    public IReadOnlyDictionary<(string Doc, TextSpan Span), string> Previews => _previews;

    private readonly Dictionary<(string Doc, TextSpan Span), string> _previews = [];

    private static string Preview(ReadOnlySpan<char> paragraph)
    {
        // The paragraph with whitespace runs as one space, trimmed, cut at 120 characters: read
        // only as far as the preview goes (splitting and joining the whole paragraph cost more).
        const int Kept = 120;
        var preview = Whitespace.CollapseInto(paragraph, stackalloc char[Kept + 1]);
        return preview.Length <= Kept ? new string(preview) : string.Concat(preview[..(Kept - 1)], "…");
    }

    /// <summary>Off-topic paragraph spans, by document id.</summary>
    public IReadOnlyDictionary<string, ImmutableArray<TextSpan>> Find()
    {
        var result = new Dictionary<string, ImmutableArray<TextSpan>>(StringComparer.Ordinal);
        foreach (var articles in _stories.Values)
        {
            // How many articles of the story use each term: a term from another article counts as known.
            var names = new Dictionary<int, int>();
            var words = new Dictionary<int, int>();
            foreach (var a in articles)
            {
                foreach (var n in a.Paragraphs.SelectMany(p => p.Names).Distinct())
                    names[n] = names.GetValueOrDefault(n) + 1;
                foreach (var w in a.Paragraphs.SelectMany(p => p.Words).Distinct())
                    words[w] = words.GetValueOrDefault(w) + 1;
            }
            foreach (var a in articles)
            {
                if (a.Paragraphs.Length < 3)
                    continue;
                // Known: used by another article of the story, or by this article's lead (its first two paragraphs).
                var leadNames = a.Paragraphs.Take(2).SelectMany(p => p.Names).ToHashSet();
                var leadWords = a.Paragraphs.Take(2).SelectMany(p => p.Words).ToHashSet();
                var spans = ImmutableArray.CreateBuilder<TextSpan>();
                foreach (var p in a.Paragraphs.Skip(2))
                {
                    if (p.Names.Length < MinNames || p.Names.Length + p.Words.Length < MinTerms)
                        continue;
                    bool KnownName(int n) => leadNames.Contains(n) || names.GetValueOrDefault(n) > 1;
                    bool KnownWord(int w) => leadWords.Contains(w) || words.GetValueOrDefault(w) > 1;
                    // Names weigh most: who and where say which story a paragraph tells.
                    var known = NameWeight * p.Names.Count(KnownName) + p.Words.Count(KnownWord);
                    var total = NameWeight * p.Names.Length + p.Words.Length;
                    if (known / total < MaxForeign)
                    {
                        spans.Add(p.Span);
                        _previews[(a.Doc, p.Span)] = p.Preview;
                    }
                }
                if (spans.Count > 0)
                    result[a.Doc] = spans.ToImmutable();
            }
        }
        return result;
    }

    /// <summary>The word lower-cased into <paramref name="buffer"/>, apostrophes unified, a final "'s" cut: no string per token.</summary>
    private static ReadOnlySpan<char> Normalize(ReadOnlySpan<char> word, Span<char> buffer)
    {
        var lower = buffer[..word.ToLowerInvariant(buffer)];
        lower.Replace('’', '\'');
        return lower.EndsWith("'s", StringComparison.Ordinal) ? lower[..^2] : lower;
    }
}
