using System.Net;
using OrleansRegistry.Validation;

namespace OrleansRegistry.Tests.Validation;

public sealed class CanonicalHostTests
{
    [Theory]
    [InlineData("169.254.169.254", "169.254.169.254")]
    [InlineData("169.254.169.254.", "169.254.169.254")]
    [InlineData("0xa9fea9fe", "169.254.169.254")]
    [InlineData("0XA9FEA9FE.", "169.254.169.254")]
    [InlineData("0251.0376.0251.0376", "169.254.169.254")]
    [InlineData("2852039166", "169.254.169.254")]
    [InlineData("169.254.43518", "169.254.169.254")]
    [InlineData("169.16689662", "169.254.169.254")]
    [InlineData("169\u3002254\u3002169\u3002254", "169.254.169.254")]
    [InlineData("::ffff:169.254.169.254", "169.254.169.254")]
    [InlineData("[::ffff:a9fe:a9fe]", "169.254.169.254")]
    [InlineData("[0:0:0:0:0:0:0:1]", "::1")]
    [InlineData("FE80::1", "fe80::1")]
    public void TryParse_SpellingOfAnAddress_GivesTheAddress(string host, string address)
    {
        Assert.True(CanonicalHost.TryParse(host, out var canonical));

        Assert.Equal(IPAddress.Parse(address), canonical.Address);
        Assert.Equal(address, canonical.Name);
    }

    [Theory]
    [InlineData("api.internal", "api.internal")]
    [InlineData("API.Internal.", "api.internal")]
    [InlineData("bücher.example", "xn--bcher-kva.example")]
    [InlineData("my_host", "my_host")]
    [InlineData("1e100.net", "1e100.net")]
    public void TryParse_Name_GivesItLowerCaseAsciiWithoutTrailingDot(string host, string name)
    {
        Assert.True(CanonicalHost.TryParse(host, out var canonical));

        Assert.Null(canonical.Address);
        Assert.Equal(name, canonical.Name);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("a..b")]
    [InlineData("api.internal..")]
    [InlineData("h\0")]
    [InlineData("h\r\n")]
    [InlineData("h\t")]
    [InlineData(" h")]
    [InlineData("h h")]
    [InlineData("999.1.1.1")]
    [InlineData("1.2.3.4.5")]
    [InlineData("1.256.3.4")]
    [InlineData("4294967296")]
    [InlineData("08")]
    [InlineData("api.1")]
    [InlineData("api.0x1f")]
    [InlineData("[::1")]
    [InlineData("[1.2.3.4]")]
    [InlineData("1.2.3.4:80")]
    [InlineData("a:b")]
    [InlineData("host/path")]
    [InlineData("user@host")]
    public void TryParse_NotAHost_ReturnsFalse(string? host)
    {
        Assert.False(CanonicalHost.TryParse(host, out _));
    }

    [Fact]
    public void TryParse_TwoSpellingsOfOneHost_AreEqual()
    {
        Assert.True(CanonicalHost.TryParse("0x0a000007", out var hex));
        Assert.True(CanonicalHost.TryParse("[::ffff:10.0.0.7]", out var mapped));

        Assert.Equal(hex, mapped);
    }
}
