using System.Collections.Immutable;
using Corroborate.Model;

namespace Corroborate.Extraction.Quantities;

/// <summary>A speech cue in a sentence and the speaker written with it.</summary>
/// <param name="Cue">The cue's token ("said"), or the first token of "according to".</param>
/// <param name="Speaker">The speaker as written; null when the cue has none (passive, participle).</param>
/// <param name="Pronoun">The speaker is a pronoun, to be resolved to an earlier named speaker.</param>
/// <param name="Passive">"is estimated to be": the figure's source is left unsaid.</param>
/// <param name="Trailing">", X said." after the statement it attributes.</param>
/// <param name="According">"according to X": attributes the whole sentence.</param>
/// <param name="Agent">"listed by X", "polled by X": attributes a figure of the sentence no other cue does.</param>
public sealed record SpeechCue(int Cue, Attribution? Speaker, bool Pronoun, bool Passive, bool Trailing, bool According, bool Agent = false);

/// <summary>
/// Finds who says what in a sentence: "X said", "according to X", "X told Y", "X estimated that",
/// ", said X". Reads the speaker phrase backwards from the cue to a clause boundary, so the span
/// covers the name and any title or chain written with it ("Kenya's national intelligence
/// service (NIS)"). Token-based, no regex. Immutable; thread-safe.
/// </summary>
public sealed class SpeakerFinder(QuantityLexicon lexicon)
{
    private const int MaxSpeakerTokens = 12;

    /// <summary>Every cue of the sentence [start, end), in text order.</summary>
    public ImmutableArray<SpeechCue> Find(in TokenView v, int start, int end)
    {
        ImmutableArray<SpeechCue>.Builder? cues = null;
        for (var i = start; i < end; i++)
        {
            if (!v.IsWord(i))
                continue;
            if (lexicon.Attribution.MatchForward(v, i, end, out var len, out var role) && role is AttributionRole.According or AttributionRole.Agent)
            {
                // "according to the agency's figures": the agency.
                var speaker = CountKeptBy(v, i + len - 1, end) ?? ForwardPhrase(v, i + len, end) ?? (role == AttributionRole.According ? RecordKeeper(v, i + len - 1, end) : null);
                if (speaker is not null)
                    (cues ??= ImmutableArray.CreateBuilder<SpeechCue>()).Add(role == AttributionRole.According
                        ? new SpeechCue(i, speaker, IsPronoun(v, speaker), false, false, true)
                        : new SpeechCue(i, speaker, IsPronoun(v, speaker), false, false, false, Agent: true));
                i += len - 1;
                continue;
            }
            if (v.Is(i, "by") && CountKeptBy(v, i, end) is { } keeper)
            {
                (cues ??= ImmutableArray.CreateBuilder<SpeechCue>()).Add(new SpeechCue(i, keeper, false, false, false, true));
                continue;
            }
            // "Data from the tracking service Vectorwatch showed …", "police figures show": what a record shows, its keeper says.
            if ((v.Is(i, "showed") || v.Is(i, "shows") || v.Is(i, "show")) && RecordShowing(v, i, start) is { } keeperOf)
            {
                (cues ??= ImmutableArray.CreateBuilder<SpeechCue>()).Add(new SpeechCue(i, keeperOf, false, false, false, false));
                continue;
            }
            if (!(lexicon.CueLookup.Contains(v.Chars(i)) || GivesFigure(v, i, end)) || char.IsUpper(v.Text[v.Start(i)]))
                continue;
            (cues ??= ImmutableArray.CreateBuilder<SpeechCue>()).Add(Backward(v, i, start, end));
        }
        // A promise is a cue only where nobody is said to speak: "Talmor has pledged 4.5 million crowns, its foreign ministry said".
        if (cues is { Count: > 1 })
        {
            var pledges = 0;
            foreach (var c in cues)
                pledges += IsPledge(v, c.Cue) ? 1 : 0;
            if (pledges > 0 && pledges < cues.Count)
                for (var k = cues.Count - 1; k >= 0; k--)
                    if (IsPledge(v, cues[k].Cue))
                        cues.RemoveAt(k);
        }
        return cues?.ToImmutable() ?? [];
    }

    private bool IsPledge(in TokenView v, int cue) =>
        lexicon.Attribution.MatchForward(v, cue, cue + 1, out _, out var role) && role == AttributionRole.Pledge;

    /// <summary>A record one keeps of figures ("count", "tally", "figures", "data"): its owner is their source.</summary>
    private static bool IsKeptRecord(in TokenView v, int k) =>
        v.Is(k, "count") || v.Is(k, "estimate") || v.Is(k, "estimates") || v.Is(k, "tally") || v.Is(k, "reckoning") || v.Is(k, "figures")
        || v.Is(k, "figure") || v.Is(k, "data") || v.Is(k, "statistics") || v.Is(k, "numbers") || v.Is(k, "calculations") || v.Is(k, "records");

    /// <summary>
    /// "disputed the company's figure of 118", "The union's own count, 140,": the owner of the figure that ends right
    /// before token <paramref name="at"/> (after "of" or a comma), without its possessive ending; null for none.
    /// </summary>
    public Attribution? FigureOwner(in TokenView v, int at, int start)
    {
        var k = at - 1;
        if (k <= start || !(v.Is(k, "of") || v.IsChar(k, ',')) || !IsKeptRecord(v, k - 1))
            return null;
        var owner = v.Is(k - 2, "own") ? k - 3 : k - 2;
        return OwnerAt(v, owner, start);
    }

    /// <summary>Words between a proposal's noun and a figure it holds ("the offer of a 3.5% rise and a one-off payment of 800 euros").</summary>
    private const int MaxProposalReach = 16;
    /// <summary>Words between an owner's possessive and its proposal's noun ("the authority's improved final offer").</summary>
    private const int MaxProposalModifiers = 3;

