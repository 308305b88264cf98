using OrleansRegistry.Model;
using OrleansRegistry.Tests.Support;
using OrleansRegistry.Validation;

namespace OrleansRegistry.Tests.Validation;

/// <summary>
/// The registry's input rules, one row per rule: each row either passes the validator or is
/// refused with <see cref="RegistryValidationException"/> naming exactly the field in the row.
/// </summary>
public sealed class RegistryValidatorTests
{
    private static readonly ServiceInstance Valid = new(
        "i-1", "svc", "10.0.0.7", 8080, ServiceStatus.Healthy, new Dictionary<string, string>(StringComparer.Ordinal), null, default, default);

    public static TheoryData<Row> Names => new()
    {
        Instance("a valid instance", i => i, null),
        Instance("id empty", i => i with { Id = string.Empty }, "id"),
        Instance("id starting with a dash", i => i with { Id = "-x" }, "id"),
        Instance("id with a NUL", i => i with { Id = "x\0" }, "id"),
        Instance("id with a line break", i => i with { Id = "x\ny" }, "id"),
        Instance("id of 129 characters", i => i with { Id = new string('a', 129) }, "id"),
        Instance("id with a non-ASCII letter", i => i with { Id = "ünit" }, "id"),
        Instance("service name with a space", i => i with { ServiceName = "my svc" }, "service_name"),
        Instance("service name with a tab", i => i with { ServiceName = "svc\t" }, "service_name"),
        Instance("service name of 128 characters", i => i with { ServiceName = new string('s', 128) }, null),
    };

    public static TheoryData<Row> Hosts => new()
    {
        Instance("host a name", i => i with { Host = "api.internal" }, null),
        Instance("host a name with a trailing dot, in capitals", i => i with { Host = "API.Internal." }, null),
        Instance("host an IDN name", i => i with { Host = "bücher.example" }, null),
        Instance("host an IPv6 address", i => i with { Host = "::1" }, null),
        Instance("host an IPv6 address in brackets", i => i with { Host = "[::1]" }, null),
        Instance("host an IPv4 address in hex", i => i with { Host = "0x0a000007" }, null),
        Instance("host empty", i => i with { Host = string.Empty }, "host"),
        Instance("host with a NUL", i => i with { Host = "h\0" }, "host"),
        Instance("host with CR LF", i => i with { Host = "h\r\nX-Injected: 1" }, "host"),
        Instance("host with a space", i => i with { Host = "bad host" }, "host"),
        Instance("host with a leading space", i => i with { Host = " h" }, "host"),
        Instance("host a dotted quad out of range", i => i with { Host = "999.1.1.1" }, "host"),
        Instance("host with five numeric labels", i => i with { Host = "1.2.3.4.5" }, "host"),
        Instance("host a name ending in a number", i => i with { Host = "api.1" }, "host"),
        Instance("host with an empty label", i => i with { Host = "a..b" }, "host"),
        Instance("host of 254 characters", i => i with { Host = new string('h', 254) }, "host"),
        Instance("port 1", i => i with { Port = 1 }, null),
        Instance("port 65535", i => i with { Port = 65535 }, null),
        Instance("port 0", i => i with { Port = 0 }, "port"),
        Instance("port 65536", i => i with { Port = 65536 }, "port"),
        Instance("status not defined", i => i with { Status = (ServiceStatus)99 }, "status"),
    };

