using System.Collections.Immutable;

namespace Corroborate.Reconcile;

/// <summary>How surely a paragraph's opening words turn the report to another story.</summary>
public enum Turn { None, Weak, Strong }

/// <summary>
/// The words that turn a report to another story ("In other business", "Elsewhere", "In football",
/// "… said separately"), from data/en/reconcile/topic-shifts.txt. Phrases are kept as the hashes of
/// their lowercase words, the form <see cref="OffTopicFinder"/> reads a paragraph in, so a check
/// allocates nothing. Immutable; thread-safe (string hashes are fixed for the process).
/// </summary>
public sealed class TopicShifts
{
    private readonly ImmutableArray<(ImmutableArray<int> Words, Turn Turn)> _openers;
    private readonly ImmutableArray<(ImmutableArray<int> Words, Turn Turn)> _anywhere;

    private TopicShifts(ImmutableArray<(ImmutableArray<int>, Turn)> openers, ImmutableArray<(ImmutableArray<int>, Turn)> anywhere)
    {
        _openers = openers;
        _anywhere = anywhere;
    }

    /// <summary>
    /// The cues of lines like "in other news" (an opening phrase) and "~said separately" (a phrase anywhere in the
    /// first sentence), each with "weak" after a tab when the story itself may use it ("elsewhere").
    /// </summary>
    public static TopicShifts Parse(IEnumerable<(string Line, int Number)> lines, string source)
    {
        var openers = ImmutableArray.CreateBuilder<(ImmutableArray<int>, Turn)>();
        var anywhere = ImmutableArray.CreateBuilder<(ImmutableArray<int>, Turn)>();
        foreach (var (line, number) in lines)
        {
            var cells = line.Split('\t', StringSplitOptions.TrimEntries);
            var words = cells[0].TrimStart('~').ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0 || cells.Length > 2 || cells.Length == 2 && cells[1] != "weak")
                throw new InvalidDataException($"{source} line {number}: expected a phrase, and \"weak\" after a tab or nothing");
            var turn = cells.Length == 2 ? Turn.Weak : Turn.Strong;
            (line.StartsWith('~') ? anywhere : openers).Add(([.. words.Select(w => string.GetHashCode(w))], turn));
        }
        return new TopicShifts(openers.ToImmutable(), anywhere.ToImmutable());
    }

    /// <summary>How surely a first sentence, as the hashes of its lowercase words in order, turns to another story.</summary>
    public Turn Marks(IReadOnlyList<int> words)
    {
        var turn = Turn.None;
        foreach (var (opener, strength) in _openers)
        {
            if (strength > turn && At(opener, words, 0))
                turn = strength;
        }
        foreach (var (phrase, strength) in _anywhere)
        {
            for (var start = 0; strength > turn && start + phrase.Length <= words.Count; start++)
            {
                if (At(phrase, words, start))
                    turn = strength;
            }
        }
        return turn;
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
