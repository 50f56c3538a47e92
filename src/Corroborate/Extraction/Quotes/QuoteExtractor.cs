using System.Collections.Immutable;
using Corroborate.Model;
using Corroborate.Pipeline;

namespace Corroborate.Extraction.Quotes;

/// <summary>
/// Finds quotations and reported speech in one article and their speakers. Quoted names and
/// scare quotes are left out. Speakers come from sieves in order of reliability: a cue next to
/// the quotation ("…," Reed stated / he warned / said X, with an appositive allowed), "according
/// to X", a cue elsewhere in the sentence, a speaker named in the sentence that introduces the
/// quotation (or the previous quotation's speaker there), a pronoun resolved to the nearest person
/// in subject position; otherwise none. A speaker's span is the person's mention, so the dossier
/// maps it to the entity. Linear in the tokens. Immutable; thread-safe.
/// </summary>
public sealed class QuoteExtractor(QuoteLexicon lexicon)
{
    public ImmutableArray<Quote> Extract(AnalyzedDocument doc)
    {
        var run = new Run(lexicon, doc);
        return run.Extract();
    }

    /// <summary>A speaker found by a sieve; a null attribution means a cue was found but its subject is unknown.</summary>
    private sealed record Speaker(Attribution? Attribution, string? Cue);

    private sealed class Run
    {
        private readonly QuoteLexicon _lex;
        private readonly string _text;
        private readonly ImmutableArray<Token> _tokens;
        private readonly ImmutableArray<Sentence> _sentences;
        private readonly ImmutableArray<EntityMention> _mentions;
        private readonly bool[] _quoted;          // token lies inside quotation marks
        private readonly int[] _sentenceOf;       // token → sentence index, -1 outside sentences

        public Run(QuoteLexicon lex, AnalyzedDocument doc)
        {
            _lex = lex;
            _text = doc.Text;
            _tokens = doc.Tokens;
            _sentences = doc.Sentences;
            _mentions = doc.Entities;
            _quoted = new bool[_tokens.Length];
            _sentenceOf = new int[_tokens.Length];
            var s = 0;
            for (var t = 0; t < _tokens.Length; t++)
            {
                while (s < _sentences.Length && _sentences[s].Span.End <= _tokens[t].Span.Start)
                    s++;
                _sentenceOf[t] = s < _sentences.Length && _sentences[s].Span.Start <= _tokens[t].Span.Start ? s : -1;
            }
            Paragraphs = doc.Paragraphs;
        }

        private ImmutableArray<Paragraph> Paragraphs { get; }

        private ReadOnlySpan<char> W(int t) => _tokens[t].Span.SliceOf(_text);

        private bool Is(int t, string w) => t >= 0 && t < _tokens.Length && W(t).Equals(w, StringComparison.OrdinalIgnoreCase);

        private bool IsSpeechVerb(int t) => t >= 0 && t < _tokens.Length && !_quoted[t] && _tokens[t].Kind == TokenKind.Word
            && char.IsLower(_text[_tokens[t].Span.Start]) && _lex.SpeechVerbLookup.Contains(W(t))
            // "after reports that", "the statement": a noun, not a verb.
            && !(t > 0 && (_lex.Determiners.Contains(W(t - 1).ToString()) || W(t - 1) is "after" or "of" or "for" or "with" or "by" or "in" or "on" or "from"))
            // "a partial recount began": a noun after a determiner and its adjective (not "a spokesman said").
            && !(t > 1 && _lex.Determiners.Contains(W(t - 2).ToString()) && char.IsLower(_text[_tokens[t - 1].Span.Start])
                 && _tokens[t - 1].Kind == TokenKind.Word && !_lex.SpeakerNouns.Contains(W(t - 1).ToString())
                 && !W(t).EndsWith("ed", StringComparison.Ordinal) && !W(t).EndsWith('s') && W(t) is not ("said" or "told" or "wrote" or "spoke"));

        private bool IsPronoun(int t) => t >= 0 && t < _tokens.Length && _lex.Pronouns.Contains(W(t).ToString());

        /// <summary>First token starting at or after offset.</summary>
        private int TokenAt(int offset)
        {
            int lo = 0, hi = _tokens.Length;
            while (lo < hi)
            {
                var mid = (lo + hi) / 2;
                if (_tokens[mid].Span.Start < offset) lo = mid + 1; else hi = mid;
            }
            return lo;
        }

        private int SentenceAt(int offset)
        {
            int lo = 0, hi = _sentences.Length - 1, found = -1;
            while (lo <= hi)
            {
                var mid = (lo + hi) / 2;
                if (_sentences[mid].Span.Start <= offset) { found = mid; lo = mid + 1; } else hi = mid - 1;
            }
            return found;
        }

        private (int First, int End) SentenceTokens(int s)
        {
            if (s < 0 || s >= _sentences.Length)
                return (0, 0);
            var first = TokenAt(_sentences[s].Span.Start);
            var end = TokenAt(_sentences[s].Span.End);
            return (first, end);
        }

