using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using OrleansRegistry.Model;

namespace OrleansRegistry.Validation;

/// <summary>
/// The one set of input rules every entry point applies (grains, HTTP, CLI). Each method throws
/// <see cref="RegistryValidationException"/> naming the wire field at the first violation.
/// </summary>
public static class RegistryValidator
{
    private static readonly SearchValues<char> NameTail =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-");

    private static readonly SearchValues<char> TagTail =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._:-");

    private static readonly SearchValues<char> HttpTokenChars =
        SearchValues.Create("!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");

    /// <summary>True when <paramref name="value"/> matches <c>[A-Za-z0-9][A-Za-z0-9._-]{0,127}</c>.</summary>
    public static bool IsValidName(string? value) =>
        !string.IsNullOrEmpty(value)
        && value.Length <= RegistryLimits.MaxNameLength
        && char.IsAsciiLetterOrDigit(value[0])
        && !value.AsSpan().ContainsAnyExcept(NameTail);

    /// <summary>True when <paramref name="tag"/> matches <c>[A-Za-z0-9][A-Za-z0-9._:-]{0,63}</c>.</summary>
    public static bool IsValidTag(string? tag) =>
        !string.IsNullOrEmpty(tag)
        && tag.Length <= RegistryLimits.MaxTagLength
        && char.IsAsciiLetterOrDigit(tag[0])
        && !tag.AsSpan().ContainsAnyExcept(TagTail);

    public static void ValidateServiceName(string? serviceName, string field = "service_name")
    {
        if (!IsValidName(serviceName))
        {
            throw new RegistryValidationException(field, "must match [A-Za-z0-9][A-Za-z0-9._-]{0,127}");
        }
    }

    public static void ValidateInstanceId(string? instanceId, string field = "id")
    {
        if (!IsValidName(instanceId))
        {
            throw new RegistryValidationException(field, "must match [A-Za-z0-9][A-Za-z0-9._-]{0,127}");
        }
    }

    public static void ValidateInstance(ServiceInstance? instance)
    {
        if (instance is null)
        {
            throw new RegistryValidationException("instance", "is required");
        }

        ValidateInstanceId(instance.Id);
        ValidateServiceName(instance.ServiceName);
        ValidateHost(instance.Host);
        if (instance.Port is < 1 or > 65535)
        {
            throw new RegistryValidationException("port", "must be between 1 and 65535");
        }

        if (!Enum.IsDefined(instance.Status))
        {
            throw new RegistryValidationException("status", "must be healthy, unhealthy, starting or stopping");
        }

        ValidateMetadata(instance.Metadata);
        ValidateTags(instance.Tags);
        if (instance.HealthCheckUrl is not null)
        {
            ValidateHealthCheckUrl(instance.HealthCheckUrl);
        }

        if (instance.Check is { } check)
        {
            ValidateCheck(check);
        }
    }

    public static void ValidateHost(string? host)
    {
        if (string.IsNullOrEmpty(host) || host.Length > RegistryLimits.MaxHostLength)
        {
            throw new RegistryValidationException("host", "is required and at most 253 characters");
        }

        if (InputText.HasControlCharacter(host))
        {
            throw new RegistryValidationException("host", "must not contain control characters");
        }

        if (!CanonicalHost.TryParse(host, out _))
        {
            throw new RegistryValidationException("host", "must be a host name or an IP address literal (a last label that is a number makes it an IPv4 address)");
        }
    }

    public static void ValidateMetadata(IReadOnlyDictionary<string, string>? metadata)
    {
        if (metadata is null)
        {
            throw new RegistryValidationException("metadata", "is required (it may be empty)");
        }

        if (metadata.Count > RegistryLimits.MaxMetadataEntries)
        {
            throw new RegistryValidationException("metadata", $"has more than {RegistryLimits.MaxMetadataEntries} entries");
        }

        foreach (var (key, value) in metadata)
        {
            ValidateKey(key, "metadata");
            if (value is null || value.Length > RegistryLimits.MaxMetadataValueLength)
            {
                throw new RegistryValidationException($"metadata.{key}", $"must be a string of at most {RegistryLimits.MaxMetadataValueLength} characters");
            }

            RefuseControlCharacters(value, $"metadata.{key}");
        }

        if (metadata.TryGetValue(ServiceInstance.WeightKey, out var weightText)
            && (!InputText.TryParseDigits(weightText, out int weight) || weight < RegistryLimits.MinWeight || weight > RegistryLimits.MaxWeight))
        {
            throw new RegistryValidationException("metadata.weight", $"must be an integer from {RegistryLimits.MinWeight} to {RegistryLimits.MaxWeight}, in digits only");
        }
    }

