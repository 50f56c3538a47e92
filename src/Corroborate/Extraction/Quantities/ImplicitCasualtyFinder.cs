using System.Collections.Frozen;

namespace Corroborate.Extraction.Quantities;

/// <summary>Where a casualty without a figure is written: its predicate's tokens and what it implies.</summary>
/// <param name="Class">"killed", "injured", or "shot" (hit by gunfire, fate unstated).</param>
/// <param name="Count">1, or 2 for a pair of persons joined by "and" ("X, 33, and Y, 28, were killed", "killing his wife and himself").</param>
/// <param name="Another">Its subject is a person not named before in the sentence ("…, and a 40-year-old woman was also wounded").</param>
internal readonly record struct ImplicitCasualty(int First, int Last, string Class, int Count = 1, bool Another = false);

/// <summary>
/// Finds casualties that the text gives without a figure: a singular person as the subject of a
/// casualty predicate ("a man was shot and killed", "the victim, 25, died", "he suffered
/// non-life-threatening injuries") or as its object ("killing him", "fatally shot a
/// 17-year-old"). A plural or negated subject ("two men were killed", "no one was hurt",
/// "he was not injured") is not one: figures count the former, and the latter are none. The
/// phrases are data (<c>implicit.tsv</c>). Immutable; thread-safe.
/// </summary>
internal sealed class ImplicitCasualtyFinder(QuantityLexicon lexicon)
{
    /// <summary>Tokens an appositive may span between a subject and its predicate ("the victim, a 25-year-old man, died").</summary>
    private const int MaxAppositive = 9;
    /// <summary>Tokens between an object verb and the person noun it governs ("killing a 17-year-old", "wounding an off-duty officer").</summary>
    private const int ObjectReach = 4;

    /// <summary>The casualties of tokens [start, end), in text order.</summary>
    public void Find(in TokenView v, int start, int end, List<ImplicitCasualty> found)
    {
        var subject = false; // a predicate of this sentence had a singular subject, which "and" may share
        for (var k = start; k < end; k++)
        {
            if (!v.IsWord(k))
                continue;
            var role = Role(v, k);
            var predicate = lexicon.ImplicitPredicates.MatchForward(v, k, end, out var len, out var p);
            // "A man and a woman were shot", "a woman and a child had been shot": two hit, whose fate the rest of the clause may tell.
            if (predicate && PairSubject(v, start, k) is { } pair)
            {
                found.Add(new ImplicitCasualty(pair, k + len - 1, p.Class == "shot" && SurvivesAfter(v, k + len, end) ? "injured" : p.Class, 2));
                k += len - 1;
            }
            else if (predicate && (HasSingularSubject(v, start, k, p.NeedsAux) || subject && SharesSubject(v, start, k)))
            {
                var another = IndefiniteSubject(v, start, k);
                subject = true;
                found.Add(new ImplicitCasualty(k, k + len - 1, p.Class == "shot" && SurvivesAfter(v, k + len, end) ? "injured" : p.Class, Another: another));
                k += len - 1;
            }
            else if (role == "suffer" && Wound(v, k + 1, end) is { } wound && HasSingularSubject(v, start, k, needsAux: false))
            {
                var another = IndefiniteSubject(v, start, k);
                subject = true;
                found.Add(new ImplicitCasualty(k, wound.Last, wound.Class, Another: another));
                k = wound.Last;
            }
            else if (role == "carried" && ToHospital(v, k + 1, end) is { } hospital && HasSingularSubject(v, start, k, needsAux: true))
            {
                subject = true;
                found.Add(new ImplicitCasualty(k, hospital, SurvivesAfter(v, hospital + 1, end) ? "injured" : "shot"));
                k = hospital;
            }
            else if (role is "result" or "discovered" && LeftInState(v, k, end, role == "discovered", found) is { } read)
            {
                k = read;
            }
            else if (v.Is(k, "with") && Wound(v, k + 1, end) is { } borne && PersonRightBefore(v, start, k))
            {
                found.Add(new ImplicitCasualty(k, borne.Last, borne.Class));
                k = borne.Last;
            }
            else if (lexicon.ImplicitObjects.MatchForward(v, k, end, out len, out var cls) && SingularObject(v, k + len, end) is { } last)
            {
                // "killing his wife and himself", "shot and killed Destacia Straughn and her daughter": a pair.
                var and = AfterAppositive(v, last + 1, end);
                // Any verb takes a pair ("accused of shooting a 7-year-old and her father") unless the second
                // person begins a clause of its own ("shot a man and the suspect fled").
                if (v.Is(and, "and") && (SingularObject(v, and + 1, end) ?? SharedPossessive(v, k + len, and + 1, end)) is { } second && !ClauseAfter(v, second + 1, end))
                {
                    found.Add(Self(new ImplicitCasualty(k, second, cls, 2), v, end));
                    k = found[^1].Last;
                    continue;
                }
                // "shot his 1-year-old daughter dead": the state after the object says the fate.
                var noun = NounAfterAge(v, last, end);
                if (cls == "shot" && noun + 1 < end && v.Is(noun + 1, "dead"))
                    (cls, last) = ("killed", noun + 1);
                found.Add(Self(new ImplicitCasualty(k, last, cls), v, end));
                k = found[^1].Last;
            }
        }
    }