    /// <summary>
    /// "the authority's offer of a 3.5% rise and a one-off payment of 800 euros", "the Port Authority's improved
    /// proposal: a 4.2% pay rise", "the agency's own count on Thursday was 44": the owner of a proposal or a record
    /// (data/en/quantities/attribution.tsv, kind "proposal") whose phrase holds the figure at <paramref name="at"/>,
    /// read back from the figure over the phrase's nouns, figures and joining words to the noun; null for none.
    /// </summary>
    public Attribution? ProposalOwner(in TokenView v, int at, int start)
    {
        var copula = false;
        for (var k = at - 1; k > start && at - k <= MaxProposalReach; k--)
        {
            if (v.Kind(k) == TokenKind.Number || v.IsChar(k, '%') || v.IsChar(k, '-') || v.IsChar(k, ':') || v.IsChar(k, '$') || v.IsChar(k, '€') || v.IsChar(k, '£'))
                continue;
            if (!v.IsWord(k))
                return null;
            // "the agency's own count on Thursday was 44": a record, then the figure it came to.
            if (!copula && k == at - 1 && (v.Is(k, "was") || v.Is(k, "is") || v.Is(k, "stood")))
            {
                copula = true;
                continue;
            }
            if (lexicon.Attribution.MatchForward(v, k, k + 1, out _, out var role) && role == AttributionRole.Proposal && !v.IsCapitalized(k))
            {
                // Its phrase holds the figure ("offer of a 3.5% rise", "proposal: a 4.2% pay rise") or comes to it ("count … was 44");
                // not "China's oil demand grew 5%", whose figure the verb gives.
                if (!(v.Is(k + 1, "of") || v.IsChar(k + 1, ':') || copula))
                    return null;
                var owner = k - 1;
                for (var m = 0; m < MaxProposalModifiers && owner > start && !v.EndsPossessive(owner) && v.IsWord(owner) && !v.IsCapitalized(owner)
                    && !v.Is(owner, "the") && !v.Is(owner, "a") && !v.Is(owner, "an"); m++)
                    owner--;
                return IsTimeWord(v, owner) ? null : OwnerAt(v, owner, start);
            }
            // A verb, a clause's word or a new subject ends the phrase: "rejected the offer and is holding out for 9%".
            if (IsPhraseBreak(v, k))
                return null;
        }
        return null;
    }

