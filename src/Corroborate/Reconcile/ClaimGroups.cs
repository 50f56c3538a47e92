using System.Collections.Immutable;
using Corroborate.Model;

namespace Corroborate.Reconcile;

/// <summary>A figure as the reconciliation sees it: the quantity, where it came from, and who gives it.</summary>
/// <param name="Measure">What the figure measures for grouping, when it differs from its subject: the subject with the
/// story's organisations and people written as their entities ("DAC" and "Democratic Alliance for Change" one).</param>
public sealed record Claim(
    string Id, string Doc, string Story, Quantity Quantity, string Text, DateOnly? Published, string? Outlet,
    string Origin, string? SourceKey, string? SourceLabel, string? Measure = null);

/// <summary>One distinct figure of a group: its value and hedge, who gives it, in which articles, first seen when.</summary>
public sealed record ClaimValue(decimal Value, Hedge Hedge, ImmutableArray<string> Sources, ImmutableArray<string> Docs, DateOnly? First, int Independent);

/// <summary>The figure most independent sources give, and the range of the figures reported.</summary>
public sealed record Consensus(decimal Value, decimal Low, decimal High, string Rule);

public enum Verdict { Corroborated, Disputed, SingleSource }

/// <summary>Claims about one real-world quantity across the articles of a story.</summary>
public sealed record ClaimGroup(
    string Id, string Story, string Label, string Unit, ImmutableArray<string> Members, ImmutableArray<ClaimValue> Values,
    Consensus Consensus, decimal Conservative, Verdict Verdict, int IndependentSources);

/// <summary>
/// Groups the claims of each story by quantity: same unit class and rate, compatible subjects
/// ("Ethiopian troops" ~ "troops", not ~ "Eritrean troops") and the same place. A figure whose
/// place lies inside another group's place, or contains it, moves to that group only when its
/// value agrees with that group's figures better than with its own: a total "in Ethiopia" and a
/// figure "in the Tigray region" stay apart unless the numbers say they are the same count.
/// Stateless; thread-safe.
/// </summary>
public sealed class ClaimGrouper(ReconcileLexicon lexicon)
{
    /// <summary>Figures within this ratio of a group's median agree with it.</summary>
    private static readonly double Agreement = Math.Log(1.25);
    /// <summary>Reports of one count disagree, but not by this factor: "$400 million" and "$59.5 billion" are two quantities.</summary>
    private static readonly double SameQuantity = Math.Log(5);
    /// <summary>
    /// A toll that names no place and one of a named place are one toll within this factor: a toll that rose
    /// ("436" the day before "612 in the province"), not a part of it ("212 killed" against "60 killed in Vornik").
    /// </summary>
    private static readonly double TollUpdate = Math.Log(3);

    private sealed class Draft(string place, IReadOnlySet<string> containers)
    {
        public string Place { get; } = place;
        public HashSet<string> Containers { get; } = [.. containers];
        public List<(Claim Claim, string Place, IReadOnlySet<string> Containers, HashSet<string> Qualifiers)> Members { get; } = [];
    }

    /// <param name="numbered">Groups already numbered in the dossier: ids continue from "g{numbered + 1}".</param>
    public IReadOnlyList<ClaimGroup> Group(IEnumerable<Claim> claims, int numbered = 0)
    {
        var buckets = claims
            .Where(c => c.Quantity.Unit is not null)
            .GroupBy(c => (c.Story, Unit: c.Quantity.Unit!, Rate: c.Quantity.Rate ?? ""))
            .OrderBy(b => b.Key.Story, StringComparer.Ordinal).ThenBy(b => b.Key.Unit, StringComparer.Ordinal).ThenBy(b => b.Key.Rate, StringComparer.Ordinal);
        var drafts = new List<(string Story, string Unit, string Rate, Draft Draft)>();
        foreach (var bucket in buckets)
            foreach (var draft in Drafts(bucket))
                drafts.Add((bucket.Key.Story, bucket.Key.Unit, bucket.Key.Rate, draft));
        var result = new List<ClaimGroup>();
        foreach (var (story, unit, rate, draft) in SameCounts(drafts))
            result.Add(Summarize($"g{numbered + result.Count + 1}", story, unit, rate, draft, PlaceLabel(draft), lexicon.MeasuredUnits.Contains(unit)));
        return result;
    }