    /// <summary>
    /// "left a child injured", "found a man shot to death" at the verb <paramref name="k"/>: adds the casualties
    /// and returns the last token read, or null. A pair may share one state ("found Tatiyana Coates, 11, and
    /// her brother Daveon, 15, shot to death"), or each have its own ("left a 7-year-old girl dead and her
    /// grandmother wounded"). Found wounded is hit, fate unstated ("found the boy wounded"; he may have died since).
    /// </summary>
    private int? LeftInState(in TokenView v, int k, int end, bool discovered, List<ImplicitCasualty> found)
    {
        if (SingularObject(v, k + 1, end) is not { } one)
            return null;
        var oneNoun = NounAfterAge(v, one, end);
        if (AfterAppositive(v, NameAfter(v, oneNoun, end) + 1, end) is var conj && v.Is(conj, "and")
            && SingularObject(v, conj + 1, end) is { } two && State(v, AfterAppositive(v, NameAfter(v, NounAfterAge(v, two, end), end) + 1, end), end) is { } both)
        {
            found.Add(new ImplicitCasualty(k, both.Last, Found(both.Class), 2));
            return both.Last;
        }
        if (State(v, oneNoun + 1, end) is not { } state)
            return null;
        found.Add(new ImplicitCasualty(k, state.Last, Found(state.Class)));
        if (v.Is(state.Last + 1, "and") && SingularObject(v, state.Last + 2, end) is { } other && State(v, NounAfterAge(v, other, end) + 1, end) is { } second)
        {
            found.Add(new ImplicitCasualty(state.Last + 2, second.Last, second.Class));
            return second.Last;
        }
        return state.Last;

        string Found(string cls) => discovered && cls == "injured" ? "shot" : cls;
    }

    /// <summary>"a 7-year-old girl": the person noun right after an age ending at <paramref name="i"/>; otherwise <paramref name="i"/>.</summary>
    private int NounAfterAge(in TokenView v, int i, int end) =>
        IsAge(v, i) && i + 1 < end && Role(v, i + 1) == "person" && !v.Is(i + 1, "who") ? i + 1 : i;

    /// <summary>"dead", "wounded", "in critical condition" at <paramref name="i"/>: a state of class killed or injured, or null.</summary>
    private (int Last, string Class)? State(in TokenView v, int i, int end)
    {
        // "left a 15-year-old boy critically injured".
        if (Role(v, i) == "skip" && !v.Is(i, "has") && !v.Is(i, "had"))
            i++;
        return lexicon.ImplicitPredicates.MatchForward(v, i, end, out var len, out var p) && p.Class is "killed" or "injured" ? (i + len - 1, p.Class) : null;
    }

    /// <summary>Tokens after a "shot" predicate in which its survival may be written.</summary>
    private const int SurvivalReach = 12;

