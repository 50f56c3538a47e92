using Corroborate.Extraction.Quantities;
using Corroborate.Model;
using Corroborate.Text;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace Corroborate.Tests.Extraction.Quantities;

/// <summary>
/// For any text: extraction does not throw, every span lies inside the text, and every value
/// lies within its bounds. Random strings, and strings built from the pieces figures are made of.
/// </summary>
public sealed class QuantityPropertyTests
{
    private static readonly QuantityExtractor Extractor = new(QuantityLexicon.LoadEnglish());
    private static readonly Tokenizer Tokenizer = new(TestData.Data);
    private static readonly SentenceSplitter Splitter = new(TestData.Data);

    private static readonly string[] Pieces =
    [
        "10,000", "1.2m", "$", "59.5", "billion", "million", "about", "nearly", "up to", "at least", "more than", "between", "and",
        "to", "-", "–", "%", "percent", "twenty-five", "a", "dozen", "dozens", "tens of thousands", "of", "troops", "killed",
        "wounded", "were", "said", "according to", "Blinken", "he", "(", ")", "\"", "“", "”", ",", ".", "\n\n", "2024", "10:30",
        "Oct.", "31", "13-year-old", "one", "Group of Seven", "a day", "per week", "in", "Russia", "'s", "9", "0", "99999999999999999999999",
        "1,2", "1.2.3", "555-123-4567", "block", "Street", "+", "or more", "79228162514264337593543950335", "trillion", "bn",
    ];

    private static bool Holds(string text)
    {
        var tokens = Tokenizer.Tokenize(text);
        var (_, sentences) = Splitter.Split(text, tokens, []);
        var quantities = Extractor.Extract(text, tokens, sentences, default, new DateOnly(2024, 10, 29));
        foreach (var q in quantities)
        {
            if (q.Span.End > text.Length || q.Span.IsEmpty)
                return false;
            if (q.Low is { } low && q.Value < low || q.High is { } high && q.Value > high)
                return false;
            if (q.Source is { } s && s.Span.End > text.Length)
                return false;
        }
        return true;
    }

    [Fact]
    public void Any_string_is_safe_and_bounded()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<string>().Filter(s => s is not null), Holds)
            .Check(Config.QuickThrowOnFailure.WithMaxTest(500));
    }

    /// <summary>Found by the property below: a sentence that ends in "between" after a figure's noun (an age range cut short).</summary>
    [Fact]
    public void A_figure_followed_by_between_at_the_end_of_the_text_is_safe() =>
        Assert.True(Holds("555-123-4567 31 troops between"));

    /// <summary>Found by the property below: a range the second end's scale would make (12 billion to 10,000 billion) too wide to be one.</summary>
    [Fact]
    public void A_vague_amount_before_a_scaled_figure_keeps_its_own_value() =>
        Assert.True(Holds("said dozens to 10,000 bn troops"));

    [Fact]
    public void Strings_of_figure_pieces_are_safe_and_bounded()
    {
        var gen = Gen.Elements(Pieces).ListOf().Select(parts => string.Join(" ", parts));
        Prop.ForAll(gen.ToArbitrary(), Holds).Check(Config.QuickThrowOnFailure.WithMaxTest(1000));
    }
}
