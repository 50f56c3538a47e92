using System.Collections.Immutable;
using System.Globalization;
using Corroborate.Model;

namespace Corroborate.Extraction.Quantities;

/// <summary>
/// Extracts the quantities of one article: finds figures (<see cref="FigureReader"/>), then reads
/// their hedge and bounds, what they count (the noun through its modifiers, a casualty predicate,
/// or the counted noun of the context when elided), rate, place, time and source
/// (<see cref="SpeakerFinder"/>). One pass over the tokens of each sentence; no regex.
/// Immutable; thread-safe.
/// </summary>
public sealed class QuantityExtractor
{
    private const int MaxNounPhrase = 5;
    private const int CasualtyWindow = 4;
    /// <summary>How far after the noun "with" and a wound may stand ("were found lying in the roadway with gunshot wounds").</summary>
    private const int WoundWindow = 9;
    /// <summary>How much further the predicate may stand when a place phrase follows the noun ("in the back yard").</summary>
    private const int PlacePhrase = 3;

    private readonly QuantityLexicon _lexicon;
    private readonly FigureReader _figures;
    private readonly SpeakerFinder _speakers;
    private readonly ImplicitCasualtyFinder _implicit;

    public QuantityExtractor(QuantityLexicon lexicon)
    {
        _lexicon = lexicon;
        _figures = new FigureReader(lexicon);
        _speakers = new SpeakerFinder(lexicon);
        _implicit = new ImplicitCasualtyFinder(lexicon);
    }

    /// <summary>The quantities of the text, in text order.</summary>
    /// <param name="published">The fallback for <see cref="Quantity.When"/>.</param>
    /// <param name="times">Date expressions of the article, or default when that layer is absent.</param>
    public ImmutableArray<Quantity> Extract(string text, ImmutableArray<Token> tokens, ImmutableArray<Sentence> sentences,
        ImmutableArray<TimeExpression> times, DateOnly? published)
    {
        var v = new TokenView(text, tokens);
        var ranges = new (int Start, int End, int Paragraph)[sentences.Length];
        for (var s = 0; s < sentences.Length; s++)
            ranges[s] = (v.FirstAtOrAfter(sentences[s].Span.Start), v.FirstAtOrAfter(sentences[s].Span.End), sentences[s].Paragraph);
        var cues = new ImmutableArray<SpeechCue>?[sentences.Length];
        var quotes = QuoteRegions(text);
        var publishedIso = published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var result = ImmutableArray.CreateBuilder<Quantity>();
        var doc = new DocumentContext(v, ranges, cues, quotes, times, publishedIso);
        TextSpan? money = null; // the last sum of money read
        for (var s = 0; s < ranges.Length; s++)
        {
            var (start, end, _) = ranges[s];
            var i = start;
            doc.Before = null;
            while (i < end)
            {
                // Inside the figure just read: the second of "two men and one woman were wounded" is counted in it.
                if (v.Kind(i) is not (TokenKind.Number or TokenKind.Word) || result.Count > 0 && result[^1].Span.Start <= v.Start(i) && v.Start(i) < result[^1].Span.End)
                {
                    i++;
                    continue;
                }
                if (!_figures.TryRead(v, i, start, end, out var figure, out var next))
                {
                    i = Math.Max(i + 1, next);
                    continue;
                }
                if (Compose(doc, s, figure) is { } q)
                {
                    // "US$1 million (A$1.52 million)", "€10m (about $11m)": the same amount in another currency, not a second figure.
                    if (figure.Currency is not null && money is { } before && Converts(text, before, q.Span))
                    {
                        i = Math.Max(next, i + 1);
                        continue;
                    }
                    money = figure.Currency is not null ? q.Span : null;
                    result.Add(q);
                    doc.Before = q;
                    doc.Latest = (q, s);
                }
                i = Math.Max(next, i + 1);
            }
        }
        AddImplicit(doc, result);
        result.Sort((a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start) : string.CompareOrdinal(a.Unit, b.Unit));
        return result.ToImmutable();
    }

    /// <summary>
    /// A figure set against the one before it with no counted noun of its own: "up from (the) 436", "down from 212",
    /// "compared with 300", "more than the 212" (not "more than 40", a hedge), "nearly double the figure of 212".
    /// </summary>
    private bool ComparedWithBefore(in TokenView v, Figure f, int start, int end)
    {
        var k = f.First - 1;
        // "the figure of 212", "a lower figure of 79", "its own toll of 14": a count of what the figure before counts.
        var figureOf = FigureOf(v, k);
        if (v.Is(k, "the"))
            k--;
        var compared = figureOf
            || v.Is(k, "from") && (v.Is(k - 1, "up") || v.Is(k - 1, "down"))
            || (v.Is(k, "with") || v.Is(k, "to")) && v.Is(k - 1, "compared")
            || v.Is(k, "than") && k != f.First - 1; // "more than the 212"; "more than 40" is a hedge
        if (!compared || k - 1 < start)
            return false;
        return !(f.End < end && v.IsWord(f.End) && (_lexicon.Units.MatchForward(v, f.End, end, out _, out _) || IsPlural(v.Chars(f.End))));
    }

    /// <summary>Whether a figure counts people or things, not a measure, a span of time, a share or a sum of money (a currency code).</summary>
    private bool CountsThings(Quantity q) =>
        q.Unit is { } u && u != "percent" && !_lexicon.Measures.Contains(u) && !u.Any(char.IsUpper);

    /// <summary>"… figure of", "… total of", "… toll of" ending at token <paramref name="k"/>, after a determiner.</summary>
    private static bool FigureOf(in TokenView v, int k) =>
        v.Is(k, "of") && (v.Is(k - 1, "figure") || v.Is(k - 1, "total") || v.Is(k - 1, "toll") || v.Is(k - 1, "tally") || v.Is(k - 1, "count"))
        && DeterminedBefore(v, k - 2);

    /// <summary>A determiner at <paramref name="k"/>, or before at most two lowercase words ending there ("a much lower").</summary>
    private static bool DeterminedBefore(in TokenView v, int k)
    {
        for (var j = k; j >= 0 && k - j <= 2 && v.IsWord(j); j--)
        {
            if (IsDeterminer(v, j))
                return true;
            if (v.IsCapitalized(j))
                return false;
        }
        return false;
    }

    /// <summary>Whether <paramref name="sum"/> stands alone in parentheses right after the sum <paramref name="before"/>.</summary>
    private static bool Converts(string text, TextSpan before, TextSpan sum)
    {
        if (sum.Start < before.End)
            return false;
        var between = text.AsSpan(before.End, sum.Start - before.End).Trim();
        var after = text.AsSpan(sum.End).TrimStart();
        return between is "(" && after.Length > 0 && after[0] == ')';
    }

    /// <summary>
    /// Casualties the article gives without a figure, at most one claim per class, and only where
    /// no written figure of that class exists (written figures win): one killed for "a man was
    /// shot and killed", "killing him", "the victim died"; one injured for "a woman was wounded",
    /// "he suffered non-life-threatening injuries", or "was shot" when the article reports no
    /// death (the one shot is most often the one who died). When the article gives a total shot
    /// ("five people were shot, one fatally") and no injured figure, the injured are the total
    /// less the dead (shot = killed + injured). Several sentences about one victim make one claim.
    /// </summary>
    private void AddImplicit(DocumentContext doc, ImmutableArray<Quantity>.Builder result)
    {
        var v = doc.V;
        var hits = new List<ImplicitCasualty>();
        var sentenceOf = new List<int>();
        for (var s = 0; s < doc.Sentences.Length; s++)
        {
            var before = hits.Count;
            _implicit.Find(v, doc.Sentences[s].Start, doc.Sentences[s].End, hits);
            for (var k = hits.Count - 1; k >= before; k--)
                if (ImplicitCasualtyFinder.Counterfactual(v, doc.Sentences[s].Start, hits[k].First))
                    hits.RemoveAt(k);
            for (var k = before; k < hits.Count; k++)
                sentenceOf.Add(s);
        }
        // One hurt who died in the same sentence is one dead: "was taken to the hospital in serious condition but later died".
        // A death takes the nearest hurt before it only.
        for (var n = hits.Count - 1; n > 0; n--)
            if (hits[n].Class == "killed" && !hits[n].Another && sentenceOf[n - 1] == sentenceOf[n]
                && hits[n - 1].Class is "injured" or "shot" && hits[n - 1].Count == 1 && _implicit.SameSubject(v, hits[n - 1], hits[n].First))
            {
                hits.RemoveAt(n - 1);
                sentenceOf.RemoveAt(n - 1);
                n--;
            }
        var killed = result.Where(q => q.Unit == "killed").Select(q => q.Value).DefaultIfEmpty(-1).Max();
        var injured = result.Any(q => q.Unit == "injured");
        if (killed < 0 && Claimed(hits, sentenceOf, h => h.Class == "killed") is var (slain, slainLast, slainCount) && slain >= 0)
        {
            // A pair ("X, 33, and Y, 28, were killed") counts two; else one, and one more for each new person.
            killed = slainCount;
            result.Add(ImplicitClaim(doc, sentenceOf[slain], Span(hits, slain, slainLast), "killed", killed));
        }
        if (injured)
            return;
        var shot = result.FirstOrDefault(q => q.Unit == "casualties" && !q.Implicit && doc.ShotTotals.Any(t => q.Span.Start <= t && t < q.Span.End));
        if (shot is not null)
        {
            // "three others were shot", "four people dead and one in the hospital": people besides the dead, not a total of them.
            var besides = shot.Subject is { } who && who.StartsWith("other", StringComparison.OrdinalIgnoreCase) || doc.BesidesDead.Any(t => shot.Span.Start <= t && t < shot.Span.End);
            var dead = besides ? 0 : Math.Max(killed, 0);
            var left = shot.Value - dead;
            if (left > 0)
                result.Add(shot with { Value = left, Low = shot.Low - dead, High = shot.High - dead, Unit = "injured", Implicit = true, Presumed = killed < 0 });
            return;
        }
        var (first, last, count) = Claimed(hits, sentenceOf, h => h.Class == "injured" || h.Class == "shot" && killed < 0);
        if (first >= 0)
            result.Add(ImplicitClaim(doc, sentenceOf[first], Span(hits, first, last), "injured", count)
                with { Presumed = hits.Skip(first).Take(last - first + 1).Any(h => h.Class == "shot") });
    }