        public ImmutableArray<Quote> Extract()
        {
            var marks = QuoteMarks.Find(_text, Paragraphs);
            foreach (var q in marks)
                for (var t = TokenAt(q.Content.Start); t < _tokens.Length && _tokens[t].Span.Start < q.Content.End; t++)
                    _quoted[t] = true;
            var quotes = new List<Quote>();
            Speaker? previous = null;
            var previousSentence = -2;
            foreach (var q in marks)
            {
                var s = SentenceAt(q.Content.Start);
                // Quotation marks in page furniture ("Related| … ‘Title’") quote nobody.
                if (s < 0 || !_sentences[s].Span.Contains(new TextSpan(q.Content.Start, q.Content.Start)) || IsNameOrScare(q))
                    continue;
                var speaker = CueAfter(q) ?? CueBefore(q) ?? AccordingTo(s) ?? CueInSentence(s, q) ?? AccordingTo(SentenceAt(q.Content.End))
                    ?? Characterized(q, s);
                if (speaker is { Attribution: null })
                {
                    // A cue whose subject is a pronoun with no person to stand for: unknown, not a guess.
                    quotes.Add(new Quote(q.Content, KindOf(q, s), null, speaker.Cue));
                    continue;
                }
                // A short quoted phrase nobody in its sentence says is a label or scare quote ("white party").
                if (speaker is null && KindOf(q, s) == QuoteKind.Partial && WordCount(q) <= 4)
                    continue;
                if (speaker is null && QuoteOpensSentence(q, s))
                {
                    // The sentence or paragraph before introduces it, or it goes on from the previous quotation.
                    if (previous is not null && previousSentence >= s - 2)
                        speaker = previous with { Cue = null };
                    else if (s > 0 && (AccordingTo(s - 1) ?? CueInSentence(s - 1, null) ?? IntroducedByColon(s - 1)) is { } intro)
                        speaker = intro with { Cue = null };
                    // "…," one of her aunts told a reporter: when the quotation's own sentence has a cue whose subject
                    // no sieve read, only a person named before can be that subject ("the 53-year-old said"), not
                    // the investigators or police of the sentence before.
                    if (speaker?.Attribution is { } borrowed && SentenceHasSpeech(s) && PersonAt(borrowed.Span) is null)
                        speaker = null;
                }
                quotes.Add(new Quote(q.Content, KindOf(q, s), speaker?.Attribution, speaker?.Cue));
                if (speaker is not null)
                {
                    previous = speaker;
                    previousSentence = SentenceAt(q.Content.End);
                }
            }
            AddIndirect(quotes, marks);
            SpokenAgain(quotes);
            quotes.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
            var kept = ImmutableArray.CreateBuilder<Quote>(quotes.Count);
            foreach (var q in quotes)
                if (kept.Count == 0 || !kept[^1].Span.Overlaps(q.Span))
                    kept.Add(q);
            return kept.ToImmutable();
        }

        /// <summary>Letters a quotation needs to be told again by its words alone, at least ("The sky went orange").</summary>
        private const int MinRetold = 12;

        /// <summary>
        /// A quotation nobody is said to speak (a headline's: ""The sky went orange": villagers first on scene") whose
        /// words a quotation with a speaker holds takes that speaker: the report quotes the same words twice.
        /// </summary>
        private void SpokenAgain(List<Quote> quotes)
        {
            for (var k = 0; k < quotes.Count; k++)
            {
                if (quotes[k].Speaker is not null || quotes[k].Kind == QuoteKind.Indirect)
                    continue;
                var words = Comparable(quotes[k].Span.Of(_text));
                if (words.Length < MinRetold)
                    continue;
                words = " " + words + " ";
                foreach (var other in quotes)
                    if (other.Speaker is { } speaker && other.Kind != QuoteKind.Indirect && !other.Span.Overlaps(quotes[k].Span)
                        && (" " + Comparable(other.Span.Of(_text)) + " ").Contains(words, StringComparison.Ordinal))
                    {
                        quotes[k] = quotes[k] with { Speaker = speaker };
                        break;
                    }
            }
        }

        /// <summary>The letters and digits of a quotation, lowercase, words one space apart: punctuation and case aside.</summary>
        private static string Comparable(string quoted)
        {
            var sb = new System.Text.StringBuilder(quoted.Length);
            var space = false;
            foreach (var c in quoted)
            {
                if (char.IsLetterOrDigit(c))
                {
                    if (space && sb.Length > 0)
                        sb.Append(' ');
                    sb.Append(char.ToLowerInvariant(c));
                    space = false;
                }
                else if (c != '\'' && c != '’')
                    space = true;
            }
            return sb.ToString();
        }

        /// <summary>Words between a characterizing verb and the quotation it introduces, at most ("called the central bank's decision").</summary>
        private const int CharacterizedReach = 6;