    /// <summary>"Friday's count", "last year's budget", "today's tally": a time, not an owner (context.tsv's months, weekdays and periods).</summary>
    private bool IsTimeWord(in TokenView v, int k)
    {
        var w = v.Chars(k);
        var bare = w.EndsWith("'s", StringComparison.OrdinalIgnoreCase) || w.EndsWith("’s", StringComparison.OrdinalIgnoreCase) ? w[..^2] : w;
        return lexicon.Is(bare, ContextKind.Month | ContextKind.Weekday | ContextKind.Period)
               || bare.Equals("today", StringComparison.OrdinalIgnoreCase) || bare.Equals("yesterday", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Words a proposal's phrase does not run across to its figure: verbs, conjunctions of clauses, pronouns.</summary>
    private static bool IsPhraseBreak(in TokenView v, int k)
    {
        var w = v.Chars(k);
        return w.EndsWith("ed", StringComparison.OrdinalIgnoreCase) && w.Length > 4
            || v.Is(k, "is") || v.Is(k, "was") || v.Is(k, "are") || v.Is(k, "were") || v.Is(k, "be") || v.Is(k, "been") || v.Is(k, "has") || v.Is(k, "have")
            || v.Is(k, "had") || v.Is(k, "will") || v.Is(k, "would") || v.Is(k, "said") || v.Is(k, "says") || v.Is(k, "but") || v.Is(k, "while")
            || v.Is(k, "which") || v.Is(k, "who") || v.Is(k, "that") || v.Is(k, "than") || v.Is(k, "from") || v.Is(k, "against") || v.Is(k, "it")
            || v.Is(k, "they") || v.Is(k, "he") || v.Is(k, "she") || v.Is(k, "we") || v.Is(k, "for") || v.Is(k, "to") || v.Is(k, "its") || v.Is(k, "their");
    }

    /// <summary>The owner whose possessive is token <paramref name="owner"/> ("the company's", "Orvane Nutrition's"), without its ending; null for none.</summary>
    private Attribution? OwnerAt(in TokenView v, int owner, int start)
    {
        if (owner < start || !v.IsWord(owner))
            return null;
        if (!v.EndsPossessive(owner))
            return null;
        var first = owner;
        // "the company's", "the harbour authority's": the article and the words it opens.
        var article = owner - 1;
        while (article >= start && owner - article <= 3 && v.IsWord(article) && !v.IsCapitalized(article) && !v.Is(article, "the")
               && !IsPhraseBreak(v, article) && !lexicon.CueLookup.Contains(v.Chars(article)))
            article--;
        if (article >= start && owner - article <= 3 && v.Is(article, "the"))
            first = article;
        else
            while (first - 1 >= start && owner - first < MaxKeeperTokens && v.IsWord(first - 1) && v.IsCapitalized(first - 1))
                first--;
        // A lone lowercase owner with no article is no body ("each's figure").
        if (first == owner && !v.IsCapitalized(owner))
            return null;
        var span = new TextSpan(v.Start(first), v.End(owner) - 2);
        return new Attribution(span, span.SliceOf(v.Text).ToString());
    }

    /// <summary>Words of the one who keeps a count, at most ("by the civil protection agency's count").</summary>
    private const int MaxKeeperTokens = 6;

    /// <summary>
    /// "By the mayor's count, five people are missing", "by the union's own tally", "by Reuters' estimate": the one whose
    /// count it is gives the figures of the sentence, as "according to" does (and "according to the agency's figures").
    /// The keeper, without its possessive ending; <paramref name="by"/> is the token before it.
    /// </summary>
    private static Attribution? CountKeptBy(in TokenView v, int by, int end)
    {
        for (var k = by + 1; k < end && k - by <= MaxKeeperTokens && v.IsWord(k); k++)
        {
            var ending = v.EndsPossessive(k) ? 2 : 0;
            // "Reuters' estimate": the apostrophe of a plural's possessive is a token of its own.
            var apostrophe = ending == 0 && v.Chars(k).EndsWith('s') && (v.IsChar(k + 1, '\'') || v.IsChar(k + 1, '’')) && v.End(k) == v.Start(k + 1);
            if (ending == 0 && !apostrophe)
                continue;
            var next = apostrophe ? k + 2 : k + 1;
            if (v.Is(next, "own"))
                next++;
            if (!IsKeptRecord(v, next))
                return null;
            var span = new TextSpan(v.Start(by + 1), v.End(k) - ending);
            return span.Length > 0 ? new Attribution(span, span.SliceOf(v.Text).ToString()) : null;
        }
        return null;
    }

    /// <summary>Words between a record and the verb "showed" ("Data from the flight-tracking service Vectorwatch showed").</summary>
    private const int MaxRecordPhrase = 10;

    /// <summary>
    /// The keeper of a record that "showed" something: "Data from the flight-tracking service Vectorwatch showed" →
    /// "the flight-tracking service Vectorwatch"; "Police figures show" → "Police figures"; "Flight data published by the
    /// tracking site Vectorwatch shows" → "the tracking site Vectorwatch". Null when no record stands before the verb.
    /// </summary>
    private Attribution? RecordShowing(in TokenView v, int verb, int start)
    {
        var record = -1;
        for (var k = verb - 1; k >= start && verb - k <= MaxRecordPhrase && (v.IsWord(k) || v.IsChar(k, '-')); k--)
            if (IsKeptRecord(v, k))
            {
                record = k;
                break;
            }
        if (record < 0)
            return null;
        // "Data from X showed", "data published by X shows": the keeper after the preposition.
        for (var k = record + 1; k < verb; k++)
            if (v.Is(k, "from") || v.Is(k, "by"))
                return k + 1 < verb ? new Attribution(new TextSpan(v.Start(k + 1), v.End(verb - 1)), v.Slice(k + 1, verb - 1)) : null;
        // "Police figures show", "government data showed": the body before the record.
        // A sentence's first word is capitalized whatever it is ("Latest figures show"): there only a source noun or initials.
        return record > start && record == verb - 1 && !v.Is(record - 1, "the")
               && (IsSourceNoun(v, record - 1) || v.IsCapitalized(record - 1) && (record - 1 > start || v.Chars(record - 1).ToString() is { Length: >= 2 } w && w.All(char.IsUpper)))
            ? new Attribution(new TextSpan(v.Start(record - 1), v.End(record)), v.Slice(record - 1, record))
            : null;
    }

    /// <summary>
    /// "according to police figures", "according to government data", "according to UN estimates": a record named by
    /// the body that keeps it, without the possessive (a source noun or a capitalized name; not "official figures"), as
    /// written; null for none. <paramref name="after"/> is the token before the body.
    /// </summary>
    private Attribution? RecordKeeper(in TokenView v, int after, int end)
    {
        var first = v.Is(after + 1, "the") ? after + 2 : after + 1;
        var k = first;
        while (k < end && k - first < MaxKeeperTokens && v.IsWord(k) && !IsKeptRecord(v, k))
            k++;
        if (k == first || k >= end || !IsKeptRecord(v, k) || v.Is(k - 1, "official") || v.Is(k - 1, "own"))
            return null;
        if (!(v.IsCapitalized(k - 1) || IsSourceNoun(v, k - 1)))
            return null;
        for (var m = first; m < k; m++)
            if (!v.IsCapitalized(m) && !IsSourceNoun(v, m))
                return null;
        var span = new TextSpan(v.Start(first), v.End(k));
        return new Attribution(span, span.SliceOf(v.Text).ToString());
    }

    /// <summary>Words between a giving verb and the figure noun it gives ("gave a much lower figure").</summary>
    private const int GivenReach = 4;

    /// <summary>
    /// "Police gave a higher toll of 14", "the ministry gave a lower figure": a verb of giving whose object is a figure;
    /// "promised 5 million euros", "pledged another 200 soldiers": a promise whose object is one.
    /// </summary>
    private bool GivesFigure(in TokenView v, int i, int end)
    {
        if (!lexicon.Attribution.MatchForward(v, i, i + 1, out _, out var role))
            return false;
        if (role == AttributionRole.Pledge)
        {
            // The figure within a few words, before any verb of its own ("promised to act"; "pledged up to 200 million").
            for (var k = i + 1; k < end && k - i <= GivenReach; k++)
                if (v.Kind(k) == TokenKind.Number || v.IsWord(k) && lexicon.NumberLookup.ContainsKey(v.Chars(k)))
                    return true;
                else if (v.Is(k, "to") && !v.Is(k - 1, "up") || !v.IsWord(k) && !v.IsChar(k, '$') && !v.IsChar(k, '€') && !v.IsChar(k, '£'))
                    return false;
            return false;
        }
        if (role != AttributionRole.Giving)
            return false;
        for (var k = i + 1; k < end && k - i <= GivenReach && v.IsWord(k); k++)
            if (v.Is(k, "toll") || v.Is(k, "tolls") || v.Is(k, "figure") || v.Is(k, "figures") || v.Is(k, "estimate") || v.Is(k, "estimates")
                || v.Is(k, "tally") || v.Is(k, "count") || v.Is(k, "number"))
                return true; // not "a total of 5,000 tents": what was given, not a figure told
        return false;
    }

    private SpeechCue Backward(in TokenView v, int cue, int start, int end)
    {
        var j = cue - 1;
        // Skip what may stand between a speaker and the cue: "has also", "continued by", "roughly".
        while (j >= start)
        {
            if (lexicon.Attribution.MatchBackward(v, j, start, out var len, out var role) && role == AttributionRole.Skip)
                j -= len;
            else if (v.IsWord(j) && !char.IsUpper(v.Text[v.Start(j)]) && v.Chars(j).EndsWith("ly", StringComparison.Ordinal) && v.Chars(j).Length > 3)
                j--;
            else
                break;
        }
        // "The union, which is seeking 9%,": the auxiliary of a progressive stands between the relative pronoun and the cue.
        if (j - 1 > start && v.Chars(cue).EndsWith("ing", StringComparison.Ordinal) && (v.Is(j, "is") || v.Is(j, "are") || v.Is(j, "was") || v.Is(j, "were"))
            && (v.Is(j - 1, "which") || v.Is(j - 1, "who")))
            j--;
        // "the Victims' Alliance (VVA), a group that says", "Norland, which says": the relative pronoun's antecedent speaks.
        // ("that" only after a source noun: "rumours that said 400 had died" are nobody's words.)
        if (j > start && (v.Is(j, "which") || v.Is(j, "who") || v.Is(j, "that") && IsSourceNoun(v, j - 1)) && Antecedent(v, j, start) is { } antecedent)
            j = antecedent;
        // ", said Det. Dave Garrido": the speaker follows the cue; not after "told", whose object is the listener ("told CNR").
        var speakerFollows = cue + 1 < end && v.IsCapitalized(cue + 1) && !IsTell(v, cue);
        // "The company's chief executive, Marta Ellery, said": the name set off after its role.
        if (!speakerFollows && NameAfterRole(v, j, start) is { } name)
        {
            var named = new Attribution(new TextSpan(v.Start(name.First), v.End(name.Last)), v.Slice(name.First, name.Last));
            return new SpeechCue(cue, named, false, false, RoleOpensAfterComma(v, name.Open, start) && !v.Is(cue + 1, "that"), false);
        }
        // "Norland, which employs around 72,000 people worldwide, said": the subject before the relative clause.
        if (!speakerFollows && RelativeAside(v, j, start) is { } relative)
            j = relative - 1;
        // "Lisa Gray, a police spokesman, said", "John Smith, 34, said": the name before the appositive
        // (not in ", said Det. Dave Garrido", whose speaker follows).
        if (!speakerFollows && Appositive(v, j, start) is { } comma)
            j = comma - 1;
        // "is estimated to be": passive, its source left unsaid; "is seeking" is not, and its subject is before "is".
        if (j >= start && v.IsWord(j) && (v.Is(j, "is") || v.Is(j, "was") || v.Is(j, "were") || v.Is(j, "are") || v.Is(j, "be") || v.Is(j, "been") || v.Is(j, "being")))
        {
            if (!v.Chars(cue).EndsWith("ing", StringComparison.Ordinal))
                return new SpeechCue(cue, null, false, true, false, false);
            if (!(v.Is(j, "be") || v.Is(j, "been") || v.Is(j, "being")))
                j--;
        }

        var last = j;
        var first = -1;
        var k = j;
        var head = j;
        // "a spokesman for the civil defense said": a source noun and what it speaks for.
        if (ForSource(v, j, start) is { } spokes)
            (head, first, k) = (spokes, spokes, spokes - 1);
        while (k >= start && last - k < MaxSpeakerTokens)
        {
            if (v.IsChar(k, ')'))
            {
                var open = k - 1;
                while (open >= start && !v.IsChar(open, '(') && k - open < 6)
                    open--;
                if (open < start || !v.IsChar(open, '('))
                    break;
                first = open;
                k = open - 1;
                continue;
            }
            // "the Karvo Parents' Forum": a plural possessive inside a name.
            if (k < last && InnerPossessive(v, k))
            {
                k--;
                continue;
            }
            if (!v.IsWord(k))
                break;
            var lower = !char.IsUpper(v.Text[v.Start(k)]);
            if ((v.Is(k, "and") || v.Is(k, "for") || v.Is(k, "in")) && v.IsCapitalized(k - 1) && v.IsCapitalized(k + 1) && k < last)
            {
                k--; // "the Department of Fish and Wildlife", "the Centre for Education in Emergencies"
                continue;
            }
            if (lower && lexicon.Attribution.MatchBackward(v, k, start, out _, out var role) && role is AttributionRole.Boundary or AttributionRole.Possessive or AttributionRole.Pronoun or AttributionRole.According or AttributionRole.Agent)
            {
                if (role == AttributionRole.Pronoun && k == last)
                    first = k;
                break;
            }
            if (lower && lexicon.CueLookup.Contains(v.Chars(k)))
                break;
            if (v.Is(k, "the") || v.Is(k, "a") || v.Is(k, "an"))
            {
                first = k;
                break;
            }
            if (v.Is(k, "of") && !(v.IsCapitalized(k - 1) && v.IsCapitalized(k + 1)))
                break;
            if (lower && k < head && !v.IsCapitalized(k + 1) && !v.Is(k + 1, "of") && v.IsCapitalized(k - 1) == false && !IsSourceNoun(v, head))
                break;
            first = k;
            k--;
        }

        // ", X said" after what it attributes; also ", hospital spokeswoman X said", whose speaker starts at the role.
        var opening = first;
        while (opening > start && first - opening < MaxModifiers && v.IsWord(opening - 1) && !v.IsCapitalized(opening - 1)
            && !(lexicon.Attribution.MatchBackward(v, opening - 1, start, out _, out var modifierRole) && modifierRole is AttributionRole.Boundary or AttributionRole.Possessive))
            opening--;
        // ", its foreign ministry said": the owner's pronoun opens the trailing speaker.
        if (opening - 1 > start && (v.Is(opening - 1, "its") || v.Is(opening - 1, "their")) && v.IsChar(opening - 2, ','))
            opening--;
        var trailing = opening > start && (v.IsChar(opening - 1, ',') || v.IsQuoteMark(opening - 1) || v.IsChar(opening - 1, '—') || v.IsChar(opening - 1, '–'))
            && !v.Is(cue + 1, "that");
        if (first < 0 || first > last)
        {
            // ", said X": the speaker follows the cue.
            if ((j < start || v.IsClausePunctuation(j) || v.IsQuoteMark(j)) && !IsTell(v, cue))
            {
                var after = ForwardPhrase(v, cue + 1, end);
                if (after is not null && v.IsCapitalized(v.FirstAtOrAfter(after.Span.Start)))
                    return new SpeechCue(cue, after, IsPronoun(v, after), false, true, false);
                // ", said the service's head, Colonel Brana Ostrik": the name set off after its role.
                if (NameAfterRoleForward(v, cue + 1, end) is { } named)
                    return new SpeechCue(cue, named, false, false, true, false);
            }
            // "Prime Minister Carolina Edde ordered an inquiry and said", "Helena Sarmento repeated her estimate that":
            // the subject of the sentence's first verb.
            if (j > start && (v.Is(j, "and") || IsPossessive(v, j)) && SentenceSubject(v, start, j) is { } subject)
                return new SpeechCue(cue, subject, IsPronoun(v, subject), false, false, false);
            return new SpeechCue(cue, null, false, false, trailing, false);
        }
        var speaker = new Attribution(new TextSpan(v.Start(first), v.End(last)), v.Slice(first, last));
        var pronoun = IsPronoun(v, speaker);
        if (!pronoun && !HasName(v, first, last) && !IsSourceNoun(v, head))
            return new SpeechCue(cue, null, false, false, trailing, false);
        return new SpeechCue(cue, speaker, pronoun, false, trailing, false);
    }

    /// <summary>"told", "tells": a cue whose object is who heard it, never who said it.</summary>
    private static bool IsTell(in TokenView v, int cue) => v.Is(cue, "told") || v.Is(cue, "tells") || v.Is(cue, "tell") || v.Is(cue, "telling");

    /// <summary>Tokens an appositive between a speaker and the cue may span ("a spokesman for the Albuquerque Police Department").</summary>
    private const int MaxAppositive = 14;

    /// <summary>
    /// The opening comma of an appositive ending with the comma at <paramref name="close"/>: an age ("34") or
    /// a phrase with a source noun or title ("a police spokesman"), after a capitalized word; otherwise null.
    /// </summary>
    private int? Appositive(in TokenView v, int close, int start)
    {
        if (close <= start || !v.IsChar(close, ','))
            return null;
        var role = false;
        for (var o = close - 1; o > start && close - o <= MaxAppositive; o--)
        {
            if (v.IsChar(o, ','))
            {
                var age = o + 2 == close && v.Kind(o + 1) == TokenKind.Number;
                // The name before it may end in its acronym: "The Centre for Education in Emergencies (CEE), a … group,".
                var name = AcronymBefore(v, o - 1, start) ?? o - 1;
                return (role || age) && name >= start && v.IsCapitalized(name) && v.IsWord(name) ? o : null;
            }
            // An organisation's name inside it may carry a possessive mark or its acronym in brackets
            // ("chairwoman of the Karvo Parents' Forum (KPF)").
            if (v.IsChar(o, '\'') || v.IsChar(o, '’') || v.IsChar(o, '(') || v.IsChar(o, ')') || v.IsChar(o, '-'))
                continue;
            if (!v.IsWord(o) && v.Kind(o) != TokenKind.Number || lexicon.CueLookup.Contains(v.Chars(o)))
                return null;
            role |= IsSourceNoun(v, o) || IsTitle(v, o);
        }
        return null;
    }

    /// <summary>"(CEE)" ending at token <paramref name="close"/>: the token before its opening bracket; else null.</summary>
    private static int? AcronymBefore(in TokenView v, int close, int start) =>
        close - 2 > start && v.IsChar(close, ')') && v.IsChar(close - 2, '(') && v.IsWord(close - 1) ? close - 3 : null;

    /// <summary>Tokens a relative clause between a subject and its cue may span.</summary>
    private const int MaxRelative = 16;

    /// <summary>
    /// ", which employs around 72,000 people worldwide," ending with the comma at <paramref name="close"/>: the comma
    /// that opens it, after a capitalized word; null when the aside is no relative clause or holds a cue.
    /// </summary>
    private int? RelativeAside(in TokenView v, int close, int start)
    {
        if (close <= start || !v.IsChar(close, ','))
            return null;
        for (var o = close - 1; o > start && close - o <= MaxRelative; o--)
        {
            // Not a place ("Police in Northbridge, which was hit hardest, said": the police speak).
            // A comma inside the aside ("who flew in from the capital, Castrel,") is passed over.
            if (v.IsChar(o, ',') && (v.Is(o + 1, "which") || v.Is(o + 1, "who")))
                return NamedBefore(v, o - 1, start) && !IsWhere(v, o - 2) ? o : null;
            // A cue of the aside's own ("which says it speaks for …") is the subject's, not another speaker's.
            if (v.IsWord(o) && lexicon.CueLookup.Contains(v.Chars(o)) && !(v.Is(o - 1, "which") || v.Is(o - 1, "who")))
                return null;
        }
        return null;
    }

    /// <summary>A name ends at <paramref name="k"/>: a capitalized word, or an acronym in brackets ("(VVA)").</summary>
    private static bool NamedBefore(in TokenView v, int k, int start) =>
        k >= start && (v.IsWord(k) && v.IsCapitalized(k) || AcronymBefore(v, k, start) is not null);

    /// <summary>Words an appositive before a relative pronoun may hold ("a group", "a campaign group").</summary>
    private const int MaxDescriptor = 4;

    /// <summary>
    /// Where the speaker of a cue whose subject is the relative pronoun at <paramref name="pronoun"/> ends: the name
    /// before ", which" ("Norland, which says"), the name before an appositive ("the VVA, a group that says"), else the
    /// noun before the pronoun ("a study that estimates"); null when none is there.
    /// </summary>
    private int? Antecedent(in TokenView v, int pronoun, int start)
    {
        var k = pronoun - 1;
        if (k < start)
            return null;
        // "Norland, which says"; "The union, which is seeking 9%": a body named by its source noun.
        if (v.IsChar(k, ','))
            return NamedBefore(v, k - 1, start) || k - 2 >= start && v.Is(k - 2, "the") && IsSourceNoun(v, k - 1) ? k - 1 : null;
        for (var o = k; o > start && k - o < MaxDescriptor; o--)
        {
            if (!v.IsWord(o))
                return v.IsChar(o, ',') && (v.Is(o + 1, "a") || v.Is(o + 1, "an")) && NamedBefore(v, o - 1, start) ? o - 1 : null;
        }
        return v.IsWord(k) && !v.IsCapitalized(k) ? k : null;
    }

    /// <summary>"her", "its": a possessive determiner (attribution.tsv).</summary>
    private bool IsPossessive(in TokenView v, int k) =>
        lexicon.Attribution.MatchBackward(v, k, k, out var len, out var role) && len == 1 && role == AttributionRole.Possessive;

    /// <summary>The apostrophe of a plural possessive between two capitalized words of a name ("Parents' Forum").</summary>
    private static bool InnerPossessive(in TokenView v, int k) =>
        (v.IsChar(k, '\'') || v.IsChar(k, '’')) && v.IsCapitalized(k - 1) && v.IsCapitalized(k + 1)
        && v.Chars(k - 1).EndsWith('s') && v.End(k - 1) == v.Start(k);

    /// <summary>A word of where ("in", "near") among the three words before the role word at <paramref name="role"/>, not before <paramref name="floor"/>.</summary>
    private bool WhereBefore(in TokenView v, int role, int floor)
    {
        for (var k = role - 1; k >= floor && role - k <= 3 && v.IsWord(k); k--)
            if (IsWhere(v, k))
                return true;
        return false;
    }

    private bool IsWhere(in TokenView v, int k) => k >= 0 && v.IsWord(k) && lexicon.IsWhere(v.Chars(k));

    /// <summary>Capitalized words a name set off by commas may hold.</summary>
    private const int MaxName = 4;

    /// <summary>
    /// "The company's chief executive, Marta Ellery," ending with the comma at <paramref name="close"/>: the
    /// name between the commas, when every word of it is capitalized and a common noun ends the phrase before it, and
    /// the comma that opens it.
    /// </summary>
    private (int First, int Last, int Open)? NameAfterRole(in TokenView v, int close, int start)
    {
        if (close <= start || !v.IsChar(close, ','))
            return null;
        var open = close - 1;
        while (open > start && close - open <= MaxName + 1 && v.IsWord(open) && v.IsCapitalized(open))
            open--;
        var name = open + 1;
        // "The resort operator, the Talmor Lift Company, says": an organisation set off after its role.
        if (open > start && open < close - 1 && v.Is(open, "the") && !v.IsCapitalized(open))
            open--;
        if (open <= start || name == close || close - name > MaxName || !v.IsChar(open, ','))
            return null;
        // The phrase before ends in a common noun, its role: "chief executive", "a spokeswoman for the works council",
        // or in the body a source noun speaks for ("a spokeswoman for the Talmor Lift Company, Saskia Drell,").
        // A lone word set off is a name only after a known source noun ("the union's leader, Reisz,").
        var role = open - 1;
        if (!v.IsWord(role) || v.IsCapitalized(role) && ForSource(v, role, start) is null || !(close - name > 1 || IsSourceNoun(v, role)))
            return null;
        // "Police in the capital, Port Louis, said": a place set off after where, not a name after its role.
        return WhereBefore(v, role, start) ? null : (name, close - 1, open);
    }

    /// <summary>
    /// Whether the role before the name set off by the comma at <paramref name="open"/> follows a comma: ", its treasurer,
    /// Paul Eggert, said" closes the clause before it, whose figures are the speaker's.
    /// </summary>
    private static bool RoleOpensAfterComma(in TokenView v, int open, int start)
    {
        var k = open;
        for (var words = 0; --k > start && words <= MaxModifiers + 1; words++)
            if (!v.IsWord(k) || v.IsCapitalized(k))
                return v.IsChar(k, ',');
        return false;
    }

    /// <summary>Words a source noun's "for …" may run ("a spokeswoman for the Ohio Department of Public Safety").</summary>
    private const int MaxFor = 8;

    /// <summary>
    /// "a spokesman for the civil defense" ending at <paramref name="last"/>: the source noun's token before
    /// "for", from which the speaker is read on backwards; null when the phrase is not one.
    /// </summary>
    private int? ForSource(in TokenView v, int last, int start)
    {
        if (last < start || !v.IsWord(last))
            return null;
        for (var f = last - 1; f > start && last - f <= MaxFor; f--)
        {
            if (!v.IsWord(f) || lexicon.CueLookup.Contains(v.Chars(f)))
                return null;
            if (v.Is(f, "for") && IsSourceNoun(v, f - 1))
                return f - 1;
        }
        return null;
    }

    /// <summary>A speaker phrase after "according to" or an inverted cue: up to clause punctuation or a clause word.</summary>
    private Attribution? ForwardPhrase(in TokenView v, int i, int end)
    {
        var first = i;
        var last = -1;
        var k = i;
        while (k < end && k - first < MaxSpeakerTokens)
        {
            if (v.IsChar(k, '('))
            {
                var close = k + 1;
                while (close < end && !v.IsChar(close, ')') && close - k < 6)
                    close++;
                if (close >= end || !v.IsChar(close, ')'))
                    break;
                last = close;
                k = close + 1;
                continue;
            }
            if (k > first && InnerPossessive(v, k))
            {
                k++;
                continue;
            }
            if (!v.IsWord(k))
                break;
            var lower = !char.IsUpper(v.Text[v.Start(k)]);
            if (lower && k > first && lexicon.Attribution.MatchForward(v, k, end, out _, out var role) && role is AttributionRole.Boundary or AttributionRole.Possessive or AttributionRole.According or AttributionRole.Agent or AttributionRole.Skip)
            {
                // "the Ministry of Defence and the General Staff": "and"/"of" between capitalized words continue the chain.
                if (!((v.Is(k, "of") || v.Is(k, "and")) && v.IsCapitalized(k + 1) || (v.Is(k + 1, "the") && v.IsCapitalized(k + 2))))
                    break;
            }
            if (lower && lexicon.CueLookup.Contains(v.Chars(k)))
                break;
            last = k++;
        }
        if (last < first)
            return null;
        if (!HasName(v, first, last) && !IsPronounToken(v, first))
            return null;
        return new Attribution(new TextSpan(v.Start(first), v.End(last)), v.Slice(first, last));
    }

    /// <summary>Words in lower case a trailing speaker phrase may open with before the part read as the speaker.</summary>
    private const int MaxModifiers = 3;

    /// <summary>Words a role before a name set off after a cue may hold ("the service's head").</summary>
    private const int MaxRole = 6;

    /// <summary>
    /// "the service's head, Colonel Brana Ostrik" from <paramref name="i"/>: a role in lower case, a comma and a
    /// capitalized name; the name, or null.
    /// </summary>
    private Attribution? NameAfterRoleForward(in TokenView v, int i, int end)
    {
        if (!(v.Is(i, "the") || v.Is(i, "its") || v.Is(i, "their")))
            return null;
        var k = i + 1;
        while (k < end && k - i < MaxRole && v.IsWord(k) && !v.IsCapitalized(k) && !lexicon.CueLookup.Contains(v.Chars(k)))
            k++;
        if (k == i + 1 || k >= end || !v.IsChar(k, ','))
            return null;
        // "the police chief in the capital, Port Louis": a place set off after where, not a name after its role.
        if (WhereBefore(v, k - 1, i + 1))
            return null;
        var name = ForwardPhrase(v, k + 1, end);
        return name is not null && v.IsCapitalized(v.FirstAtOrAfter(name.Span.Start)) && !IsPronoun(v, name) ? name : null;
    }

    /// <summary>
    /// The person that opens the sentence [start, end) as its subject, a title and a name ("District Judge Ana Reyes
    /// ordered"; not "Storm Babet brought", "Manchester United lost", "More than 1,500 buildings"), or null.
    /// </summary>
    public Attribution? PersonalSubject(in TokenView v, int start, int end)
    {
        if (SentenceSubject(v, start, end) is not { } subject || Impersonal(v, subject) || IsPronoun(v, subject))
            return null;
        var last = v.FirstAtOrAfter(subject.Span.End) - 1;
        for (var k = v.FirstAtOrAfter(subject.Span.Start); k < last; k++)
        {
            // A title with a capitalized name after it.
            if (v.IsCapitalized(k) && lexicon.Attribution.MatchForward(v, k, last + 1, out var len, out var role) && role == AttributionRole.Title
                && k + len <= last && v.IsCapitalized(k + len))
                return subject;
        }
        return null;
    }

    /// <summary>
    /// The phrase that opens the sentence [start, before) as its subject: a name or source noun followed by a word in
    /// lower case, its verb ("Prime Minister Carolina Edde ordered"); null after an opening preposition or clause.
    /// </summary>
    private Attribution? SentenceSubject(in TokenView v, int start, int before)
    {
        // "Its chair, Dana Holm, called …": the name set off after the role that opens the sentence.
        if (NameAfterRoleForward(v, start, before) is { } named)
            return named;
        if (lexicon.Attribution.MatchForward(v, start, before, out _, out var role) && role is AttributionRole.Boundary or AttributionRole.Possessive or AttributionRole.According)
            return null;
        var k = start;
        while (k < before && k - start < MaxSpeakerTokens
            && (v.IsCapitalized(k) || k > start && (v.Is(k, "of") || v.Is(k, "for")) && v.IsCapitalized(k + 1) || k > start && InnerPossessive(v, k)))
            k++;
        // "The ministry ordered": a determiner and a source noun.
        if (k == start + 1 && (v.Is(start, "the") || v.Is(start, "a")) && k < before && IsSourceNoun(v, k))
            k++;
        // "The International Monetary Fund (IMF) in January cut its forecast": the name's initials in brackets.
        if (k > start + 1 && k + 2 < before && v.IsChar(k, '(') && v.IsWord(k + 1) && v.IsCapitalized(k + 1) && v.IsChar(k + 2, ')'))
            k += 3;
        if (k == start || k >= before || !v.IsWord(k) || v.IsCapitalized(k) || k == start + 1 && (v.Is(start, "the") || v.Is(start, "a")))
            return null;
        // "During the fire, Mayor Lee toured …": one opening word before a determiner is a preposition, no subject.
        if (k == start + 1 && (v.Is(k, "the") || v.Is(k, "a") || v.Is(k, "an") || v.Is(k, "this") || v.Is(k, "its")))
            return null;
        return HasName(v, start, k - 1) ? new Attribution(new TextSpan(v.Start(start), v.End(k - 1)), v.Slice(start, k - 1)) : null;
    }

    /// <summary>A capitalized word other than a leading article, or a source noun ("police", "officials").</summary>
    private bool HasName(in TokenView v, int first, int last)
    {
        for (var k = first; k <= last; k++)
        {
            if (v.IsCapitalized(k) && !(k == first && (v.Is(k, "the") || v.Is(k, "a") || v.Is(k, "an"))))
                return true;
        }
        return IsSourceNoun(v, last);
    }

    /// <summary>"police", "officials"; also a title written as a common noun ("the governor", "the sheriff").</summary>
    private bool IsSourceNoun(in TokenView v, int k) =>
        lexicon.Attribution.MatchBackward(v, k, 0, out var len, out var role)
        && (role == AttributionRole.SourceNoun || role == AttributionRole.Title && len == 1 && !v.IsCapitalized(k));

    /// <summary>"the spokesperson", "the sheriff": a definite role noun alone, which names someone named before; its text, or null.</summary>
    public string? DefiniteRole(in TokenView v, Attribution a)
    {
        var first = v.FirstAtOrAfter(a.Span.Start);
        return first + 1 < v.Count && v.Is(first, "the") && v.End(first + 1) == a.Span.End && !v.IsCapitalized(first + 1) && IsSourceNoun(v, first + 1)
            ? v.Chars(first + 1).ToString()
            : null;
    }

    /// <summary>
    /// What "it" may stand for: a phrase ending in a source noun ("the ministry", "Valdora Motor Group"), an acronym
    /// ("the SSO"), or a speaker that goes on of itself as "it" ("Marlow Energy said it would").
    /// </summary>
    public bool Impersonal(in TokenView v, Attribution a)
    {
        var next = v.FirstAtOrAfter(a.Span.End);
        var last = next - 1;
        if (last < 0 || !v.IsWord(last))
            return false;
        var w = v.Chars(last);
        return IsSourceNoun(v, last) || w.Length >= 2 && !w.ContainsAnyInRange('a', 'z') && w.ContainsAnyInRange('A', 'Z')
            || v.IsWord(next) && lexicon.CueLookup.Contains(v.Chars(next)) && (v.Is(next + 1, "it") || v.Is(next + 1, "its"));
    }

    private bool IsPronoun(in TokenView v, Attribution a)
    {
        var i = v.FirstAtOrAfter(a.Span.Start);
        return v.End(i) == a.Span.End && IsPronounToken(v, i);
    }

    private bool IsPronounToken(in TokenView v, int i) =>
        lexicon.Attribution.MatchForward(v, i, v.Count, out var len, out var role) && len == 1 && role == AttributionRole.Pronoun;

    /// <summary>
    /// A surname written alone or after a title ("Foreign Minister Park", "Lopez") completed
    /// from the article's first full mention ("Park Ji-won", "Maria Lopez"). The span stays on
    /// the words as written; only the text is completed, so the dossier can match the name.
    /// </summary>
    public Attribution CompleteName(in TokenView v, Attribution a)
    {
        var last = v.FirstAtOrAfter(a.Span.End) - 1;
        if (last < 0 || !v.IsCapitalized(last) || v.Kind(last) != TokenKind.Word)
            return a;
        var firstOfSpeaker = v.FirstAtOrAfter(a.Span.Start);
        if (last > firstOfSpeaker && v.IsCapitalized(last - 1) && !IsTitle(v, last - 1))
            return a; // already a full name
        var surname = v.Chars(last);
        for (var k = 0; k < v.Count; k++)
        {
            if (k == last || v.Kind(k) != TokenKind.Word || !v.Chars(k).SequenceEqual(surname))
                continue;
            // First name(s) before: "Maria Lopez", "John F. Smith".
            var f = k;
            while (f - 1 >= 0 && v.IsCapitalized(f - 1) && !IsTitle(v, f - 1) && v.Touches(f - 1) == false && k - f < 3
                   && !lexicon.CueLookup.Contains(v.Chars(f - 1)) && !IsContextWord(v, f - 1) && !v.Is(f - 2, "of"))
                f--;
            if (f < k)
                return a with { Text = a.Text[..(v.Start(last) - a.Span.Start)] + v.Slice(f, k) };
            // A given name after: "Park Ji-won".
            if (k + 1 < v.Count && v.IsCapitalized(k + 1) && v.Kind(k + 1) == TokenKind.Word && !IsTitle(v, k + 1) && !IsContextWord(v, k + 1)
                && v.Chars(k + 1).IndexOfAny('-', '‐') > 0)
                return a with { Text = a.Text[..(v.Start(last) - a.Span.Start)] + v.Slice(k, k + 1) };
        }
        return a;
    }

    private bool IsTitle(in TokenView v, int i) =>
        lexicon.Attribution.MatchForward(v, i, v.Count, out var len, out var role) && len == 1 && role == AttributionRole.Title;

    private bool IsContextWord(in TokenView v, int i) => lexicon.ContextLookup.ContainsKey(v.Chars(i)) || lexicon.HedgesBefore.MatchForward(v, i, v.Count, out _, out _);
}