    /// <summary>
    /// The hit that gives the article's claim among those <paramref name="counts"/> accepts: the first pair
    /// ("X, 33, and Y, 28, were killed"), else the first hit, with the new persons its sentence brings in after it
    /// ("X was shot in the wrist, and a 40-year-old woman was also wounded" is two); its first and last hit and
    /// its count, or (-1, -1, 0) when none counts. The first, as the lead tells the story; later sentences
    /// often recall other victims ("a man was shot to death there in February").
    /// </summary>
    private static (int First, int Last, int Count) Claimed(List<ImplicitCasualty> hits, List<int> sentenceOf, Func<ImplicitCasualty, bool> counts)
    {
        var first = hits.FindIndex(h => counts(h) && h.Count > 1);
        if (first < 0)
            first = hits.FindIndex(h => counts(h));
        if (first < 0)
            return (-1, -1, 0);
        var (last, count) = (first, hits[first].Count);
        for (var m = first + 1; m < hits.Count && sentenceOf[m] == sentenceOf[first]; m++)
            if (hits[m].Another && counts(hits[m]))
                (last, count) = (m, count + hits[m].Count);
        return (first, last, count);
    }

    /// <summary>The hit at <paramref name="first"/> stretched to the end of the one at <paramref name="last"/>.</summary>
    private static ImplicitCasualty Span(List<ImplicitCasualty> hits, int first, int last) =>
        last == first ? hits[first] : hits[first] with { Last = hits[last].Last };

    private Quantity ImplicitClaim(DocumentContext doc, int sentence, ImplicitCasualty hit, string unit, decimal value)
    {
        var v = doc.V;
        var (start, end, _) = doc.Sentences[sentence];
        var span = new TextSpan(v.Start(hit.First), v.End(hit.Last));
        return new Quantity(span, value, value, value, Hedge.Exact, unit,
            Where: Place(v, hit.Last + 1, start, end, hit.First),
            When: When(doc, sentence, span),
            Source: Source(doc, sentence, hit.First),
            Implicit: true);
    }

    private sealed record DocumentContext(
        TokenView V, (int Start, int End, int Paragraph)[] Sentences, ImmutableArray<SpeechCue>?[] Cues,
        List<(int Start, int End)> Quotes, ImmutableArray<TimeExpression> Times, string? Published)
    {
        /// <summary>Known counted nouns of the whole article (token, length, class), found once when an elided figure needs them.</summary>
        public List<(int Token, int Length, string Class)>? Units { get; set; }

        /// <summary>Starts of the figures counted by the predicate "shot" ("five people were shot"): people hit, dead or alive.</summary>
        public HashSet<int> ShotTotals { get; } = [];

        /// <summary>Starts of the figures of people hit that follow the dead ("four people dead and one in the hospital"): besides them.</summary>
        public HashSet<int> BesidesDead { get; } = [];

        /// <summary>The figure read before in the sentence, which "up from the 436" compares with.</summary>
        public Quantity? Before { get; set; }
        /// <summary>The last figure read in the text, and the sentence it stands in.</summary>
        public (Quantity Quantity, int Sentence)? Latest { get; set; }
    }

    private Quantity? Compose(DocumentContext doc, int sentence, Figure f)
    {
        var v = doc.V;
        var (start, end, _) = doc.Sentences[sentence];

        // Hedge: a phrase before the figure (an opening quote may stand between: over "1,000 missiles).
        var first = f.First;
        var hedgeEnd = first - 1;
        if (v.IsQuoteMark(hedgeEnd) && hedgeEnd - 1 >= start)
            hedgeEnd--;
        HedgeRule? rule = null;
        if (_lexicon.HedgesBefore.MatchBackward(v, hedgeEnd, start, out var hl, out var before))
        {
            rule = before;
            first = hedgeEnd - hl + 1;
            // Negated, a bound turns over: "would not exceed $100 million" is at most, "not less than 5" at least.
            if (IsNegation(v, first - 1) && rule.Hedge is Hedge.Above or Hedge.Below)
                rule = HedgeBounds.Default(rule.Hedge == Hedge.Above ? Hedge.UpTo : Hedge.AtLeast);
        }
        var last = f.End - 1;
        if (rule is null && _lexicon.HedgesAfter.MatchForward(v, f.End, end, out var al, out var after)
            && (al > 1 || v.IsWord(f.End) || v.Touches(f.End - 1)))
        {
            rule = after;
            last = f.End + al - 1;
        }

        // What is counted.
        var (unit, subject, nounEnd) = CountedNoun(v, f, end);
        // "a six-hour shift": the joined unit is what the figure counts; the noun after it, what is measured.
        if (f.Unit is { } compound)
            unit = compound;
        // "two of the wounded were flown to hospital": a part of the casualties, not their count; a figure still.
        var partLength = 0;
        var partOfCasualties = v.Is(f.End, "of") && (v.Is(f.End + 1, "the") || v.Is(f.End + 1, "those") || v.Is(f.End + 1, "these"))
            && _lexicon.CasualtyAfter.MatchForward(v, f.End + 2, end, out partLength, out _);
        // "57 percent of those killed": a share of the casualties, which no count of them should be read as.
        if (partOfCasualties && (f.Percent || f.Currency is not null))
            return null;
        if (partOfCasualties && unit is null)
            (unit, subject, nounEnd) = ("people", v.Slice(f.End + 2, f.End + 1 + partLength), f.End + 2 + partLength);
        // "one of the first people killed", "one of the three men wounded": the participle qualifies the
        // casualties the figure is a part of ("one of the victims died" counts the one).
        if (v.Is(f.End, "of") && nounEnd > f.End + 2 && nounEnd < end
            && (v.Is(nounEnd, "killed") || v.Is(nounEnd, "wounded") || v.Is(nounEnd, "injured") || v.Is(nounEnd, "hurt") || v.Is(nounEnd, "slain") || v.Is(nounEnd, "shot")))
            return null;
        // "nine hours after he was shot", "took two steps and shot him": a measure counts no one.
        var byShot = false;
        // People come whole: "-83.56046 One boy accidentally shot" is a coordinate, not a count.
        var joined = 0;
        var joinedLast = -1;
        var casualty = partOfCasualties || f.Unit is not null || unit is not null && _lexicon.Measures.Contains(unit) || f.Value != decimal.Truncate(f.Value) ? null : Casualty(v, f, start, end, nounEnd, out byShot, out joined, out joinedLast);
        // "two men and one woman were wounded", "20 children and six adults were killed": one predicate
        // for two figures, which count their sum.
        if (!(unit is not null && _lexicon.Measures.Contains(unit)) && f.Currency is null && !f.Percent && f.VagueHigh is null && v.Is(nounEnd, "and")
            && _figures.TryRead(v, nounEnd + 1, start, end, out var second, out _) && second.First == nounEnd + 1
            && second is { Currency: null, Percent: false, VagueHigh: null, RangeHigh: null } && second.Value is > 0 and < 10_000 && second.Value == decimal.Truncate(second.Value))
        {
            var (_, _, secondEnd) = CountedNoun(v, second, end);
            // The first figure may have found the predicate past the second ("two women and one man died"): the same one.
            if (secondEnd > second.End && Casualty(v, second, start, end, secondEnd, out var secondByShot, out _, out _) is { } both && (casualty is null || casualty == both))
                (casualty, joined, joinedLast, byShot) = (both, (int)second.Value, secondEnd - 1, secondByShot);
        }
        // "there should've been five people dead", "ten people could have been killed": no one was.
        if (casualty is not null && (ImplicitCasualtyFinder.Counterfactual(v, start, f.First) || ImplicitCasualtyFinder.Counterfactual(v, f.First, Math.Min(end, nounEnd + 4))))
            return null;
        // "12 handguns were missing", "Seven cars were freed": things go missing too; only people are counted missing,
        // abducted, rescued, arrested … Missing things are many; the other fates befall people, so only a known class
        // of things ("cars") says otherwise, and an unknown plural ("14 journalists were arrested") counts people.
        // (Harm to things is not read here: "killed" and "injured" stay as they were.)
        if (casualty is not (null or "killed" or "injured" or "casualties") && nounEnd > f.End && unit is not null
            && (casualty == "missing" || _lexicon.UnitClasses.Contains(unit)) && !_lexicon.PeopleClasses.Contains(unit) && !PersonNoun(v, nounEnd - 1)
            && !(subject is { } s && s.EndsWith("others", StringComparison.OrdinalIgnoreCase)))
            casualty = null;
        if (casualty is not null)
            unit = casualty;
        // "A 2-year-old girl and four other people were wounded", "a father and his two children": one more, written before the figure.
        var and = first - 1 >= start && (v.Is(first - 1, "his") || v.Is(first - 1, "her") || v.Is(first - 1, "their")) ? first - 2 : first - 1;
        // Not a person another casualty verb took ("killed a woman and two others were wounded": she is dead, not wounded).
        if (casualty is not null && v.Is(and, "and") && _implicit.SingularPersonEndingAt(v, start, and - 1) is { } person
            && !(_lexicon.CasualtyBefore.MatchBackward(v, person - 1, start, out _, out var personVerb) && personVerb != casualty))
        {
            first = person;
            joined++;
            if (subject is not null && subject.StartsWith("other ", StringComparison.Ordinal))
                subject = subject["other ".Length..];
        }
        if (f.Currency is not null)
            unit = f.Currency;
        else if (f.Percent)
            unit = "percent";
        // An amount or a share names no counted noun; what it measures is named around it ("an operating loss
        // of 412 million euros", "turnout was 78 percent", "$20 million in damages"), and tells it from other amounts.
        if (f.Currency is not null || f.Percent)
        {
            // A noun right after an amount or a share is what it measures only as a modifier ("a 14 per cent increase",
            // "a $1.2 million upgrade") or after "of" ("45.2% of the vote"); else it is the clause's next word
            // ("gained 7.2 percent overnight", "2.1 billion euros rather than", "$5 million apiece").
            if (subject is not null && !v.Is(f.End, "of") && !IsDeterminer(v, first - 1))
                subject = null;
            subject ??= MeasureBefore(v, start, first) ?? MeasureAfter(v, Math.Max(last, f.End - 1) + 1, end);
        }
        // "The DAC had 41.4%", "the UNP won 62 seats": the party, bidder or brand whose share or tally it is tells it
        // from the others' figures beside it, which measure the same thing.
        if ((f.Percent || unit is not null && _lexicon.Is(unit, ContextKind.HeldTally)) && Holder(v, start, first) is { } holder
            && !(subject is { } named0 && named0.Any(char.IsUpper)))
            subject = subject is null ? holder : holder + " " + subject;
        if (unit is null && subject is null && NamedCount(v, start, first) is { } named)
            (unit, subject) = named;
        // "has risen to 612, up from the 436 reported …": the earlier figure counts what this one does.
        // "Eleven miners walked out and four more were pulled out": "more" with no noun counts what the figure before does.
        if (unit is null && subject is null && doc.Before is { } earlier
            && (ComparedWithBefore(v, f, start, end) || (v.Is(f.End, "more") || v.Is(f.End, "fewer")) && !v.Is(f.End + 1, "than") && CountsThings(earlier)))
            (unit, subject) = (earlier.Unit, earlier.Subject);
        // "Police gave a toll of 14 dead. The ministry gave a lower figure of 79.": the count of the sentence before.
        else if (unit is null && subject is null && doc.Before is null && doc.Latest is ({ Unit: not null } latest, var at) && at == sentence - 1 && FigureOf(v, f.First - 1))
            (unit, subject) = (latest.Unit, latest.Subject);
        if (unit is null && subject is null)
            (unit, subject) = Elided(doc, sentence, f.First);
        // "eight of the 14 killings": a part of a whole another figure counts, which would read as a second count of it.
        if (f.End + 2 < end && v.Is(f.End, "of") && v.Is(f.End + 1, "the") && v.Kind(f.End + 2) == TokenKind.Number)
            return null;
        // "one of his clients" singles one out; it counts nothing.
        if (f.Words && f.Value == 1 && casualty is null && v.Is(f.End, "of"))
            return null;
        // "one" is a pronoun as often as a number: keep it only when it counts something known.
        if (f.Words && f.Value == 1 && f.Unit is null && (casualty is null && !KnownUnit(v, f.End, end) || v.Is(f.First - 1, "no")))
            return null; // "no one was injured" is none
        // "One man, who declined to be named, said …": one person is someone, not a count, unless a casualty predicate counts them.
        if (f.Words && f.Value == 1 && casualty is null && unit is "people" or "victims")
            return null;
        // A bare number that counts nothing known is not a claim ("dropped 11 to 10.86").
        if (unit is null)
            return null;
        // "died 18 months ago", "the first time in 100 years": when something happened, which the times hold, not a figure claimed.
        // ("in six-hour shifts" measures the shifts, not when.)
        if (casualty is null && !(f.Unit is not null && subject is not null) && TellsWhen(doc, f, first))
            return null;

        var rate = Rate(v, Math.Max(nounEnd, f.End), end);
        // A range is its own hedge: "as many as 35 to 40" is 35 to 40, not "up to 35".
        var hedge = f.RangeHigh is not null ? Hedge.Approx : rule?.Hedge ?? (f.VagueHigh is not null ? Hedge.Approx : Hedge.Exact);
        decimal? low, high;
        if (f.RangeHigh is { } rh)
            (low, high) = (f.Value, rh); // a range is stated as its lower, conservative end, bounded by both
        else if (f.VagueHigh is { } vh && rule is null)
            (low, high) = (f.Value, vh);
        else
            (low, high) = HedgeBounds.Of(f.Value, rule ?? HedgeBounds.Default(Hedge.Exact));

        // "two other gunshot victims arrived at the hospital": the noun names the hit, dead or alive, as "were shot" does.
        // The noun must follow the figure: "the year's total of shooting victims rose to 2,300" counts no one hit here.
        if (casualty is null && unit == "casualties" && nounEnd > f.End && subject is { } noun && noun.EndsWith("victims", StringComparison.Ordinal))
            byShot = true;
        if (byShot && unit == "casualties")
        {
            doc.ShotTotals.Add(v.Start(f.First));
            if (v.Is(first - 1, "and") && (v.Is(first - 2, "dead") || v.Is(first - 2, "killed")))
                doc.BesidesDead.Add(v.Start(f.First));
        }
        var value = f.Value;
        // (A figure too large to add to is no count of people anyway: leave it as written.)
        if (joined > 0 && casualty is not null && Math.Max(value, high ?? value) <= decimal.MaxValue - joined)
        {
            // The persons joined to the figure are counted in it; the span covers them.
            (value, low, high) = (value + joined, low + joined, high + joined);
            last = Math.Max(last, joinedLast);
        }
        var spanEnd = Math.Max(v.End(last), v.End(f.End - 1));
        var span = new TextSpan(v.Start(first), spanEnd);
        return new Quantity(
            span, Normalize(value), Normalize(low), Normalize(high), hedge, unit, subject,
            Where: Place(v, Math.Max(nounEnd, f.End), start, end, f.First),
            When: When(doc, sentence, span),
            Rate: rate,
            Source: Source(doc, sentence, f.First),
            Vague: f.VagueHigh is not null);
    }

