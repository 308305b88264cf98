namespace OrleansRegistry.Caching;

/// <summary>The string key of a silo-addressed grain.</summary>
public static class SiloKey
{
    public static string Of(SiloAddress silo) => silo.ToParsableString();

    public static SiloAddress Parse(string key) => SiloAddress.FromParsableString(key);
}
