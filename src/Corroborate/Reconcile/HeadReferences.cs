using System.Collections.Frozen;
using System.Collections.Immutable;
using Corroborate.Model;
using Corroborate.Pipeline;

namespace Corroborate.Reconcile;

/// <summary>
/// An organisation named again by its own kind after the article has named it: "the directorate" after
/// "the Civil Protection Directorate", "the emergency service" after "the National Emergency Service", "the
/// authority" after "the Dunmarrow Port Authority". The kind is a description of <c>descriptions.tsv</c> that is
/// a word of the name itself: "the regulator" names no organisation so (attributions resolve it by sort). The nearest organisation
/// named before it, as far back as an attribution's description looks, that has the word in its name is the one meant. A kind that
/// reports name alone for any body of it ("the hospital", "the police": everyday-institutions.txt) needs a
/// word of the name before it ("the university hospital").
/// </summary>
internal static class HeadReferences
{
    /// <summary>
    /// A kind with a word of its own before it that no organisation named before it in the article fits ("the labour
    /// ministry" in a report that names no ministry): the story's other reports may name the one it stands for.
    /// </summary>
    public sealed record Unresolved(TextSpan Span, string[] Words);

    /// <summary>
    /// The mentions of organisations the article makes by their kind, and the kinds of two words no organisation
    /// the article named before them fits (<see cref="Unresolved"/>).
    /// </summary>
    public static IEnumerable<(EntityMention? Mention, Unresolved? Unresolved)> Read(AnalyzedDocument a, ReconcileLexicon lexicon)
    {
        if (a.Tokens.IsDefault || a.Entities.IsDefault)
            yield break;
        var organisations = a.Entities.Where(e => e.Kind == EntityKind.Organization && e.Name.Contains(' ')).ToList();
        var text = a.Text;
        var tokens = a.Tokens;
        for (var i = 0; i + 1 < tokens.Length; i++)
        {
            if (!IsWord(tokens[i], text, "the"))
                continue;
            // "the emergency service": the kind is the last of one or two lowercase words.
            for (var words = 2; words >= 1; words--)
            {
                var last = i + words;
                if (last >= tokens.Length || !Lowercase(tokens, i + 1, last, text))
                    continue;
                var head = tokens[last].Span.Of(text);
                // A kind that fits by sort ("the company", "the authority") names the organisation too when its name holds the word.
                if (!lexicon.Descriptions.TryGetValue(head, out var fit) || fit.Kind == FitKind.NamedBy && !fit.Words.Contains(head)
                    || words == 1 && lexicon.EverydayInstitutions.Contains(head))
                    continue;
                var start = tokens[i + 1].Span.Start;
                // The mention is the phrase with its article, as a reader names it: "the union", "The chamber".
                var span = new TextSpan(tokens[i].Span.Start, tokens[last].Span.End);
                // A kind that fits by sort names the one its name holds only when no other organisation was named since
                // ("The Lisbon Tram Company was sold to Kessler Holdings … The company said" is Kessler).
                string[] phrase = [.. Enumerable.Range(i + 1, words).Select(k => tokens[k].Span.Of(text))];
                // By sort, the kind must be the name's own ("Port Authority", "Tram Company"), not a word that qualifies
                // another ("the airline" is not the "Airline Pilots' Guild").
                var named = fit.Kind == FitKind.NamedBy
                    ? Nearest(organisations, start, name => Holds(name, phrase))
                    : Nearest(organisations, start, name => Holds(name, phrase) && HeadOf(name).Equals(head, StringComparison.OrdinalIgnoreCase));
                if (named is not null && fit.Kind != FitKind.NamedBy && !ReferenceEquals(named, Nearest(organisations, start)))
                    named = null;
                if (named is null)
                {
                    if (words == 2)
                    {
                        yield return (null, new Unresolved(span, [tokens[i + 1].Span.Of(text), head]));
                        i = last;
                        break;
                    }
                    continue;
                }
                yield return (new EntityMention(span, EntityKind.Organization, named.Name), null);
                i = last;
                break;
            }
            // "the Fund" after "the International Monetary Fund", "the Herald" after "The Tellen Herald": the name's last
            // word capitalized, alone, names the one organisation named before it whose name ends with it.
            if (i + 1 < tokens.Length && tokens[i + 1].Kind == TokenKind.Word && CapitalizedWord(tokens[i + 1].Span.Of(text))
                && !(i + 2 < tokens.Length && tokens[i + 2].Kind == TokenKind.Word && (char.IsUpper(text[tokens[i + 2].Span.Start]) || IsLinkWord(tokens[i + 2], text)))
                && tokens[i + 1].Span.Of(text) is var kind && (lexicon.Descriptions.ContainsKey(kind) || lexicon.OutletWords.Contains(kind.ToLowerInvariant()) || NamedHeads.Contains(kind))
                && Nearest(organisations, tokens[i + 1].Span.Start, name => name.EndsWith(" " + kind, StringComparison.Ordinal)) is { } ending)
            {
                yield return (new EntityMention(new TextSpan(tokens[i].Span.Start, tokens[i + 1].Span.End), EntityKind.Organization, ending.Name), null);
                i++;
            }
        }
    }