    /// <summary>
    /// "was taken to the hospital with non-life threatening injuries", "was shot … and is in stable
    /// condition": a mild wound after "with", or a condition after "in", within the clause makes a
    /// person hit by gunfire injured, whatever else the article reports.
    /// </summary>
    private bool SurvivesAfter(in TokenView v, int i, int end)
    {
        for (var k = i; k < Math.Min(end, i + SurvivalReach); k++)
        {
            if (v.IsChar(k, ';') || v.Is(k, "but") || v.Is(k, "died") || v.Is(k, "dead") || v.Is(k, "killed"))
                return false;
            if (v.Is(k, "with") && Wound(v, k + 1, end) is { Class: "injured" })
                return true;
            if (v.Is(k, "in") && k + 2 < end && v.Is(k + 2, "condition")
                && (v.Is(k + 1, "stable") || v.Is(k + 1, "fair") || v.Is(k + 1, "good") || v.Is(k + 1, "serious") || v.Is(k + 1, "critical")))
                return true;
        }
        return false;
    }

    /// <summary>Tokens from a "suffered" to the wound it names ("from a single self-inflicted gunshot wound").</summary>
    private const int WoundReach = 7;

    /// <summary>Tokens from a "taken" to its "to" ("by ambulance to"), and from "to" to the hospital word ("to Orange Park Medical Center").</summary>
    private const int CarriedReach = 4;
    private const int HospitalReach = 6;

    /// <summary>"transported to an area hospital" starting at <paramref name="k"/>: the hospital word's token, or null.</summary>
    public int? CarriedToHospital(in TokenView v, int k, int end) => Role(v, k) == "carried" ? ToHospital(v, k + 1, end) : null;

    /// <summary>"hospital", "medical", "clinic": a word of a place where the hurt are treated.</summary>
    public bool IsHospitalWord(in TokenView v, int i) => Role(v, i) == "hospital";

    /// <summary>"taken by ambulance to the Brookings Hospital": the hospital word's token, or null.</summary>
    private int? ToHospital(in TokenView v, int i, int end)
    {
        var to = -1;
        for (var k = i; k < Math.Min(end, i + CarriedReach); k++)
        {
            if (!v.IsWord(k))
                return null;
            if (v.Is(k, "to"))
            {
                to = k;
                break;
            }
        }
        if (to < 0)
            return null;
        for (var k = to + 1; k < Math.Min(end, to + 1 + HospitalReach); k++)
        {
            if (!v.IsWord(k) && !v.IsChar(k, '\'') && !v.IsChar(k, '’'))
                return null;
            if (Role(v, k) != "hospital")
                continue;
            // The rest of the hospital's name: "Orange Park Medical Center".
            while (k + 1 < end && v.IsCapitalized(k + 1) && v.Kind(k + 1) == Model.TokenKind.Word && !v.Is(k + 1, "in") && !v.Is(k + 1, "of"))
                k++;
            return k;
        }
        return null;
    }

    /// <summary>"in his 40s", "in her early 20s" ending at <paramref name="j"/>: the token before "in", or null.</summary>
    private static int? DecadeAge(in TokenView v, int start, int j)
    {
        if (j - 2 < start || v.Kind(j) != Model.TokenKind.Number || !v.Chars(j).EndsWith("0s", StringComparison.Ordinal))
            return null;
        var k = j - 1;
        if (v.Is(k, "early") || v.Is(k, "mid") || v.Is(k, "late"))
            k--;
        return (v.Is(k, "his") || v.Is(k, "her") || v.Is(k, "their")) && v.Is(k - 1, "in") && k - 2 >= start ? k - 2 : null;
    }

    /// <summary>Tokens between a singular person and a "with" that gives their wound ("a 17-year-old boy near the pool with").</summary>
    private const int WithReach = 7;

    /// <summary>
    /// "found a 13-year-old with a gunshot wound", "the man, with a gunshot wound in the chest": a
    /// singular person within a few words before "with", in the same clause, not negated.
    /// </summary>
    private bool PersonRightBefore(in TokenView v, int start, int with)
    {
        var j = with - 1;
        if (v.IsChar(j, ','))
            j--;
        for (var k = j; k >= Math.Max(start, with - WithReach); k--)
        {
            if (!v.IsWord(k) || v.Is(k, "and") || v.Is(k, "or"))
                return false;
            var person = Role(v, k) == "person" && !v.Is(k, "who") || IsAge(v, k) && !(k + 1 < with && PluralBefore(v, k + 1, start));
            if (person)
                return !PluralBefore(v, k, start) && !Negated(v, k - 1, start);
        }
        return false;
    }

