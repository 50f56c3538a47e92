using Corroborate.Lexicons;
using System.Collections.Frozen;
using Corroborate.Extraction.Entities;

namespace Corroborate.Extraction.Quotes;

/// <summary>
/// Words the quotation stage reads: speech verbs (every form), words that make a quoted phrase a
/// name or label, determiners that make it a modifier, speaker pronouns and nouns, capitalized
/// words that are no name, and the verbs whose object is the listener. Loaded once from
/// <c>data/en/quotes</c>. Immutable; thread-safe.
/// </summary>
public sealed class QuoteLexicon
{
    private QuoteLexicon() { }

    public required FrozenSet<string> SpeechVerbs { get; init; }
    public required FrozenSet<string> NamingCues { get; init; }
    public required FrozenSet<string> Determiners { get; init; }
    public required FrozenSet<string> Pronouns { get; init; }
    /// <summary>Nouns that head an unnamed speaker: "a detective", "police", "the report".</summary>
    public required FrozenSet<string> SpeakerNouns { get; init; }
    /// <summary>Capitalized words that are never a speaker's name ("When asked …", "After telling …"); case-sensitive.</summary>
    public required FrozenSet<string> NotNames { get; init; }
    /// <summary>Speech verbs whose object is the listener ("told reporters"): what follows them is not the speaker.</summary>
    public required FrozenSet<string> ListenerVerbs { get; init; }
    /// <summary>Verbs by which a speaker characterizes something in their own words ("called the decision "…"").</summary>
    public required FrozenSet<string> CharacterizingVerbs { get; init; }

    public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SpeechVerbLookup => SpeechVerbs.GetAlternateLookup<ReadOnlySpan<char>>();
    public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NotNameLookup => NotNames.GetAlternateLookup<ReadOnlySpan<char>>();
    public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ListenerVerbLookup => ListenerVerbs.GetAlternateLookup<ReadOnlySpan<char>>();

    public static QuoteLexicon LoadEnglish() => new()
    {
        SpeechVerbs = Words("en/quotes/speech-verbs.txt"),
        NamingCues = Words("en/quotes/naming-cues.txt"),
        Determiners = Words("en/quotes/determiners.txt"),
        SpeakerNouns = Words("en/quotes/speaker-nouns.txt"),
        NotNames = EmbeddedData.Lines("en/quotes/not-names.txt").Select(l => l.Line.Trim()).ToFrozenSet(StringComparer.Ordinal),
        ListenerVerbs = Words("en/quotes/listener-verbs.txt"),
        CharacterizingVerbs = Words("en/quotes/characterizing-verbs.txt"),
        Pronouns = EmbeddedData.Lines("en/quotes/pronouns.txt").Select(l => l.Line.Trim()).ToFrozenSet(StringComparer.Ordinal),
    };

    private static FrozenSet<string> Words(string name) =>
        EmbeddedData.Lines(name).Select(l => l.Line.Trim()).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
}
