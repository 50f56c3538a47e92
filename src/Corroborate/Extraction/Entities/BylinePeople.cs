using System.Collections.Frozen;
using System.Collections.Immutable;
using Corroborate.Extraction.Quantities;
using Corroborate.Model;

namespace Corroborate.Extraction.Entities;

/// <summary>
/// The people a page names in its byline and credit lines, which the recognizer does not read (they are furniture,
/// not prose): "By Karel Ondrasz and Nadia Fell", "(Reporting by Jonas Kettle in Carrick Falls; Editing by Ruth
/// Amadi)", "By Tove Ahlgren, Staff Reporter". A name is two to four capitalized words, none a title, an occupation
/// or a word of outlets' names ("Senior Editor", "VTV24 News", "Meridian Press Agency" are none), not after "in",
/// "at" or "from"; its role is "editor" after "editing by", else "reporter". Pure; thread-safe.
/// </summary>
internal static class BylinePeople
{
    private const int MinWords = 2;
    private const int MaxWords = 4;

    public static ImmutableArray<EntityMention> Add(string text, ImmutableArray<Token> tokens, ImmutableArray<Furniture> furniture,
        ImmutableArray<EntityMention> mentions, EntityLexicon lexicon, FrozenSet<string> outletWords)
    {
        if (furniture.IsDefaultOrEmpty || tokens.IsDefaultOrEmpty)
            return mentions;
        var v = new TokenView(text, tokens);
        var found = new List<EntityMention>();
        foreach (var line in furniture)
        {
            if (line.Kind is not (FurnitureKind.Byline or FurnitureKind.Credit or FurnitureKind.SignOff))
                continue;
            var role = "reporter";
            for (var k = v.FirstAtOrAfter(line.Span.Start); k < v.Count && v.End(k) <= line.Span.End;)
            {
                if (v.IsChar(k, ';') || v.IsChar(k, '('))
                    role = "reporter";
                if (v.Is(k, "editing") || v.Is(k, "edited"))
                    role = "editor";
                if (v.Is(k, "by"))
                {
                    k++;
                    continue;
                }
                var end = k;
                while (end < v.Count && v.End(end) <= line.Span.End && end - k < MaxWords + 1 && v.IsWord(end) && v.IsCapitalized(end))
                {
                    // "KTLA's Nidia Becerra": the outlet's possessive opens the name after it.
                    if (v.Chars(end).EndsWith("'s", StringComparison.Ordinal) || v.Chars(end).EndsWith("’s", StringComparison.Ordinal))
                        k = end + 1;
                    end++;
                }
                if (end - k >= MinWords && end - k <= MaxWords && !(k > 0 && (v.Is(k - 1, "in") || v.Is(k - 1, "at") || v.Is(k - 1, "from")))
                    && IsName(v, k, end, lexicon, outletWords))
                    found.Add(new EntityMention(new TextSpan(v.Start(k), v.End(end - 1)), EntityKind.Person, v.Slice(k, end - 1), RoleAfter(v, end, line.Span.End, lexicon) ?? role));
                k = Math.Max(end, k + 1);
            }
        }
        var added = found.Where(f => !mentions.Any(m => m.Span.Start < f.Span.End && f.Span.Start < m.Span.End)).ToList();
        return added.Count == 0 ? mentions : [.. mentions.Concat(added).OrderBy(m => m.Span.Start).ThenBy(m => m.Span.End)];
    }

    /// <summary>"…, Transport Correspondent", "…, VTV1 correspondent in Brenn", "…, Senior Editor": the role written after the name.</summary>
    private static string? RoleAfter(in TokenView v, int comma, int lineEnd, EntityLexicon lexicon)
    {
        if (comma >= v.Count || !v.IsChar(comma, ','))
            return null;
        string? role = null;
        for (var k = comma + 1; k < v.Count && v.End(k) <= lineEnd && k - comma <= MaxWords && v.IsWord(k) && !v.Is(k, "in") && !v.Is(k, "and"); k++)
        {
            var word = v.Chars(k).ToString();
            if (lexicon.Occupations.Contains(word.ToLowerInvariant()) || lexicon.Titles.ContainsKey(word))
                role = v.Slice(comma + 1, k);
        }
        return role;
    }

    private static bool IsName(in TokenView v, int first, int end, EntityLexicon lexicon, FrozenSet<string> outletWords)
    {
        // A word in capitals among others that are not is a station's call letters ("KOAT Action").
        var capitals = 0;
        for (var k = first; k < end; k++)
            if (v.Chars(k).TrimEnd('.').Length > 1 && !v.Chars(k).ContainsAnyInRange('a', 'z'))
                capitals++;
        if (capitals > 0 && capitals < end - first)
            return false;
        for (var k = first; k < end; k++)
        {
            var word = v.Chars(k).ToString();
            var lower = word.ToLowerInvariant();
            // As written and in capitals too: "BY THE ASSOCIATED PRESS" names no one.
            var titled = word.Length > 1 ? char.ToUpperInvariant(word[0]) + lower[1..] : word;
            if (lower is "the" or "a" or "an" || word.Any(char.IsDigit) || lexicon.Titles.ContainsKey(word) || lexicon.Occupations.Contains(lower)
                || Listed(word) || Listed(titled))
                return false;
        }
        return true;

        bool Listed(string w) => outletWords.Contains(w) || lexicon.NotNames.Contains(w) || lexicon.OrganizationHeads.Contains(w);
    }
}
