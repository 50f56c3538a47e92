using System.Collections.Frozen;
using System.Collections.Immutable;
using Corroborate.Extraction.Quantities;
using Corroborate.Model;

namespace Corroborate.Extraction.Entities;

/// <summary>
/// Roles written beside a name rather than before it: "Priya Desai, a telecoms analyst at Hallam
/// Brothers," (after), "the company's chief executive, Neil Garside," (before). The role is a short
/// lowercase phrase that ends with an occupation ("analyst", "chief executive") or holds one before
/// "of" ("head of threat research"). Pure; thread-safe.
/// </summary>
internal static class AppositiveRoles
{
    private const int MaxWords = 6;
    private static readonly FrozenSet<string> Verbs = FrozenSet.ToFrozenSet(
        ["is", "was", "are", "were", "has", "had", "have", "will", "would", "can", "could", "may", "might", "also", "then", "not"], StringComparer.Ordinal);
    private static readonly FrozenSet<string> Boundaries = FrozenSet.ToFrozenSet(
        ["at", "for", "with", "who", "whose", "which", "in", "from", "on", "to", "and", "as", "said", "says", "told", "since", "until"], StringComparer.Ordinal);

    /// <summary>The mentions with the roles found beside people that have none.</summary>
    public static ImmutableArray<EntityMention> Fill(string text, ImmutableArray<Token> tokens, IReadOnlyList<EntityMention> mentions, FrozenSet<string> occupations)
    {
        var v = new TokenView(text, tokens);
        var result = ImmutableArray.CreateBuilder<EntityMention>(mentions.Count);
        foreach (var m in mentions)
        {
            if (m.Kind != EntityKind.Person || m.Role is not null || !m.Name.Contains(' ', StringComparison.Ordinal))
            {
                result.Add(m);
                continue;
            }
            var role = After(v, m.Span, occupations) ?? Before(v, TitledStart(v, m), occupations);
            result.Add(role is null ? m : m with { Role = role });
        }
        return result.MoveToImmutable();
    }