    public static TheoryData<Row> Metadata => new()
    {
        Instance("metadata value with non-ASCII letters", Meta("zone", "zürich"), null),
        Instance("metadata value with a tab", Meta("zone", "eu\twest"), "metadata.zone"),
        Instance("metadata value with a line break", Meta("zone", "eu\nwest"), "metadata.zone"),
        Instance("metadata value with CR", Meta("zone", "eu\r"), "metadata.zone"),
        Instance("metadata value with a NUL", Meta("zone", "eu\0"), "metadata.zone"),
        Instance("metadata value with DEL", Meta("zone", "eu\u007f"), "metadata.zone"),
        Instance("metadata value with a C1 control", Meta("zone", "eu\u0085"), "metadata.zone"),
        Instance("metadata value of 1025 characters", Meta("zone", new string('v', 1025)), "metadata.zone"),
        Instance("metadata key empty", Meta(string.Empty, "v"), "metadata"),
        Instance("metadata key with a NUL", Meta("zo\0ne", "v"), "metadata"),
        Instance("metadata key with a line break", Meta("zone\n", "v"), "metadata"),
        Instance("metadata key of 129 characters", Meta(new string('k', 129), "v"), "metadata"),
        Instance("metadata of 65 entries", i => i with { Metadata = Enumerable.Range(0, 65).ToDictionary(n => $"k{n}", _ => "v") }, "metadata"),
        Instance("weight 5", Meta("weight", "5"), null),
        Instance("weight 1000", Meta("weight", "1000"), null),
        Instance("weight with a leading zero", Meta("weight", "05"), null),
        Instance("weight 0", Meta("weight", "0"), "metadata.weight"),
        Instance("weight 1001", Meta("weight", "1001"), "metadata.weight"),
        Instance("weight with a trailing NUL", Meta("weight", "5\0"), "metadata.weight"),
        Instance("weight with trailing NULs", Meta("weight", "5\0\0"), "metadata.weight"),
        Instance("weight with a leading space", Meta("weight", " 5"), "metadata.weight"),
        Instance("weight with a trailing space", Meta("weight", "5 "), "metadata.weight"),
        Instance("weight with a plus sign", Meta("weight", "+5"), "metadata.weight"),
        Instance("weight in hex", Meta("weight", "0x5"), "metadata.weight"),
        Instance("weight with an exponent", Meta("weight", "1e1"), "metadata.weight"),
        Instance("weight with a thousands separator", Meta("weight", "1,000"), "metadata.weight"),
        Instance("weight in Arabic-Indic digits", Meta("weight", "\u0665"), "metadata.weight"),
        Instance("weight in full-width digits", Meta("weight", "\uff15"), "metadata.weight"),
        Instance("weight empty", Meta("weight", string.Empty), "metadata.weight"),
    };

    public static TheoryData<Row> HealthUrls => new()
    {
        Instance("health URL on an address", Url("http://10.0.0.7:9000/health"), null),
        Instance("health URL with a query", Url("https://10.0.0.7/health?full=1"), null),
        Instance("health URL with an escaped space", Url("http://10.0.0.7/health%20check"), null),
        Instance("health URL next to the link-local range", Url("http://169.253.255.255/health"), null),
        Instance("health URL not http", Url("ftp://10.0.0.7/health"), "health_check_url"),
        Instance("health URL relative", Url("/health"), "health_check_url"),
        Instance("health URL of 2049 characters", Url("http://10.0.0.7/" + new string('p', 2033)), "health_check_url"),
        Instance("health URL with CR LF in the path", Url("http://10.0.0.7/health\r\nX-Injected: 1"), "health_check_url"),
        Instance("health URL with a NUL", Url("http://10.0.0.7/he\0alth"), "health_check_url"),
        Instance("health URL with a tab", Url("http://10.0.0.7/health\t"), "health_check_url"),
        Instance("health URL with encoded CR LF in the path", Url("http://10.0.0.7/health%0d%0aX-Injected:%201"), "health_check_url"),
        Instance("health URL with an encoded NUL", Url("http://10.0.0.7/health%00"), "health_check_url"),
        Instance("health URL with encoded CR LF in the host", Url("http://api%0d%0a.internal/health"), "health_check_url"),
        Instance("health URL with CR LF in the host", Url("http://api\r\n.internal/health"), "health_check_url"),
        Instance("health URL with a leading space", Url(" http://10.0.0.7/health"), "health_check_url"),
        Instance("health URL with a space in the path", Url("http://10.0.0.7/health check"), "health_check_url"),
        Instance("health URL host with five numeric labels", Url("http://1.2.3.4.5/health"), "health_check_url"),
        Instance("health URL host a name ending in a number", Url("http://api.1/health"), "health_check_url"),
        Instance("health URL on the metadata address", Url("http://169.254.169.254/latest"), "health_check_url"),
        Instance("health URL on the metadata address with a trailing dot", Url("http://169.254.169.254./latest"), "health_check_url"),
        Instance("health URL on the metadata address in hex", Url("http://0xa9fea9fe/latest"), "health_check_url"),
        Instance("health URL on the metadata address in hex with a trailing dot", Url("http://0xa9fea9fe./latest"), "health_check_url"),
        Instance("health URL on the metadata address in octal", Url("http://0251.0376.0251.0376/latest"), "health_check_url"),
        Instance("health URL on the metadata address in octal with a trailing dot", Url("http://0251.0376.0251.0376./latest"), "health_check_url"),
        Instance("health URL on the metadata address as one decimal", Url("http://2852039166/latest"), "health_check_url"),
        Instance("health URL on the metadata address as one decimal with a trailing dot", Url("http://2852039166./latest"), "health_check_url"),
        Instance("health URL on the metadata address in three parts", Url("http://169.254.43518/latest"), "health_check_url"),
        Instance("health URL on the metadata address in two parts", Url("http://169.16689662./latest"), "health_check_url"),
        Instance("health URL on the metadata address mixing forms", Url("http://0xA9.0376.43518./latest"), "health_check_url"),
        Instance("health URL on the metadata address, IPv4-mapped", Url("http://[::ffff:169.254.169.254]/latest"), "health_check_url"),
        Instance("health URL on the metadata address, IPv4-mapped in hex", Url("http://[::ffff:a9fe:a9fe]/latest"), "health_check_url"),
        Instance("health URL on the metadata address, IPv4-translated", Url("http://[::ffff:0:a9fe:a9fe]/latest"), "health_check_url"),
        Instance("health URL on the metadata address, IPv4-compatible", Url("http://[::169.254.169.254]/latest"), "health_check_url"),
        Instance("health URL on the metadata address, NAT64", Url("http://[64:ff9b::a9fe:a9fe]/latest"), "health_check_url"),
        Instance("health URL on the metadata address with ideographic dots", Url("http://169\u3002254\u3002169\u3002254/latest"), "health_check_url"),
        Instance("health URL on the metadata address in full-width digits", Url("http://\uff11\uff16\uff19.\uff12\uff15\uff14.\uff11\uff16\uff19.\uff12\uff15\uff14/latest"), "health_check_url"),
        Instance("health URL on another link-local address", Url("http://169.254.0.1/"), "health_check_url"),
        Instance("health URL on an IPv6 link-local address", Url("http://[fe80::1]/"), "health_check_url"),
        Instance("health URL on an IPv6 link-local address with a zone", Url("http://[fe80::1%25eth0]/"), "health_check_url"),
        Instance("health URL on AWS's IPv6 metadata address", Url("http://[fd00:ec2::254]/latest"), "health_check_url"),
        Instance("health URL on Azure's host address", Url("http://168.63.129.16/"), "health_check_url"),
        Instance("health URL on Azure's host address with a trailing dot", Url("http://168.63.129.16./"), "health_check_url"),
        Instance("health URL on Alibaba's metadata address", Url("http://100.100.100.200/latest"), "health_check_url"),
        Instance("health URL on Alibaba's metadata address in hex", Url("http://0x646464c8/latest"), "health_check_url"),
        Instance("health URL on Alibaba's metadata address as one decimal", Url("http://1684301000/latest"), "health_check_url"),
    };