        /// <summary>
        /// "Holvik called the decision "a blow to the backbone of the economy"", "described the talks as "productive"":
        /// the phrase is the verb's subject's, when a person or organisation is that subject and "what" does not open
        /// the clause ("what residents call the "tent city"" is a label).
        /// </summary>
        private Speaker? Characterized(QuotedSpan q, int s)
        {
            var open = TokenAt(q.Open);
            var (first, _) = SentenceTokens(s);
            for (var v = open - 1; v >= Math.Max(first, open - 1 - CharacterizedReach); v--)
            {
                if (_quoted[v] || _tokens[v].Kind == TokenKind.Punctuation)
                    return null;
                if (!_lex.CharacterizingVerbs.Contains(W(v).ToString()))
                    continue;
                // Not a label ("what residents call the"), a passive ("was called "a liar" by protesters") or a
                // relative clause whose subject is someone else ("Whitfield, whom neighbours called "…"").
                if (Is(v - 1, "was") || Is(v - 1, "were") || Is(v - 1, "is") || Is(v - 1, "are") || Is(v - 1, "been") || Is(v - 1, "being")
                    || Is(TokenAt(q.Content.End) + 1, "by"))
                    return null;
                for (var w = Math.Max(first, v - CharacterizedReach); w < v; w++)
                    if (Is(w, "what") || Is(w, "whom") || Is(w, "who") || Is(w, "which") || Is(w, "that"))
                        return null;
                return SubjectIn(first, v) is { } subject ? new Speaker(subject, W(v).ToString()) : null;
            }
            return null;
        }

        // ---- what is not a quotation ----

        private bool IsNameOrScare(QuotedSpan q)
        {
            var first = TokenAt(q.Content.Start);
            var end = TokenAt(q.Content.End);
            var words = 0;
            var capitalized = 0;
            var clause = false;
            // Punctuation the writer put inside the closing mark ("white party,") is not the speaker's.
            var inner = end;
            while (inner > first && _tokens[inner - 1].Kind == TokenKind.Punctuation)
                inner--;
            for (var t = first; t < inner; t++)
            {
                if (_tokens[t].Kind is TokenKind.Word or TokenKind.Abbreviation or TokenKind.Number)
                {
                    words++;
                    if (char.IsUpper(_text[_tokens[t].Span.Start]))
                        capitalized++;
                }
                else if (W(t) is "." or "!" or "?")
                {
                    return false; // a sentence: somebody's words
                }
                else if (W(t) is ",")
                {
                    clause = true;
                }
            }
            if (words == 0)
                return true;
            if (words > 4)
                return false;
            var before = first - 2; // token before the opening mark
            var after = end + (q.Closed ? 1 : 0);
            if (before >= 0 && _lex.NamingCues.Contains(W(before).ToString()))
                return true;
            // "what epidemiologists call the "iceberg effect"": the naming cue before the article.
            if (before >= 1 && _lex.Determiners.Contains(W(before).ToString()) && _lex.NamingCues.Contains(W(before - 1).ToString()))
                return true;
            // "known as", "a man he knows only as": a name follows.
            if (before >= 1 && Is(before, "as"))
                for (var k = before - 1; k >= Math.Max(0, before - 3); k--)
                    if (W(k) is "known" or "knows" or "know" or "referred" or "identified" or "named" or "listed")
                        return true;
            // a "win-win" deal, the "one country, two systems" formula: a quoted modifier between a determiner and its noun.
            // With a comma inside, only a name the definite article gives, ending at the mark, before a lowercase noun
            // (the "one country, two systems" formula; not a "really nice, quiet neighborhood" and …).
            // "a small "tent city" had sprung up", in a sentence where nobody speaks: one adjective may stand between
            // the determiner and the mark (not in "called it a cruel "betrayal", the union leader said").
            if (!clause && before >= 1 && !SentenceHasSpeech(SentenceAt(q.Content.Start)) && _tokens[before].Kind == TokenKind.Word && char.IsLower(_text[_tokens[before].Span.Start])
                && _lex.Determiners.Contains(W(before - 1).ToString()) && after < _tokens.Length && _tokens[after].Kind == TokenKind.Word
                && _sentenceOf[after] == _sentenceOf[first] && words <= 3 && !_lex.Determiners.Contains(W(before).ToString()))
                return true;
            if (before >= 0 && _lex.Determiners.Contains(W(before).ToString()) && after < _tokens.Length
                && _tokens[after].Kind == TokenKind.Word && _sentenceOf[after] == _sentenceOf[first]
                && (clause ? Is(before, "the") && inner == end && char.IsLower(_text[_tokens[after].Span.Start]) && !_lex.Determiners.Contains(W(after).ToString()) : words <= 3))
                return true;
            // A comma inside: a clause, somebody's words.
            if (clause)
                return false;
            // John "Jack" Smith: a nickname inside a name.
            if (before >= 0 && after < _tokens.Length && words <= 3 && IsCapWord(before) && IsCapWord(after) && _sentenceOf[after] == _sentenceOf[first])
                return true;
            // Titles and names in quotes ("Redline Motorcycle Club"; "Cultural Existence" with no speech around it).
            if (capitalized == words && (words >= 2 || !SentenceHasSpeech(SentenceAt(q.Content.Start))))
                return true;
            return q.Single && words <= 2 && !SentenceHasSpeech(SentenceAt(q.Content.Start));
        }