    private static decimal Normalize(decimal d) => d / 1.000000000000000000000000000000000m;

    private static decimal? Normalize(decimal? d) => d is { } x ? Normalize(x) : null;

    private bool KnownUnit(in TokenView v, int i, int end)
    {
        if (v.Is(i, "of"))
            i++;
        for (var k = i; k < Math.Min(end, i + 3); k++)
            if (_lexicon.Units.MatchForward(v, k, end, out _, out _))
                return true;
        return false;
    }

    /// <summary>
    /// The noun phrase after the figure ("10,000 Ethiopian troops", "8,000 of those troops",
    /// "dozens of people"): its head's class as unit, the phrase as subject, and where it ends.
    /// </summary>
    private (string? Unit, string? Subject, int End) CountedNoun(in TokenView v, Figure f, int end)
    {
        var i = f.End;
        // A quoted figure and then its noun: "up to 6 million" current and former customers.
        if (v.IsQuoteMark(i) && i + 1 < end && v.IsWord(i + 1) && !v.IsCapitalized(i + 1))
            i++;
        return CountedNounAt(v, i, f.End, end, verbMayFollow: FigureOf(v, f.First - 1));
    }

    /// <summary>The counted noun phrase that begins at token <paramref name="i"/>; <paramref name="none"/> is the end given when there is none.</summary>
    /// <param name="verbMayFollow">Whether the figure is a subject whose verb may come right after it ("its figure of 4.2 million reflects …").</param>
    private (string? Unit, string? Subject, int End) CountedNounAt(in TokenView v, int i, int none, int end, bool verbMayFollow = false)
    {
        // "four more were pulled out", "dozens more bodies": "more" compares the figure with an earlier one; the
        // noun, if any, follows it ("two more of the wounded"), else the figure counts what the earlier one did.
        if ((v.Is(i, "more") || v.Is(i, "fewer")) && !v.IsCapitalized(i))
            i++;
        if (v.Is(i, "of"))
        {
            i++;
            while (i < end && (v.Is(i, "the") || v.Is(i, "those") || v.Is(i, "these") || v.Is(i, "its") || v.Is(i, "their") || v.Is(i, "his") || v.Is(i, "her") || v.Is(i, "our")))
                i++;
        }
        // The words that may belong to the phrase: up to a stop word, punctuation, a cue, a
        // casualty predicate, a gerund or participle after the first word.
        var first = i;
        var limit = i;
        while (limit < end && limit - first < MaxNounPhrase)
        {
            // A gun's bore inside the phrase: "40 spent 7.62 mm-caliber rounds", "12 9mm casings".
            if (Bore(v, limit, end) is > 0 and var bore)
            {
                limit += bore;
                continue;
            }
            // Adjectives joined before their noun: "current and former customers", "full- or part-time staff".
            if (limit > first && (v.Is(limit, "and") || v.Is(limit, "or")) && JoinedModifiers(v, first, limit, end))
            {
                limit++;
                continue;
            }
            // A cue ends the phrase ("12 people said"), but not as a participle before its noun ("40 recorded cases",
            // "5.6 million estimated voters").
            if (!v.IsWord(limit) || IsStop(v, limit)
                || _lexicon.CueLookup.Contains(v.Chars(limit)) && !(limit == first && v.Chars(limit).EndsWith("ed", StringComparison.Ordinal) && v.IsWord(limit + 1) && !v.IsCapitalized(limit + 1) && !IsStop(v, limit + 1)))
                break;
            // An adverb right after the figure is no noun: "eight still missing", "three reportedly hurt".
            if (limit == first && _implicit.IsSkip(v, limit))
                break;
            // A capitalized article opens a clause the sentence splitter missed ("Image 7 of 14 A teen died").
            if (v.IsCapitalized(limit) && (v.Is(limit, "a") || v.Is(limit, "an") || v.Is(limit, "the")))
                break;
            if (_lexicon.CasualtyAfter.MatchForward(v, limit, end, out _, out _) && !_lexicon.Units.MatchForward(v, limit + 1, end, out _, out _)
                || _implicit.CarriedToHospital(v, limit, end) is not null)
                break;
            var w = v.Chars(limit);
            if (!char.IsUpper(w[0]) && limit > first && (w.EndsWith("ed", StringComparison.Ordinal) || w.EndsWith("ing", StringComparison.Ordinal))
                && !_lexicon.Units.MatchForward(v, limit, end, out _, out _))
                break;
            limit++;
        }
        if (limit == first)
            return (null, null, none);

        // The head: a known counted noun ("police officers", "troops"), else the first plural
        // ("non-fatal sniper attacks"), else a single word ("three hour meeting" → hour).
        for (var k = first; k < limit; k++)
        {
            if (_lexicon.Units.MatchForward(v, k, end, out var ul, out var cls) && k + ul <= limit)
                return (cls, v.Slice(first, k + ul - 1), k + ul);
        }
        for (var k = first; k < limit; k++)
        {
            var w = v.Chars(k);
            // A verb, not a plural: "its figure of 4.2 million reflects its investigation" (not "arrested 14 journalists the
            // same day"; "700 flights a day" is a rate).
            if (verbMayFollow && IsPlural(w) && k == first && limit == first + 1 && IsDeterminer(v, limit) && !v.Is(limit, "a") && !v.Is(limit, "an"))
                return (null, null, none);
            if (IsPlural(w))
                return (w.ToString().ToLowerInvariant(), v.Slice(first, k), k + 1);
        }
        // No plural: the last word of a lower-case compound ("bomb technician"), unless it is a
        // name ("10,000 Ethiopia") or a verb or adverb.
        var head = first;
        while (head + 1 < limit && !char.IsUpper(v.Text[v.Start(head + 1)]))
            head++;
        var only = v.Chars(head);
        if (char.IsUpper(only[0]) || only.EndsWith("ly", StringComparison.Ordinal) || only.EndsWith("ed", StringComparison.Ordinal))
            return (null, null, none);
        return (only.ToString().ToLowerInvariant(), v.Slice(first, head), head + 1);
    }

