using System.Collections.Immutable;
using Corroborate.Model;
using Corroborate.Pipeline;
using Corroborate.Text;

namespace Corroborate.Reconcile;

/// <summary>
/// Finds paragraphs that belong to another story: most of their names and terms are foreign to
/// the story's other articles and to what the article said before them (its lead and the
/// paragraphs already found on-topic), and they name something foreign more than once, which is
/// what they are about. A report's later paragraphs bring in new people and places at every turn
/// (a witness, the hospital, the wounded by name), each named once or twice; a passage about
/// another story keeps returning to its own subject. Keeps per article only the hashed terms of
/// each paragraph, so memory grows with the story, not with its text.
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
    /// <summary>
    /// How many of a paragraph's foreign terms it must use at least twice to be about something else.
    /// Measured on gva-dev, where nearly every story is on-topic throughout: without it 5,012 of
    /// 9,190 judged paragraphs were off-topic, most of them a report's own later paragraphs.
    /// </summary>
    private const int MinForeignRepeats = 2;
    /// <summary>Stories with fewer articles than this are not judged.</summary>
    private const int MinArticles = 2;
    /// <summary>
    /// A paragraph that opens with a turn to another story ("In other business, …") is off-topic
    /// when its share of known names and terms is below this: the turn, not repeated foreign
    /// names, tells what it is about. The paragraphs after it go on with that story while their
    /// share stays below <see cref="MaxForeign"/>.
    /// </summary>
    private const double MaxForeignTurned = 0.6;
    /// <summary>Fewer salient terms than this are too few to judge even after a turn.</summary>
    private const int MinTermsTurned = 4;
    /// <summary>A drift with no turn opens after the lead and the paragraph after it.</summary>
    private const int TailFrom = 3;
    /// <summary>A drift with no turn runs at least this many paragraphs, to the article's end.</summary>
    private const int MinTailParagraphs = 2;
    /// <summary>The share of known names and terms over all of a drift's paragraphs, below this.</summary>
    private const double MaxTailKnown = 0.35;
    /// <summary>The share of known names and terms of each of a drift's paragraphs, below this.</summary>
    private const double MaxTailParagraphKnown = 0.65;
    /// <summary>
    /// How many of the terms every report of the story uses a drift may use, all its paragraphs together: a town's
    /// roadworks drift may name the town and its council as every report does (one let a blind corpus's drift through).
    /// </summary>
    private const int MaxTailCore = 2;
    /// <summary>How many of the terms half the story's reports use in their lead a drift may use, all its paragraphs together.</summary>
    private const int MaxTailLead = 1;
    /// <summary>
    /// A drift with no turn is judged only in a story of this many reports: with fewer, what the
    /// others say is too little to call a report's closing paragraphs foreign (gva-dev, stories of
    /// two or three reports: a neighbour, the funeral, a fund for the family, the court date).
    /// </summary>
    private const int MinTailArticles = 4;
    /// <summary>A report's last paragraph alone is judged a drift with no turn when it has this many sentences at least.</summary>
    private const int MinLoneTailSentences = 3;
    /// <summary>... or, using no foreign term twice, when its share of known names and terms is below this.</summary>
    private const double MaxLoneTailKnown = 0.2;
    /// <summary>A drift with no turn is a report's coda: it opens among its last this many judged paragraphs.</summary>
    private const int MaxTailParagraphs = 6;

    private static readonly System.Buffers.SearchValues<char> QuotationMarks = System.Buffers.SearchValues.Create("\"“”«»„");

    /// <summary>A paragraph's distinct term hashes: names, other words, and those it uses more than once.</summary>
    /// <param name="Quotes">Whether the paragraph holds a quotation mark: a witness or an official speaking, not a drift's opening.</param>
    /// <param name="Sentences">How many sentences the paragraph holds.</param>
    private sealed record ParagraphTerms(TextSpan Span, int[] Names, int[] Words, int[] Repeated, Turn Turns, string Preview, bool Quotes, int Sentences);
    private sealed record ArticleTerms(string Doc, ImmutableArray<ParagraphTerms> Paragraphs);

    private readonly Dictionary<string, List<ArticleTerms>> _stories = new(StringComparer.Ordinal);
    private readonly HashSet<int> _names = [];
    private readonly HashSet<int> _words = [];
    private readonly HashSet<int> _repeated = [];
    private readonly List<int> _opening = [];

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
        var repeated = _repeated;
        // Every word of the paragraph's first sentence, stopwords too: "In other business, …".
        var opening = _opening;
        foreach (var paragraph in article.Paragraphs)
        {
            names.Clear();
            words.Clear();
            repeated.Clear();
            opening.Clear();
            var sentences = 0;
            for (var firstSentence = true; s < article.Sentences.Length && article.Sentences[s].Paragraph == paragraph.Index; s++, firstSentence = false)
            {
                sentences++;
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
                    if (firstSentence)
                        opening.Add(string.GetHashCode(lower));
                    if (lower.Length < 3 || stopwords.Contains(lower))
                        continue;
                    // The hash of the string these characters make (string.GetHashCode(span) equals it).
                    var hash = string.GetHashCode(lower);
                    if (names.Contains(hash) || words.Contains(hash))
                        repeated.Add(hash);
                    if (char.IsUpper(word[0]) && !first)
                        names.Add(hash);
                    else
                        words.Add(hash);
                }
            }
            // Furniture (a byline, a caption) has no sentences, so its paragraphs give no terms and are no part of the lead.
            if (names.Count + words.Count > 0)
                paragraphs.Add(new ParagraphTerms(paragraph.Span, [.. names], [.. words], [.. repeated], lexicon.TopicShifts.Marks(opening), Preview(paragraph.Span.SliceOf(text)),
                    paragraph.Span.SliceOf(text).ContainsAny(QuotationMarks), sentences));
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
            // A story of one report has no other reports to measure its paragraphs against; its lead
            // alone would make every later witness, prosecutor or hospital foreign (gva-dev: 0.836 -> 0.840
            // killed, 0.741 -> 0.745 injured counts right when such stories are left whole).
            if (articles.Count < MinArticles)
                continue;
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
            // The story's lead terms: what at least half of its reports say in their first two paragraphs (only
            // stories the closing-drift rule judges need them).
            var leads = new Dictionary<int, int>();
            if (articles.Count >= MinTailArticles)
            {
                foreach (var a in articles)
                {
                    foreach (var h in a.Paragraphs.Take(2).SelectMany(p => p.Names.Concat(p.Words)).Distinct())
                        leads[h] = leads.GetValueOrDefault(h) + 1;
                }
            }
            bool IsLead(int h) => 2 * leads.GetValueOrDefault(h) >= articles.Count;
            // The story's core: terms every one of its reports uses.
            bool IsCore(int h) => names.GetValueOrDefault(h) >= articles.Count || words.GetValueOrDefault(h) >= articles.Count;
            foreach (var a in articles)
            {
                if (a.Paragraphs.Length < 3)
                    continue;
                // Known: used by another article of the story, or said before in this article: in its
                // lead (the first two paragraphs) or in a paragraph found on-topic. A passage about
                // another story does not make its own terms known, however long it runs.
                var saidNames = a.Paragraphs.Take(2).SelectMany(p => p.Names).ToHashSet();
                var saidWords = a.Paragraphs.Take(2).SelectMany(p => p.Words).ToHashSet();
                // The terms of the off-topic paragraph just before: a drift that goes on keeps naming its subject.
                var drift = new HashSet<int>();
                var drifting = false;
                var spans = ImmutableArray.CreateBuilder<TextSpan>();
                foreach (var p in a.Paragraphs.Skip(2))
                {
                    // A short paragraph is judged only as part of a turn to another story.
                    var large = p.Names.Length >= MinNames && p.Names.Length + p.Words.Length >= MinTerms;
                    if (!large && (p.Names.Length + p.Words.Length < MinTermsTurned || !(p.Turns != Turn.None || drifting)))
                        continue;
                    bool KnownName(int n) => saidNames.Contains(n) || names.GetValueOrDefault(n) > 1;
                    bool KnownWord(int w) => saidWords.Contains(w) || words.GetValueOrDefault(w) > 1;
                    // Names weigh most: who and where say which story a paragraph tells.
                    var known = NameWeight * p.Names.Count(KnownName) + p.Words.Count(KnownWord);
                    var total = NameWeight * p.Names.Length + p.Words.Length;
                    bool Foreign(int h) => !(p.Names.Contains(h) && KnownName(h)) && !(p.Words.Contains(h) && KnownWord(h));
                    var foreignRepeats = p.Repeated.Count(Foreign) + p.Names.Concat(p.Words).Count(h => drift.Contains(h) && !p.Repeated.Contains(h) && Foreign(h));
                    // A weak turn ("Elsewhere in the province, …") may be the story going on: it must be as foreign as a
                    // drift and use at most one of the terms every report of the story uses (the quake, the dead).
                    var turned = p.Turns == Turn.Strong && known / total < MaxForeignTurned
                        || p.Turns == Turn.Weak && known / total < MaxForeign && p.Names.Concat(p.Words).Count(IsCore) <= 1
                        || drifting && known / total < MaxForeign;
                    if (turned || (large && known / total < MaxForeign && foreignRepeats >= MinForeignRepeats))
                    {
                        drifting = turned;
                        spans.Add(p.Span);
                        _previews[(a.Doc, p.Span)] = p.Preview;
                        drift.Clear();
                        drift.UnionWith(p.Names);
                        drift.UnionWith(p.Words);
                    }
                    else
                    {
                        saidNames.UnionWith(p.Names);
                        saidWords.UnionWith(p.Words);
                        drift.Clear();
                        drifting = false;
                    }
                }
                foreach (var p in articles.Count < MinTailArticles ? [] : TailDrift(a, names, words, IsCore, IsLead, spans))
                {
                    spans.Add(p.Span);
                    _previews[(a.Doc, p.Span)] = p.Preview;
                }
                if (spans.Count > 0)
                {
                    spans.Sort((x, y) => x.Start.CompareTo(y.Start));
                    result[a.Doc] = spans.ToImmutable();
                }
            }
        }
        return result;
    }

    /// <summary>
    /// A report that ends on another story with no turn to it ("The city council approved a plan
    /// to …" after a stadium crush): its last paragraphs, read against the story's other reports
    /// and what the article said before them, are foreign together, and the first of them names a
    /// foreign subject that those after it name again: a drift keeps to its subject. A drift does
    /// not open on a paragraph that quotes someone (a witness's words are new at every turn). The
    /// earliest such opening among the last paragraphs wins, and the drift runs to the article's
    /// end; paragraphs already found off-topic stay so.
    /// </summary>
    private static List<ParagraphTerms> TailDrift(ArticleTerms a, Dictionary<int, int> storyNames, Dictionary<int, int> storyWords, Func<int, bool> isCore, Func<int, bool> isLead, ImmutableArray<TextSpan>.Builder found)
    {
        var judged = new List<int>();
        for (var i = TailFrom; i < a.Paragraphs.Length; i++)
        {
            if (a.Paragraphs[i].Names.Length + a.Paragraphs[i].Words.Length >= MinTermsTurned)
                judged.Add(i);
        }
        if (judged.Count < MinTailParagraphs)
            return [];
        // The last paragraph alone may be the drift when it tells another story in several sentences of its own, nearly all
        // its names and terms foreign ("The island ferry operator … Islanders had complained … The operator apologised …").
        var lastAlone = a.Paragraphs[judged[^1]].Sentences >= MinLoneTailSentences;
        var off = found.ToHashSet();
        // Known: the story's other reports, and this report's on-topic paragraphs before the opening, gathered as the opening moves on.
        var said = new HashSet<int>();
        var before = 0;
        for (var j = Math.Max(0, judged.Count - MaxTailParagraphs); j + MinTailParagraphs <= judged.Count || lastAlone && j < judged.Count; j++)
        {
            for (; before < judged[j]; before++)
            {
                if (!off.Contains(a.Paragraphs[before].Span))
                {
                    said.UnionWith(a.Paragraphs[before].Names);
                    said.UnionWith(a.Paragraphs[before].Words);
                }
            }
            var first = a.Paragraphs[judged[j]];
            if (first.Quotes)
                continue;
            bool Known(int h, bool name) => said.Contains(h) || (name ? storyNames : storyWords).GetValueOrDefault(h) > 1;
            double known = 0, total = 0, firstKnown = 0, firstTotal = 0, worst = 0;
            var core = new HashSet<int>();
            var lead = new HashSet<int>();
            var later = new HashSet<int>();
            foreach (var i in judged.Skip(j))
            {
                var p = a.Paragraphs[i];
                var k = NameWeight * p.Names.Count(h => Known(h, true)) + p.Words.Count(h => Known(h, false));
                var t = NameWeight * p.Names.Length + p.Words.Length;
                known += k;
                total += t;
                worst = Math.Max(worst, k / t);
                core.UnionWith(p.Names.Concat(p.Words).Where(isCore));
                lead.UnionWith(p.Names.Concat(p.Words).Where(isLead));
                if (i == judged[j])
                {
                    firstKnown = k;
                    firstTotal = t;
                }
                else
                {
                    later.UnionWith(p.Names);
                    later.UnionWith(p.Words);
                }
            }
            // A lone paragraph keeps to its subject within itself (a foreign term it uses twice), or is foreign nearly throughout.
            var subject = j == judged.Count - 1
                ? first.Repeated.Any(h => !Known(h, first.Names.Contains(h))) || firstKnown / firstTotal < MaxLoneTailKnown
                : first.Names.Where(h => !Known(h, true)).Concat(first.Words.Where(h => !Known(h, false))).Any(later.Contains);
            if (firstKnown / firstTotal < MaxForeign && known / total < MaxTailKnown && worst < MaxTailParagraphKnown && core.Count <= MaxTailCore && lead.Count <= MaxTailLead && subject)
                return [.. a.Paragraphs[judged[j]..].Where(p => !off.Contains(p.Span))];
        }
        return [];
    }

    /// <summary>The word lower-cased into <paramref name="buffer"/>, apostrophes unified, a final "'s" cut: no string per token.</summary>
    private static ReadOnlySpan<char> Normalize(ReadOnlySpan<char> word, Span<char> buffer)
    {
        var lower = buffer[..word.ToLowerInvariant(buffer)];
        lower.Replace('’', '\'');
        return lower.EndsWith("'s", StringComparison.Ordinal) ? lower[..^2] : lower;
    }
}
