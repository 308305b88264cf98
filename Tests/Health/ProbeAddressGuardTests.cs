using System.Net;
using OrleansRegistry.Health;

namespace OrleansRegistry.Tests.Health;

public sealed class ProbeAddressGuardTests
{
    [Theory]
    [InlineData("169.254.169.254")]
    [InlineData("169.254.0.1")]
    [InlineData("fe80::1")]
    [InlineData("[fe80::1]")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("fd00:ec2::254")]
    [InlineData("[fd00:ec2::254]")]
    [InlineData("168.63.129.16")]
    [InlineData("100.100.100.200")]
    [InlineData("::ffff:100.100.100.200")]
    [InlineData("169.254.169.254.")]
    [InlineData("0xa9fea9fe")]
    [InlineData("0xa9fea9fe.")]
    [InlineData("0251.0376.0251.0376")]
    [InlineData("2852039166")]
    [InlineData("169.254.43518")]
    [InlineData("[::ffff:a9fe:a9fe]")]
    [InlineData("64:ff9b::a9fe:a9fe")]
    [InlineData("::169.254.169.254")]
    [InlineData("168.63.129.16.")]
    public async Task ResolveAsync_ForbiddenLiteral_IsRefused(string host)
    {
        await Assert.ThrowsAsync<ProbeRefusedException>(() => ProbeAddressGuard.System.ResolveAsync(host, CancellationToken.None));
    }

    [Fact]
    public async Task ResolveAsync_NameWithOneForbiddenAnswer_IsRefused()
    {
        var guard = new ProbeAddressGuard((_, _) => Task.FromResult(new[] { IPAddress.Parse("10.0.0.5"), IPAddress.Parse("169.254.169.254") }));

        var error = await Assert.ThrowsAsync<ProbeRefusedException>(() => guard.ResolveAsync("rebinding.test", CancellationToken.None));

        Assert.Contains("169.254.169.254", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResolveAsync_AnySpellingOfAnAddress_IsNeverSentToTheResolver()
    {
        var asked = new List<string>();
        var guard = new ProbeAddressGuard((name, _) =>
        {
            asked.Add(name);
            return Task.FromResult(new[] { IPAddress.Parse("10.0.0.5") });
        });

        var addresses = await guard.ResolveAsync("0x0a000005.", CancellationToken.None);

        Assert.Equal(IPAddress.Parse("10.0.0.5"), Assert.Single(addresses));
        Assert.Empty(asked);
    }

    [Theory]
    [InlineData("h\r\nost")]
    [InlineData("h\0")]
    [InlineData("1.2.3.4.5")]
    [InlineData("bad host")]
    public async Task ResolveAsync_NotAHost_IsRefusedWithoutResolving(string host)
    {
        var guard = new ProbeAddressGuard((_, _) => throw new InvalidOperationException("the resolver must not be asked"));

        await Assert.ThrowsAsync<ProbeRefusedException>(() => guard.ResolveAsync(host, CancellationToken.None));
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("10.1.2.3")]
    [InlineData("fd00:ec2::253")]
    [InlineData("100.100.100.201")]
    public async Task ResolveAsync_OrdinaryAddress_IsAllowed(string host)
    {
        var addresses = await ProbeAddressGuard.System.ResolveAsync(host, CancellationToken.None);

        Assert.Equal(IPAddress.Parse(host), Assert.Single(addresses));
    }
}