        private bool IsCapWord(int t) => _tokens[t].Kind == TokenKind.Word && char.IsUpper(_text[_tokens[t].Span.Start]);

        private bool SentenceHasSpeech(int s)
        {
            var (first, end) = SentenceTokens(s);
            for (var t = first; t < end; t++)
                if (IsSpeechVerb(t) || Is(t, "according"))
                    return true;
            return false;
        }

        private QuoteKind KindOf(QuotedSpan q, int s)
        {
            var open = TokenAt(q.Open);
            var prev = open - 1;
            if (s < 0 || prev < 0 || _sentenceOf[prev] != s || _tokens[prev].Span.End <= _sentences[s].Span.Start)
                return QuoteKind.Direct;
            if (W(prev) is ":" or "," or "—" or "–" || IsSpeechVerb(prev) || _quoted[prev])
                return QuoteKind.Direct;
            var words = TokenAt(q.Content.End) - TokenAt(q.Content.Start);
            return char.IsUpper(_text[q.Content.Start]) && words >= 6 ? QuoteKind.Direct : QuoteKind.Partial;
        }

        private bool QuoteOpensSentence(QuotedSpan q, int s)
        {
            if (s < 0)
                return true;
            var open = TokenAt(q.Open);
            var (first, _) = SentenceTokens(s);
            // Up to three words before it ("This is because “…”").
            return open - first <= 4;
        }

        // ---- speakers ----

        /// <summary>"…," Reed stated / "…," he warned / "…," said X / "…," X, a doctor, said.</summary>
        private Speaker? CueAfter(QuotedSpan q)
        {
            if (!q.Closed)
                return null;
            var k = TokenAt(q.Content.End) + 1;
            if (k < _tokens.Length && W(k) is "," or "—" or "–")
                k++;
            if (k >= _tokens.Length || _quoted[k] || W(k) is "." or "!" or "?" or ";" || _sentenceOf[k] != SentenceAt(q.Content.End))
                return null;
            if (IsSpeechVerb(k))
                return SubjectAfter(k) is { } a ? new Speaker(a, W(k).ToString()) : null;
            for (var v = k + 1; v < Math.Min(_tokens.Length, k + 14); v++)
            {
                if (_quoted[v] || W(v) is "." or "!" or "?" or ";" or "\"" or "“" or "”")
                    return null;
                if (IsSpeechVerb(v))
                {
                    if (SubjectIn(k, v) is { } a)
                        return new Speaker(a, W(v).ToString());
                    // "…," she said — with no person for "she": the cue is known, the speaker is not.
                    return IsPronoun(v - 1) ? new Speaker(null, W(v).ToString()) : null;
                }
            }
            return null;
        }

        private int WordCount(QuotedSpan q) => TokenAt(q.Content.End) - TokenAt(q.Content.Start);

        /// <summary>X said: "…" / X said, "…" / he repeated "…".</summary>
        private Speaker? CueBefore(QuotedSpan q)
        {
            var open = TokenAt(q.Open);
            var prev = open - 1;
            if (prev >= 0 && IsSpeechVerb(prev))
            {
                var (f, _) = SentenceTokens(_sentenceOf[prev]);
                if (IsPronoun(prev - 1) && ResolvePronoun(prev - 1) is null)
                    return new Speaker(null, W(prev).ToString());
                return SubjectIn(f, prev) is { } a ? new Speaker(a, W(prev).ToString()) : null;
            }
            if (prev < 0 || W(prev) is not (":" or ","))
                return null;
            var s = _sentenceOf[prev];
            for (var v = prev - 1; v >= Math.Max(0, prev - 8); v--)
            {
                if (_sentenceOf[v] != s || _quoted[v])
                    return null;
                if (IsSpeechVerb(v))
                {
                    var (first, _) = SentenceTokens(s);
                    return (SubjectIn(first, v) ?? SubjectAfter(v)) is { } a ? new Speaker(a, W(v).ToString()) : null;
                }
            }
            return null;
        }

        /// <summary>"Previously from County Police:" — a sentence ending in a colon introduces what follows.</summary>
        private Speaker? IntroducedByColon(int s)
        {
            var (first, end) = SentenceTokens(s);
            if (end <= first || !W(end - 1).SequenceEqual(":"))
                return null;
            return (MentionAt(first, end, person: true) ?? MentionAt(first, end, person: false)) is { } m ? new Speaker(AttributionOf(m), null) : null;
        }