    /// <summary>Figures a count must share with another before the two are one count: one figure in common is chance.</summary>
    private const int SharedFigures = 2;
    /// <summary>Figures below this tell nothing when shared: two, three and four of many things.</summary>
    private const decimal TellingFigure = 5;
    /// <summary>Characters between two figures of one clause ("killed 12 people and left 30 missing").</summary>
    private const int SideBySide = 80;

    /// <summary>
    /// Counts of one story written with other nouns are one count when they give at least <see cref="SharedFigures"/>
    /// of the same figures: "Governor Marano says 41. The police began with 64, moved to 72" and "41 missing
    /// students", "the number of missing students to 72, up from the 64". Not when one source gives two figures of them side
    /// by side ("killed 12 people and left 30 missing", "10,000 acres … 5,000 people"): they are two counts; not two
    /// parts of one noun the places or qualifiers told apart; not amounts and shares (measured units); and never the
    /// dead with the injured, also through a third count. The merged group takes a toll's unit if it has one, else
    /// that of its largest part, and stands where its first part stood.
    /// </summary>
    private List<(string Story, string Unit, string Rate, Draft Draft)> SameCounts(List<(string Story, string Unit, string Rate, Draft Draft)> drafts)
    {
        var parts = drafts.Select((d, i) => new List<int> { i }).ToList();
        var partOf = Enumerable.Range(0, drafts.Count).ToArray();
        var figures = drafts.Select(d => d.Draft.Members.Select(m => m.Claim.Quantity.Value).Where(v => v >= TellingFigure).ToHashSet()).ToList();
        for (var i = 0; i < drafts.Count; i++)
        {
            if (lexicon.MeasuredUnits.Contains(drafts[i].Unit))
                continue;
            for (var j = i + 1; j < drafts.Count && drafts[j].Story == drafts[i].Story; j++)
            {
                if (partOf[i] == partOf[j] || drafts[j].Rate != drafts[i].Rate || drafts[j].Unit == drafts[i].Unit
                    || lexicon.MeasuredUnits.Contains(drafts[j].Unit) || figures[i].Count(figures[j].Contains) < SharedFigures)
                    continue;
                var (a, b) = (parts[partOf[i]], parts[partOf[j]]);
                if (!OneCount(a, b, drafts))
                    continue;
                var into = partOf[i];
                foreach (var k in b)
                    partOf[k] = into;
                a.AddRange(b);
                b.Clear();
            }
        }
        var merged = new List<(string Story, string Unit, string Rate, Draft Draft)>();
        foreach (var part in parts.Where(p => p.Count > 0).OrderBy(p => p.Min()))
        {
            var first = drafts[part.Min()];
            if (part.Count == 1)
            {
                merged.Add(first);
                continue;
            }
            var members = part.Select(k => drafts[k]).ToList();
            var unit = members.Where(d => lexicon.EventTolls.Contains(d.Unit)).Select(d => d.Unit).FirstOrDefault()
                       ?? members.OrderByDescending(d => d.Draft.Members.Count).First().Unit;
            var draft = new Draft(first.Draft.Place, first.Draft.Containers);
            foreach (var d in members)
                draft.Members.AddRange(d.Draft.Members);
            merged.Add((first.Story, unit, first.Rate, draft));
        }
        return merged;
    }