    public static TheoryData<Row> Checks => new()
    {
        Instance("check ttl 30 s", Check(new InstanceCheck(Ttl: TimeSpan.FromSeconds(30))), null),
        Instance("check ttl under 1 s", Check(new InstanceCheck(Ttl: TimeSpan.FromMilliseconds(500))), "check.ttl"),
        Instance("check ttl over 1 day", Check(new InstanceCheck(Ttl: TimeSpan.FromDays(2))), "check.ttl"),
        Instance("check failures 0", Check(new InstanceCheck(FailuresBeforeUnhealthy: 0)), "check.failures_before_unhealthy"),
        Instance("check failures 101", Check(new InstanceCheck(FailuresBeforeUnhealthy: 101)), "check.failures_before_unhealthy"),
        Instance("check successes 0", Check(new InstanceCheck(SuccessesBeforeHealthy: 0)), "check.successes_before_healthy"),
        Instance("check thresholds 100", Check(new InstanceCheck(FailuresBeforeUnhealthy: 100, SuccessesBeforeHealthy: 100)), null),
        Instance("check deregister_after 1 min", Check(new InstanceCheck(DeregisterAfter: TimeSpan.FromMinutes(1))), null),
        Instance("check deregister_after 30 days", Check(new InstanceCheck(DeregisterAfter: TimeSpan.FromDays(30))), null),
        Instance("check deregister_after 59 s", Check(new InstanceCheck(DeregisterAfter: TimeSpan.FromSeconds(59))), "check.deregister_after"),
        Instance("check deregister_after zero", Check(new InstanceCheck(DeregisterAfter: TimeSpan.Zero)), "check.deregister_after"),
        Instance("check deregister_after negative", Check(new InstanceCheck(DeregisterAfter: TimeSpan.FromMinutes(-5))), "check.deregister_after"),
        Instance("check deregister_after over 30 days", Check(new InstanceCheck(DeregisterAfter: TimeSpan.FromDays(31))), "check.deregister_after"),
    };

