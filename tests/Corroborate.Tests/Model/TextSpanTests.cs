using Xunit;
using Corroborate.Model;

namespace Corroborate.Tests.Model;

public sealed class TextSpanTests
{
    [Fact]
    public void Half_open_span_returns_its_text()
    {
        var span = new TextSpan(4, 9);
        Assert.Equal("quick", span.Of("The quick fox"));
        Assert.Equal(5, span.Length);
    }

    [Theory]
    [InlineData(-1, 2)]
    [InlineData(5, 4)]
    public void Invalid_spans_are_refused(int start, int end) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new TextSpan(start, end));

    [Fact]
    public void Overlap_and_containment_are_half_open()
    {
        var a = new TextSpan(0, 5);
        Assert.False(a.Overlaps(new TextSpan(5, 8)));
        Assert.True(a.Overlaps(new TextSpan(4, 8)));
        Assert.True(a.Contains(new TextSpan(1, 5)));
        Assert.False(a.Contains(new TextSpan(1, 6)));
    }
}