    /// <summary>"a non-life threatening gunshot wound" → injured; "a fatal wound" → killed; "gunshot wounds" → shot.</summary>
    private (int Last, string Class)? Wound(in TokenView v, int i, int end)
    {
        var cls = "shot";
        for (var k = i; k < Math.Min(end, i + WoundReach); k++)
        {
            if (!v.IsWord(k) || v.Is(k, "to") || v.Is(k, "and"))
                return null;
            switch (Role(v, k))
            {
                case "mild":
                    cls = "injured";
                    break;
                case "fatal":
                    cls = "killed";
                    break;
                case "wound":
                    return (k, cls);
            }
        }
        return null;
    }

    /// <summary>Made once: getting the lookup checks its comparer, a cost on every word otherwise.</summary>
    private readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _roles =
        lexicon.ImplicitWords.GetAlternateLookup<ReadOnlySpan<char>>();

    private string? Role(in TokenView v, int i) =>
        v.IsWord(i) && _roles.TryGetValue(v.Chars(i), out var role) ? role : null;

    /// <summary>An auxiliary of implicit.tsv ("was", "been", "remained"): a predicate follows it.</summary>
    internal bool IsAux(in TokenView v, int i) => Role(v, i) == "aux";

    /// <summary>An adverb that may stand between a subject and its predicate ("still", "reportedly", "later").</summary>
    internal bool IsSkip(in TokenView v, int i) => Role(v, i) == "skip";

    /// <summary>"a man was", "the victim, 25, later", "he", "John Smith": a singular person right before the predicate.</summary>
    private bool HasSingularSubject(in TokenView v, int start, int predicate, bool needsAux)
    {
        var j = predicate - 1;
        var aux = false;
        while (j >= start && Role(v, j) is "aux" or "skip")
        {
            aux |= Role(v, j) == "aux";
            j--;
        }
        if (needsAux && !aux)
            return false;
        // An appositive between commas: "the victim, a 25-year-old man, was".
        if (v.IsChar(j, ','))
        {
            var open = j - 1;
            while (open >= start && open > j - MaxAppositive && !v.IsChar(open, ','))
                open--;
            if (open >= start && v.IsChar(open, ',') && open < j - 1)
                j = open - 1;
        }
        // An age given as a decade: "a man in his 40s was", "a woman in her early 20s was".
        if (DecadeAge(v, start, j) is { } before)
            j = before;
        if (j < start)
            return false;
        // "a minor was injured": the noun, not the adjective of "minor injuries".
        if (v.Is(j, "minor") && (v.Is(j - 1, "a") || v.Is(j - 1, "the")))
            return !Negated(v, j - 2, start);
        if (!v.IsWord(j))
            return false;
        if (Role(v, j) == "person")
            return !Negated(v, j - 1, start) && (!v.Is(j, "who") || !PluralBefore(v, j - 1, start));
        if (IsAge(v, j))
            return !Negated(v, j - 1, start);
        // A lower-case head after an age or a person noun: "a 17-year-old motel occupant", "a man's son".
        if (!v.IsCapitalized(j))
        {
            for (var k = j - 1; k >= Math.Max(start, j - 3) && v.IsWord(k) && !v.IsCapitalized(k); k--)
                if (IsAge(v, k) || Role(v, k) == "person" && !v.Is(k, "who"))
                    return !PluralBefore(v, j, start) && !Negated(v, k - 1, start);
            return false;
        }
        // A name ("John Smith died"), not a pronoun of none or all ("Nobody was hurt").
        return v.IsCapitalized(j) && v.Kind(j) == Model.TokenKind.Word
               && !v.Is(j, "nobody") && !v.Is(j, "none") && !v.Is(j, "everyone") && !v.Is(j, "it") && !v.Is(j, "this") && !v.Is(j, "that");
    }