    public static TheoryData<Row> DefinitionRules => new()
    {
        Definition("a valid definition", d => d, null),
        Definition("name invalid", d => d with { Name = "bad name" }, "name"),
        Definition("version with a line break", d => d with { Version = "1.2\n" }, "version"),
        Definition("version of 129 characters", d => d with { Version = new string('1', 129) }, "version"),
        Definition("description with a tab", d => d with { Description = "users\tof the fleet" }, "description"),
        Definition("description with a line break", d => d with { Description = "line one\nline two" }, "description"),
        Definition("description with a NUL", d => d with { Description = "users\0" }, "description"),
        Definition("description with non-ASCII letters", d => d with { Description = "für alle" }, null),
        Definition("endpoint path without a slash", Endpoint(e => e with { Path = "users" }), "endpoints[0].path"),
        Definition("endpoint path with CR LF", Endpoint(e => e with { Path = "/users\r\n" }), "endpoints[0].path"),
        Definition("endpoint method with CR LF", Endpoint(e => e with { Method = "GET\r\n" }), "endpoints[0].method"),
        Definition("endpoint method with a space", Endpoint(e => e with { Method = "GE T" }), "endpoints[0].method"),
        Definition("endpoint description with a line break", Endpoint(e => e with { Description = "one\nuser" }), "endpoints[0].description"),
        Definition("parameter name with a NUL", Parameter(p => p with { Name = "id\0" }), "endpoints[0].parameters[0].name"),
        Definition("parameter name empty", Parameter(p => p with { Name = string.Empty }), "endpoints[0].parameters[0].name"),
        Definition("parameter type with a tab", Parameter(p => p with { ParamType = "string\t" }), "endpoints[0].parameters[0].param_type"),
        Definition("parameter description with a line break", Parameter(p => p with { Description = "user\nid" }), "endpoints[0].parameters[0].description"),
        Definition("dependency not a name", d => d with { Dependencies = ["auth", "bad name"] }, "dependencies[1]"),
        Definition("dependency with a NUL", d => d with { Dependencies = ["auth\0"] }, "dependencies[0]"),
        Definition("config value a JSON string with an escaped control character", Config("db", "\"a\\u0000b\\nc\""), null),
        Definition("config value with non-ASCII letters", Config("db", "\"zürich\""), null),
        Definition("config key with a NUL", Config("d\0b", "1"), "config"),
        Definition("config key empty", Config(string.Empty, "1"), "config"),
        Definition("config value not JSON", Config("db", "pool=5"), "config.db"),
        Definition("config value two JSON values", Config("db", "{} {}"), "config.db"),
        Definition("config value with a raw line break", Config("db", "{\n\"pool\":5}"), "config.db"),
        Definition("config value with a raw control character in a string", Config("db", "\"a\u0001b\""), "config.db"),
    };

    public static TheoryData<Row> Tags => new()
    {
        Instance("tags none", Tagged(), null),
        Instance("tags with dots, colons and dashes", Tagged("v1.2", "env:prod", "canary-1", "a_b"), null),
        Instance("tag of 64 characters", Tagged(new string('t', 64)), null),
        Instance("32 tags", Tagged(Enumerable.Range(0, 32).Select(i => $"t{i}").ToArray()), null),
        Instance("33 tags, two of them repeats of others", Tagged(Enumerable.Range(0, 33).Select(i => $"t{i % 31}").ToArray()), null),
        Instance("33 distinct tags", Tagged(Enumerable.Range(0, 33).Select(i => $"t{i}").ToArray()), "tags"),
        Instance("tag of 65 characters", Tagged(new string('t', 65)), "tags[0]"),
        Instance("tag empty", Tagged("ok", string.Empty), "tags[1]"),
        Instance("tag starting with a dot", Tagged(".x"), "tags[0]"),
        Instance("tag with a space", Tagged("a b"), "tags[0]"),
        Instance("tag with a slash", Tagged("a/b"), "tags[0]"),
        Instance("tag with a NUL", Tagged("a\0"), "tags[0]"),
        Instance("tag with a non-ASCII letter", Tagged("zürich"), "tags[0]"),
        Filter("filter none", InstanceFilter.None, null),
        Filter("filter on tags and metadata", new InstanceFilter(["canary", "env:prod"], [new("zone", "eu-1"), new("empty", string.Empty)]), null),
        Filter("filter tag with a space", new InstanceFilter(["a b"], []), "tag"),
        Filter("filter of 33 distinct tags", new InstanceFilter(Enumerable.Range(0, 33).Select(i => $"t{i}"), []), "tag"),
        Filter("filter metadata key empty", new InstanceFilter([], [new(string.Empty, "v")]), "meta"),
        Filter("filter metadata key with a line break", new InstanceFilter([], [new("a\nb", "v")]), "meta"),
        Filter("filter metadata value with a tab", new InstanceFilter([], [new("zone", "eu\t1")]), "meta.zone"),
        Filter("filter of 65 metadata conditions", new InstanceFilter([], Enumerable.Range(0, 65).Select(i => new MetadataMatch($"k{i}", "v"))), "meta"),
    };

