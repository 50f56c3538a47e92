using System.Collections.Frozen;
using System.Collections.Immutable;
using Corroborate.Model;

namespace Corroborate.Extraction.Entities;

/// <summary>
/// The outlet that publishes a report, where the report names it: its masthead and copyright line ("THE HARWICK
/// COURIER", "© The Harwick Courier") and the short form its own reporters use ("told the Courier", "the Courier
/// understands"), as mentions of one organisation. Only an outlet written as a name ("The Harwick Courier", not
/// "harwickcourier.com"); the short form is the name's last word when it is a word of outlets' names
/// (data/en/outlet-words.txt) written capitalized after "the", and a news agency's first word where it is credited
/// ("told Lodestar", "Lodestar reported" for "Lodestar Press Agency"). Pure; thread-safe.
/// </summary>
internal static class OutletMentions
{
    /// <summary>Longest outlet name read, in characters.</summary>
    private const int MaxName = 80;

    public static ImmutableArray<EntityMention> Add(string text, string? outlet, ImmutableArray<EntityMention> mentions, FrozenSet<string> outletWords)
    {
        if (outlet is null || outlet.Length is 0 or > MaxName || !IsName(outlet))
            return mentions;
        // A masthead in capitals names it as the text writes it: "THE KALDEN GAZETTE" is "the Gazette" in its prose.
        if (!outlet.Any(char.IsLower))
            outlet = string.Join(' ', outlet.Split(' ').Select(w => w.Length >= 4 && w.All(char.IsLetter) ? w[0] + w[1..].ToLowerInvariant() : w));
        var name = outlet.StartsWith("The ", StringComparison.OrdinalIgnoreCase) ? outlet[4..] : outlet;
        var found = new List<EntityMention>();
        // Written as a name: "THE KALDEN GAZETTE", "The Independent"; not "an independent inquiry".
        foreach (var span in Occurrences(text, outlet, StringComparison.OrdinalIgnoreCase).Where(s => Capitalized(text, s)))
            found.Add(new EntityMention(span, EntityKind.Organization, name));
        if (!outlet.Equals(name, StringComparison.Ordinal))
            foreach (var span in Occurrences(text, name, StringComparison.OrdinalIgnoreCase).Where(s => Capitalized(text, s)))
                if (!found.Any(f => f.Span.Start <= span.Start && span.End <= f.Span.End))
                    found.Add(new EntityMention(span, EntityKind.Organization, name));
        var head = name[(name.LastIndexOf(' ') + 1)..];
        if (head.Length < name.Length && outletWords.Contains(head))
        {
            foreach (var span in Occurrences(text, head, StringComparison.Ordinal))
                if (Preceded(text, span.Start, "the ") && !found.Any(f => f.Span.Start <= span.Start && span.End <= f.Span.End))
                    found.Add(new EntityMention(span, EntityKind.Organization, name));
        }
        // A news agency is credited by its first word: "told Lodestar by telephone" for "Lodestar Press Agency".
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length >= 2 && words[^1] is "Agency" or "Wire" && words[0].Length >= 4 && !outletWords.Contains(words[0]) && words[0].Skip(1).All(char.IsLower))
        {
            foreach (var span in Occurrences(text, words[0], StringComparison.Ordinal))
                if (Credited(text, span) && !found.Any(f => f.Span.Start <= span.Start && span.End <= f.Span.End))
                    found.Add(new EntityMention(span, EntityKind.Organization, name));
        }
        var added = found.Where(f => !mentions.Any(m => m.Span.Start < f.Span.End && f.Span.Start < m.Span.End)).ToList();
        return added.Count == 0 ? mentions : [.. mentions.Concat(added).OrderBy(m => m.Span.Start).ThenBy(m => m.Span.End)];
    }

    /// <summary>
    /// Whether the word stands where an agency is credited: "told Lodestar", "to Lodestar", "(Lodestar)", "Lodestar reported";
    /// not "Saudi-led", "Korean officials" or "Lodestar Markets Daily".
    /// </summary>
    private static bool Credited(string text, TextSpan span)
    {
        var before = text.AsSpan(0, span.Start).TrimEnd();
        var after = text.AsSpan(span.End);
        if (after.Length > 0 && after[0] == '-' || after.Length > 1 && after[0] == ' ' && char.IsUpper(after[1]))
            return false;
        return before.EndsWith("told", StringComparison.Ordinal) || before.EndsWith(" to", StringComparison.Ordinal) || before.EndsWith('(')
               || after.StartsWith(")", StringComparison.Ordinal) || after.StartsWith(" reported", StringComparison.Ordinal) || after.StartsWith(" reports", StringComparison.Ordinal)
               || after.StartsWith(" said", StringComparison.Ordinal) || after.StartsWith(" says", StringComparison.Ordinal);
    }

    /// <summary>Words of letters and digits, each opening with a capital or a digit ("VTV24 News", "The Harwick Courier").</summary>
    private static bool IsName(string outlet)
    {
        foreach (var word in outlet.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!(char.IsUpper(word[0]) || char.IsDigit(word[0])) && word is not ("&" or "of" or "and"))
                return false;
            foreach (var c in word)
                if (!(char.IsLetterOrDigit(c) || c is '&' or '\'' or '’' or '-'))
                    return false;
        }
        return true;
    }

    /// <summary>Every word of the span opens with a capital or a digit, as a name's do ("of" and "and" apart: "Voice of America").</summary>
    private static bool Capitalized(string text, TextSpan span)
    {
        foreach (var word in text[span.Start..span.End].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            if (char.IsLetter(word[0]) && !char.IsUpper(word[0]) && word is not ("of" or "and"))
                return false;
        return true;
    }

    /// <summary>Where the text writes <paramref name="form"/> as whole words.</summary>
    private static IEnumerable<TextSpan> Occurrences(string text, string form, StringComparison comparison)
    {
        for (var at = text.IndexOf(form, comparison); at >= 0; at = text.IndexOf(form, at + form.Length, comparison))
        {
            var end = at + form.Length;
            if ((at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end])))
                yield return new TextSpan(at, end);
        }
    }

    private static bool Preceded(string text, int at, string word) =>
        at >= word.Length && text.AsSpan(at - word.Length, word.Length).Equals(word, StringComparison.OrdinalIgnoreCase)
        && (at == word.Length || !char.IsLetter(text[at - word.Length - 1]));
}