        /// <summary>"according to X" in the sentence, outside quotation marks.</summary>
        private Speaker? AccordingTo(int s)
        {
            var (first, end) = SentenceTokens(s);
            for (var t = first; t + 1 < end; t++)
            {
                if (!_quoted[t] && Is(t, "according") && Is(t + 1, "to"))
                {
                    if ((MentionAt(t + 2, Math.Min(end, t + 8), person: true) ?? MentionAt(t + 2, Math.Min(end, t + 8), person: false)) is { } m
                        && !(m.Kind == EntityKind.Place && QualifiesSpeaker(m, end)))
                        return new Speaker(AttributionOf(m), "according to");
                    if (NounPhrase(t + 2, end) is { } np)
                        return new Speaker(np, "according to");
                }
            }
            return null;
        }

        /// <summary>"the Cook County medical examiner": a place that qualifies a speaker noun after it, which is who speaks ("Israel and its allies" is Israel).</summary>
        private bool QualifiesSpeaker(EntityMention place, int end)
        {
            var after = TokenAt(place.Span.End);
            for (var k = after; k < end && k < after + MaxQualifiedWords; k++)
            {
                if (_tokens[k].Kind != TokenKind.Word || !char.IsLower(W(k)[0]))
                    return false;
                if (_lex.SpeakerNouns.Contains(W(k).ToString()))
                    return true;
            }
            return false;
        }

        /// <summary>Words between a place and the speaker noun it qualifies ("Cook County medical examiner").</summary>
        private const int MaxQualifiedWords = 3;

        /// <summary>A speech verb elsewhere in the sentence, outside quotation marks, and its subject.</summary>
        private Speaker? CueInSentence(int s, QuotedSpan? q)
        {
            var (first, end) = SentenceTokens(s);
            var anchor = q is null ? end : TokenAt(q.Open);
            // The first cue before the quotation is the main verb ("Doe added that the ministry will announce …"); else the first after.
            for (var pass = 0; pass < 2; pass++)
            {
                for (var t = pass == 0 ? first : anchor; t < (pass == 0 ? Math.Min(anchor, end) : end); t++)
                {
                    if (!IsSpeechVerb(t))
                        continue;
                    var subject = SubjectIn(first, t) ?? (t + 1 < end ? SubjectAfter(t) : null);
                    if (subject is not null)
                        return new Speaker(subject, W(t).ToString());
                }
            }
            return null;
        }

        /// <summary>The subject of a cue verb at v, written in tokens [from, v): the person named nearest the verb, a pronoun, or a short noun phrase.</summary>
        private Attribution? SubjectIn(int from, int v)
        {
            var s = _sentenceOf[v];
            // "…, saying": a participle after a comma shares the subject of its sentence.
            if (v > from && W(v - 1) is "," && W(v).EndsWith("ing") && FirstPerson(from, v) is { } subjectOfSentence && !IsPossessor(subjectOfSentence))
                return AttributionOf(subjectOfSentence);
            // "a witness heard him say: …": the one heard speaking is the speaker.
            if (v - 1 >= from && W(v - 1) is "him" or "her")
                return ResolvePronoun(v - 1) is { } heard ? AttributionOf(heard) : null;
            // "Greta Holm, who lives in the Lower Town, said": what the relative clause names does not speak; its antecedent does.
            if (v - 1 > from && W(v - 1) is ",")
                for (var c = v - 2; c > from && c >= v - 16 && !_quoted[c]; c--)
                    if (W(c) is "," && W(c + 1) is "who" or "which" or "whose")
                    {
                        v = c;
                        break;
                    }
            // Skip an appositive: "X, a doctor, said" keeps X.
            EntityMention? person = null, other = null;
            var commas = 0;
            for (var t = v - 1; t >= from && t >= v - 16; t--)
            {
                if (_quoted[t] || _sentenceOf[t] != s)
                    break;
                if (W(t) is ",")
                {
                    commas++;
                    if (commas > 2)
                        break;
                    continue;
                }
                if (IsPronoun(t) && person is null)
                    return ResolvePronoun(t) is { } r ? AttributionOf(r) : other is not null ? AttributionOf(other) : null;
                foreach (var m in MentionsEndingAt(t))
                {
                    if (m.Kind == EntityKind.Person && IsPossessor(m)) { }
                    else if (m.Kind == EntityKind.Person) { person ??= m; }
                    else if (m.Kind is EntityKind.Organization && other is null) other = m;
                }
                if (person is not null)
                    break;
            }
            if (person is not null)
                return AttributionOf(person);
            // "Jim Chilton, senior vice president at Boeing Defense, Space, and Security, said": a title whose
            // organisation lists its parts with commas; the person stands before it.
            if (PersonBeforeTitle(from, v) is { } titled)
                return AttributionOf(titled);
            if (other is not null)
                return AttributionOf(other);
            if (SpeakerNounBefore(from, v) is { } noun)
                return noun;
            // "Hanes said": a capitalized word right before the verb that no stage named.
            if (v - 1 >= from && IsCapitalizedName(v - 1))
                return new Attribution(_tokens[v - 1].Span, W(v - 1).ToString());
            return null;
        }

        /// <summary>Tokens back from a cue verb to a person whose appositive title runs up to it.</summary>
        private const int TitleReach = 24;

