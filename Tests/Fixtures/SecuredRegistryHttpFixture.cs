namespace OrleansRegistry.Tests.Fixtures;

/// <summary>
/// A second silo whose writes need an API key (two keys configured), with a two-second
/// least-connections lease so that lease expiry can be observed over HTTP.
/// </summary>
public sealed class SecuredRegistryHttpFixture : RegistryHttpFixture
{
    public const string FirstKey = "first-key-0123456789";
    public const string SecondKey = "second-key-abcdefghij";
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(2);

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Registry:ApiKeys"] = $"{FirstKey},{SecondKey}",
        ["Registry:Balancer:LeaseDuration"] = "00:00:02",
    };
}

[CollectionDefinition(Name)]
public sealed class SecuredRegistryHttpCollection : ICollectionFixture<SecuredRegistryHttpFixture>
{
    public const string Name = "secured registry http";
}