    private const int CountReach = 20;

    /// <summary>Words of a measure's phrase, at most.</summary>
    private const int MeasureWords = 3;
    /// <summary>Link words between a measure and its figure, at most ("was now likely to reach").</summary>
    private const int MeasureLinks = 5;

    /// <summary>
    /// The noun phrase an amount or a share is linked to before it: "a restructuring charge of", "turnout was",
    /// "the recall bill was now likely to reach", "raise the minimum wage by". Null without a link word or a noun.
    /// </summary>
    private string? MeasureBefore(in TokenView v, int start, int first)
    {
        var k = first - 1;
        if (k >= start && v.IsQuoteMark(k))
            k--;
        var links = 0;
        while (k >= start && links < MeasureLinks && v.IsWord(k) && _lexicon.Is(v.Chars(k), ContextKind.CountLink | ContextKind.MeasureLink))
        {
            k--;
            links++;
        }
        if (links == 0)
            return null;
        return MeasurePhraseEndingAt(v, start, k);
    }

    /// <summary>"$20 million in damages", "85 million euros in regional subsidies": the phrase after "in".</summary>
    private string? MeasureAfter(in TokenView v, int i, int end)
    {
        if (i + 1 >= end || !v.Is(i, "in"))
            return null;
        var k = i + 1;
        while (k < end && k - (i + 1) < MeasureWords && MeasureWord(v, k))
            k++;
        // A time or a place follows "in" as often ("in March", "in recent weeks"): only a noun that ends there.
        return k > i + 1 && (k == end || !v.IsWord(k) || IsStop(v, k)) && !_lexicon.Is(v.Chars(k - 1), ContextKind.Month | ContextKind.Period)
            ? v.Slice(i + 1, k - 1) : null;
    }

    /// <summary>
    /// The lowercase noun phrase whose last word is token <paramref name="last"/>. A sentence's capitalized first word
    /// joins it when the text writes that word in lowercase elsewhere ("Turnout was", not "Valdora fell").
    /// </summary>
    private string? MeasurePhraseEndingAt(in TokenView v, int start, int last)
    {
        var k = last;
        while (k >= start && last - k < MeasureWords && (MeasureWord(v, k) || k == start && CommonAtSentenceStart(v, k)))
            k--;
        if (k == last)
            return null;
        var head = v.Chars(last);
        // A verb or an adverb is no measure ("set aside", "capped at", "quickly"), nor a predicate after an
        // auxiliary ("the budget was cut by 5 percent").
        if (head.EndsWith("ed", StringComparison.Ordinal) || head.EndsWith("ly", StringComparison.Ordinal) || _lexicon.Is(head, ContextKind.CountNoun | ContextKind.PutVerb)
            || k >= start && _implicit.IsAux(v, k))
            return null;
        return v.Slice(k + 1, last);
    }

    /// <summary>A capitalized first word of a sentence that the text also writes in lowercase: a common noun, not a name.</summary>
    private static bool CommonAtSentenceStart(in TokenView v, int k)
    {
        if (!v.IsWord(k) || !v.IsCapitalized(k))
            return false;
        var word = v.Chars(k);
        Span<char> lower = stackalloc char[word.Length];
        word.ToLowerInvariant(lower);
        var text = v.Text.AsSpan();
        for (var at = text.IndexOf(lower, StringComparison.Ordinal); at >= 0; at = NextIndex(text, lower, at))
            if ((at == 0 || !char.IsLetter(text[at - 1])) && (at + lower.Length == text.Length || !char.IsLetter(text[at + lower.Length])))
                return true;
        return false;

        static int NextIndex(ReadOnlySpan<char> text, ReadOnlySpan<char> word, int at) =>
            text[(at + 1)..].IndexOf(word, StringComparison.Ordinal) is var next and >= 0 ? at + 1 + next : -1;
    }

    private static bool IsDeterminer(in TokenView v, int k) =>
        v.Is(k, "a") || v.Is(k, "an") || v.Is(k, "the") || v.Is(k, "its") || v.Is(k, "their") || v.Is(k, "his") || v.Is(k, "her") || v.Is(k, "our");

    /// <summary>A word of a measure's phrase: lowercase, no stop or link word, no cue or past participle ("reported reserves" is "reserves").</summary>
    private bool MeasureWord(in TokenView v, int k) =>
        v.IsWord(k) && !v.IsCapitalized(k) && !IsStop(v, k) && !v.Is(k, "of")
        && !_lexicon.Is(v.Chars(k), ContextKind.CountLink | ContextKind.MeasureLink)
        && !_lexicon.CueLookup.Contains(v.Chars(k)) && !v.Chars(k).EndsWith("ed", StringComparison.Ordinal);


    /// <summary>
    /// What a figure counts when a noun before it names the count: "put the number of affected customers at
    /// 4.2 million", "the total of claims rose to 300". The words between the phrase and the figure only link them.
    /// </summary>
    private (string? Unit, string? Subject)? NamedCount(in TokenView v, int start, int first)
    {
        // "out of a workforce of some 3,100", "a crowd of 5,000": the body whose size the figure is.
        if (first - 2 >= start && v.Is(first - 1, "of") && _lexicon.Is(v.Chars(first - 2), ContextKind.Collective))
        {
            var body = v.Chars(first - 2).ToString().ToLowerInvariant();
            return (body, body);
        }
        for (var j = first - 2; j >= Math.Max(start, first - CountReach); j--)
        {
            if (!v.Is(j + 1, "of") || !_lexicon.Is(v.Chars(j), ContextKind.CountNoun))
                continue;
            string? unit, subject;
            int nounEnd;
            var toll = false;
            // "the number of injured at 34", "the number of dead": the casualties themselves.
            if (_lexicon.Units.MatchForward(v, j + 2, first, out var length, out var cls) && cls is "killed" or "injured" or "casualties" or "missing")
                (unit, subject, nounEnd, toll) = (cls, v.Slice(j + 2, j + 1 + length), j + 2 + length, true);
            else
            {
                (unit, subject, nounEnd) = CountedNounAt(v, j + 1, -1, first);
                if (unit is null || nounEnd > first)
                    return null;
                // "the number of workers killed in the explosion rose to five", "the number of people confirmed dead",
                // "known to have died": a toll, whatever comes between.
                for (var k = nounEnd; k < Math.Min(first, nounEnd + 4) && v.IsWord(k) && !v.IsCapitalized(k); k++)
                {
                    if (_lexicon.CasualtyAfter.MatchForward(v, k, first, out _, out var casualty))
                    {
                        (unit, toll) = (casualty, true);
                        break;
                    }
                }
            }
            // The words right before the figure link it to the count ("put … at", "rose to", "could be"); for a
            // toll, the place and time of the deaths may stand between.
            var link = first;
            if (link - 1 >= nounEnd && v.IsQuoteMark(link - 1))
                link--; // put the number of injured at "nearly two dozen"
            while (link - 1 >= nounEnd && _lexicon.Is(v.Chars(link - 1), ContextKind.CountLink))
                link--;
            if (link == nounEnd || toll && link < first && !NumberBetween(v, nounEnd, link))
                return (unit, subject);
            return null;
        }
        return PutAt(v, start, first);
    }

    /// <summary>Tokens of an aside between a holder and its verb ("…, led by Elena Vardosh, had").</summary>
    private const int MaxHolderAside = 10;


