namespace Corroborate.Evaluation;

/// <summary>Precision, recall and F1 of one clustering measure.</summary>
public sealed record PrecisionRecall(double Precision, double Recall)
{
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>Pairwise and B-cubed scores of predicted clusters against gold labels.</summary>
public sealed record ClusterScores(int Items, int GoldClusters, int PredictedClusters, PrecisionRecall Pairwise, PrecisionRecall BCubed)
{
    /// <summary>
    /// Scores from the contingency table of (gold, predicted) labels, so the cost is linear in the
    /// items: pairs are counted as n·(n−1)/2 per cell, never enumerated.
    /// </summary>
    public static ClusterScores Of(IReadOnlyList<(string Gold, string Predicted)> items)
    {
        var cells = items.GroupBy(i => i).ToDictionary(g => g.Key, g => (long)g.Count());
        var gold = items.GroupBy(i => i.Gold).ToDictionary(g => g.Key, g => (long)g.Count());
        var predicted = items.GroupBy(i => i.Predicted).ToDictionary(g => g.Key, g => (long)g.Count());

        static double Pairs(long n) => n * (n - 1) / 2.0;
        var together = cells.Values.Sum(Pairs);
        var predictedPairs = predicted.Values.Sum(Pairs);
        var goldPairs = gold.Values.Sum(Pairs);
        var pairwise = new PrecisionRecall(predictedPairs == 0 ? 1 : together / predictedPairs, goldPairs == 0 ? 1 : together / goldPairs);

        // B-cubed: for each item, the share of its predicted cluster that shares its gold label, and vice versa.
        double precision = 0, recall = 0;
        foreach (var ((g, p), n) in cells)
        {
            precision += n * (double)n / predicted[p];
            recall += n * (double)n / gold[g];
        }
        var count = Math.Max(1, items.Count);
        return new ClusterScores(items.Count, gold.Count, predicted.Count, pairwise, new PrecisionRecall(precision / count, recall / count));
    }
}
