using System.Collections.Immutable;

namespace Corroborate.Reconcile;

/// <summary>
/// The words that turn a report to another story ("In other business", "Elsewhere", "In football",
/// "… said separately"), from data/en/reconcile/topic-shifts.txt. Phrases are kept as the hashes of
/// their lowercase words, the form <see cref="OffTopicFinder"/> reads a paragraph in, so a check
/// allocates nothing. Immutable; thread-safe (string hashes are fixed for the process).
/// </summary>
public sealed class TopicShifts
{
    private readonly ImmutableArray<ImmutableArray<int>> _openers;
    private readonly ImmutableArray<ImmutableArray<int>> _anywhere;

    private TopicShifts(ImmutableArray<ImmutableArray<int>> openers, ImmutableArray<ImmutableArray<int>> anywhere)
    {
        _openers = openers;
        _anywhere = anywhere;
    }

    /// <summary>The cues of lines like "in other news" (an opening phrase) and "~said separately" (a phrase anywhere in the first sentence).</summary>
    public static TopicShifts Parse(IEnumerable<(string Line, int Number)> lines, string source)
    {
        var openers = ImmutableArray.CreateBuilder<ImmutableArray<int>>();
        var anywhere = ImmutableArray.CreateBuilder<ImmutableArray<int>>();
        foreach (var (line, number) in lines)
        {
            var words = line.TrimStart('~').ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0)
                throw new InvalidDataException($"{source} line {number}: expected a phrase");
            (line.StartsWith('~') ? anywhere : openers).Add([.. words.Select(w => string.GetHashCode(w))]);
        }
        return new TopicShifts(openers.ToImmutable(), anywhere.ToImmutable());
    }

    /// <summary>Whether a first sentence, as the hashes of its lowercase words in order, turns to another story.</summary>
    public bool Marks(IReadOnlyList<int> words)
    {
        foreach (var opener in _openers)
        {
            if (At(opener, words, 0))
                return true;
        }
        foreach (var phrase in _anywhere)
        {
            for (var start = 0; start + phrase.Length <= words.Count; start++)
            {
                if (At(phrase, words, start))
                    return true;
            }
        }
        return false;
    }

    private static bool At(ImmutableArray<int> phrase, IReadOnlyList<int> words, int start)
    {
        if (start + phrase.Length > words.Count)
            return false;
        var i = 0;
        while (i < phrase.Length && phrase[i] == words[start + i])
            i++;
        return i == phrase.Length;
    }
}