    /// <summary>Last words of organisations' names that stand for them alone, capitalized ("the Fund", "the Institute").</summary>
    private static readonly FrozenSet<string> NamedHeads = FrozenSet.ToFrozenSet(
        ["Fund", "Bank", "Institute", "Bureau", "Agency", "Office", "Programme", "Program", "Organization", "Organisation", "Mission", "Alliance", "Coalition", "Party", "League", "Front"], StringComparer.Ordinal);

    /// <summary>"of", "for", "and": the capitalized word opens another name ("the Department of Justice", "the University of Alabama").</summary>
    private static bool IsLinkWord(Token t, string text) => IsWord(t, text, "of") || IsWord(t, text, "for") || IsWord(t, text, "and") || IsWord(t, text, "on");

    /// <summary>A word with a capital and lowercase letters after it: "Fund", not "FUND" or "fund".</summary>
    private static bool CapitalizedWord(string w) => w.Length >= 3 && char.IsUpper(w[0]) && w.Skip(1).All(char.IsLower);

    /// <summary>
    /// The organisation named last before <paramref name="at"/>, as far back as a description looks, among those whose
    /// name <paramref name="fits"/> (any when null).
    /// </summary>
    private static EntityMention? Nearest(List<EntityMention> organisations, int at, Func<string, bool>? fits = null)
    {
        EntityMention? nearest = null;
        foreach (var o in organisations)
            if (o.Span.End <= at && at - o.Span.End <= EntityResolver.DescriptionReach && (nearest is null || o.Span.End > nearest.Span.End)
                && (fits is null || fits(o.Name)))
                nearest = o;
        return nearest;
    }

    /// <summary>The word that names a body's kind: its last ("Port Authority"), or the one before "of" ("Ministry of Health").</summary>
    private static string HeadOf(string name)
    {
        var of = name.IndexOf(" of ", StringComparison.Ordinal);
        var part = of > 0 ? name[..of] : name;
        return part[(part.LastIndexOf(' ') + 1)..];
    }

    /// <summary>The one organisation name among <paramref name="names"/> that holds every word; null for none or several.</summary>
    public static string? OneHolding(IEnumerable<string> names, string[] words)
    {
        string? found = null;
        foreach (var name in names)
        {
            if (!Holds(name, words))
                continue;
            if (found is not null && !found.Equals(name, StringComparison.OrdinalIgnoreCase))
                return null;
            found = name;
        }
        return found;
    }

    /// <summary>Whether every word is a word of the name ("labour ministry" of "Ministry of Labour and Employment").</summary>
    private static bool Holds(string name, string[] words)
    {
        var parts = name.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries);
        return words.All(w => parts.Any(p => p.Equals(w, StringComparison.OrdinalIgnoreCase)));
    }

    private static bool IsWord(Token t, string text, string word) =>
        t.Kind == TokenKind.Word && text.AsSpan(t.Span.Start, t.Span.Length).Equals(word, StringComparison.OrdinalIgnoreCase);

    private static bool Lowercase(ImmutableArray<Token> tokens, int from, int to, string text)
    {
        for (var k = from; k <= to; k++)
            if (tokens[k].Kind != TokenKind.Word || !char.IsLower(text[tokens[k].Span.Start]))
                return false;
        return true;
    }
}
