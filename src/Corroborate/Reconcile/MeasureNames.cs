using Corroborate.Model;

namespace Corroborate.Reconcile;

/// <summary>
/// A figure's subject with the names of its story's organisations and people written as their entities, so that
/// "the DAC had 41.4%" and "the Democratic Alliance for Change won 42.7 per cent" measure one thing and the UNP's share
/// another. Immutable once built; thread-safe.
/// </summary>
internal sealed class MeasureNames
{
    private static readonly char[] Separators = [' ', '-'];

    /// <summary>Each story's names and aliases as lowercase words, by first word, longest first, with their entity's id.</summary>
    private readonly Dictionary<(string Story, string First), List<(string[] Words, string Id)>> _names = [];

    public MeasureNames(EntityResolver entities, IEnumerable<MentionRecord> mentions)
    {
        var storyOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var m in mentions)
            storyOf.TryAdd(m.Doc, m.Story);
        foreach (var e in entities.Entities)
        {
            if (e.Kind is not (EntityKind.Organization or EntityKind.Person) || e.Mentions.IsDefaultOrEmpty || !storyOf.TryGetValue(e.Mentions[0].Doc, out var story))
                continue;
            foreach (var name in e.Aliases.Prepend(e.Name).Where(n => n.Any(char.IsUpper)))
            {
                var words = Words(name);
                // "The union" is a kind, not a name: "European Union tariffs" are not the dockers' union's.
                if (words.Length == 0 || !Words(name, lower: false).Any(w => char.IsUpper(w[0])))
                    continue;
                if (!_names.TryGetValue((story, words[0]), out var list))
                    _names[(story, words[0])] = list = [];
                list.Add((words, e.Id));
            }
        }
        foreach (var list in _names.Values)
            list.Sort((a, b) => b.Words.Length.CompareTo(a.Words.Length));
    }

    /// <summary>The subject with each name of the story's entities written "Entity" and the id; null when it names none.</summary>
    public string? Measure(string story, string? subject)
    {
        if (subject is null || !subject.Any(char.IsUpper))
            return null;
        var words = Words(subject);
        // The subject's own words keep their case: the grouping tells counts apart by their capitalized qualifiers.
        var written = Words(subject, lower: false);
        var output = new List<string>(words.Length);
        var changed = false;
        for (var i = 0; i < words.Length;)
        {
            var matched = 0;
            if (_names.TryGetValue((story, words[i]), out var list))
                foreach (var (name, id) in list)
                    if (i + name.Length <= words.Length && name.AsSpan().SequenceEqual(words.AsSpan(i, name.Length)))
                    {
                        output.Add("Entity" + id);
                        matched = name.Length;
                        break;
                    }
            if (matched == 0)
            {
                output.Add(written.Length == words.Length ? written[i] : words[i]);
                i++;
                continue;
            }
            changed = true;
            i += matched;
        }
        return changed ? string.Join(' ', output) : null;
    }

    /// <summary>The name's words (lowercase unless told otherwise), a leading article and possessive endings dropped.</summary>
    private static string[] Words(string name, bool lower = true)
    {
        var words = (lower ? name.ToLowerInvariant() : name).Replace('’', '\'').Split(Separators, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.EndsWith("'s", StringComparison.Ordinal) ? w[..^2] : w.Trim('(', ')', ',', '.', '"')).Where(w => w.Length > 0).ToArray();
        return words.Length > 1 && words[0].Equals("the", StringComparison.OrdinalIgnoreCase) ? words[1..] : words;
    }
}
