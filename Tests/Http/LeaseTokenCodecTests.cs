using System.Buffers.Text;
using System.Text;
using OrleansRegistry.Model;
using OrleansRegistry.Silo.Http;

namespace OrleansRegistry.Tests.Http;

public sealed class LeaseTokenCodecTests
{
    [Fact]
    public void Encode_ThenDecode_ReturnsTheSameLease()
    {
        var lease = new LeaseToken("S127.0.0.1:11111:154604514", "user-service", 42);

        var token = LeaseTokenCodec.Encode(lease);

        Assert.Matches("^[A-Za-z0-9_-]+$", token);
        Assert.True(LeaseTokenCodec.TryDecode(token, out var decoded));
        Assert.Equal(lease, decoded);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("!!!")]
    [InlineData("aGVsbG8")]
    [InlineData("c2lsbwpzZXJ2aWNlCjA")]
    [InlineData("c2lsbwpzZXJ2aWNlCi0x")]
    [InlineData("c2lsbwpiYWQgbmFtZQox")]
    [InlineData("CnNlcnZpY2UKMQ")]
    [InlineData("c2lsbwpzZXJ2aWNlCjEKZXh0cmE")]
    [InlineData("w4g")]
    public void TryDecode_NotATokenOfOurs_ReturnsFalse(string? token)
    {
        Assert.False(LeaseTokenCodec.TryDecode(token, out _));
    }

    [Theory]
    [InlineData("silo\nservice\n5\0")]
    [InlineData("silo\nservice\n5\0\0")]
    [InlineData("silo\nservice\n+5")]
    [InlineData("silo\nservice\n 5")]
    [InlineData("silo\nservice\n5 ")]
    [InlineData("silo\nservice\n0x5")]
    [InlineData("silo\nservice\n\uff15")]
    [InlineData("si\u0001lo\nservice\n5")]
    [InlineData("silo\r\nservice\n5")]
    [InlineData("silo\nser\u0000vice\n5")]
    public void TryDecode_LeaseWithControlCharacterOrLooseNumber_ReturnsFalse(string text)
    {
        var token = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));

        Assert.False(LeaseTokenCodec.TryDecode(token, out _));
    }

    [Fact]
    public void TryDecode_TooLong_ReturnsFalse()
    {
        var token = LeaseTokenCodec.Encode(new LeaseToken(new string('s', 600), "svc", 1));

        Assert.False(LeaseTokenCodec.TryDecode(token, out _));
    }
}
