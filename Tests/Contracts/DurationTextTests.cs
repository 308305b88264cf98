using OrleansRegistry.Contracts;

namespace OrleansRegistry.Tests.Contracts;

public sealed class DurationTextTests
{
    [Theory]
    [InlineData("30s", 30_000)]
    [InlineData("1m30s", 90_000)]
    [InlineData("500ms", 500)]
    [InlineData("2h", 7_200_000)]
    [InlineData("1.5s", 1_500)]
    [InlineData("1h2m3s4ms", 3_723_004)]
    [InlineData("0s", 0)]
    [InlineData("90m", 5_400_000)]
    public void TryParse_GoStyleDuration_Parses(string text, long milliseconds)
    {
        Assert.True(DurationText.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), duration);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("30")]
    [InlineData("s")]
    [InlineData("-1s")]
    [InlineData("+1s")]
    [InlineData(" 30s")]
    [InlineData("30s ")]
    [InlineData("30 s")]
    [InlineData("30s\n")]
    [InlineData("\t30s")]
    [InlineData("30s\0")]
    [InlineData("3\00s")]
    [InlineData("1d")]
    [InlineData("30S")]
    [InlineData("1..5s")]
    [InlineData("1e3s")]
    [InlineData("\u0663s")]
    [InlineData("\uff13s")]
    [InlineData("9999999999999999999999999h")]
    [InlineData("111111111111111111111111111111s1")]
    public void TryParse_AnythingElse_Fails(string? text)
    {
        Assert.False(DurationText.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.Zero, duration);
    }

    [Theory]
    [InlineData(30_000, "30s")]
    [InlineData(90_000, "1m30s")]
    [InlineData(500, "500ms")]
    [InlineData(1_500, "1500ms")]
    [InlineData(7_200_000, "2h")]
    [InlineData(86_401_000, "24h1s")]
    [InlineData(0, "0s")]
    public void Format_Duration_WritesTheShortestGoStyleText(long milliseconds, string expected)
    {
        Assert.Equal(expected, DurationText.Format(TimeSpan.FromMilliseconds(milliseconds)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(1_000)]
    [InlineData(61_001)]
    [InlineData(3_723_000)]
    [InlineData(86_400_000)]
    public void Format_ThenTryParse_GivesTheSameDuration(long milliseconds)
    {
        var duration = TimeSpan.FromMilliseconds(milliseconds);

        Assert.True(DurationText.TryParse(DurationText.Format(duration), out var parsed));
        Assert.Equal(duration, parsed);
    }
}
