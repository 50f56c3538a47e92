using System.Collections.Frozen;
using System.Collections.Immutable;
using Corroborate.Extraction.Quantities;
using Corroborate.Model;

namespace Corroborate.Extraction.Entities;

/// <summary>
/// The title a person's name is written with, as written, where it holds more than the role: the body the role
/// serves and the rank after it ("Interior Ministry spokeswoman Lena Sarkis", "CRM spokesman Felix Aumont",
/// "Defence ministry spokesman Colonel Ivo Brannick", "Halvard's Foreign Minister Ingrid Solberre"). It is one of
/// the forms a reader meets the person by. Read right to left from the name: title and occupation words, the
/// organisations and places named before them, acronyms, and a possessive that opens the phrase. Pure; thread-safe.
/// </summary>
internal static class WrittenTitles
{
    /// <summary>Tokens a title runs over at most.</summary>
    private const int MaxTokens = 8;

    /// <summary>The mentions, each person's with the title written before its name when that says more than its role.</summary>
    public static ImmutableArray<EntityMention> Fill(string text, ImmutableArray<Token> tokens, ImmutableArray<EntityMention> mentions, EntityLexicon lexicon)
    {
        var v = new TokenView(text, tokens);
        var builder = ImmutableArray.CreateBuilder<EntityMention>(mentions.Length);
        foreach (var m in mentions)
            builder.Add(m.Kind == EntityKind.Person && Title(v, m, mentions, lexicon) is { } title ? m with { Title = title } : m);
        return builder.MoveToImmutable();
    }

    private static string? Title(in TokenView v, EntityMention person, ImmutableArray<EntityMention> mentions, EntityLexicon lexicon)
    {
        var name = v.FirstAtOrAfter(person.Span.Start);
        var start = name;
        var titled = false;
        for (var k = name - 1; k >= 0 && name - k <= MaxTokens && v.IsWord(k);)
        {
            var word = v.Chars(k);
            if (IsTitleWord(word, lexicon))
            {
                titled = true;
                start = k--;
            }
            // "Secretary of State": "of" inside a title, after its head.
            else if (titled && word is "of" && k > 0 && v.IsWord(k - 1) && IsTitleWord(v.Chars(k - 1), lexicon))
                start = k--;
            else if (titled && OrganisationEndingAt(v, k, mentions) is { } named)
            {
                start = named;
                k = named - 1;
            }
            // "CRM spokesman", "Korrin teacher", "Defence ministry spokesman": the body or the place before the role.
            else if (titled && (v.IsCapitalized(k) && !lexicon.NotNames.Contains(word.ToString()) || IsOrganisationHead(word, lexicon)))
            {
                start = k--;
                // "Halvard's Foreign Minister": a possessive opens the phrase.
                if (word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("’s", StringComparison.Ordinal))
                    break;
            }
            else
                break;
        }
        if (!titled || start == name)
            return null;
        var title = v.Text[v.Start(start)..v.End(name - 1)];
        // Nothing more than the role or honorific the recognizer read.
        return title == person.Role || title == person.Honorific || !title.Contains(' ', StringComparison.Ordinal) ? null : title;
    }

    /// <summary>"ministry" in "Defence ministry spokesman": the kind of body, written in lowercase.</summary>
    private static bool IsOrganisationHead(ReadOnlySpan<char> word, EntityLexicon lexicon) =>
        char.IsLower(word[0]) && lexicon.OrganizationHeads.Contains(string.Concat(char.ToUpperInvariant(word[0]).ToString(), word[1..]));

    private static bool IsTitleWord(ReadOnlySpan<char> word, EntityLexicon lexicon)
    {
        var w = word.ToString();
        return lexicon.Titles.ContainsKey(w) || char.IsLower(word[0]) && lexicon.Occupations.Contains(w);
    }

    /// <summary>The first token of an organisation or place mention that ends at token <paramref name="k"/>, if any.</summary>
    private static int? OrganisationEndingAt(in TokenView v, int k, ImmutableArray<EntityMention> mentions)
    {
        var end = v.End(k);
        foreach (var m in mentions)
            if (m.Span.End == end && m.Kind is EntityKind.Organization or EntityKind.Place)
                return v.FirstAtOrAfter(m.Span.Start);
        return null;
    }
}
