using AngleSharp.Dom;

namespace Corroborate.Ingest.Html;

/// <summary>
/// Judges elements by class and id, remembering the verdict for each distinct string: a page
/// repeats a few dozen names over thousands of elements. One per extraction; not thread-safe.
/// </summary>
internal sealed class NameJudge
{
    private readonly Dictionary<string, MarkupSignals.Verdict> verdicts = new(StringComparer.Ordinal);

    public MarkupSignals.Verdict Judge(IElement e)
    {
        var names = MarkupSignals.Names(e);
        if (names.Length == 0)
            return default;
        if (!verdicts.TryGetValue(names, out var v))
        {
            v = MarkupSignals.Judge(names);
            verdicts[names] = v;
        }
        return v;
    }
}