        /// <summary>
        /// A person right before ", " and a title in lowercase ("Jim Chilton, senior vice president for …") whose
        /// appositive runs, within <see cref="TitleReach"/> tokens and the sentence, up to a comma right before the cue verb at v.
        /// </summary>
        private EntityMention? PersonBeforeTitle(int from, int v)
        {
            var s = _sentenceOf[v];
            // The appositive closes with a comma right before the verb ("…, Security, said", "…, allegedly told").
            var close = v - 1;
            while (close > from && W(close).EndsWith("ly", StringComparison.Ordinal) && char.IsLower(_text[_tokens[close].Span.Start]))
                close--;
            if (close < from || W(close) is not ",")
                return null;
            for (var t = close - 1; t >= from && t >= v - TitleReach; t--)
            {
                if (_quoted[t] || _sentenceOf[t] != s || IsSpeechVerb(t) || W(t) is "." or ";" or ":")
                    return null;
                if (W(t) is not "," || t + 1 >= v || !char.IsLower(_text[_tokens[t + 1].Span.Start]))
                    continue;
                foreach (var m in MentionsEndingAt(t - 1))
                    if (m.Kind == EntityKind.Person && !IsPossessor(m))
                        return m;
            }
            return null;
        }

        private bool IsCapitalizedName(int t) =>
            _tokens[t].Kind == TokenKind.Word && char.IsUpper(_text[_tokens[t].Span.Start]) && !_quoted[t] && !IsPronoun(t)
            && !_lex.NotNameLookup.Contains(W(t));

        /// <summary>A person written as a possessor ("DeAndre's dad"): the speaker is the thing possessed.</summary>
        private bool IsPossessor(EntityMention m) =>
            m.Span.End < _text.Length && _text[m.Span.End] is '\'' or '’'
            && (m.Span.End + 1 >= _text.Length || _text[m.Span.End + 1] == 's' || char.IsWhiteSpace(_text[m.Span.End + 1]));

        /// <summary>
        /// An unnamed speaker before a cue verb at v: the nearest speaker noun within a few words
        /// ("a detective at the scene said", "the report states"), with its determiner and modifiers.
        /// </summary>
        private Attribution? SpeakerNounBefore(int from, int v)
        {
            // "The man, who declined to give his name, said": step over the clause between commas.
            if (v - 1 > from && W(v - 1) is ",")
                for (var c = v - 2; c > from && c >= v - 14; c--)
                    if (W(c) is ",")
                    {
                        v = c;
                        break;
                    }
            for (var h = v - 1; h >= from && h >= v - 7; h--)
            {
                if (_quoted[h] || _tokens[h].Kind is not (TokenKind.Word or TokenKind.Abbreviation) || IsSpeechVerb(h) || Is(h, "that") || IsPronoun(h))
                    return null;
                if (!_lex.SpeakerNouns.Contains(W(h).ToString()))
                    continue;
                // Back over what modifies the noun: names, possessives, other speaker nouns, then a determiner.
                var start = h;
                while (start > from && h - start < 4 && _tokens[start - 1].Kind is TokenKind.Word or TokenKind.Abbreviation && !_quoted[start - 1]
                       && (char.IsUpper(_text[_tokens[start - 1].Span.Start]) || W(start - 1).EndsWith("'s") || W(start - 1).EndsWith("’s")
                           || _lex.SpeakerNouns.Contains(W(start - 1).ToString()) || _lex.Determiners.Contains(W(start - 1).ToString())))
                {
                    start--;
                    if (_lex.Determiners.Contains(W(start).ToString()))
                        break;
                }
                var span = new TextSpan(_tokens[start].Span.Start, _tokens[h].Span.End);
                return new Attribution(span, span.Of(_text));
            }
            return null;
        }

        /// <summary>Officials, police, a spokesman, a capitalized name: a phrase whose last word can speak.</summary>
        private bool LooksLikeSpeakerNoun(int start, int end)
        {
            var head = end - 1;
            return _lex.SpeakerNouns.Contains(W(head).ToString()) || IsCapitalizedName(head) && head > start - 1;
        }

