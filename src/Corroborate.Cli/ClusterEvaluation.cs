using System.Globalization;
using Corroborate.Evaluation;
using Corroborate.Ingest;
using Corroborate.Lexicons;
using Corroborate.Model;
using Corroborate.Pipeline;
using Corroborate.Reconcile;
using Corroborate.Text;

namespace Corroborate.Cli;

/// <summary>The <c>cluster-eval</c> command: story clustering scored against gold labels.</summary>
internal static class ClusterEvaluation
{
    public static int Run(string[] inputs, string label, double? threshold, string? dumpPath, TextWriter stdout, TextWriter stderr)
    {
        var data = LanguageData.LoadEnglish();
        // The whole pipeline, as `brief` runs it: the time stage can date an article from its content,
        // and dates weigh in the clustering decision.
        var pipeline = StandardPipeline.Build(data);
        var options = threshold is { } t ? new ClusteringOptions { Threshold = t } : new ClusteringOptions();
        var analyzed = new List<(AnalyzedDocument Article, string Gold)>();
        var failed = 0;
        var unlabelled = 0;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        // As brief does: a dateline without its year takes the year of the reports around it.
        var years = new DatelineYears<string>(pipeline);
        foreach (var item in new ArticleReader().Read(inputs))
        {
            if (item.Error is { } e)
            {
                stderr.WriteLine($"error: {e}");
                failed++;
                continue;
            }
            var doc = item.Document!;
            var gold = GoldOf(doc, label);
            if (gold is null)
            {
                unlabelled++;
                continue;
            }
            // Clustering must not see the answer. Articles are analyzed first so that the clustering time shows on its own.
            var original = doc with { Story = null };
            analyzed.AddRange(years.Feed(gold, original, pipeline.Run(original)).Select(r => (r.Analyzed, r.Item)));
        }
        analyzed.AddRange(years.Flush().Select(r => (r.Analyzed, r.Item)));
        var analysis = clock.Elapsed;
        clock.Restart();
        var clusterer = new StoryClusterer(data, options) { Explain = dumpPath is not null };
        var pairs = new List<(string Gold, string Predicted)>();
        using var dump = dumpPath is null ? null : new StreamWriter(dumpPath);
        foreach (var (a, gold) in analyzed)
        {
            var doc = a.Document;
            var predicted = clusterer.Assign(a);
            pairs.Add((gold, predicted));
            dump?.WriteLine(System.Text.Json.JsonSerializer.Serialize(new
            {
                id = doc.Id, gold, predicted, score = clusterer.LastDecision.Score, candidates = clusterer.LastScores.Select(c => new { story = c.Id, score = c.Score, text = c.Text, why = c.Why }).ToArray(),
                published = doc.Published?.ToIso(), from = doc.Published?.From.ToString(), title = doc.Title,
                lead = a.Sentences.IsDefaultOrEmpty ? null : a.Sentences[0].Span.Of(a.Text),
                days = a.Times.IsDefault ? [] : a.Times.Where(x => x.Type is TimeType.Date or TimeType.Time).Select(x => x.Value + "~" + x.Span.Of(a.Text)).ToArray(),
                names = a.Entities.IsDefault ? [] : a.Entities.Select(x => x.Kind + ":" + x.Name).Distinct().ToArray(),
                figures = a.Quantities.IsDefault ? [] : a.Quantities.Where(q => q.Unit is not null).Select(q => $"{q.Value.ToString(CultureInfo.InvariantCulture)} {q.Unit}{(q.Implicit ? " (implicit)" : "")}{(q.Hedge == Hedge.Exact ? "" : " " + q.Hedge)}").ToArray(),
            }));
        }
        var s = ClusterScores.Of(pairs);
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"""
             articles {s.Items:N0} (unlabelled {unlabelled:N0}, failed {failed:N0}); gold stories {s.GoldClusters:N0}, predicted {s.PredictedClusters:N0}; analysis {analysis.TotalSeconds:F1} s, clustering {clock.Elapsed.TotalSeconds:F2} s
             pairwise  P {s.Pairwise.Precision:F3}  R {s.Pairwise.Recall:F3}  F1 {s.Pairwise.F1:F3}
             B-cubed   P {s.BCubed.Precision:F3}  R {s.BCubed.Recall:F3}  F1 {s.BCubed.F1:F3}
             """));
        return failed > 0 ? ExitCodes.SomeFailed : ExitCodes.Ok;
    }

    private static string? GoldOf(NewsDocument doc, string label) =>
        label == "story" ? doc.Story
        : doc.Extra.TryGetValue(label, out var v) ? v.ValueKind == System.Text.Json.JsonValueKind.String ? v.GetString() : v.GetRawText()
        : null;
}