    /// <summary>
    /// The name right before a verb of holding right before the figure ("The Democratic Alliance for Change won 42.7 per
    /// cent", "the Veskarian Agrarian League was third with 6.3%", "gave the UNP 48.1%"): its capitalized words, or the
    /// initials in brackets after them; null when no capitalized name holds it.
    /// </summary>
    private string? Holder(in TokenView v, int start, int first)
    {
        var verb = first - 1;
        int end;
        // A verb by which one holds a share or a tally (context.tsv, kind holding).
        if (verb > start && v.IsWord(verb) && _lexicon.Is(v.Chars(verb), ContextKind.Holding))
            end = verb - 1;
        // "was third with 6.3%", "came second with 12 seats"
        else if (verb - 2 > start && v.Is(verb, "with") && (v.Is(verb - 1, "first") || v.Is(verb - 1, "second") || v.Is(verb - 1, "third") || v.Is(verb - 1, "fourth") || v.Is(verb - 1, "fifth") || v.Is(verb - 1, "last"))
                 && (v.Is(verb - 2, "was") || v.Is(verb - 2, "came") || v.Is(verb - 2, "finished") || v.Is(verb - 2, "placed") || v.Is(verb - 2, "is")))
            end = verb - 3;
        // "gave the ruling UNP 48.1%": the one given it, right before the figure.
        else if (v.IsWord(verb) && v.IsCapitalized(verb) && !v.IsChar(verb - 1, '.') || v.IsChar(verb, ')'))
            end = verb;
        else
            return null;
        // "The Democratic Alliance for Change (DAC), led by Elena Vardosh, had": the name before the aside.
        if (end > start && v.IsChar(end, ','))
        {
            var open = end - 1;
            while (open > start && end - open <= MaxHolderAside && !v.IsChar(open, ','))
                open--;
            if (!v.IsChar(open, ',') || open == end - 1)
                return null;
            end = open - 1;
        }
        for (var hop = 0; hop < 2; hop++)
        {
            // "the Democratic Alliance for Change (DAC) had": the initials.
            if (end - 2 >= start && v.IsChar(end, ')') && v.IsWord(end - 1) && v.IsChar(end - 2, '(') && v.IsCapitalized(end - 1))
                return v.Chars(end - 1).ToString();
            var k = end;
            while (k >= start && end - k < 8 && v.IsWord(k) && (v.IsCapitalized(k) || (v.Is(k, "for") || v.Is(k, "of") || v.Is(k, "and")) && v.IsCapitalized(k - 1) && v.IsCapitalized(k + 1)))
                k--;
            if (k == end)
                return null;
            // "the UNP of Prime Minister Radomir Keszt had": the party, not its leader.
            if (hop == 0 && k - 1 >= start && v.Is(k, "of") && (v.IsChar(k - 1, ')') || v.IsWord(k - 1) && v.IsCapitalized(k - 1)))
            {
                end = k - 1;
                continue;
            }
            var opens = k + 1;
            // A sentence's first word is capitalized whatever it is: "The UNP", "But Labour", and not "Turnout" or "Officials" alone.
            if (opens == start && (v.Is(opens, "the") || v.Is(opens, "but") || v.Is(opens, "and") || v.Is(opens, "in") || v.Is(opens, "so") || v.Is(opens, "yet") || opens == end))
                opens++;
            return opens > end ? null : v.Slice(opens, end);
        }
        return null;
    }

    /// <summary>
    /// "police put the crowd at some 80,000", "put peak attendance at between 190,000 and 230,000", "pegged the cost at":
    /// the noun between the verb and "at" is what the figure counts.
    /// </summary>
    private (string? Unit, string? Subject)? PutAt(in TokenView v, int start, int first)
    {
        var at = first - 1;
        if (at >= start && v.IsQuoteMark(at))
            at--;
        if (v.Is(at, "between"))
            at--;
        if (at - 2 < start || !v.Is(at, "at"))
            return null;
        var nounEnd = at;
        var nounStart = nounEnd;
        while (nounStart - 1 >= start && nounEnd - nounStart < 3 && v.IsWord(nounStart - 1) && !v.IsCapitalized(nounStart - 1)
               && !_lexicon.Is(v.Chars(nounStart - 1), ContextKind.PutVerb) && !IsStop(v, nounStart - 1) && !v.Is(nounStart - 1, "of"))
            nounStart--;
        var verb = nounStart - 1;
        if (v.Is(verb, "the") || v.Is(verb, "its") || v.Is(verb, "their") || v.Is(verb, "his") || v.Is(verb, "her"))
            verb--;
        // "put the figure at almost nine million": a word for a count names nothing counted; the context does.
        if (nounStart == nounEnd || verb < start || !_lexicon.Is(v.Chars(verb), ContextKind.PutVerb) || _lexicon.Is(v.Chars(nounEnd - 1), ContextKind.CountNoun))
            return null;
        // "put the number detained at nearly 20", "the number killed at 12": the words after the count's noun are what it counts.
        if (_lexicon.Is(v.Chars(nounStart), ContextKind.CountNoun) && nounStart + 1 < nounEnd)
        {
            var counted = _lexicon.CasualtyAfter.MatchForward(v, nounStart + 1, nounEnd, out _, out var fate) ? fate
                : v.Chars(nounStart + 1).EndsWith("ed", StringComparison.Ordinal) ? v.Chars(nounStart + 1).ToString() : null;
            if (counted is not null)
                return (counted, v.Slice(nounStart, nounEnd - 1));
        }
        var (unit, subject, _) = CountedNounAt(v, nounStart, -1, nounEnd);
        if (unit is null && _lexicon.Units.MatchForward(v, nounStart, nounEnd, out var length, out var cls))
            (unit, subject) = (cls, v.Slice(nounStart, nounStart + length - 1));
        // "put the toll at nine", "put the death toll at": the dead.
        if (_lexicon.CasualtyContext.MatchBackward(v, nounEnd - 1, nounStart, out _, out var casualty))
            unit = casualty;
        return unit is null ? null : (unit, subject ?? v.Slice(nounStart, nounEnd - 1));
    }

    /// <summary>
    /// True when the "and" or "or" at <paramref name="at"/> joins modifiers of one noun: the words before it
    /// are no noun (no known counted noun, no plural) and a known counted noun or a plural follows within two words.
    /// </summary>
    private bool JoinedModifiers(in TokenView v, int first, int at, int end)
    {
        for (var k = first; k < at; k++)
            if (!v.IsWord(k) || _lexicon.Units.MatchForward(v, k, end, out _, out _) || IsPlural(v.Chars(k)))
                return false;
        for (var k = at + 1; k < Math.Min(end, at + 3); k++)
        {
            if (!v.IsWord(k) || IsStop(v, k) || v.IsCapitalized(k))
                return false;
            if (_lexicon.Units.MatchForward(v, k, end, out _, out _) || IsPlural(v.Chars(k)))
                return true;
        }
        return false;
    }

    private static bool IsPlural(ReadOnlySpan<char> w) => w.Length > 2 && TokenView.EndsPlural(w);

    /// <summary>Tokens of a gun's bore at <paramref name="i"/>: "7.62 mm-caliber" (2), "9mm" (1); else 0.</summary>
    private int Bore(in TokenView v, int i, int end)
    {
        if (i >= end || v.Kind(i) != TokenKind.Number)
            return 0;
        if (i + 1 < end && v.IsWord(i + 1) && _lexicon.Is(v.Chars(i + 1), ContextKind.Bore))
            return 2;
        return v.Chars(i).EndsWith("mm", StringComparison.OrdinalIgnoreCase) ? 1 : 0;
    }

    private bool IsStop(in TokenView v, int k) => _lexicon.IsStop(v.Chars(k)) && !char.IsUpper(v.Text[v.Start(k)]);

