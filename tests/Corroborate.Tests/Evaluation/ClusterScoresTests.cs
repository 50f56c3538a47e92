using Corroborate.Evaluation;
using Xunit;

namespace Corroborate.Tests.Evaluation;

public sealed class ClusterScoresTests
{
    [Fact]
    public void A_perfect_clustering_scores_one()
    {
        var s = ClusterScores.Of([("a", "x"), ("a", "x"), ("b", "y")]);
        Assert.Equal(1.0, s.Pairwise.F1);
        Assert.Equal(1.0, s.BCubed.F1);
    }

    [Fact]
    public void Pairwise_and_bcubed_match_hand_counts()
    {
        // Gold {1,2,3} {4,5}; predicted {1,2} {3,4,5}.
        var s = ClusterScores.Of([("A", "p"), ("A", "p"), ("A", "q"), ("B", "q"), ("B", "q")]);
        // Predicted pairs: 1 + 3 = 4, of which correct: (1,2) and (4,5) = 2. Gold pairs: 3 + 1 = 4.
        Assert.Equal(0.5, s.Pairwise.Precision, 6);
        Assert.Equal(0.5, s.Pairwise.Recall, 6);
        // B-cubed precision: items 1,2: 2/2; item 3: 1/3; items 4,5: 2/3 → (1+1+1/3+2/3+2/3)/5.
        Assert.Equal((1 + 1 + 1 / 3.0 + 2 / 3.0 + 2 / 3.0) / 5, s.BCubed.Precision, 6);
        // B-cubed recall: items 1,2: 2/3; item 3: 1/3; items 4,5: 2/2.
        Assert.Equal((2 / 3.0 + 2 / 3.0 + 1 / 3.0 + 1 + 1) / 5, s.BCubed.Recall, 6);
    }

    [Fact]
    public void All_singletons_have_perfect_precision_and_no_pairwise_recall()
    {
        var s = ClusterScores.Of([("A", "1"), ("A", "2"), ("B", "3")]);
        Assert.Equal(1.0, s.Pairwise.Precision);
        Assert.Equal(0.0, s.Pairwise.Recall);
    }
}