    /// <summary>At most <see cref="RegistryLimits.MaxTags"/> tags (counted without repeats), each a valid tag.</summary>
    public static void ValidateTags(IReadOnlyList<string>? tags)
    {
        if (tags is null)
        {
            throw new RegistryValidationException("tags", "is required (it may be empty)");
        }

        if (tags.Count > RegistryLimits.MaxTags)
        {
            throw new RegistryValidationException("tags", $"holds more than {RegistryLimits.MaxTags} distinct tags");
        }

        for (var i = 0; i < tags.Count; i++)
        {
            // The tag itself is not echoed: it is the hostile part.
            if (!IsValidTag(tags[i]))
            {
                throw new RegistryValidationException($"tags[{i}]", TagRule);
            }
        }
    }

    /// <summary>
    /// A filter's conditions: valid tags (field <c>tag</c>), metadata keys as metadata allows them
    /// (field <c>meta</c>) and values without control characters (field <c>meta.{key}</c>), and
    /// not more of either than <see cref="RegistryLimits.MaxFilterTags"/> and <see cref="RegistryLimits.MaxFilterMetadata"/>.
    /// </summary>
    public static void ValidateFilter(InstanceFilter? filter)
    {
        if (filter is null)
        {
            throw new RegistryValidationException("filter", "is required (InstanceFilter.None keeps every instance)");
        }

        if (filter.Tags is null || filter.Tags.Count > RegistryLimits.MaxFilterTags)
        {
            throw new RegistryValidationException("tag", $"may be given at most {RegistryLimits.MaxFilterTags} times");
        }

        foreach (var tag in filter.Tags)
        {
            if (!IsValidTag(tag))
            {
                throw new RegistryValidationException("tag", TagRule);
            }
        }

        if (filter.Metadata is null || filter.Metadata.Count > RegistryLimits.MaxFilterMetadata)
        {
            throw new RegistryValidationException("meta", $"may hold at most {RegistryLimits.MaxFilterMetadata} conditions");
        }

        foreach (var (key, value) in filter.Metadata)
        {
            ValidateKey(key, "meta");
            if (value is null || value.Length > RegistryLimits.MaxMetadataValueLength)
            {
                throw new RegistryValidationException($"meta.{key}", $"must be a string of at most {RegistryLimits.MaxMetadataValueLength} characters");
            }

            RefuseControlCharacters(value, $"meta.{key}");
        }
    }

    /// <summary>The zone a pick prefers (<c>near</c>): a non-empty metadata value.</summary>
    public static void ValidateZone(string? zone, string field = "near")
    {
        if (string.IsNullOrEmpty(zone) || zone.Length > RegistryLimits.MaxMetadataValueLength)
        {
            throw new RegistryValidationException(field, $"must be a zone name of 1 to {RegistryLimits.MaxMetadataValueLength} characters (compared with metadata.zone)");
        }

        RefuseControlCharacters(zone, field);
    }

    public static Uri ValidateHealthCheckUrl(string url) => ValidateHealthCheckUrl(url, out _);

    /// <summary>
    /// Checks a health URL and returns it with its <see cref="CanonicalHost"/>: any spelling of a
    /// link-local or cloud metadata address is refused here, at registration, not only when probed.
    /// </summary>
    public static Uri ValidateHealthCheckUrl(string url, out CanonicalHost host)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (InputText.HasControlCharacter(url) || InputText.HasEncodedControlCharacter(url) || url.Any(char.IsWhiteSpace))
        {
            throw new RegistryValidationException("health_check_url", "must not contain control characters (raw or percent-encoded) or white space");
        }

        if (url.Length > RegistryLimits.MaxUrlLength
            || !Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || string.IsNullOrEmpty(uri.Host))
        {
            throw new RegistryValidationException("health_check_url", $"must be an absolute http or https URL of at most {RegistryLimits.MaxUrlLength} characters");
        }

        if (!CanonicalHost.TryParse(uri.IdnHost, out var canonical))
        {
            throw new RegistryValidationException("health_check_url", "must name a valid host or IP address");
        }

        if (canonical.Address is { } address && IsAlwaysForbidden(address))
        {
            throw new RegistryValidationException("health_check_url", "must not point at a link-local or cloud metadata address");
        }