    /// <summary>
    /// The span of the name with the honorific or title written right before it ("the medical director, Dr Hanna Oswick,"):
    /// a role set off before the name stands before them.
    /// </summary>
    private static TextSpan TitledStart(in TokenView v, EntityMention m)
    {
        if (m.Honorific is null && m.Title is null)
            return m.Span;
        var written = $"{m.Honorific} {m.Title}".Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.TrimEnd('.')).ToArray();
        var k = v.FirstAtOrAfter(m.Span.Start) - 1;
        var start = m.Span.Start;
        for (; k >= 0 && m.Span.Start - v.Start(k) <= 40; k--)
        {
            if (v.IsChar(k, '.') && k > 0 && v.End(k - 1) == v.Start(k))
                continue; // "Dr." and "Col." end with a point
            if (!v.IsWord(k) || !written.Contains(v.Chars(k).ToString().TrimEnd('.'), StringComparer.Ordinal))
                break;
            start = v.Start(k);
        }
        return new TextSpan(start, m.Span.End);
    }

    /// <summary>", a telecoms analyst at …", ", head of threat research at …", ", a partner at …".</summary>
    private static string? After(in TokenView v, TextSpan name, FrozenSet<string> occupations)
    {
        var k = v.FirstAtOrAfter(name.End);
        if (k >= v.Count || !v.IsChar(k, ','))
            return null;
        k++;
        // "Tomas Reddle, who runs the Plough in Ebberstone,": what a person runs, owns or heads is their role.
        if (k + 2 < v.Count && v.Is(k, "who") && Word(v, k + 1) is "runs" or "owns" or "manages" or "heads" or "leads" or "chairs" or "co-owns" or "founded")
        {
            var end = k + 2;
            while (end < v.Count && end - (k + 1) < MaxWords && v.IsWord(end) && !Verbs.Contains(Word(v, end)))
                end++;
            return end > k + 2 && (end >= v.Count || v.IsChar(end, ',') || IsSentenceEnd(v, end)) ? v.Slice(k + 1, end - 1) : null;
        }
        // "Ida Renn, 38, a schoolteacher,": past the age.
        if (k + 1 < v.Count && v.Kind(k) == TokenKind.Number && v.IsChar(k + 1, ','))
            k += 2;
        var determined = k < v.Count && v.IsWord(k) && Word(v, k) is "a" or "an" or "the" or "our" or "his" or "her" or "their" or "its";
        if (determined)
            k++;
        // "Hamid Oster, a 31-year-old ironing operator": past the age, written as one word with the figure.
        if (determined && k < v.Count && v.Kind(k) == TokenKind.Number)
        {
            var age = k;
            while (age + 1 < v.Count && v.Touches(age))
                age++;
            if (age > k && v.Chars(age).EndsWith("old", StringComparison.OrdinalIgnoreCase))
                k = age + 1;
        }
        // A clause, not a phrase: "Jason Weiland, is a detective", "Ravion Alford, accompanied by a family member"
        // (after a determiner "-ed" is an adjective: "a retired firefighter").
        if (k >= v.Count || !v.IsWord(k) || Verbs.Contains(Word(v, k))
            || !determined && Word(v, k).EndsWith("ed", StringComparison.Ordinal))
            return null;
        var first = k;
        var last = -1;
        var ofSeen = false;
        // Capitalized words only before the first lowercase one: "the Pemberton Clyde partner", "Chief Executive of …".
        var lowerSeen = false;
        while (k < v.Count && k - first < MaxWords && v.IsWord(k))
        {
            var w = Word(v, k).ToLowerInvariant();
            if (IsLower(v, k))
                lowerSeen = true;
            else if (lowerSeen || ofSeen)
                break; // "commander of the Ninth Precinct": the role ends before the name
            if (Boundaries.Contains(w))
                break;
            // "Kevin Ahles, put his son in the car": an owner inside a phrase with no determiner is a clause's object.
            if (!determined && k > first && !ofSeen && w is "his" or "her" or "their" or "its" or "my" or "our" or "your")
                return null;
            if (w == "of")
            {
                // "head of threat research": "of" goes on only after an occupation.
                if (last != k - 1 || ofSeen)
                    break;
                ofSeen = true;
            }
            else if (occupations.Contains(w) || ofSeen && w is not ("the" or "a" or "an"))
                last = k;
            k++;
        }
        // The phrase must end where the role does: at punctuation, a boundary word or a participle ("the partner
        // leading the case"), not in the middle of a clause.
        if (last < 0 || last + 1 < v.Count && v.IsWord(last + 1) && !EndsRole(Word(v, last + 1)))
            return null;
        return v.Slice(first, last);
    }

    private static bool EndsRole(string word) =>
        Boundaries.Contains(word) || word == "of" || word.Length > 4 && (word.EndsWith("ing", StringComparison.Ordinal) || word.EndsWith("ed", StringComparison.Ordinal));

    /// <summary>
    /// "the company's chief executive, Neil Garside,", "A company spokesman, Neil Garrity,", and with no comma
    /// "her brother, forklift operator Luis Ocampo", "Council member Janet Pryce".
    /// </summary>
    private static string? Before(in TokenView v, TextSpan name, FrozenSet<string> occupations)
    {
        var k = v.FirstAtOrAfter(name.Start) - 1;
        if (k < 0)
            return null;
        var comma = v.IsChar(k, ',');
        var last = comma ? k - 1 : k;
        if (last < 0)
            return null;
        // "a spokeswoman for the coalition, Lena Voss,", "the Minister of Agriculture, Jorge Alves,": the
        // occupation and what it is of or for.
        if (comma && v.IsWord(last) && !occupations.Contains(Word(v, last).ToLowerInvariant()))
        {
            for (var o = last - 1; o > 0 && last - o < MaxWords; o--)
            {
                if (!v.IsWord(o) || Word(v, o) is "said" or "says" or "told")
                    return null;
                if (Word(v, o) is "for" or "of" or "at" && occupations.Contains(Word(v, o - 1).ToLowerInvariant()))
                {
                    var head = o - 1;
                    while (head - 1 >= 0 && o - head < 3 && v.IsWord(head - 1) && IsLower(v, head - 1) && !IsOwner(Word(v, head - 1))
                        && !Boundaries.Contains(Word(v, head - 1)) && !IsVerbLike(Word(v, head - 1)))
                        head--;
                    // The owner opens the sentence or follows a speech verb ("said the Minister of Agriculture, …"), not
                    // a verb or preposition ("After meeting the minister of agriculture, Jane Doe told …").
                    var owner = head - 1;
                    return owner >= 0 && IsOwner(Word(v, owner))
                        && (owner == 0 || IsSentenceEnd(v, owner - 1) || !v.IsWord(owner - 1) || Word(v, owner - 1) is "said" or "says" or "told")
                        ? v.Slice(head, last)
                        : null;
                }
            }
            return null;
        }
        if (!v.IsWord(last) || !occupations.Contains(Word(v, last).ToLowerInvariant()))
            return null;
        // Written before the name with no comma, the occupation is lowercase ("forklift operator"; a capitalized
        // title before a name, "Fire Chief", is the recognizer's).
        if (!comma && !IsLower(v, last))
            return null;
        var first = last;
        // With no comma, at most one modifier and no verb or adverb in it: "forklift operator Luis Ocampo", not
        // "the suspect also shot nurse Jane Doe" or "Police arrested teacher John Smith".
        var most = comma ? MaxWords : 2;
        while (first - 1 >= 0 && last - first + 1 < most && v.IsWord(first - 1) && !IsOwner(Word(v, first - 1))
            && !Boundaries.Contains(Word(v, first - 1))
            && (comma || !IsVerbLike(Word(v, first - 1)))
            && (IsLower(v, first - 1) || !comma && (first - 1 == 0 || IsSentenceEnd(v, first - 2))))
            first--;
        if (comma)
        {
            // The body it serves may stand capitalized before it: "A Brightloom spokeswoman, Kerra Linde,".
            var named = first;
            while (named - 1 > 0 && first - named < 3 && v.IsWord(named - 1) && v.IsCapitalized(named - 1) && !IsOwner(Word(v, named - 1)))
                named--;
            if (named < first && named > 0 && IsOwner(Word(v, named - 1)))
                first = named;
            // Owned or determined: "Ashcombe's chief executive", "the chief executive", "a company spokesman".
            if (first == 0 || !IsOwner(Word(v, first - 1)))
                return null;
        }
        // With no comma the phrase follows a comma, an owner or a speech verb, or opens the text ("Council member Janet Pryce").
        else if (first > 0 && !v.IsChar(first - 1, ',') && !IsOwner(Word(v, first - 1)) && !Boundaries.Contains(Word(v, first - 1))
            && !IsSentenceEnd(v, first - 1))
            return null;
        return v.Slice(first, last);
    }

    private static bool IsVerbLike(string word) =>
        Verbs.Contains(word) || word.EndsWith("ed", StringComparison.Ordinal) || word.EndsWith("ly", StringComparison.Ordinal);

    private static bool IsOwner(string word) =>
        word is "the" or "The" or "a" or "A" or "an" or "An" or "its" or "Its" or "their" or "Their" or "his" or "His" or "her" or "Her"
            or "my" or "My" or "our" or "Our" or "your" or "Your" || word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("’s", StringComparison.Ordinal);

    private static bool IsSentenceEnd(in TokenView v, int i) => v.Span(i).Length == 1 && v.Text[v.Start(i)] is '.' or '!' or '?' or '"' or '”' or '\n';

    private static string Word(in TokenView v, int i) => v.Chars(i).ToString();

    private static bool IsLower(in TokenView v, int i) => char.IsLower(v.Text[v.Start(i)]);
}