    /// <summary>
    /// The predicate at <paramref name="predicate"/> tells more of the person the <paramref name="earlier"/> hit
    /// was about: joined to it with no subject of its own ("was taken to the hospital in serious condition but
    /// later died"), or the earlier hit sat in a relative clause of the subject ("a boy who was critically wounded
    /// in a shooting on Friday died on Saturday"); and no other person is named between them
    /// ("a woman was wounded, and a man, 30, died" are two).
    /// </summary>
    public bool SameSubject(in TokenView v, ImplicitCasualty earlier, int predicate)
    {
        var j = PastAuxiliaries(v, predicate - 1, earlier.Last + 1);
        if (!(v.Is(j, "and") || v.Is(j, "but") || v.IsChar(j, ',')))
        {
            // "who was wounded … died": a relative clause, then the main verb.
            var who = earlier.First - 1;
            while (who >= 0 && who > earlier.First - 5 && (Role(v, who) is "aux" or "skip" || v.IsWord(who) && v.Chars(who).EndsWith("ly", StringComparison.Ordinal)))
                who--;
            if (!v.Is(who, "who"))
                return false;
        }
        for (var k = earlier.Last + 1; k < predicate; k++)
            if (IsPersonWord(v, k) || v.Is(k, "he") || v.Is(k, "she") || (v.Is(k, "a") || v.Is(k, "an") || v.Is(k, "another")) && SingularObject(v, k, predicate) is not null)
                return false;
        return true;
    }

    /// <summary>Tokens from the dead (a figure's noun, or a person) to a phrase of the killer's own death ("… before turning the gun on himself").</summary>
    private const int SelfReach = 16;

    /// <summary>The last token of a phrase of the killer's own death in the clause after <paramref name="i"/>, or null.</summary>
    public int? SelfKilling(in TokenView v, int i, int end)
    {
        for (var k = i; k < Math.Min(end, i + SelfReach); k++)
        {
            if (v.IsChar(k, ';') || lexicon.CueLookup.Contains(v.Chars(k)))
                return null;
            if (lexicon.SelfKillings.MatchForward(v, k, end, out var len, out _))
                return k + len - 1;
        }
        return null;
    }

    /// <summary>Tokens back from a casualty to the modal that makes it unreal.</summary>
    private const int CounterfactualReach = 10;