        /// <summary>"said X": the person or phrase after the verb.</summary>
        private Attribution? SubjectAfter(int v)
        {
            var s = _sentenceOf[v];
            var (_, end) = SentenceTokens(s);
            var limit = Math.Min(end, v + 8);
            // "After it was announced, X said": a comma ends the cue's clause; what follows is not its subject.
            // "told reporters": what follows a verb of telling is the one told.
            if (v + 1 >= _tokens.Length || _tokens[v + 1].Kind == TokenKind.Punctuation || _lex.ListenerVerbLookup.Contains(W(v)))
                return null;
            if (IsPronoun(v + 1))
                return ResolvePronoun(v + 1) is { } r ? AttributionOf(r) : null;
            // "said DeAndre's dad, Sam Kpana-Quamoh": a possessor is not the speaker; a name after it may be.
            var from = v + 1;
            while (MentionAt(from, limit, person: true) is { } p)
            {
                if (!IsPossessor(p))
                    return AttributionOf(p);
                from = TokenAt(p.Span.End) + 1;
                limit = Math.Min(end, from + 8);
            }
            if (from == v + 1 && MentionAt(v + 1, Math.Min(end, v + 4), person: false) is { } o && o.Kind == EntityKind.Organization)
                return AttributionOf(o);
            // "said a spokeswoman for the works council, Ilka Brandvold,": the name set off after the speaker noun.
            if (from == v + 1 && NounPhrase(v + 1, end) is not null)
                for (var (c, linked) = (v + 2, false); c < Math.Min(end, v + AppositiveReach); c++)
                {
                    // "a lawyer for the family of the dead teenager, Jamal Reed": past a second noun's lowercase "of …" the name
                    // may be that noun's ("the director of the hospital, Ann Lee" and "for the Ministry of Health" are not).
                    if (_quoted[c] || IsSpeechVerb(c) || linked && W(c) is "of" && c + 1 < end && !IsCapitalizedWordAfterThe(c + 1))
                        break;
                    linked |= W(c) is "for" or "of";
                    if (W(c) is "," && MentionAt(c + 1, Math.Min(end, c + 5), person: true) is { } named && TokenAt(named.Span.Start) == c + 1 && !IsPossessor(named))
                        return AttributionOf(named);
                }
            return NounPhrase(v + 1, end);
        }

        /// <summary>A capitalized word at <paramref name="t"/>, or after "the" there: a name ("of the Interior Ministry").</summary>
        private bool IsCapitalizedWordAfterThe(int t)
        {
            if (W(t) is "the" && t + 1 < _tokens.Length)
                t++;
            return _tokens[t].Kind == TokenKind.Word && char.IsUpper(_text[_tokens[t].Span.Start]);
        }

        /// <summary>Tokens after a cue verb within which a speaker noun's appositive name may begin.</summary>
        private const int AppositiveReach = 12;

        private Attribution? NounPhrase(int from, int end)
        {
            var t = from;
            while (t < end && t - from < 5 && _tokens[t].Kind is TokenKind.Word or TokenKind.Abbreviation && !_quoted[t] && !IsSpeechVerb(t)
                   && W(t) is not ("on" or "in" or "at" or "that" or "during" or "after" or "when" or "as" or "to" or "for" or "about"))
                t++;
            if (t == from || IsPronoun(from) || W(from) is "it" or "they" or "we" or "I" or "you")
                return null;
            // "said one man who did not want to be named": the phrase ends at its speaker noun.
            for (var h = from; h < t; h++)
                if (_lex.SpeakerNouns.Contains(W(h).ToString()))
                    t = h + 1;
            var span = new TextSpan(_tokens[from].Span.Start, _tokens[t - 1].Span.End);
            return LooksLikeSpeakerNoun(from, t) ? new Attribution(span, span.Of(_text)) : null;
        }

        /// <summary>The nearest person in subject position before a pronoun: earlier in its sentence, else first in an earlier one.</summary>
        private EntityMention? ResolvePronoun(int t)
        {
            var s = _sentenceOf[t];
            if (s < 0)
                return null;
            var (first, _) = SentenceTokens(s);
            if (FirstPerson(first, t) is { } same)
                return same;
            // "…, Gautreaux said." names who is speaking: a pronoun that follows most likely stands for them;
            // else the first person of the nearest sentence that names one (its subject, usually).
            for (var back = s - 1; back >= Math.Max(0, s - 4); back--)
            {
                var (f, e) = SentenceTokens(back);
                if (CuedPerson(f, e) is { } cued)
                    return cued;
                if (FirstPerson(f, e) is { } m)
                    return m;
            }
            return null;
        }

        /// <summary>The person a speech verb of the sentence is attributed to, if any: "X said" / "said X".</summary>
        private EntityMention? CuedPerson(int from, int end)
        {
            for (var v = from; v < end; v++)
            {
                if (!IsSpeechVerb(v))
                    continue;
                // The cue's subject, past an appositive ("Garcia's mother, Victoria Gonzalez, said"), or the name after it.
                if (SubjectIn(from, v) is { } subject && PersonAt(subject.Span) is { } m)
                    return m;
                if (v + 1 < end && MentionAt(v + 1, Math.Min(end, v + 2), person: true) is { } after && !IsPossessor(after))
                    return after;
            }
            return null;
        }

        private EntityMention? PersonAt(TextSpan span)
        {
            foreach (var m in MentionsFrom(span.Start))
            {
                if (m.Span.Start >= span.End)
                    break;
                if (m.Kind == EntityKind.Person)
                    return m;
            }
            return null;
        }

        private EntityMention? FirstPerson(int from, int end)
        {
            if (from >= end || _mentions.IsDefaultOrEmpty)
                return null;
            var start = _tokens[from].Span.Start;
            var stop = _tokens[end - 1].Span.End;
            foreach (var m in MentionsFrom(start))
            {
                if (m.Span.Start >= stop)
                    break;
                if (m.Kind == EntityKind.Person && !_quoted[TokenAt(m.Span.Start)])
                    return m;
            }
            return null;
        }

