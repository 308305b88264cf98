using OrleansRegistry.Validation;

namespace OrleansRegistry.Tests.Validation;

public sealed class InputTextTests
{
    [Theory]
    [InlineData("0", 0L)]
    [InlineData("7", 7L)]
    [InlineData("007", 7L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    public void TryParseDigits_PlainDigits_Parse(string text, long expected)
    {
        Assert.True(InputText.TryParseDigits(text, out long value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("5\0")]
    [InlineData("5\0\0")]
    [InlineData("\05")]
    [InlineData(" 5")]
    [InlineData("5 ")]
    [InlineData("5\n")]
    [InlineData("+5")]
    [InlineData("-5")]
    [InlineData("5.0")]
    [InlineData("1,000")]
    [InlineData("1_000")]
    [InlineData("0x5")]
    [InlineData("1e3")]
    [InlineData("\u0665")]
    [InlineData("\uff15")]
    [InlineData("9223372036854775808")]
    public void TryParseDigits_AnythingButPlainDigits_Fails(string text)
    {
        Assert.False(InputText.TryParseDigits(text, out long _));
    }

    [Fact]
    public void TryParseDigits_IntOverflow_Fails()
    {
        Assert.True(InputText.TryParseDigits("2147483647", out int max));
        Assert.Equal(int.MaxValue, max);
        Assert.False(InputText.TryParseDigits("2147483648", out int _));
    }

    [Theory]
    [InlineData("\0")]
    [InlineData("\t")]
    [InlineData("\n")]
    [InlineData("\r")]
    [InlineData("\u001b")]
    [InlineData("\u007f")]
    [InlineData("\u0085")]
    [InlineData("\u009f")]
    public void HasControlCharacter_AnyControlCharacter_IsTrue(string control)
    {
        Assert.True(InputText.HasControlCharacter($"a{control}b"));
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("with space")]
    [InlineData("zürich")]
    [InlineData("\u00a0non-breaking")]
    [InlineData("")]
    public void HasControlCharacter_OrdinaryText_IsFalse(string text)
    {
        Assert.False(InputText.HasControlCharacter(text));
    }

    [Theory]
    [InlineData("http://h/%0d%0a", true)]
    [InlineData("http://h/%0D%0A", true)]
    [InlineData("http://h/%00", true)]
    [InlineData("http://h/%7f", true)]
    [InlineData("http://h/%C2%85", true)]
    [InlineData("http://h/%20", false)]
    [InlineData("http://h/%250d", false)]
    [InlineData("http://h/100%", false)]
    [InlineData("http://h/plain", false)]
    public void HasEncodedControlCharacter_DecodesPercentEscapes(string text, bool expected)
    {
        Assert.Equal(expected, InputText.HasEncodedControlCharacter(text));
    }
}
