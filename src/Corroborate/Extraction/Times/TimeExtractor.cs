using System.Collections.Immutable;
using Corroborate.Model;

namespace Corroborate.Extraction.Times;

/// <summary>
/// Finds temporal expressions in news text and normalizes them to TIMEX3 values against an anchor
/// (the publication date), HeidelTime-style: a token scanner tries a small grammar at each word
/// the temporal lexicon knows, takes the longest reading, and resolves relative values with the
/// tense of the surrounding clause (past for past tense, future for "will", "next"). Without an
/// anchor, relative values stay unresolved ("XXXX-WXX-1"). Linear in the text. Immutable;
/// thread-safe: all per-call state lives in a <see cref="TimeScan"/>.
/// </summary>
public sealed class TimeExtractor(TimeLexicon lexicon)
{
    public TimeLexicon Lexicon { get; } = lexicon;

    /// <summary>Temporal expressions of <paramref name="text"/>, in order, resolved against <paramref name="anchor"/>.</summary>
    public ImmutableArray<TimeExpression> Extract(string text, DateOnly? anchor) => Extract(text, 0, text.Length, anchor);

    /// <summary>Temporal expressions within [start, end) of <paramref name="text"/>; spans index the whole text.</summary>
    public ImmutableArray<TimeExpression> Extract(string text, int start, int end, DateOnly? anchor)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Resolution steps days, weeks and years from the anchor: one at the ends of the calendar cannot be stepped from.
        if (anchor is { Year: < 100 or > 9800 })
            anchor = null;
        var tokens = TimeTokenizer.Tokenize(text, start, end, new List<TimeToken>((end - start) / 5 + 4));
        return new TimeScan(Lexicon, text, tokens, anchor).Run();
    }

    /// <summary>
    /// The latest explicit, fully written date of the text (day, month and year), for an article
    /// whose metadata gives no publication date; null when there is none.
    /// </summary>
    public DateOnly? LatestExplicitDate(string text)
    {
        DateOnly? latest = null;
        foreach (var t in Extract(text, anchor: null))
        {
            if (t.Type == TimeType.Date && t.Value.Length == 10 && t.Mod is null
                && DateOnly.TryParseExact(t.Value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
                    System.Globalization.DateTimeStyles.None, out var d)
                && (latest is null || d > latest))
                latest = d;
        }
        return latest;
    }
}
