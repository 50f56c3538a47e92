using System.Collections.Frozen;
using System.Collections.Immutable;
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
        ["at", "for", "with", "who", "whose", "which", "in", "from", "on", "to", "and", "said", "says", "told", "since", "until"], StringComparer.Ordinal);

    /// <summary>The mentions with the roles found beside people that have none.</summary>
    public static ImmutableArray<EntityMention> Fill(string text, ImmutableArray<Token> tokens, IReadOnlyList<EntityMention> mentions, FrozenSet<string> occupations)
    {
        var result = ImmutableArray.CreateBuilder<EntityMention>(mentions.Count);
        foreach (var m in mentions)
        {
            if (m.Kind != EntityKind.Person || m.Role is not null || !m.Name.Contains(' ', StringComparison.Ordinal))
            {
                result.Add(m);
                continue;
            }
            var role = After(text, tokens, m.Span, occupations) ?? Before(text, tokens, m.Span, occupations);
            result.Add(role is null ? m : m with { Role = role });
        }
        return result.MoveToImmutable();
    }

    /// <summary>", a telecoms analyst at …", ", head of threat research at …", ", a partner at …".</summary>
    private static string? After(string text, ImmutableArray<Token> tokens, TextSpan name, FrozenSet<string> occupations)
    {
        var k = FirstAtOrAfter(tokens, name.End);
        if (k >= tokens.Length || !IsChar(text, tokens[k], ','))
            return null;
        k++;
        var determined = k < tokens.Length && IsWordToken(tokens[k]) && Word(text, tokens[k]) is "a" or "an" or "the" or "our" or "his" or "her" or "their" or "its";
        if (determined)
            k++;
        // A clause, not a phrase: "Jason Weiland, is a detective", "Ravion Alford, accompanied by a family member"
        // (after a determiner "-ed" is an adjective: "a retired firefighter").
        if (k >= tokens.Length || !IsWordToken(tokens[k]) || Verbs.Contains(Word(text, tokens[k]))
            || !determined && Word(text, tokens[k]).EndsWith("ed", StringComparison.Ordinal))
            return null;
        var first = k;
        var last = -1;
        var ofSeen = false;
        // Capitalized words only before the first lowercase one: "the Pemberton Clyde partner", "Chief Executive of …".
        var lowerSeen = false;
        while (k < tokens.Length && k - first < MaxWords && IsWordToken(tokens[k]))
        {
            var w = Word(text, tokens[k]).ToLowerInvariant();
            if (char.IsLower(text[tokens[k].Span.Start]))
                lowerSeen = true;
            else if (lowerSeen || ofSeen)
                break; // "commander of the Ninth Precinct": the role ends before the name
            if (Boundaries.Contains(w))
                break;
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
        if (last < 0 || last + 1 < tokens.Length && IsWordToken(tokens[last + 1]) && !EndsRole(Word(text, tokens[last + 1])))
            return null;
        return text[tokens[first].Span.Start..tokens[last].Span.End];
    }

    private static bool EndsRole(string word) =>
        Boundaries.Contains(word) || word == "of" || word.Length > 4 && (word.EndsWith("ing", StringComparison.Ordinal) || word.EndsWith("ed", StringComparison.Ordinal));

    /// <summary>
    /// "the company's chief executive, Neil Garside,", "A company spokesman, Neil Garrity,", and with no comma
    /// "her brother, forklift operator Luis Ocampo", "Council member Janet Pryce".
    /// </summary>
    private static string? Before(string text, ImmutableArray<Token> tokens, TextSpan name, FrozenSet<string> occupations)
    {
        var k = FirstAtOrAfter(tokens, name.Start) - 1;
        if (k < 0)
            return null;
        var comma = IsChar(text, tokens[k], ',');
        var last = comma ? k - 1 : k;
        if (last < 0)
            return null;
        if (!IsWordToken(tokens[last]) || !occupations.Contains(Word(text, tokens[last]).ToLowerInvariant()))
            return null;
        // Written before the name with no comma, the occupation is lowercase ("forklift operator"; a capitalized
        // title before a name, "Fire Chief", is the recognizer's).
        if (!comma && !char.IsLower(text[tokens[last].Span.Start]))
            return null;
        var first = last;
        // With no comma, at most one modifier and no verb or adverb in it: "forklift operator Luis Ocampo", not
        // "the suspect also shot nurse Jane Doe" or "Police arrested teacher John Smith".
        var most = comma ? MaxWords : 2;
        while (first - 1 >= 0 && last - first + 1 < most && IsWordToken(tokens[first - 1]) && !IsOwner(Word(text, tokens[first - 1]))
            && !Boundaries.Contains(Word(text, tokens[first - 1]))
            && (comma || !IsVerbLike(Word(text, tokens[first - 1])))
            && (char.IsLower(text[tokens[first - 1].Span.Start]) || !comma && (first - 1 == 0 || IsSentenceEnd(text, tokens[first - 2]))))
            first--;
        if (comma)
        {
            // Owned or determined: "Ashcombe's chief executive", "the chief executive", "a company spokesman".
            if (first == 0 || !IsOwner(Word(text, tokens[first - 1])))
                return null;
        }
        // With no comma the phrase follows a comma, an owner or a speech verb, or opens the text ("Council member Janet Pryce").
        else if (first > 0 && !IsChar(text, tokens[first - 1], ',') && !IsOwner(Word(text, tokens[first - 1])) && !Boundaries.Contains(Word(text, tokens[first - 1]))
            && !IsSentenceEnd(text, tokens[first - 1]))
            return null;
        return text[tokens[first].Span.Start..tokens[last].Span.End];
    }

    private static bool IsVerbLike(string word) =>
        Verbs.Contains(word) || word.EndsWith("ed", StringComparison.Ordinal) || word.EndsWith("ly", StringComparison.Ordinal);

    private static bool IsOwner(string word) =>
        word is "the" or "The" or "a" or "A" or "an" or "An" or "its" or "their" or "his" or "her" || word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("’s", StringComparison.Ordinal);

    private static bool IsSentenceEnd(string text, Token t) => t.Span.Length == 1 && text[t.Span.Start] is '.' or '!' or '?' or '"' or '”' or '\n';

    private static int FirstAtOrAfter(ImmutableArray<Token> tokens, int position)
    {
        int lo = 0, hi = tokens.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (tokens[mid].Span.Start < position)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo;
    }

    private static bool IsWordToken(Token t) => t.Kind is TokenKind.Word or TokenKind.Abbreviation;

    private static bool IsChar(string text, Token t, char c) => t.Span.Length == 1 && text[t.Span.Start] == c;

    private static string Word(string text, Token t) => text.Substring(t.Span.Start, t.Span.Length);
}