    /// <summary>"five people were killed", "Five dead", "killed three", "wounding at least 8", "the death toll rose to 12".</summary>
    /// <param name="joined">Singular persons joined by "and" after the figure's noun ("two men and a 10-year-old girl were wounded"): counted too.</param>
    private string? Casualty(in TokenView v, Figure f, int start, int end, int nounEnd, out bool byShot, out int joined, out int joinedLast)
    {
        byShot = false;
        joined = 0;
        joinedLast = -1;
        // "none of the three people were injured": none.
        if (NoneOf(v, f.First - 1, start))
            return null;
        // A verb right before the figure (a hedge may stand between).
        var b = f.First - 1;
        if (_lexicon.HedgesBefore.MatchBackward(v, b, start, out var hl, out _))
            b -= hl;
        // "killed the two children", "killed her two daughters", "the wounding of three others".
        if (v.Is(b, "the") || v.Is(b, "his") || v.Is(b, "her") || v.Is(b, "their") || v.Is(b, "of"))
            b--;
        if (_lexicon.CasualtyBefore.MatchBackward(v, b, start, out _, out var before))
        {
            // "a shooting that injured two men and a 10-year-old girl".
            if (v.Is(nounEnd, "and") && _implicit.SingularPersonAt(v, nounEnd + 1, end) is { } person)
                (joined, joinedLast) = (1, person);
            else if (before == "killed")
                (joined, joinedLast) = KillerToo(v, nounEnd, end);
            return before;
        }
        // A predicate after the figure and its noun, within the clause.
        var window = nounEnd + CasualtyWindow;
        for (var k = nounEnd; k < Math.Min(end, window + WoundWindow - CasualtyWindow); k++)
        {
            // Past the window only a wound may be named: "were found lying in the roadway with gunshot wounds";
            // not past a new person ("arriving at the scene found a man with gunshot wounds") or clause.
            if (k >= window && !v.Is(k, "with"))
            {
                if (!v.IsWord(k) || v.Kind(k) == TokenKind.Number || _lexicon.Is(v.Chars(k), ContextKind.Clause)
                    || _lexicon.CueLookup.Contains(v.Chars(k)) || _implicit.IsPerson(v.Chars(k)) || PersonNoun(v, k))
                    break;
                continue;
            }
            // "six people, including four children and two men, were injured": past the aside.
            if (k == nounEnd && (Aside(v, k, end) ?? AgeRange(v, k, end)) is { } close)
            {
                window += close + 1 - k;
                k = close;
                continue;
            }
            if (k == nounEnd && v.Is(k, "and") && _implicit.SingularPersonAt(v, k + 1, end) is { } person)
            {
                joined++;
                joinedLast = person;
                window += person + 1 - k;
                k = person;
                continue;
            }
            if (!v.IsWord(k) || (v.Kind(k) == TokenKind.Number))
                break;
            // "three people inside a trailer had been killed": past where people were (not "shootings in which").
            if (k == nounEnd && _lexicon.IsWhere(v.Chars(k))
                && !v.Is(k + 1, "which") && !v.Is(k + 1, "whom") && PersonNoun(v, nounEnd - 1))
                window += PlacePhrase;
            // A capitalized article opens a clause the sentence splitter missed ("Image 7 of 14 A teen died").
            if (v.IsCapitalized(k) && (v.Is(k, "a") || v.Is(k, "an") || v.Is(k, "the")))
                break;
            // "those two children were not injured": none.
            if (v.Is(k, "not") || v.Is(k, "never"))
                return null;
            // "were transported to an area hospital": the hit, alive when carried, as with "shot".
            if (_implicit.CarriedToHospital(v, k, end) is not null)
            {
                byShot = true;
                return "casualties";
            }
            if (_lexicon.CasualtyAfter.MatchForward(v, k, end, out var cl, out var cls))
            {
                // "200 people in the hospital district": the hospital word opens a longer noun, not where they lie.
                if (_implicit.IsHospitalWord(v, k + cl - 1) && k + cl < end && v.IsWord(k + cl) && !v.IsCapitalized(k + cl) && !IsStop(v, k + cl))
                    continue;
                // "one shot was fired", "a single shot rang out": the noun, not the participle.
                if (cl == 1 && v.Is(k, "shot") && k == f.End && (v.Is(k + 1, "was") || v.Is(k + 1, "were") || v.Is(k + 1, "fired") || v.Is(k + 1, "rang") || v.Is(k + 1, "hit") || v.Is(k + 1, "struck")))
                    return null;
                // "5,000 residents expected to be evacuated", "could be displaced": what may befall them, not what did
                // ("had to be evacuated", "needed to be rescued" did).
                if (cls is not ("killed" or "injured" or "casualties") && v.Is(k - 1, "be") && k - 1 > nounEnd
                    && !(v.Is(k - 2, "to") && (v.Is(k - 3, "had") || v.Is(k - 3, "has") || v.Is(k - 3, "have") || v.Is(k - 3, "needed"))))
                    return null;
                byShot = cls == "casualties"; // "were shot", "were taken to the hospital": the hit, dead or alive
                return cls;
            }
        }
        // "fatally shot his wife and two young sons", "killed a man and three women": the verb before the person the figure joins,
        // when no predicate follows the figure ("killed a woman and two others were wounded" are two wounded).
        if (v.Is(b, "and") && _implicit.SingularPersonEndingAt(v, start, b - 1) is { } objectStart
            && _lexicon.CasualtyBefore.MatchBackward(v, objectStart - 1, start, out _, out var verb))
        {
            if (verb == "killed")
                (joined, joinedLast) = KillerToo(v, nounEnd, end);
            return verb;
        }
        // A toll named before the figure: "the death toll rose to 12". Farther back only when the words right
        // before the figure link it to the toll: "the death toll from the earthquake that hit … on Tuesday has risen to 436".
        var linked = f.First;
        while (linked - 1 >= start && _lexicon.Is(v.Chars(linked - 1), ContextKind.CountLink))
            linked--;
        var reach = linked < f.First - 1 ? CountReach : 8;
        for (var k = f.First - 1; k >= Math.Max(start, f.First - reach); k--)
        {
            // Another figure stands between; a year or a decimal measure ("the 2011 earthquake", "magnitude 6.9") counts nothing.
            if (v.Kind(k) == TokenKind.Number && !(reach > 8 && (v.Chars(k).Contains('.') || FigureReader.IsPlainYear(v.Chars(k)))))
                break;
            // Farther back, only within the figure's clause: "while the death toll remained unclear, the number of evacuees
            // has risen to 4,000" counts evacuees.
            if (reach > 8 && (v.IsChar(k, ',') || v.IsChar(k, ';') || _lexicon.Is(v.Chars(k), ContextKind.CountNoun)))
                break;
            if (_lexicon.CasualtyContext.MatchBackward(v, k, start, out _, out var cls) && nounEnd == f.End)
                return cls;
        }
        return null;
    }

    /// <summary>
    /// "killed three people and then himself", "killing four … before turning the gun on himself": the killer too,
    /// as (1, last token of the phrase); the span reaches the phrase only when no other figure stands between
    /// ("killing three and wounding 16 before …"). (0, -1) without one.
    /// </summary>
    private (int Joined, int JoinedLast) KillerToo(in TokenView v, int nounEnd, int end) =>
        _implicit.SelfKilling(v, nounEnd, end) is { } self ? (1, NumberBetween(v, nounEnd, self) ? -1 : self) : (0, -1);

    /// <summary>True when a number ("16", "nine") stands among tokens [from, to).</summary>
    private bool NumberBetween(in TokenView v, int from, int to)
    {
        for (var k = from; k < to; k++)
            if (v.Kind(k) == TokenKind.Number || v.IsWord(k) && _lexicon.NumberLookup.ContainsKey(v.Chars(k)))
                return true;
        return false;
    }

    /// <summary>True when the noun at <paramref name="i"/> counts people ("people", "victims", "adults", "officers").</summary>
    private bool PersonNoun(in TokenView v, int i)
    {
        if (i < 0 || !v.IsWord(i))
            return false;
        if (_lexicon.Units.MatchForward(v, i, i + 1, out _, out var cls) && cls is "people" or "children" or "victims")
            return true;
        var word = v.Chars(i);
        return word.Length > 3 && word[^1] == 's' && _implicit.IsPerson(word[..^1]);
    }

    /// <summary>True when "none of" (and "the", "other", "those" …) stands right before token <paramref name="last"/> + 1.</summary>
    private static bool NoneOf(in TokenView v, int last, int start)
    {
        var k = last;
        while (k >= start && k > last - 3 && (v.Is(k, "the") || v.Is(k, "other") || v.Is(k, "those") || v.Is(k, "these") || v.Is(k, "their")))
            k--;
        return k - 1 >= start && v.Is(k, "of") && v.Is(k - 1, "none");
    }

    /// <summary>Tokens an aside between a figure's noun and its predicate may span: between commas, and between dashes (a list of victims).</summary>
    private const int MaxAside = 12;
    private const int MaxDashAside = 32;

    /// <summary>
    /// ", including four children and two men," or "— including a 14-year-old boy and a 52-year-old man —":
    /// the closing comma or dash of an aside that opens at <paramref name="i"/>, or null.
    /// </summary>
    private static int? Aside(in TokenView v, int i, int end)
    {
        var comma = v.IsChar(i, ',');
        if (!(comma || IsDash(v, i)) || !(v.Is(i + 1, "including") || v.Is(i + 1, "ages") || v.Is(i + 1, "aged") || v.Is(i + 1, "all") || v.Is(i + 1, "both")))
            return null;
        for (var k = i + 2; k < Math.Min(end, i + MaxDashAside); k++)
        {
            if (comma ? v.IsChar(k, ',') && k < i + MaxAside : IsDash(v, k))
                return k;
        }
        return null;
    }

    private static bool IsDash(in TokenView v, int i) => v.IsChar(i, '—') || v.IsChar(i, '–') || v.Is(i, "--");

    /// <summary>"between ages 12 and 16", "aged 18 to 25", "between the ages of 14 and 17": the last token of an age range that opens at <paramref name="i"/>, or null.</summary>
    private int? AgeRange(in TokenView v, int i, int end)
    {
        var k = i;
        if (v.Is(k, "between"))
            k++;
        if (v.Is(k, "the"))
            k++;
        if (k >= end || !_lexicon.Is(v.Chars(k), ContextKind.Age))
            return null;
        k++;
        if (v.Is(k, "of"))
            k++;
        return k + 2 < end && v.Kind(k) == TokenKind.Number && (v.Is(k + 1, "and") || v.Is(k + 1, "to") || v.IsChar(k + 1, '-')) && v.Kind(k + 2) == TokenKind.Number
            ? k + 2
            : null;
    }

    /// <summary>
    /// The counted noun of an elided figure ("dispatched approximately 10,000 to Ethiopia"): the
    /// nearest known counted noun of the sentence, else of the paragraph, else of the article.
    /// </summary>
    private (string? Unit, string? Subject) Elided(DocumentContext doc, int sentence, int at)
    {
        var v = doc.V;
        var (start, end, paragraph) = doc.Sentences[sentence];
        // "seven staff were injured, three seriously": a part of what another figure of the sentence counts, not a count of its own.
        var part = at + 1 < end && v.IsWord(at + 1) && v.Chars(at + 1).EndsWith("ly", StringComparison.OrdinalIgnoreCase);
        if (Nearest(v, start, end, at, skipCounted: part, out var skipped) is { } own)
            return own;
        if (skipped)
            return (null, null);
        for (var d = 1; d < doc.Sentences.Length; d++)
        {
            foreach (var s in (ReadOnlySpan<int>)[sentence - d, sentence + d])
            {
                if (s < 0 || s >= doc.Sentences.Length || doc.Sentences[s].Paragraph != paragraph)
                    continue;
                if (Nearest(v, doc.Sentences[s].Start, doc.Sentences[s].End, at, skipCounted: false, out _) is { } found)
                    return found;
            }
        }
        doc.Units ??= FindUnits(doc);
        var best = -1;
        foreach (var (token, length, cls) in doc.Units)
            if (best < 0 || Math.Abs(token - at) < Math.Abs(doc.Units[best].Token - at))
                best = doc.Units.IndexOf((token, length, cls));
        if (best < 0)
            return (null, null);
        var u = doc.Units[best];
        var first = u.Token;
        while (first - 1 >= 0 && v.IsCapitalized(first - 1) && v.Kind(first - 1) == TokenKind.Word && !IsSentenceStart(doc, first - 1))
            first--;
        return (u.Class, v.Slice(first, u.Token + u.Length - 1));
    }

