using OrleansRegistry.Tests.Fixtures;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.ClientApp.Transport;

/// <summary><c>--api-key</c> (or <c>Registry__Client__ApiKey</c>) against a registry whose writes need a key.</summary>
[Collection(SecuredRegistryHttpCollection.Name)]
public sealed class ApiKeyTests(SecuredRegistryHttpFixture fixture)
{
    [Fact]
    public async Task Register_WithoutKey_ExitsTwoSayingTheKeyIsMissing()
    {
        var result = await CliRunner.RunAsync(["--registry", fixture.BaseAddress.ToString(), "register", Instances.UniqueService("nokey"), "i-1", "--host", "10.0.0.5", "--port", "80"]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith("invalid input: the registry answered 401 (API key required)", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_WithKeyOptionOrVariable_Stored()
    {
        var name = Instances.UniqueService("keyed");

        var byOption = await CliRunner.RunAsync(["--registry", fixture.BaseAddress.ToString(), "--api-key", SecuredRegistryHttpFixture.FirstKey, "register", name, "i-1", "--host", "10.0.0.5", "--port", "80"]);
        var byVariable = await CliRunner.RunAsync(
            ["register", name, "i-2", "--host", "10.0.0.6", "--port", "80"],
            new Dictionary<string, string> { ["Registry__Client__Url"] = fixture.BaseAddress.ToString(), ["Registry__Client__ApiKey"] = SecuredRegistryHttpFixture.SecondKey });

        Assert.True(byOption.ExitCode == 0, byOption.ToString());
        Assert.True(byVariable.ExitCode == 0, byVariable.ToString());
        var listed = await CliRunner.RunAsync(["--registry", fixture.BaseAddress.ToString(), "instances", name]);
        Assert.Equal("i-1", listed.RowWith("i-1")[0]);
        Assert.Equal("i-2", listed.RowWith("i-2")[0]);
    }
}
