using Corroborate.Model;

namespace Corroborate.Extraction.Quantities;

/// <summary>
/// The bounds a hedge implies, as factors of the stated value (a null factor is an open side):
/// exact [v, v]; approx [0.9v, 1.1v]; below [0.9v, v] for "nearly", [open, v] for "fewer than";
/// above [v, open]; atleast [v, open]; upto [open, v]. Each hedge phrase in
/// <c>data/en/quantities/hedges.tsv</c> carries its own factors; these are the defaults. A range
/// ("8,000 to 10,000") is bounded by its two ends; a vague amount ("dozens") by its ACLED value
/// and the data's upper bound. The value always lies within [low, high]. Thread-safe (pure).
/// </summary>
public static class HedgeBounds
{
    public static HedgeRule Default(Hedge hedge) => hedge switch
    {
        Hedge.Exact => new(hedge, 1m, 1m),
        Hedge.Approx => new(hedge, 0.9m, 1.1m),
        Hedge.Below => new(hedge, 0.9m, 1m),
        Hedge.Above or Hedge.AtLeast => new(hedge, 1m, null),
        Hedge.UpTo => new(hedge, null, 1m),
        _ => throw new ArgumentOutOfRangeException(nameof(hedge)),
    };

    /// <summary>Bounds of <paramref name="value"/> under <paramref name="rule"/>, clamped so that low ≤ value ≤ high.</summary>
    public static (decimal? Low, decimal? High) Of(decimal value, HedgeRule rule)
    {
        decimal? low = rule.LowFactor is { } lf ? Math.Min(value, value * lf) : null;
        decimal? high = rule.HighFactor is { } hf ? Math.Max(value, value * hf) : null;
        return (low, high);
    }
}