    private static bool IsSentenceStart(DocumentContext doc, int token)
    {
        // Sentences are in order: a binary search, not a scan, for each capitalized noun of a long article.
        int lo = 0, hi = doc.Sentences.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            var start = doc.Sentences[mid].Start;
            if (start == token)
                return true;
            if (start < token)
                lo = mid + 1;
            else
                hi = mid - 1;
        }
        return false;
    }

    private List<(int, int, string)> FindUnits(DocumentContext doc)
    {
        var v = doc.V;
        var list = new List<(int, int, string)>();
        for (var k = 0; k < v.Count; k++)
            if (v.IsWord(k) && _lexicon.Units.MatchForward(v, k, v.Count, out var len, out var cls) && IsRecoverable(cls)
                && !(v.IsCapitalized(k) && !IsSentenceStart(doc, k)))
                list.Add((k, len, cls));
        return list;
    }

    /// <param name="skipCounted">Whether a noun another figure counts is passed over (in the figure's own sentence, it is a whole this figure is part of).</param>
    /// <param name="skipped">Whether a noun another figure counts was passed over.</param>
    private (string Unit, string Subject)? Nearest(in TokenView v, int start, int end, int at, bool skipCounted, out bool skipped)
    {
        var best = -1;
        string? cls = null;
        var bestLength = 0;
        skipped = false;
        for (var k = start; k < end; k++)
        {
            if (!v.IsWord(k) || !_lexicon.Units.MatchForward(v, k, end, out var len, out var c) || !IsRecoverable(c))
                continue;
            // A noun another figure counts ("seven staff were injured, three seriously") is that figure's whole, of
            // which this one is a part; a capitalized word inside the sentence is part of a name ("Ashcombe Homes").
            if (skipCounted && CountedByFigure(v, start, k))
            {
                skipped = true;
                continue;
            }
            if (k > start && v.IsCapitalized(k))
                continue;
            // "The police began with a minimum of 64": those who give a figure are not what it counts.
            if (len == 1 && _lexicon.Attribution.MatchForward(v, k, k + 1, out _, out var role) && role == AttributionRole.SourceNoun)
                continue;
            if (best < 0 || Math.Abs(k - at) < Math.Abs(best - at))
            {
                best = k;
                cls = c;
                bestLength = len;
            }
        }
        if (best < 0)
            return null;
        var first = best;
        while (first - 1 >= start && v.IsCapitalized(first - 1) && v.Kind(first - 1) == TokenKind.Word && first - 1 > start)
            first--;
        return (cls!, v.Slice(first, best + bestLength - 1));
    }

    /// <summary>True when a number stands right before the noun at <paramref name="k"/>, or one word before it ("seven UN staff").</summary>
    private bool CountedByFigure(in TokenView v, int start, int k)
    {
        for (var j = k - 1; j >= Math.Max(start, k - 2); j--)
            if (v.Kind(j) == TokenKind.Number || v.IsWord(j) && _lexicon.NumberWords.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(v.Chars(j)))
                return true;
        return false;
    }

    private static bool IsNegation(in TokenView v, int i) =>
        v.Is(i, "not") || v.Is(i, "never") || i >= 0 && i < v.Count && v.IsWord(i) && (v.Chars(i).EndsWith("n't", StringComparison.OrdinalIgnoreCase) || v.Chars(i).EndsWith("n’t", StringComparison.OrdinalIgnoreCase));

    /// <summary>Classes of things counted by themselves in prose; casualty and percent words describe, not count.</summary>
    private static bool IsRecoverable(string cls) => cls is not ("percent" or "percentage points" or "killed" or "injured" or "missing");

    /// <summary>"a day", "per week", "each month", "daily" → "per day".</summary>
    private string? Rate(in TokenView v, int i, int end)
    {
        if (i >= end)
            return null;
        if (_lexicon.ContextLookup.TryGetValue(v.Chars(i), out var c))
        {
            if ((c.Kind & ContextKind.RateWord) != 0)
                return "per " + c.Value;
            if ((c.Kind & ContextKind.RateLead) != 0 && i + 1 < end && _lexicon.ContextLookup.TryGetValue(v.Chars(i + 1), out var p)
                && (p.Kind & ContextKind.Period) != 0 && !v.Chars(i + 1).EndsWith("s", StringComparison.Ordinal) && !v.Is(i + 2, "ago") && !v.Is(i + 2, "earlier"))
                return "per " + p.Value;
        }
        return null;
    }

    /// <summary>"to Ethiopia", "in the Tigray region", "in Ethiopia's northern Tigray region": after the figure, else before it.</summary>
    private string? Place(in TokenView v, int from, int start, int end, int figure)
    {
        for (var k = from; k < end - 1; k++)
        {
            if (_lexicon.CueLookup.Contains(v.Chars(k)) || (v.Is(k, "according")))
                break;
            if (PlaceAt(v, k, end) is { } p)
                return p;
        }
        for (var k = figure - 2; k >= start; k--)
            if (PlaceAt(v, k, figure) is { } p)
                return p;
        return null;
    }

    private string? PlaceAt(in TokenView v, int k, int end)
    {
        if (!v.IsWord(k) || char.IsUpper(v.Text[v.Start(k)]) || !_lexicon.Is(v.Chars(k), ContextKind.Place))
            return null;
        var i = k + 1;
        if (v.Is(i, "the"))
            i++;
        if (!v.IsCapitalized(i) || IsTimeWord(v, i))
            return null;
        // "to Gov. Sarah Palin's church": a person, not a place.
        if (_lexicon.Attribution.MatchForward(v, i, end, out _, out var role) && role == AttributionRole.Title)
            return null;
        var first = i;
        var last = i;
        while (i < end)
        {
            if (v.IsCapitalized(i) && !IsTimeWord(v, i))
                last = i++;
            else if (IsPlaceWord(v, i))
            {
                last = i;
                break;
            }
            else if (v.IsWord(i) && !char.IsUpper(v.Text[v.Start(i)]) && !IsStop(v, i)
                     && (v.IsCapitalized(i + 1) && !IsTimeWord(v, i + 1) || IsPlaceWord(v, i + 1)))
                i++; // "Ethiopia's northern Tigray region", "Iran's southern area"
            else
                break;
        }
        // "in Ford's new plant", "to Palin's church": the place belongs to the possessor, it is not the possessor.
        if (v.EndsPossessive(last) && last + 1 < end && v.IsWord(last + 1) && !char.IsUpper(v.Text[v.Start(last + 1)]))
            return null;
        return v.Slice(first, last);
    }


    private bool IsPlaceWord(in TokenView v, int i) =>
        v.IsWord(i) && _lexicon.Is(v.Chars(i), ContextKind.PlaceWord);

    private bool IsTimeWord(in TokenView v, int i) =>
        _lexicon.Is(v.Chars(i), ContextKind.Month | ContextKind.Weekday);

    /// <summary>
    /// Whether the figure is the amount of a time expression that places something in time: a date
    /// ("18 months ago", "a year earlier") or a span after "in" ("the first time in 100 years"). A
    /// sentence or a wait ("15 years in prison", "within 2 weeks") stays a figure.
    /// </summary>
    private static bool TellsWhen(DocumentContext doc, Figure f, int first)
    {
        if (doc.Times.IsDefault)
            return false;
        var v = doc.V;
        var figure = new TextSpan(v.Start(f.First), v.End(f.End - 1));
        foreach (var t in doc.Times)
        {
            if (t.Span.Start <= figure.Start && figure.End <= t.Span.End
                && (t.Type == TimeType.Date || t.Type == TimeType.Duration && v.Is(first - 1, "in")))
                return true;
        }
        return false;
    }

    /// <summary>The nearest date expression of the sentence, else the publication date.</summary>
    private static string? When(DocumentContext doc, int sentence, TextSpan span)
    {
        if (!doc.Times.IsDefault)
        {
            var v = doc.V;
            var (start, end, _) = doc.Sentences[sentence];
            var from = start < v.Count ? v.Start(start) : span.Start;
            var to = end - 1 >= 0 && end - 1 < v.Count ? v.End(end - 1) : span.End;
            TimeExpression? best = null;
            var bestDistance = int.MaxValue;
            foreach (var t in doc.Times)
            {
                if (t.Type != TimeType.Date || t.Span.Start < from || t.Span.End > to || t.Value.Length == 0 || !char.IsAsciiDigit(t.Value[0]))
                    continue;
                // "total aid since 2022 to $59.5 billion": a period's start; the figure stands at its end, now.
                if (OpensPeriod(v.Text, t.Span.Start))
                    continue;
                var d = Math.Abs(t.Span.Start - span.Start);
                if (d < bestDistance)
                    (best, bestDistance) = (t, d);
            }
            if (best is not null)
                return best.Value;
        }
        return doc.Published;
    }

    /// <summary>Whether the word before <paramref name="at"/> is "since" (the start of a period that runs to now).</summary>
    private static bool OpensPeriod(string text, int at)
    {
        var before = text.AsSpan(0, at).TrimEnd();
        var start = before.Length;
        while (start > 0 && char.IsLetter(before[start - 1]))
            start--;
        return before[start..].Equals("since", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Who gives the figure: "according to X" in its sentence; the nearest speaker before it in
    /// the sentence; a trailing ", X said"; the speaker of the quotation it stands in; else a
    /// source named in the previous sentence of its paragraph. Pronouns resolve to the last named
    /// speaker. Null when the figure is the outlet's own statement.
    /// </summary>
    private Attribution? Source(DocumentContext doc, int sentence, int at)
    {
        var v = doc.V;
        var cues = CuesOf(doc, sentence);
        var position = v.Start(at);
        // "the company's figure of 118": the figure's owner, whoever else speaks in the sentence.
        if ((_speakers.FigureOwner(v, at, doc.Sentences[sentence].Start) ?? _speakers.ProposalOwner(v, at, doc.Sentences[sentence].Start)) is { } owner)
            return _speakers.CompleteName(v, owner);
        var found = First(c => c.According)
            ?? Before()
            ?? First(c => !c.According && !c.Agent && c.Cue > at && c.Trailing)
            // "Brightmoor, which has about 11.5 million customers, said": a figure in an aside between the speaker and the cue.
            ?? First(c => !c.According && !c.Agent && !c.Passive && c.Cue > at && c.Speaker!.Span.End <= position)
            // "the 27 cases listed by the agency", "economists polled by Orbis": a figure no other cue of its sentence claims.
            ?? First(c => c.Agent);
        if (found is null && QuoteAround(doc, position) is { } quote)
            found = QuoteSpeaker(doc, sentence, quote);
        // (Not past an "it" that names no organisation: "Maria Lopez said … It said 40 percent" is not hers.)
        if (found is null && sentence > 0 && doc.Sentences[sentence - 1].Paragraph == doc.Sentences[sentence].Paragraph && !cues.Any(IsIt))
        {
            foreach (var c in CuesOf(doc, sentence - 1))
                if (c.Speaker is not null && !c.Agent && (c.According || !c.Passive))
                {
                    found = Resolve(doc, sentence - 1, c);
                    if (found is not null)
                        break;
                }
        }
        return found is null ? null : _speakers.CompleteName(v, found);

        // The speaker of the first cue with one that the rule takes, resolved.
        Attribution? First(Func<SpeechCue, bool> takes)
        {
            foreach (var c in cues)
                if (c.Speaker is not null && takes(c))
                    return Resolve(doc, sentence, c);
            return null;
        }

        // The nearest cue before the figure, unless a passive one stands between ("the damage is estimated at 4 million
        // in Mirenz and 2 million in Tallrein"); a passive that follows a figure of its own and whose clause ended before
        // this one is that figure's ("said 12 people had been confirmed dead and 3 were missing").
        Attribution? Before()
        {
            for (var k = cues.Length - 1; k >= 0; k--)
            {
                var c = cues[k];
                if (c.According || c.Agent || c.Cue > at)
                    continue;
                if (c.Passive && !(ClauseEnds(v, c.Cue + 1, at) && NumberAmong(v, doc.Sentences[sentence].Start, c.Cue)))
                    return null;
                if (c.Passive)
                    continue;
                if (c.Speaker is not null && Resolve(doc, sentence, c) is { } speaker)
                    return speaker;
            }
            return null;
        }
    }

    /// <summary>Whether a number stands among the tokens [from, to).</summary>
    private static bool NumberAmong(in TokenView v, int from, int to)
    {
        for (var k = from; k < to; k++)
            if (v.Kind(k) == TokenKind.Number)
                return true;
        return false;
    }

    /// <summary>Whether "and", "but", "while", a comma or a semicolon stands among the tokens [from, to).</summary>
    private static bool ClauseEnds(in TokenView v, int from, int to)
    {
        for (var k = from; k < to; k++)
            if (v.Is(k, "and") || v.Is(k, "but") || v.Is(k, "while") || v.IsChar(k, ',') || v.IsChar(k, ';'))
                return true;
        return false;
    }

    private ImmutableArray<SpeechCue> CuesOf(DocumentContext doc, int sentence) =>
        doc.Cues[sentence] ??= _speakers.Find(doc.V, doc.Sentences[sentence].Start, doc.Sentences[sentence].End);

    /// <summary>Sentences back in which a pronoun ("he said") looks for the speaker it stands for.</summary>
    private const int PronounReach = 4;
    /// <summary>Sentences back in which a definite role ("the spokesperson said") looks for the person it names.</summary>
    private const int RoleReach = 8;

    /// <summary>
    /// The speaker a cue stands for: as written, or for "he said" the last named speaker before it, or for
    /// "the spokesperson said" the last speaker before it whose phrase holds that role and a name ("a spokesperson
    /// for the Los Angeles County Sheriff's Department", "Sheriff Joe Smith"; else "the spokesperson" as written).
    /// </summary>
    private Attribution? Resolve(DocumentContext doc, int sentence, SpeechCue cue)
    {
        if (cue.Pronoun)
        {
            // "It reported an operating loss": "it" stands for an organisation, never for a person named before.
            var v = doc.V;
            // In its own sentence "it" is the subject that spoke ("Chandler Insurance Co. said it expects"); before it, an
            // organisation's phrase only.
            if (IsIt(cue))
                return SpeakerBefore(doc, sentence, cue, 0, _ => true) ?? SpeakerBefore(doc, sentence, cue, PronounReach, earlier => _speakers.Impersonal(v, earlier));
            return IsPersonal(cue) ? PersonBefore(doc, sentence, cue) : SpeakerBefore(doc, sentence, cue, PronounReach, _ => true);
        }
        if (cue.Speaker is not { } speaker || _speakers.DefiniteRole(doc.V, speaker) is not { } role)
            return cue.Speaker;
        return SpeakerBefore(doc, sentence, cue, RoleReach, earlier => _speakers.DefiniteRole(doc.V, earlier) is null
            && earlier.Text.Contains(role, StringComparison.OrdinalIgnoreCase) && earlier.Text.Skip(1).Any(char.IsUpper)) ?? speaker;
    }

    /// <summary>"he said", "she told": a pronoun that stands for one person.</summary>
    private static bool IsPersonal(SpeechCue cue) => cue.Pronoun && cue.Speaker is { Text: var pronoun }
        && (pronoun.Equals("he", StringComparison.OrdinalIgnoreCase) || pronoun.Equals("she", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The person "he" or "she" stands for: the latest person who spoke before the cue, in its sentence or the
    /// <see cref="PronounReach"/> before, not a body ("prosecutors say", "the agency said"); with none, the latest person
    /// with a title who opened a sentence as its subject ("District Judge Ana Reyes also ordered … She said restitution
    /// would be at least $200 million").
    /// </summary>
    private Attribution? PersonBefore(DocumentContext doc, int sentence, SpeechCue cue)
    {
        var v = doc.V;
        if (SpeakerBefore(doc, sentence, cue, PronounReach, earlier => !_speakers.Impersonal(doc.V, earlier)) is { } spoke)
            return spoke;
        var limit = v.Start(cue.Cue);
        for (var s = sentence; s >= Math.Max(0, sentence - PronounReach); s--)
        {
            var (start, end, _) = doc.Sentences[s];
            if (_speakers.PersonalSubject(v, start, end) is { } subject && subject.Span.End <= limit)
                return subject;
        }
        return null;
    }

    private static bool IsIt(SpeechCue cue) => cue.Pronoun && cue.Speaker is { Text: var pronoun } && pronoun.Equals("it", StringComparison.OrdinalIgnoreCase);

    /// <summary>The latest speaker, not a pronoun, before the cue in its sentence or the <paramref name="reach"/> before, that <paramref name="accept"/> takes; or null.</summary>
    private Attribution? SpeakerBefore(DocumentContext doc, int sentence, SpeechCue cue, int reach, Func<Attribution, bool> accept)
    {
        for (var s = sentence; s >= Math.Max(0, sentence - reach); s--)
        {
            var list = CuesOf(doc, s);
            for (var k = list.Length - 1; k >= 0; k--)
            {
                var c = list[k];
                if (s == sentence && c.Cue >= cue.Cue)
                    continue;
                if (c.Speaker is { } earlier && !c.Pronoun && accept(earlier))
                    return earlier;
            }
        }
        return null;
    }

    /// <summary>The quotation around a position, by pairing quotation marks.</summary>
    private static (int Start, int End)? QuoteAround(DocumentContext doc, int position)
    {
        foreach (var q in doc.Quotes)
            if (q.Start <= position && position < q.End)
                return q;
        return null;
    }

    /// <summary>A speaker written just before the quotation's opening or after its closing mark.</summary>
    private Attribution? QuoteSpeaker(DocumentContext doc, int sentence, (int Start, int End) quote)
    {
        for (var s = Math.Max(0, sentence - 3); s < Math.Min(doc.Sentences.Length, sentence + 4); s++)
        {
            var v = doc.V;
            var (start, end, _) = doc.Sentences[s];
            if (start >= end || v.End(end - 1) < quote.Start - 200 || v.Start(start) > quote.End + 200)
                continue;
            foreach (var c in CuesOf(doc, s))
            {
                var at = v.Start(c.Cue);
                if (c.Speaker is null || (at >= quote.Start && at < quote.End))
                    continue;
                if ((at >= quote.End && at - quote.End < 60) || (at < quote.Start && quote.Start - at < 80))
                    return Resolve(doc, s, c);
            }
        }
        return null;
    }

    /// <summary>Quotations as spans between paired marks (“…”, "…"), within a paragraph-sized reach.</summary>
    private static List<(int Start, int End)> QuoteRegions(string text)
    {
        var regions = new List<(int, int)>();
        var open = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n' && i + 1 < text.Length && text[i + 1] == '\n')
                open = -1; // quotations do not run across blank lines unclosed
            else if (c == '“')
                open = i;
            else if (c == '”' && open >= 0)
            {
                regions.Add((open, i + 1));
                open = -1;
            }
            else if (c == '"')
            {
                if (open >= 0 && text[open] == '"')
                {
                    regions.Add((open, i + 1));
                    open = -1;
                }
                else
                    open = i;
            }
        }
        return regions;
    }
}
