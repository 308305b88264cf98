using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.Fixtures;

/// <summary>
/// A silo with one key of each kind (read on all namespaces, write on <c>default</c> and
/// <see cref="Namespace"/> given as a SHA-256, write on another namespace only, admin, and a
/// <c>Registry:ApiKeys</c> key), with reads protected or not. Every log entry it writes, down to
/// ASP.NET Core's debug messages, is kept in <see cref="EverythingLogs"/>.
/// </summary>
public abstract class ScopedKeysHttpFixture : RegistryHttpFixture
{
    public const string Namespace = "keys-ns";
    public const string ReadKey = "read-key-5b0c1d7e";
    public const string WriteKey = "write-key-8f2e6a4c";
    public const string OtherNamespaceKey = "elsewhere-key-3d9b";
    public const string AdminKey = "admin-key-77aa01ce";
    public const string LegacyKey = "legacy-key-c4e2f0a9";
    public const string UnknownKey = "unknown-key-0e1f2a3b";

    protected ScopedKeysHttpFixture(bool protectReads) =>
        Settings = new Dictionary<string, string>
        {
            ["Registry:Auth:ProtectReads"] = protectReads ? "true" : "false",
            ["Registry:Auth:Keys:0:Key"] = ReadKey,
            ["Registry:Auth:Keys:0:Access"] = "read",
            ["Registry:Auth:Keys:1:KeySha256"] = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(WriteKey))).ToLowerInvariant(),
            ["Registry:Auth:Keys:1:Namespaces:0"] = "default",
            ["Registry:Auth:Keys:1:Namespaces:1"] = Namespace,
            ["Registry:Auth:Keys:2:Key"] = OtherNamespaceKey,
            ["Registry:Auth:Keys:2:Access"] = "write",
            ["Registry:Auth:Keys:2:Namespaces"] = "elsewhere, somewhere-else",
            ["Registry:Auth:Keys:3:Key"] = AdminKey,
            ["Registry:Auth:Keys:3:Access"] = "Admin",
            ["Registry:ApiKeys"] = LegacyKey,
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Debug",
            ["Logging:LogLevel:OrleansRegistry"] = "Debug",
            ["Logging:Console:LogLevel:Default"] = "Warning",
        };

    public bool ProtectReads => Settings["Registry:Auth:ProtectReads"] == "true";

    public EverythingLogCapture EverythingLogs { get; } = new();

    public static IReadOnlyList<string> AllKeys { get; } = [ReadKey, WriteKey, OtherNamespaceKey, AdminKey, LegacyKey, UnknownKey];

    protected override IReadOnlyDictionary<string, string> Settings { get; }

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<ILoggerProvider>(EverythingLogs);
}

public sealed class OpenReadsKeysHttpFixture() : ScopedKeysHttpFixture(protectReads: false);

public sealed class ProtectedReadsKeysHttpFixture() : ScopedKeysHttpFixture(protectReads: true);

[CollectionDefinition(Name)]
public sealed class OpenReadsKeysHttpCollection : ICollectionFixture<OpenReadsKeysHttpFixture>
{
    public const string Name = "scoped keys, open reads";
}

[CollectionDefinition(Name)]
public sealed class ProtectedReadsKeysHttpCollection : ICollectionFixture<ProtectedReadsKeysHttpFixture>
{
    public const string Name = "scoped keys, protected reads";
}