    public static TheoryData<Row> MaintenanceReasons => new()
    {
        Reason("reason empty", string.Empty, null),
        Reason("reason of 256 characters", new string('r', 256), null),
        Reason("reason with non-ASCII letters", "Wartung für Kernel", null),
        Reason("reason of 257 characters", new string('r', 257), "reason"),
        Reason("reason with a line break", "deploy\nX-Injected: 1", "reason"),
        Reason("reason missing", null, "reason"),
    };

    [Theory]
    [MemberData(nameof(Names))]
    [MemberData(nameof(Hosts))]
    [MemberData(nameof(Metadata))]
    [MemberData(nameof(HealthUrls))]
    [MemberData(nameof(Checks))]
    [MemberData(nameof(DefinitionRules))]
    [MemberData(nameof(Tags))]
    [MemberData(nameof(MaintenanceReasons))]
    public void Validate_OneRowPerRule_AcceptsOrRefusesNamingTheField(Row row)
    {
        var error = Record.Exception(row.Validate);

        if (row.Field is null)
        {
            Assert.Null(error);
        }
        else
        {
            var refused = Assert.IsType<RegistryValidationException>(error);
            Assert.Equal(row.Field, refused.Field);
        }
    }

    [Fact]
    public void ValidateHealthCheckUrl_AnySpellingOfAnAddress_GivesItsCanonicalHost()
    {
        RegistryValidator.ValidateHealthCheckUrl("http://0x0a000007./health", out var host);

        Assert.Equal("10.0.0.7", host.Name);
        Assert.Equal(System.Net.IPAddress.Parse("10.0.0.7"), host.Address);
    }

    private static Row Instance(string rule, Func<ServiceInstance, ServiceInstance> change, string? field) =>
        new(rule, () => RegistryValidator.ValidateInstance(change(Valid)), field);

    private static Row Filter(string rule, InstanceFilter filter, string? field) =>
        new(rule, () => RegistryValidator.ValidateFilter(filter), field);

    private static Func<ServiceInstance, ServiceInstance> Tagged(params string[] tags) => i => i with { Tags = tags };

    [Fact]
    public void Tags_RepeatsAndOrder_DropsRepeatsKeepsOrderAndSharesTheEmptyList()
    {
        var tagged = Valid with { Tags = ["b", "a", "b", "c", "a"] };
        var untagged = Valid with { Tags = [] };

        Assert.Equal(["b", "a", "c"], tagged.Tags);
        Assert.Same(Valid.Tags, untagged.Tags);
        Assert.True(tagged.HasTag("c"));
        Assert.False(tagged.HasTag("C"));
    }

    private static Row Reason(string rule, string? reason, string? field) =>
        new(rule, () => RegistryValidator.ValidateMaintenanceReason(reason), field);

    private static Row Definition(string rule, Func<ServiceDefinition, ServiceDefinition> change, string? field) =>
        new(rule, () => RegistryValidator.ValidateDefinition(change(Definitions.Create("users"))), field);

    private static Func<ServiceInstance, ServiceInstance> Meta(string key, string value) =>
        i => i with { Metadata = new Dictionary<string, string>(StringComparer.Ordinal) { [key] = value } };

    private static Func<ServiceInstance, ServiceInstance> Url(string url) => i => i with { HealthCheckUrl = url };

    private static Func<ServiceInstance, ServiceInstance> Check(InstanceCheck check) => i => i with { Check = check };

    private static Func<ServiceDefinition, ServiceDefinition> Endpoint(Func<ServiceEndpoint, ServiceEndpoint> change) =>
        d => d with { Endpoints = [change(d.Endpoints[0])] };

    private static Func<ServiceDefinition, ServiceDefinition> Parameter(Func<EndpointParameter, EndpointParameter> change) =>
        Endpoint(e => e with { Parameters = [change(e.Parameters[0])] });

    private static Func<ServiceDefinition, ServiceDefinition> Config(string key, string json) =>
        d => d with { Config = new Dictionary<string, string>(StringComparer.Ordinal) { [key] = json } };

    /// <summary>One rule: what is validated, and the field it must name (null: it must pass).</summary>
    public sealed record Row(string Rule, Action Validate, string? Field)
    {
        public override string ToString() => Field is null ? $"{Rule}: accepted" : $"{Rule}: refused on {Field}";
    }
}