    /// <summary>
    /// "it could have hit her in the heart and killed her", "there should've been five or six people dead":
    /// a casualty behind "could / would / might / should have" in its clause did not happen.
    /// </summary>
    public static bool Counterfactual(in TokenView v, int start, int k)
    {
        for (var j = k - 1; j >= Math.Max(start, k - CounterfactualReach); j--)
        {
            if (v.IsChar(j, ',') || v.IsChar(j, ';'))
                return false;
            var perfect = v.Is(j, "have") || v.Is(j, "'ve") || v.Is(j, "’ve");
            var modal = perfect ? j - 1 : j;
            var word = v.IsWord(modal) ? v.Chars(modal) : default;
            if (!perfect && !(word.EndsWith("'ve", StringComparison.OrdinalIgnoreCase) || word.EndsWith("’ve", StringComparison.OrdinalIgnoreCase)))
                continue;
            if (!perfect)
                word = word[..^3];
            if (word.Equals("could", StringComparison.OrdinalIgnoreCase) || word.Equals("would", StringComparison.OrdinalIgnoreCase)
                || word.Equals("might", StringComparison.OrdinalIgnoreCase) || word.Equals("should", StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }

    /// <summary>"killed his wife and son before turning the gun on himself": the killer is one more dead.</summary>
    private ImplicitCasualty Self(ImplicitCasualty hit, in TokenView v, int end) =>
        hit.Class == "killed" && SelfKilling(v, hit.Last + 1, end) is { } self ? hit with { Last = self, Count = hit.Count + 1 } : hit;

    /// <summary>"his wife and son": a person noun after "and" that the first person's possessive governs too; its token, or null.</summary>
    private int? SharedPossessive(in TokenView v, int first, int k, int end) =>
        k < end && (v.Is(first, "his") || v.Is(first, "her") || v.Is(first, "their")) && v.IsWord(k) && !v.IsCapitalized(k)
        && IsPersonWord(v, k) ? k : null;

    /// <summary>A verb right after a person: "the suspect fled", "the man was": the person is a new subject.</summary>
    private bool ClauseAfter(in TokenView v, int k, int end) =>
        k < end && v.IsWord(k) && !v.IsCapitalized(k) && (Role(v, k) is "aux" or "killed" or "injured" or "shot" || v.Chars(k).EndsWith("ed", StringComparison.Ordinal));

    /// <summary>Tokens a pair's conjunct may span ("her 24 year old granddaughter Keyon Branch").</summary>
    private const int MaxConjunct = 6;

    /// <summary>
    /// "Ronald Williams, 33, and Kendra Hill, 28, were killed", "Jason Kimble and Laquintin Carter were injured", "A man and a teenage boy were found
    /// shot to death": two singular persons joined by "and" before "were" and a predicate; the
    /// first token of the pair, or null.
    /// </summary>
    private int? PairSubject(in TokenView v, int start, int predicate)
    {
        var j = predicate - 1;
        var were = false;
        while (j >= start && (Role(v, j) is "skip" || v.Is(j, "were") || v.Is(j, "both") || v.Is(j, "been") || v.Is(j, "have") || v.Is(j, "had")))
        {
            were |= v.Is(j, "were") || v.Is(j, "have") || v.Is(j, "had") && v.Is(j + 1, "been");
            j--;
        }
        if (!were)
            return null;
        j = BeforeAppositive(v, j, start);
        if (j < start || !IsPersonHead(v, j))
            return null;
        for (var a = j - 1; a >= Math.Max(start, j - MaxConjunct); a--)
        {
            if (!v.IsWord(a) && !v.IsChar(a, ',') && v.Kind(a) != Model.TokenKind.Number)
                return null;
            // "and told officers his son had been shot": a verb between, so no pair.
            if (lexicon.CueLookup.Contains(v.Chars(a)))
                return null;
            if (!v.Is(a, "and"))
                continue;
            var first = BeforeAppositive(v, a - 1, start);
            if (first < start || !IsPersonHead(v, first) || !v.IsCapitalized(first) && PluralBefore(v, first, start) || Negated(v, first - 1, start))
                return null;
            // The first conjunct opens the clause: nothing but its own words before it back to a boundary.
            var open = first;
            while (open - 1 >= start && v.IsWord(open - 1) && open > first - MaxConjunct && !v.Is(open - 1, "and") && !v.Is(open - 1, "that")
                   && Role(v, open - 1) is not ("aux" or "suffer") && !lexicon.CueLookup.Contains(v.Chars(open - 1)))
            {
                open--;
                // "Police found that a woman and …": the conjunct begins at its article.
                if (v.Is(open, "a") || v.Is(open, "an") || v.Is(open, "the"))
                    break;
            }
            return open;
        }
        return null;
    }

    /// <summary>"Kendra Hill, 28," → the token before the appositive's comma; otherwise <paramref name="j"/>.</summary>
    private static int BeforeAppositive(in TokenView v, int j, int start)
    {
        if (!v.IsChar(j, ','))
            return j;
        for (var k = j - 1; k > Math.Max(start, j - 6); k--)
            if (v.IsChar(k, ','))
                return k - 1;
        return j;
    }

    /// <summary>"Smith, 30, and": the token after an age appositive that follows <paramref name="i"/>; otherwise <paramref name="i"/>.</summary>
    private static int AfterAppositive(in TokenView v, int i, int end)
    {
        if (!v.IsChar(i, ','))
            return i;
        for (var k = i + 1; k < Math.Min(end, i + 6); k++)
            if (v.IsChar(k, ','))
                return k + 1;
        return i;
    }

    /// <summary>"her brother Daveon": the last token of a name right after the person noun at <paramref name="i"/>; otherwise <paramref name="i"/>.</summary>
    private static int NameAfter(in TokenView v, int i, int end)
    {
        while (i + 1 < end && v.IsCapitalized(i + 1) && v.Kind(i + 1) == Model.TokenKind.Word)
            i++;
        return i;
    }

    /// <summary>"a 10-year-old girl", "his wife", "John Smith" starting at <paramref name="i"/>: the phrase's last token, or null.</summary>
    public int? SingularPersonAt(in TokenView v, int i, int end) => SingularObject(v, i, end);

    /// <summary>True when the word is a singular noun naming a person ("man", "adult", "officer"; role person in implicit.tsv).</summary>
    public bool IsPerson(ReadOnlySpan<char> word) => _roles.TryGetValue(word, out var role) && role == "person";

    /// <summary>"A 2-year-old girl", "the driver", "John Smith" ending at <paramref name="j"/>, at the start of its clause: the phrase's first token, or null.</summary>
    public int? SingularPersonEndingAt(in TokenView v, int start, int j)
    {
        for (var d = j; d >= Math.Max(start, j - ObjectReach - 1); d--)
        {
            // The phrase may end past its age: "a 2-year-old girl" (the age is where SingularObject stops),
            // but only in a person noun, never in a verb ("a 7-year-old died and three …").
            if (SingularObject(v, d, j + 1) is { } last && (last == j || IsAge(v, last) && j - last <= 2 && Role(v, j) == "person" && OnlyLowerWords(v, last + 1, j))
                && (d == start || !v.IsWord(d - 1) || !v.IsCapitalized(d - 1) && Role(v, d - 1) is null or "result" or "discovered"))
                return d;
        }
        return null;
    }

    private static bool OnlyLowerWords(in TokenView v, int from, int to)
    {
        for (var k = from; k <= to; k++)
            if (!v.IsWord(k) || v.IsCapitalized(k))
                return false;
        return true;
    }

    /// <summary>Back from <paramref name="j"/> over auxiliaries and adverbs ("was", "has been", "later"), not below <paramref name="floor"/>: the first other token.</summary>
    private int PastAuxiliaries(in TokenView v, int j, int floor)
    {
        while (j >= floor && Role(v, j) is "aux" or "skip")
            j--;
        return j;
    }

    /// <summary>A person noun ("man", "victim", "daughter"), not a pronoun.</summary>
    private bool IsPersonWord(in TokenView v, int k) => Role(v, k) == "person" && !v.Is(k, "he") && !v.Is(k, "she") && !v.Is(k, "who");

    /// <summary>The last word of a singular person: a person noun, an age, or a name.</summary>
    private bool IsPersonHead(in TokenView v, int j) =>
        v.IsWord(j) && (IsPersonWord(v, j) || IsAge(v, j)
                        || v.IsCapitalized(j) && v.Kind(j) == Model.TokenKind.Word && !v.Is(j, "they") && !v.Is(j, "police"));

    /// <summary>"… was shot three times and was pronounced dead": a predicate joined by "and" to one before it.</summary>
    private bool SharesSubject(in TokenView v, int start, int predicate)
    {
        var j = PastAuxiliaries(v, predicate - 1, start);
        // "was taken to a hospital but died": "but" keeps the subject; "and" needs an auxiliary after it.
        return v.Is(j, "but") || v.Is(j, "and") && j + 1 < predicate;
    }

    /// <summary>Tokens from a predicate back to the article of its subject ("a 40-year-old woman was also").</summary>
    private const int SubjectReach = 7;

    /// <summary>
    /// True when the subject of the predicate at <paramref name="predicate"/> is a new person, brought in by
    /// "a", "an" or "another" after the clause's "and" ("and a 5-year-old female was shot"), not "he" or "the man".
    /// </summary>
    private bool IndefiniteSubject(in TokenView v, int start, int predicate)
    {
        var j = PastAuxiliaries(v, predicate - 1, start);
        if (j < start || Role(v, j) != "person" && !IsAge(v, j) || v.Is(j, "he") || v.Is(j, "she") || v.Is(j, "who"))
            return false;
        for (var k = j - 1; k >= Math.Max(start, j - SubjectReach); k--)
        {
            if (v.Is(k, "a") || v.Is(k, "an") || v.Is(k, "another"))
                // Joined by "and": ", another teen has been shot" after "24 hours after a student was shot" is no second casualty of the same report.
                return k - 1 >= start && v.Is(k - 1, "and");
            if (!v.IsWord(k) && v.Kind(k) != Model.TokenKind.Number && !v.IsChar(k, '-'))
                return false;
        }
        return false;
    }

    /// <summary>"no", "nobody", "neither": the subject is none.</summary>
    private static bool Negated(in TokenView v, int before, int start) =>
        before >= start && (v.Is(before, "no") || v.Is(before, "neither") || v.Is(before, "nor"));

    /// <summary>"the two men who were", "victims who died": a plural antecedent of "who".</summary>
    private static bool PluralBefore(in TokenView v, int i, int start)
    {
        if (i < start || !v.IsWord(i))
            return false;
        var w = v.Chars(i);
        return TokenView.EndsPlural(w)
               || w.Equals("men", StringComparison.OrdinalIgnoreCase) || w.Equals("women", StringComparison.OrdinalIgnoreCase)
               || w.Equals("people", StringComparison.OrdinalIgnoreCase) || w.Equals("children", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>"17-year-old", "2-year-old": a person named by age.</summary>
    private static bool IsAge(in TokenView v, int i) =>
        v.Chars(i).EndsWith("year-old", StringComparison.OrdinalIgnoreCase) || v.Chars(i).EndsWith("month-old", StringComparison.OrdinalIgnoreCase)
        // "an 18-month old", "a 17 year old": written without the second hyphen.
        || i >= 2 && v.Is(i, "old") && (v.Is(i - 1, "year") || v.Is(i - 1, "month")) && (v.Kind(i - 2) == Model.TokenKind.Number || v.IsChar(i - 2, '-'));

    /// <summary>
    /// "him", "himself", "her", "a man", "an off-duty officer", "a 17-year-old", "his wife", "Smith": the last
    /// token of a singular person object, or null.
    /// </summary>
    private int? SingularObject(in TokenView v, int i, int end)
    {
        // An age without an article: "killing 22-year-old Dominique Horton".
        if (i + 2 < end && v.Kind(i) == Model.TokenKind.Number && v.Touches(i) && v.IsChar(i + 1, '-') && v.Touches(i + 1) && IsAge(v, i + 2)
            && !v.Chars(i + 2).EndsWith("s", StringComparison.Ordinal) && !(i + 3 < end && v.Chars(i + 3).EndsWith("s", StringComparison.Ordinal)))
            return i + 2;
        if (i >= end || !v.IsWord(i))
            return null;
        if (v.Is(i, "him") || v.Is(i, "himself") || v.Is(i, "herself") || v.Is(i, "her") && !(i + 1 < end && Role(v, i + 1) == "person"))
            return i;
        // "killing three men and wounding another": one more person, the noun left out.
        if (v.Is(i, "another") && (i + 1 >= end || !v.IsWord(i + 1) || lexicon.IsStop(v.Chars(i + 1))))
            return i;
        if (v.Is(i, "a") || v.Is(i, "an") || v.Is(i, "the") || v.Is(i, "his") || v.Is(i, "her") || v.Is(i, "their") || v.Is(i, "another"))
        {
            for (var k = i + 1; k < Math.Min(end, i + 1 + ObjectReach); k++)
            {
                // "a 15-year-old girl": the age's digits and hyphen belong to the phrase.
                if (v.Kind(k) == Model.TokenKind.Number && v.Touches(k) || v.IsChar(k, '-') && v.Touches(k))
                    continue;
                if (!v.IsWord(k))
                    return null;
                if (IsPersonWord(v, k) || IsAge(v, k) && !(k + 1 < end && v.Chars(k + 1).EndsWith("s", StringComparison.Ordinal)))
                    return k;
            }
            return null;
        }
        // A name: "killing John Smith"; not a day or month ("the shooting Saturday").
        if (v.IsCapitalized(i) && v.Kind(i) == Model.TokenKind.Word
            && !lexicon.Is(v.Chars(i), ContextKind.Weekday | ContextKind.Month))
        {
            var k = i;
            while (k + 1 < end && v.IsCapitalized(k + 1))
                k++;
            // A hospital's name is no person: "taken to Yale-New Haven Hospital and two others".
            return Role(v, k) == "hospital" ? null : k;
        }
        return null;
    }
}
