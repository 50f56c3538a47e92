using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using Corroborate.Extraction.Times;
using Corroborate.Model;

namespace Corroborate.Evaluation;

/// <summary>A gold TIMEX3 of an annotated document: its span in the plain text, type and value.</summary>
public sealed record GoldTimex(TextSpan Span, TimeType Type, string Value);

/// <summary>
/// A document of a temporal corpus: plain text, its creation time (the anchor), the gold
/// expressions, and spans to leave out of scoring (the creation time written in the text).
/// </summary>
public sealed record TimeMlDocument(string Name, string Text, DateOnly? CreationTime, ImmutableArray<GoldTimex> Gold, ImmutableArray<TextSpan> Ignored);

/// <summary>
/// Reads temporal corpora: TimeML <c>.tml</c> files (TIMEX3 inline in <c>TEXT</c>, the DCT as
/// creation time) and MEANTIME-style JSON Lines (whitespace-tokenized text, TIMEX3 by token ids).
/// Stateless; thread-safe.
/// </summary>
public static class TimeMlReader
{
    /// <summary>
    /// Every document under <paramref name="path"/>: .tml files recursively, and .jsonl files of
    /// MEANTIME records. A .tml file whose bytes repeat an earlier one (corpora ship copies in
    /// side folders) is read once, so no document weighs twice in the scores.
    /// </summary>
    public static IEnumerable<TimeMlDocument> ReadAll(string path)
    {
        var files = File.Exists(path) ? [path]
            : Directory.EnumerateFiles(path, "*.*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (file.EndsWith(".tml", StringComparison.OrdinalIgnoreCase))
            {
                if (seen.Add(Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)))))
                    yield return ReadTml(file);
            }
            else if (file.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
            {
                foreach (var line in File.ReadLines(file))
                {
                    if (line.Length > 0)
                        yield return ReadMeantime(line);
                }
            }
        }
    }

    /// <summary>Reads one TimeML file: the text of its TEXT element with inline TIMEX3.</summary>
    public static TimeMlDocument ReadTml(string file)
    {
        var xml = XDocument.Load(file, LoadOptions.PreserveWhitespace);
        DateOnly? dct = null;
        var dctTimex = xml.Descendants("DCT").Descendants("TIMEX3").FirstOrDefault();
        if (dctTimex?.Attribute("value")?.Value is { Length: >= 10 } v
            && DateOnly.TryParseExact(v[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            dct = d;
        var body = xml.Descendants("TEXT").FirstOrDefault() ?? throw new InvalidDataException($"{file}: no TEXT element");
        var text = new StringBuilder();
        var gold = ImmutableArray.CreateBuilder<GoldTimex>();
        Walk(body, text, gold);
        return new TimeMlDocument(Path.GetFileName(file), text.ToString(), dct, gold.ToImmutable(), []);
    }

    private static void Walk(XElement element, StringBuilder text, ImmutableArray<GoldTimex>.Builder gold)
    {
        foreach (var node in element.Nodes())
        {
            switch (node)
            {
                case XText x:
                    text.Append(x.Value);
                    break;
                case XElement e when e.Name.LocalName == "TIMEX3":
                    var start = text.Length;
                    Walk(e, text, gold);
                    gold.Add(new GoldTimex(new TextSpan(start, text.Length), ParseType(e.Attribute("type")?.Value), e.Attribute("value")?.Value ?? ""));
                    break;
                case XElement e:
                    Walk(e, text, gold);
                    break;
            }
        }
    }

    /// <summary>Reads one MEANTIME record: tokens joined by spaces, token ids counted from 1.</summary>
    public static TimeMlDocument ReadMeantime(string jsonLine)
    {
        using var json = JsonDocument.Parse(jsonLine);
        var root = json.RootElement;
        var text = root.GetProperty("text").GetString() ?? "";
        // Token i (1-based) is the i-th whitespace-separated run of the text.
        var tokens = new List<TextSpan>();
        for (var i = 0; i < text.Length;)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
                i++;
            var s = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
                i++;
            if (i > s)
                tokens.Add(new TextSpan(s, i));
        }
        TextSpan? SpanOf(JsonElement timex)
        {
            var ids = timex.GetProperty("token_ids").EnumerateArray().Select(x => int.Parse(x.GetString()!, CultureInfo.InvariantCulture)).ToList();
            if (ids.Count == 0 || ids.Max() > tokens.Count)
                return null;
            return new TextSpan(tokens[ids.Min() - 1].Start, tokens[ids.Max() - 1].End);
        }
        var gold = ImmutableArray.CreateBuilder<GoldTimex>();
        foreach (var x in root.GetProperty("timex3").EnumerateArray())
        {
            if (SpanOf(x) is { } span)
                gold.Add(new GoldTimex(span, ParseType(x.GetProperty("type").GetString()), x.GetProperty("value").GetString() ?? ""));
        }
        DateOnly? dct = null;
        var ignored = ImmutableArray.CreateBuilder<TextSpan>();
        if (root.TryGetProperty("dct", out var dctElement) && dctElement.ValueKind == JsonValueKind.Object)
        {
            if (dctElement.GetProperty("value").GetString() is { Length: >= 10 } v
                && DateOnly.TryParseExact(v[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                dct = d;
            if (SpanOf(dctElement) is { } dctSpan)
                ignored.Add(dctSpan);
        }
        // MEANTIME annotates the title, the creation date and the first four sentences (one a line):
        // the rest of the text carries no gold, so expressions there are neither right nor wrong.
        var cut = 0;
        for (var line = 0; line < 6 && cut >= 0; line++)
            cut = text.IndexOf('\n', cut == 0 && line == 0 ? 0 : cut + 1);
        if (cut >= 0)
            ignored.Add(new TextSpan(cut, text.Length));
        var name = root.TryGetProperty("doc_name", out var n) ? n.GetString() ?? "" : "";
        return new TimeMlDocument(name, text, dct, gold.ToImmutable(), ignored.ToImmutable());
    }

    private static TimeType ParseType(string? type) => type?.ToUpperInvariant() switch
    {
        "TIME" => TimeType.Time,
        "DURATION" => TimeType.Duration,
        "SET" => TimeType.Set,
        _ => TimeType.Date,
    };
}

/// <summary>TempEval-3 style scores of temporal extraction against gold TIMEX3.</summary>
public sealed record TimeMlScore(
    int Documents, int Gold, int Predicted, int StrictMatches, int RelaxedMatches, int TypeMatches, int ValueMatches)
{
    public double StrictPrecision => Ratio(StrictMatches, Predicted);
    public double StrictRecall => Ratio(StrictMatches, Gold);
    public double StrictF1 => F1(StrictPrecision, StrictRecall);
    public double RelaxedPrecision => Ratio(RelaxedMatches, Predicted);
    public double RelaxedRecall => Ratio(RelaxedMatches, Gold);
    public double RelaxedF1 => F1(RelaxedPrecision, RelaxedRecall);
    /// <summary>Share of relaxed matches with the gold type.</summary>
    public double TypeAccuracy => Ratio(TypeMatches, RelaxedMatches);
    /// <summary>Share of relaxed matches with the gold value.</summary>
    public double ValueAccuracy => Ratio(ValueMatches, RelaxedMatches);
    /// <summary>Value accuracy × relaxed F1, as TempEval-3 reports attribute F1.</summary>
    public double ValueF1 => ValueAccuracy * RelaxedF1;
    public double TypeF1 => TypeAccuracy * RelaxedF1;

    private static double Ratio(int a, int b) => b == 0 ? 0 : (double)a / b;
    private static double F1(double p, double r) => p + r == 0 ? 0 : 2 * p * r / (p + r);
}

/// <summary>One compared expression, for error listings, with the line of text around it.</summary>
public sealed record TimeMlDiff(string Document, string GoldText, string? GoldValue, string? PredictedText, string? PredictedValue, string Context = "");

/// <summary>Scores a <see cref="TimeExtractor"/> on temporal corpora. Stateless; thread-safe.</summary>
public static class TimeMlScorer
{
    public static TimeMlScore Score(TimeExtractor extractor, IEnumerable<TimeMlDocument> documents, ICollection<TimeMlDiff>? diffs = null)
    {
        int docs = 0, gold = 0, predicted = 0, strict = 0, relaxed = 0, type = 0, value = 0;
        foreach (var doc in documents)
        {
            docs++;
            // A document without a creation time is anchored as the time stage anchors one: by its latest explicit date.
            var found = extractor.Extract(doc.Text, doc.CreationTime ?? extractor.LatestExplicitDate(doc.Text))
                .Where(p => !doc.Ignored.Any(s => s.Overlaps(p.Span))).ToList();
            gold += doc.Gold.Length;
            predicted += found.Count;
            var used = new bool[found.Count];
            foreach (var g in doc.Gold)
            {
                // One-to-one: the exact match if any, else the first unused overlapping prediction.
                var best = -1;
                for (var i = 0; i < found.Count; i++)
                {
                    if (used[i] || !found[i].Span.Overlaps(g.Span))
                        continue;
                    if (found[i].Span == g.Span)
                    {
                        best = i;
                        break;
                    }
                    if (best < 0)
                        best = i;
                }
                if (best < 0)
                {
                    diffs?.Add(new TimeMlDiff(doc.Name, g.Span.Of(doc.Text), g.Value, null, null, ContextOf(doc.Text, g.Span)));
                    continue;
                }
                used[best] = true;
                var p = found[best];
                relaxed++;
                if (p.Span == g.Span)
                    strict++;
                if (p.Type == g.Type)
                    type++;
                if (string.Equals(Normalize(p.Value), Normalize(g.Value), StringComparison.OrdinalIgnoreCase))
                    value++;
                else
                    diffs?.Add(new TimeMlDiff(doc.Name, g.Span.Of(doc.Text), g.Value, p.Span.Of(doc.Text), p.Value, ContextOf(doc.Text, g.Span)));
            }
            for (var i = 0; i < found.Count; i++)
            {
                if (!used[i])
                    diffs?.Add(new TimeMlDiff(doc.Name, "", null, found[i].Span.Of(doc.Text), found[i].Value, ContextOf(doc.Text, found[i].Span)));
            }
        }
        return new TimeMlScore(docs, gold, predicted, strict, relaxed, type, value);
    }

    /// <summary>Up to 90 characters either side of <paramref name="span"/>, on one line.</summary>
    private static string ContextOf(string text, TextSpan span)
    {
        var start = Math.Max(0, span.Start - 90);
        var end = Math.Min(text.Length, span.End + 90);
        return $"{text[start..span.Start]}[{span.Of(text)}]{text[span.End..end]}".ReplaceLineEndings(" ");
    }

    /// <summary>TimeBank writes weeks without a leading zero at times ("2000-W7").</summary>
    private static string Normalize(string v) =>
        v.Length == 7 && v[4] == '-' && v[5] == 'W' && char.IsAsciiDigit(v[6]) ? string.Concat(v.AsSpan(0, 6), "0", v.AsSpan(6)) : v;
}