        host = canonical;
        return uri;
    }

    /// <summary>
    /// Link-local addresses (169.254.0.0/16, fe80::/10), which include most cloud metadata endpoints,
    /// and the metadata and host endpoints that live elsewhere (<see cref="CloudHostEndpoints"/>);
    /// an IPv6 address that embeds one of those IPv4 addresses (see <see cref="EmbeddedIPv4"/>) too.
    /// </summary>
    public static bool IsAlwaysForbidden(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        address = EmbeddedIPv4(address) ?? address;
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var bytes = address.GetAddressBytes();
            return (bytes[0] == 169 && bytes[1] == 254) || CloudHostEndpoints.Contains(address);
        }

        return address.IsIPv6LinkLocal || CloudHostEndpoints.Contains(address);
    }

    /// <summary>
    /// Cloud endpoints outside the link-local ranges that answer only to the machine asking:
    /// AWS's IPv6 instance metadata, Azure's host (WireServer), Alibaba Cloud's metadata.
    /// </summary>
    public static IReadOnlyCollection<IPAddress> CloudHostEndpoints { get; } =
    [
        IPAddress.Parse("fd00:ec2::254"),
        IPAddress.Parse("168.63.129.16"),
        IPAddress.Parse("100.100.100.200"),
    ];

    /// <summary>
    /// The IPv4 address inside an IPv6 one that reaches it: IPv4-mapped (<c>::ffff:a.b.c.d</c>),
    /// IPv4-translated (<c>::ffff:0:a.b.c.d</c>), IPv4-compatible (<c>::a.b.c.d</c>) and the NAT64
    /// well-known prefix (<c>64:ff9b::a.b.c.d</c>); null for any other address.
    /// </summary>
    private static IPAddress? EmbeddedIPv4(IPAddress address)
    {
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return null;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }

        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        var prefix = bytes[..12];
        var compatible = !prefix.ContainsAnyExcept((byte)0);
        var translated = !prefix[..8].ContainsAnyExcept((byte)0) && prefix[8..].SequenceEqual(stackalloc byte[] { 0xff, 0xff, 0, 0 });
        var nat64 = prefix[..4].SequenceEqual(stackalloc byte[] { 0, 0x64, 0xff, 0x9b }) && !prefix[4..].ContainsAnyExcept((byte)0);
        return compatible || translated || nat64 ? new IPAddress(bytes[12..]) : null;
    }

    public static void ValidateCheck(InstanceCheck check)
    {
        if (check.Ttl is { } ttl && (ttl < TimeSpan.FromSeconds(1) || ttl > TimeSpan.FromDays(1)))
        {
            throw new RegistryValidationException("check.ttl", "must be between 1 second and 1 day");
        }

        if (check.FailuresBeforeUnhealthy is { } failures && (failures < 1 || failures > RegistryLimits.MaxCheckThreshold))
        {
            throw new RegistryValidationException("check.failures_before_unhealthy", $"must be between 1 and {RegistryLimits.MaxCheckThreshold}");
        }

        if (check.SuccessesBeforeHealthy is { } successes && (successes < 1 || successes > RegistryLimits.MaxCheckThreshold))
        {
            throw new RegistryValidationException("check.successes_before_healthy", $"must be between 1 and {RegistryLimits.MaxCheckThreshold}");
        }

        if (check.DeregisterAfter is { } deregisterAfter
            && (deregisterAfter < RegistryLimits.MinDeregisterAfter || deregisterAfter > RegistryLimits.MaxDeregisterAfter))
        {
            throw new RegistryValidationException("check.deregister_after", "must be between 1m and 30 days");
        }
    }

    /// <summary>A maintenance reason: at most 256 characters, no control characters (it is echoed into logs and terminals); empty is allowed.</summary>
    public static void ValidateMaintenanceReason(string? reason)
    {
        if (reason is null || reason.Length > RegistryLimits.MaxMaintenanceReasonLength)
        {
            throw new RegistryValidationException("reason", $"must be a string of at most {RegistryLimits.MaxMaintenanceReasonLength} characters");
        }

        RefuseControlCharacters(reason, "reason");
    }

    public static void ValidateDefinition(ServiceDefinition? definition)
    {
        if (definition is null)
        {
            throw new RegistryValidationException("definition", "is required");
        }

        ValidateServiceName(definition.Name, "name");
        ValidateText(definition.Version, "version", 128);
        ValidateText(definition.Description, "description", RegistryLimits.MaxTextLength);
        if (definition.Endpoints is null || definition.Endpoints.Count > RegistryLimits.MaxEndpoints)
        {
            throw new RegistryValidationException("endpoints", $"is required and holds at most {RegistryLimits.MaxEndpoints} entries");
        }

        for (var i = 0; i < definition.Endpoints.Count; i++)
        {
            ValidateEndpoint(definition.Endpoints[i], $"endpoints[{i}]");
        }

        if (definition.Dependencies is null || definition.Dependencies.Count > RegistryLimits.MaxDependencies)
        {
            throw new RegistryValidationException("dependencies", $"is required and holds at most {RegistryLimits.MaxDependencies} entries");
        }

        for (var i = 0; i < definition.Dependencies.Count; i++)
        {
            ValidateServiceName(definition.Dependencies[i], $"dependencies[{i}]");
        }

        if (definition.Config is null || definition.Config.Count > RegistryLimits.MaxConfigEntries)
        {
            throw new RegistryValidationException("config", $"is required and holds at most {RegistryLimits.MaxConfigEntries} entries");
        }

        foreach (var (key, value) in definition.Config)
        {
            ValidateKey(key, "config");
            if (value is null || value.Length > RegistryLimits.MaxConfigValueLength || !IsOneJsonValue(value))
            {
                throw new RegistryValidationException($"config.{key}", "must be one JSON value of at most 64 KiB");
            }

            // Compact JSON carries control characters only as escapes; raw ones are formatting at best.
            RefuseControlCharacters(value, $"config.{key}");
        }
    }

    private static void ValidateEndpoint(ServiceEndpoint? endpoint, string field)
    {
        if (endpoint is null)
        {
            throw new RegistryValidationException(field, "must not be null");
        }

        if (string.IsNullOrEmpty(endpoint.Path) || endpoint.Path[0] != '/' || endpoint.Path.Length > RegistryLimits.MaxUrlLength)
        {
            throw new RegistryValidationException($"{field}.path", "must start with '/' and be at most 2048 characters");
        }

        RefuseControlCharacters(endpoint.Path, $"{field}.path");

        if (string.IsNullOrEmpty(endpoint.Method) || endpoint.Method.Length > 32 || endpoint.Method.AsSpan().ContainsAnyExcept(HttpTokenChars))
        {
            throw new RegistryValidationException($"{field}.method", "must be an HTTP method token");
        }

        ValidateText(endpoint.Description, $"{field}.description", RegistryLimits.MaxTextLength);
        if (endpoint.Parameters is null || endpoint.Parameters.Count > RegistryLimits.MaxParameters)
        {
            throw new RegistryValidationException($"{field}.parameters", $"is required and holds at most {RegistryLimits.MaxParameters} entries");
        }

        for (var i = 0; i < endpoint.Parameters.Count; i++)
        {
            var parameter = endpoint.Parameters[i];
            var parameterField = $"{field}.parameters[{i}]";
            if (parameter is null)
            {
                throw new RegistryValidationException(parameterField, "must not be null");
            }

            ValidateText(parameter.Name, $"{parameterField}.name", RegistryLimits.MaxNameLength, required: true);
            ValidateText(parameter.ParamType, $"{parameterField}.param_type", RegistryLimits.MaxNameLength, required: true);
            ValidateText(parameter.Description, $"{parameterField}.description", RegistryLimits.MaxTextLength);
        }
    }

    private static void ValidateText(string? value, string field, int maxLength, bool required = false)
    {
        if (value is null || value.Length > maxLength || (required && value.Length == 0))
        {
            throw new RegistryValidationException(field, required
                ? $"is required and at most {maxLength} characters"
                : $"must be a string of at most {maxLength} characters");
        }

        RefuseControlCharacters(value, field);
    }

    private const string TagRule = "must match [A-Za-z0-9][A-Za-z0-9._:-]{0,63}";

    /// <summary>A metadata or config key: 1 to 128 characters, none of them a control character.</summary>
    private static void ValidateKey(string? key, string field)
    {
        if (string.IsNullOrEmpty(key) || key.Length > RegistryLimits.MaxMetadataKeyLength)
        {
            throw new RegistryValidationException(field, $"keys must be 1 to {RegistryLimits.MaxMetadataKeyLength} characters");
        }

        // The key itself is not echoed: it is the hostile part.
        if (InputText.HasControlCharacter(key))
        {
            throw new RegistryValidationException(field, "keys must not contain control characters");
        }
    }

    /// <summary>No control character anywhere, tab and line breaks included: stored text is echoed into logs, headers and terminals.</summary>
    private static void RefuseControlCharacters(string value, string field)
    {
        if (InputText.HasControlCharacter(value))
        {
            throw new RegistryValidationException(field, "must not contain control characters (tab and line breaks included)");
        }
    }

    private static bool IsOneJsonValue(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