    /// <summary>Whether two sets of drafts may be one count (see <see cref="SameCounts"/>), weighed whole, so that no third count bridges two.</summary>
    private bool OneCount(List<int> a, List<int> b, List<(string Story, string Unit, string Rate, Draft Draft)> drafts)
    {
        var units = a.Concat(b).Select(k => drafts[k].Unit).ToHashSet(StringComparer.Ordinal);
        if (units.Count(lexicon.Outcomes.Contains) > 1 || a.Any(x => b.Any(y => drafts[x].Unit == drafts[y].Unit)))
            return false;
        foreach (var x in a)
            foreach (var y in b)
            {
                var (p, q) = (drafts[x].Draft, drafts[y].Draft);
                if (!(p.Place.Length == 0 || q.Place.Length == 0 || p.Place == q.Place || p.Containers.Contains(q.Place) || q.Containers.Contains(p.Place))
                    || !p.Members.All(m => q.Members.All(n => Compatible(m.Qualifiers, n.Qualifiers))))
                    return false;
            }
        // Side by side, one source, two figures: two counts ("killed 12 people and left 30 missing", "burned 10,000 acres
        // and forced 5,000 people out"). Two sources' figures in one report are a dispute ("64 missing, the police
        // said, while the principal said 87").
        var left = a.SelectMany(k => drafts[k].Draft.Members).GroupBy(m => m.Claim.Doc).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var m in b.SelectMany(k => drafts[k].Draft.Members))
            if (left.TryGetValue(m.Claim.Doc, out var others)
                && others.Any(o => o.Claim.Quantity.Value != m.Claim.Quantity.Value && (o.Claim.SourceKey ?? "") == (m.Claim.SourceKey ?? "")
                                   && Math.Abs(o.Claim.Quantity.Span.Start - m.Claim.Quantity.Span.Start) <= SideBySide))
                return false;
        return true;
    }

    private List<Draft> Drafts(IEnumerable<Claim> claims)
    {
        var drafts = new List<Draft>();
        foreach (var claim in claims)
        {
            var (place, containers) = PlaceOf(claim.Quantity.Where);
            // An amount or a share is told apart by what it measures, a count by the capitalized words qualifying it.
            var measure = claim.Measure ?? claim.Quantity.Subject;
            var qualifiers = lexicon.MeasuredUnits.Contains(claim.Quantity.Unit!)
                ? MeasureWords(measure)
                : Qualifiers(measure, claim.Quantity.Unit!);
            var value = Log(claim.Quantity.Value);
            var draft = drafts.FirstOrDefault(d => d.Place == place && d.Members.All(m => Compatible(m.Qualifiers, qualifiers))
                                                   && Distance(value, d.Members) <= SameQuantity);
            if (draft is null)
                drafts.Add(draft = new Draft(place, containers));
            draft.Containers.UnionWith(containers);
            draft.Members.Add((claim, place, containers, qualifiers));
        }

        // A figure that disagrees with its own group and agrees with a group of a nested or unnamed
        // place moves there; repeat until stable.
        for (var round = 0; round < 4; round++)
        {
            var moved = false;
            foreach (var draft in drafts.ToList())
            {
                foreach (var member in draft.Members.ToList())
                {
                    var value = Log(member.Claim.Quantity.Value);
                    var own = Distance(value, draft.Members.Where(m => !ReferenceEquals(m.Claim, member.Claim)));
                    // A figure that agrees with its own group stays: no other group need be measured.
                    if (own <= Agreement)
                        continue;
                    var best = drafts
                        .Where(d => d != draft && d.Members.Count > 0 && Nested(member.Place, member.Containers, d)
                                    && d.Members.All(m => Compatible(m.Qualifiers, member.Qualifiers)))
                        .Select(d => (Draft: d, Distance: Distance(value, d.Members)))
                        .Where(x => x.Distance <= Agreement && x.Distance < own && own > Agreement)
                        .OrderBy(x => x.Distance).ThenByDescending(x => x.Draft.Members.Count)
                        .FirstOrDefault();
                    if (best.Draft is null)
                        continue;
                    draft.Members.Remove(member);
                    best.Draft.Members.Add(member);
                    moved = true;
                }
            }
            drafts.RemoveAll(d => d.Members.Count == 0);
            if (!moved)
                break;
        }

        // A toll's figures that name no place count the same as those of a named place they agree with: "the
        // death toll rose to 436" and "612 dead in Brenna province" are one toll. To the closest such draft.
        foreach (var unnamed in drafts.Where(d => d.Place.Length == 0 && lexicon.EventTolls.Contains(d.Members[0].Claim.Quantity.Unit!)).ToList())
        {
            var median = Median(unnamed.Members);
            var into = drafts
                .Where(d => d.Place.Length > 0 && d.Members.All(m => unnamed.Members.All(u => Compatible(m.Qualifiers, u.Qualifiers))))
                .Select(d => (Draft: d, Distance: Distance(median, d.Members)))
                .Where(x => x.Distance <= TollUpdate)
                .OrderBy(x => x.Distance).ThenByDescending(x => x.Draft.Members.Count)
                .FirstOrDefault();
            if (into.Draft is null)
                continue;
            into.Draft.Members.AddRange(unnamed.Members);
            drafts.Remove(unnamed);
        }
        return drafts;
    }

    /// <summary>A member's place is inside the draft's place, contains it, or is unnamed.</summary>
    private static bool Nested(string place, IReadOnlySet<string> containers, Draft draft) =>
        place.Length == 0 || draft.Place.Length == 0 || containers.Contains(draft.Place) || draft.Containers.Contains(place)
        || draft.Members.Any(m => m.Containers.Contains(place));

    /// <summary>The median of the members' log values; NaN for none.</summary>
    private static double Median(IEnumerable<(Claim Claim, string, IReadOnlySet<string>, HashSet<string>)> members)
    {
        var values = members.Select(m => Log(m.Claim.Quantity.Value)).Order().ToList();
        if (values.Count == 0)
            return double.NaN;
        return values.Count % 2 == 1 ? values[values.Count / 2] : (values[values.Count / 2 - 1] + values[values.Count / 2]) / 2;
    }

    private static double Distance(double logValue, IEnumerable<(Claim Claim, string, IReadOnlySet<string>, HashSet<string>)> members) =>
        Median(members) is var median && double.IsNaN(median) ? double.PositiveInfinity : Math.Abs(logValue - median);

    private static double Log(decimal v) => Math.Log((double)Math.Max(v, 0.0001m));

    private static bool Compatible(HashSet<string> a, HashSet<string> b) => a.Count == 0 || b.Count == 0 || a.Overlaps(b);

    /// <summary>
    /// The words of an amount's or a share's measure, lowercase and singular, less the words that name no
    /// measure ("figure", "total"): "operating loss" {operating, loss}, "the recall bill" {recall, bill}. Two
    /// amounts whose measures share none measure two things ("restructuring charge", "operating loss").
    /// </summary>
    private HashSet<string> MeasureWords(string? subject)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        if (subject is null)
            return set;
        foreach (var word in subject.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries))
        {
            var w = Singular(word.ToLowerInvariant().Trim('.', ',', '\'', '’', '"'));
            if (w.Length > 1 && !lexicon.MeasureGenerics.Contains(w) && !lexicon.Stopwords.Contains(w))
                set.Add(w);
        }
        return set;
    }

    /// <summary>An English plural's singular, roughly: "losses" loss, "subsidies" subsidy, "taxes" tax, "charges" charge.</summary>
    private static string Singular(string w) =>
        w.Length <= 3 || !w.EndsWith('s') || w.EndsWith("ss", StringComparison.Ordinal) ? w
        : w.EndsWith("ies", StringComparison.Ordinal) && w.Length > 4 ? w[..^3] + "y"
        : w.EndsWith("sses", StringComparison.Ordinal) || w.EndsWith("xes", StringComparison.Ordinal) || w.EndsWith("ches", StringComparison.Ordinal) || w.EndsWith("shes", StringComparison.Ordinal) ? w[..^2]
        : w[..^1];

    /// <summary>Capitalized words of the subject that qualify what is counted ("Eritrean" in "Eritrean troops").</summary>
    private static HashSet<string> Qualifiers(string? subject, string unit)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        if (subject is null)
            return set;
        foreach (var word in subject.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            if (char.IsUpper(word[0]) && !word.Equals(unit, StringComparison.OrdinalIgnoreCase))
                set.Add(word.ToLowerInvariant().TrimEnd('\'', '’', 's'));
        return set;
    }

    /// <summary>
    /// The most specific place named ("Ethiopia's northern Tigray region" → "tigray") and the places
    /// the text says contain it (→ {"ethiopia"}), without kind and direction words.
    /// </summary>
    internal (string Place, IReadOnlySet<string> Containers) PlaceOf(string? where)
    {
        var containers = new HashSet<string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(where))
            return ("", containers);
        var parts = where.Replace('’', '\'').Split("'s ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var container in parts[..^1])
            if (Key(container) is { Length: > 0 } k)
                containers.Add(k);
        var place = Key(parts[^1]);
        return (place.Length > 0 ? place : containers.LastOrDefault() ?? "", containers);
    }

    private string Key(string phrase)
    {
        var words = phrase.Split([' ', ',', '-'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.ToLowerInvariant().Trim('.', '\'', '"'))
            .Where(w => w.Length > 0 && !lexicon.PlaceGenerics.Contains(w));
        return string.Join(' ', words);
    }

    /// <summary>
    /// The place a group is about, as written: the most common place among its figures (by key, so
    /// "Tigray region" and "Tigray Province" count together), in its shortest written form.
    /// </summary>
    private static string? PlaceLabel(Draft draft) => draft.Members
        .Where(m => m.Place.Length > 0 && m.Claim.Quantity.Where is not null)
        .GroupBy(m => m.Place, StringComparer.Ordinal)
        .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
        .Select(g => g.Select(m => m.Claim.Quantity.Where!).OrderBy(w => w.Length).ThenBy(w => w, StringComparer.Ordinal).First())
        .FirstOrDefault();

    private static ClaimGroup Summarize(string id, string story, string unit, string rate, Draft draft, string? place, bool measured)
    {
        var members = draft.Members.Select(m => m.Claim).OrderBy(c => c.Published ?? DateOnly.MaxValue).ThenBy(c => c.Id, StringComparer.Ordinal).ToList();
        var values = members
            .GroupBy(c => (c.Quantity.Value, c.Quantity.Hedge))
            .Select(g => new ClaimValue(
                g.Key.Value, g.Key.Hedge,
                [.. g.Select(c => c.SourceLabel).OfType<string>().Distinct(StringComparer.Ordinal)],
                [.. g.Select(c => c.Doc).Distinct(StringComparer.Ordinal)],
                g.Min(c => c.Published),
                Independent(g)))
            .OrderByDescending(v => v.Independent).ThenBy(v => v.Value).ThenBy(v => v.Hedge)
            .ToList();

        // Consensus: the value given by the most independent sources (hedges aside); ties go to the lower figure,
        // except injured, where they go to the higher: later reports find more wounded, rarely fewer.
        // Written figures outweigh implied ones ("a man was killed" read as 1): those count only
        // when no source of the group writes a figure.
        var weighed = members.Any(c => !c.Quantity.Implicit) ? members.Where(c => !c.Quantity.Implicit).ToList() : members;
        var byValue = weighed.GroupBy(c => c.Quantity.Value)
            .Select(g => (Value: g.Key, Independent: Independent(g)))
            .OrderByDescending(x => x.Independent).ThenBy(x => unit == "injured" ? -x.Value : x.Value).ToList();
        var independentTotal = Independent(members);
        var rule = byValue.Count == 1 ? "unanimous" : byValue[0].Independent > byValue.Skip(1).First().Independent ? "majority" : unit == "injured" ? "highest of tied" : "lowest of tied";
        var consensus = new Consensus(byValue[0].Value, members.Min(c => c.Quantity.Value), members.Max(c => c.Quantity.Value), rule);
        // Conservative: the lowest figure reported, as ACLED codes fatalities.
        var conservative = members.Min(c => c.Quantity.Value);
        var verdict = independentTotal < 2 ? Verdict.SingleSource : Agree(members) ? Verdict.Corroborated : Verdict.Disputed;

        var subject = members.Select(c => c.Quantity.Subject).OfType<string>()
            .GroupBy(s => s, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key.Length).Select(g => g.Key).FirstOrDefault() ?? unit;
        // The label names the group's class: "Eritrean soldiers" in a troops group reads
        // "Eritrean troops", "bodies" in a killed group "killed", "warning shots" "warning rounds".
        var words = subject.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // An amount or a share is labelled by its measure and unit: "operating loss (EUR)", "turnout (%)".
        if (measured && subject != unit)
            subject = $"{(words.Skip(1).All(w => w.All(c => !char.IsUpper(c))) ? char.ToLowerInvariant(subject[0]) + subject[1..] : subject)} ({(unit == "percent" ? "%" : unit)})";
        else if (words.Length > 0 && !words[^1].Equals(unit, StringComparison.OrdinalIgnoreCase))
            subject = string.Join(' ', words[..^1].Append(unit));
        var label = subject + (place is null ? "" : $" in {place}") + (rate.Length > 0 ? $", {rate}" : "");
        return new ClaimGroup(id, story, label, unit, [.. members.Select(c => c.Id)], [.. values], consensus, conservative, verdict, independentTotal);
    }

    /// <summary>Independent sources: distinct speakers, and for the outlets' own statements, distinct origins.</summary>
    private static int Independent(IEnumerable<Claim> claims) =>
        claims.Select(c => c.SourceKey ?? "origin:" + c.Origin).Distinct(StringComparer.Ordinal).Count();

    /// <summary>Every pair of figures is compatible within its hedge's bounds.</summary>
    /// <summary>
    /// Sources agree when each figure falls within every other claim's hedged range: "about 8,000"
    /// and "up to 8,000" agree; "about 10,000", "11,000" and "nearly 12,000" do not, even though
    /// their ranges touch, because a reader sees three different figures.
    /// </summary>
    private static bool Agree(IReadOnlyList<Claim> claims) =>
        claims.All(a => claims.All(b => b.Quantity.Value >= (a.Quantity.Low ?? decimal.MinValue) && b.Quantity.Value <= (a.Quantity.High ?? decimal.MaxValue)));
}
