using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Corroborate.Model;
using Corroborate.Pipeline;
using Corroborate.Text;

namespace Corroborate.Reconcile;

/// <summary>Where an event of the timeline is told.</summary>
public sealed record Evidence(string Doc, TextSpan Span);

/// <summary>A dated event, merged across the articles that tell it.</summary>
public sealed record TimelineEvent(string Date, string Story, string Text, ImmutableArray<string> Docs, ImmutableArray<Evidence> Evidence);

/// <summary>
/// Dated events: a sentence with a resolved calendar date (a day, week, month or year; not
/// "recently" or a duration) and a finite verb, outside page furniture and off-topic passages.
/// Events on the same date whose sentences share most of their content words are one event told
/// by several articles. Not thread-safe: one builder per run.
/// </summary>
public sealed partial class TimelineBuilder(ReconcileLexicon lexicon)
{
    private const int MaxPerArticle = 12;

    private sealed record Candidate(string Date, string Story, string Doc, TextSpan Span, string Text, HashSet<string> Words);

    private readonly List<Candidate> _candidates = [];

    [GeneratedRegex(@"^\d{4}(-(\d{2}|W\d{2}|Q\d))?(-\d{2})?$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex CalendarValue();

    public void Observe(AnalyzedDocument article, string story)
    {
        if (article.Times.IsDefaultOrEmpty || article.Sentences.IsDefault)
            return;
        var text = article.Text;
        var taken = 0;
        foreach (var sentence in article.Sentences)
        {
            // A loop, not FirstOrDefault: a closure per sentence of every article.
            TimeExpression? time = null;
            foreach (var t in article.Times)
            {
                if (sentence.Span.Contains(t.Span) && t.Type == TimeType.Date && CalendarValue().IsMatch(t.Value))
                {
                    time = t;
                    break;
                }
            }
            if (time is null)
                continue;
            var body = sentence.Span.Of(text);
            if (body.Length < 30 || body.Length > 400 || body.Contains('?'))
                continue;
            var words = Words(body);
            if (words.Count < 4)
                continue;
            _candidates.Add(new Candidate(time.Value, story, article.Document.Id, sentence.Span, Normalize(body), words));
            if (++taken == MaxPerArticle)
                break;
        }
    }

    /// <param name="offTopic">Off-topic spans by document: events there belong to another story.</param>
    public IReadOnlyList<TimelineEvent> Build(IReadOnlyDictionary<string, ImmutableArray<TextSpan>> offTopic)
    {
        var events = new List<(Candidate First, List<Candidate> All)>();
        var byDate = new Dictionary<(string Story, string Date), List<int>>();
        foreach (var c in _candidates)
        {
            if (offTopic.TryGetValue(c.Doc, out var spans) && spans.Any(s => s.Overlaps(c.Span)))
                continue;
            if (!byDate.TryGetValue((c.Story, c.Date), out var onDate))
                byDate[(c.Story, c.Date)] = onDate = [];
            var same = onDate.Select(i => events[i]).FirstOrDefault(e => e.All.All(x => x.Doc != c.Doc) && Jaccard(e.First.Words, c.Words) >= 0.4);
            if (same.First is null)
            {
                onDate.Add(events.Count);
                events.Add((c, [c]));
            }
            else
            {
                same.All.Add(c);
            }
        }
        return events
            .OrderBy(e => e.First.Story, StringComparer.Ordinal).ThenBy(e => e.First.Date, StringComparer.Ordinal)
            .Select(e => new TimelineEvent(e.First.Date, e.First.Story, e.First.Text,
                [.. e.All.Select(c => c.Doc).Distinct(StringComparer.Ordinal)],
                [.. e.All.Select(c => new Evidence(c.Doc, c.Span))]))
            .ToList();
    }

    private HashSet<string> Words(string sentence) =>
        sentence.Split([' ', ',', '.', ';', ':', '"', '“', '”', '(', ')', '\n'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.ToLowerInvariant().Trim('\'', '’'))
            .Where(w => w.Length >= 3 && !lexicon.Stopwords.Contains(w))
            .ToHashSet(StringComparer.Ordinal);

    private static double Jaccard(HashSet<string> a, HashSet<string> b) =>
        a.Count + b.Count == 0 ? 0 : a.Intersect(b).Count() / (double)a.Union(b).Count();

    private static string Normalize(string s) => Whitespace.Collapse(s);
}