        private EntityMention? MentionAt(int from, int end, bool person)
        {
            if (from >= end || from >= _tokens.Length || _mentions.IsDefaultOrEmpty)
                return null;
            var start = _tokens[from].Span.Start;
            var stop = _tokens[Math.Min(end, _tokens.Length) - 1].Span.End;
            foreach (var m in MentionsFrom(start))
            {
                if (m.Span.Start >= stop)
                    break;
                if (person ? m.Kind == EntityKind.Person : m.Kind != EntityKind.Person)
                    return m;
            }
            return null;
        }

        private IEnumerable<EntityMention> MentionsEndingAt(int t)
        {
            var span = _tokens[t].Span;
            foreach (var m in MentionsFrom(span.Start - 64))
            {
                if (m.Span.Start > span.End)
                    break;
                if (m.Span.End > span.Start && m.Span.End <= span.End)
                    yield return m;
            }
        }

        private IEnumerable<EntityMention> MentionsFrom(int offset)
        {
            if (_mentions.IsDefaultOrEmpty)
                yield break;
            int lo = 0, hi = _mentions.Length;
            while (lo < hi)
            {
                var mid = (lo + hi) / 2;
                if (_mentions[mid].Span.Start < offset) lo = mid + 1; else hi = mid;
            }
            for (var i = lo; i < _mentions.Length; i++)
                yield return _mentions[i];
        }

        private Attribution AttributionOf(EntityMention m) => new(m.Span, m.Span.Of(_text));

        // ---- reported speech ----

        /// <summary>"X said that …" and "…, X said." in sentences without quotation marks: kind indirect.</summary>
        private void AddIndirect(List<Quote> quotes, ImmutableArray<QuotedSpan> marks)
        {
            var m = 0;
            for (var s = 0; s < _sentences.Length; s++)
            {
                var span = _sentences[s].Span;
                while (m < marks.Length && marks[m].Content.End <= span.Start)
                    m++;
                if (m < marks.Length && marks[m].Open < span.End)
                    continue;
                var (first, end) = SentenceTokens(s);
                if (end - first < 4)
                    continue;
                if (ThatClause(first, end) is { } that)
                {
                    quotes.Add(that);
                    continue;
                }
                if (TrailingCue(first, end) is { } trailing)
                    quotes.Add(trailing);
            }
        }

        private Quote? ThatClause(int first, int end)
        {
            for (var v = first + 1; v < end - 2; v++)
            {
                if (!IsSpeechVerb(v))
                    continue;
                var that = -1;
                for (var k = v + 1; k < Math.Min(end - 1, v + 5); k++)
                {
                    if (Is(k, "that")) { that = k; break; }
                    if (_tokens[k].Kind is TokenKind.Punctuation)
                        break;
                }
                if (that < 0)
                    continue;
                if (SubjectIn(first, v) is not { } speaker)
                    return null;
                var last = end - 1;
                // "…, said NHPD Chief Dean Esserman.": a trailing cue is not part of what was said.
                for (var k = that + 2; k < end - 1; k++)
                    if (W(k) is "," && IsSpeechVerb(k + 1))
                    {
                        last = k - 1;
                        break;
                    }
                while (last > that && _tokens[last].Kind == TokenKind.Punctuation)
                    last--;
                if (last <= that)
                    return null;
                return new Quote(new TextSpan(_tokens[that + 1].Span.Start, _tokens[last].Span.End), QuoteKind.Indirect, speaker, W(v).ToString());
            }
            return null;
        }

        private Quote? TrailingCue(int first, int end)
        {
            // "…, Foreign Minister Jane Doe said during a press conference on Tuesday."
            for (var c = end - 2; c > first + 2; c--)
            {
                if (W(c) is not ",")
                    continue;
                for (var v = c + 1; v < Math.Min(end, c + 12); v++)
                {
                    if (W(v) is "," or ";")
                        break;
                    if (!IsSpeechVerb(v))
                        continue;
                    // The cue closes the sentence, or only a time or place follows it: no object of its own.
                    if (!(v + 1 >= end || _tokens[v + 1].Kind == TokenKind.Punctuation || W(v + 1) is "on" or "in" or "during" or "at" or "after" or "before" or "last" or "this" or "earlier" or "later" or "yesterday" or "today" or "Monday" or "Tuesday" or "Wednesday" or "Thursday" or "Friday" or "Saturday" or "Sunday"))
                        return null;
                    if (SubjectIn(c + 1, v) is not { } speaker)
                        return null;
                    var last = c - 1;
                    return new Quote(new TextSpan(_tokens[first].Span.Start, _tokens[last].Span.End), QuoteKind.Indirect, speaker, W(v).ToString());
                }
                return null;
            }
            return null;
        }
    }
}
