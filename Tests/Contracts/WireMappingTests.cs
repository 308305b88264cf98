using System.Text.Json;
using OrleansRegistry.Contracts;
using OrleansRegistry.Model;
using OrleansRegistry.Tests.Support;
using OrleansRegistry.Validation;

namespace OrleansRegistry.Tests.Contracts;

public sealed class WireMappingTests
{
    [Theory]
    [InlineData(ServiceStatus.Healthy, "healthy")]
    [InlineData(ServiceStatus.Unhealthy, "unhealthy")]
    [InlineData(ServiceStatus.Starting, "starting")]
    [InlineData(ServiceStatus.Stopping, "stopping")]
    public void ToWire_EachStatus_ParsesBack(ServiceStatus status, string wire)
    {
        Assert.Equal(wire, status.ToWire());
        Assert.True(WireMapping.TryParseStatus(wire, out var parsed));
        Assert.Equal(status, parsed);
    }

    [Theory]
    [InlineData("Healthy", ServiceStatus.Healthy)]
    [InlineData("STOPPING", ServiceStatus.Stopping)]
    public void TryParseStatus_AsciiCase_IsIgnored(string text, ServiceStatus expected)
    {
        Assert.True(WireMapping.TryParseStatus(text, out var status));
        Assert.Equal(expected, status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sleeping")]
    [InlineData("healthy\0")]
    [InlineData(" healthy")]
    [InlineData("healthy\n")]
    [InlineData("\u017Ftarting")]
    [InlineData("HEALTHY\u0130")]
    public void TryParseStatus_AnythingElse_Fails(string? text)
    {
        Assert.False(WireMapping.TryParseStatus(text, out _));
    }

    [Fact]
    public void ToInstance_MinimalDocument_TakesIdAndServiceFromThePath()
    {
        var instance = Read("""{"host":"10.0.0.7","port":8080}""").ToInstance("users", "u-1");

        Assert.Equal(
            ("u-1", "users", ServiceStatus.Healthy, 0, (string?)null, (InstanceCheck?)null),
            (instance.Id, instance.ServiceName, instance.Status, instance.Metadata.Count, instance.HealthCheckUrl, instance.Check));
    }

    [Fact]
    public void ToInstance_FullDocument_MapsEveryField()
    {
        var instance = Read("""
            {"id":"u-1","service_name":"users","host":"10.0.0.7","port":8080,"status":"Starting",
             "metadata":{"zone":"a","weight":"5"},"health_check_url":"http://10.0.0.7:8080/health",
             "check":{"ttl":"1m30s","tcp":true,"failures_before_unhealthy":3,"successes_before_healthy":2}}
            """).ToInstance("users", "u-1");

        Assert.Equal(ServiceStatus.Starting, instance.Status);
        Assert.Equal(5, instance.Weight);
        Assert.Equal("a", instance.Metadata["zone"]);
        Assert.Equal("http://10.0.0.7:8080/health", instance.HealthCheckUrl);
        Assert.Equal(new InstanceCheck(TimeSpan.FromSeconds(90), true, 3, 2), instance.Check);
    }

    [Fact]
    public void ToInstance_EmptyHealthUrl_MeansNone()
    {
        Assert.Null(Read("""{"host":"h","port":80,"health_check_url":""}""").ToInstance("users", "u-1").HealthCheckUrl);
    }

    [Theory]
    [InlineData("""{"host":"h","port":80,"id":"other"}""", "id")]
    [InlineData("""{"host":"h","port":80,"id":"u-1\u0000"}""", "id")]
    [InlineData("""{"host":"h","port":80,"service_name":"other"}""", "service_name")]
    [InlineData("""{"host":"h","port":80,"service_name":"users\r\n"}""", "service_name")]
    [InlineData("""{"host":"h"}""", "port")]
    [InlineData("""{"port":80}""", "host")]
    [InlineData("""{"host":"h","port":80,"status":"sleeping"}""", "status")]
    [InlineData("""{"host":"h","port":80,"status":"healthy\u0000"}""", "status")]
    [InlineData("""{"host":"h","port":80,"metadata":{"weight":"5\u0000"}}""", "metadata.weight")]
    [InlineData("""{"host":"h","port":80,"metadata":{"zone":"a\tb"}}""", "metadata.zone")]
    [InlineData("""{"host":"h","port":80,"health_check_url":"http://169.254.169.254./"}""", "health_check_url")]
    [InlineData("""{"host":"h","port":80,"check":{"ttl":"forever"}}""", "check.ttl")]
    [InlineData("""{"host":"h","port":80,"check":{"ttl":"30s\n"}}""", "check.ttl")]
    [InlineData("""{"host":"h","port":80,"check":{"ttl":" 30s"}}""", "check.ttl")]
    [InlineData("""{"host":"h","port":80,"check":{"ttl":"500ms"}}""", "check.ttl")]
    public void ToInstance_RefusedDocument_NamesTheField(string json, string field)
    {
        var error = Assert.Throws<RegistryValidationException>(() => Read(json).ToInstance("users", "u-1"));

        Assert.Equal(field, error.Field);
        Assert.DoesNotContain('\0', error.Message);
    }

    [Theory]
    [InlineData("bad name", "u-1", "service_name")]
    [InlineData("users", "u\u00001", "id")]
    public void ToInstance_RefusedPath_NamesTheField(string service, string id, string field)
    {
        var error = Assert.Throws<RegistryValidationException>(() => Read("""{"host":"h","port":80}""").ToInstance(service, id));

        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void ToDocument_ThenToInstance_GivesTheSameInstance()
    {
        var instance = Instances.Create("users", "u-1", weight: 7, healthCheckUrl: "http://127.0.0.1:8080/health") with
        {
            Check = new InstanceCheck(TimeSpan.FromSeconds(90), false, 4, null),
        };

        var document = instance.ToDocument();
        var back = document.ToInstance("users", "u-1");

        Assert.Equal("1m30s", document.Check!.Ttl);
        Assert.Null(document.Panic);
        Assert.Equal(instance.Check, back.Check);
        Assert.Equal(instance.Metadata, back.Metadata);
        Assert.Equal((instance.Host, instance.Port, instance.Status, instance.HealthCheckUrl), (back.Host, back.Port, back.Status, back.HealthCheckUrl));
    }

    [Fact]
    public void ToDocument_PanicInstance_SaysSo()
    {
        Assert.True((Instances.Create("users", "u-1") with { Panic = true }).ToDocument().Panic);
    }

    [Fact]
    public void ToDefinition_ConfigValue_IsStoredAsCompactJsonWithoutControlCharacters()
    {
        var definition = ReadDefinition("""
            {"config":{"db":{
                "pool" : 5,
                "name" : "zürich\n<main>"
            }}}
            """).ToDefinition("users");

        Assert.Equal("""{"pool":5,"name":"zürich\n<main>"}""", definition.Config["db"]);
        Assert.False(InputText.HasControlCharacter(definition.Config["db"]));
    }

    [Fact]
    public void ToDefinition_MissingParts_AreEmpty()
    {
        var definition = ReadDefinition("{}").ToDefinition("users");

        Assert.Equal(
            ("users", string.Empty, string.Empty, 0, 0, 0),
            (definition.Name, definition.Version, definition.Description, definition.Endpoints.Count, definition.Dependencies.Count, definition.Config.Count));
    }

    [Theory]
    [InlineData("""{"name":"other"}""", "name")]
    [InlineData("""{"name":"users\u0000"}""", "name")]
    [InlineData("""{"endpoints":[null]}""", "endpoints[0]")]
    [InlineData("""{"endpoints":[{"path":"/u","method":"GET","parameters":[null]}]}""", "endpoints[0].parameters[0]")]
    [InlineData("""{"dependencies":["auth",null]}""", "dependencies[1]")]
    [InlineData("""{"description":"one\ntwo"}""", "description")]
    [InlineData("""{"config":{"a\u0000":1}}""", "config")]
    public void ToDefinition_RefusedDocument_NamesTheField(string json, string field)
    {
        var error = Assert.Throws<RegistryValidationException>(() => ReadDefinition(json).ToDefinition("users"));

        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void ToDocument_ThenToDefinition_GivesTheSameDefinition()
    {
        var definition = Definitions.Create("users");

        var back = definition.ToDocument().ToDefinition("users");

        Assert.Equal(Json(definition.ToDocument()), Json(back.ToDocument()));
        Assert.Equal(definition.Config, back.Config);
    }

    [Fact]
    public void ToDocument_Summary_KeepsItsCounts()
    {
        Assert.Equal(new ServiceSummaryDocument("users", 3, 2), new ServiceSummary("users", 3, 2).ToDocument());
    }

    private static ServiceInstanceDocument Read(string json) =>
        JsonSerializer.Deserialize(json, RegistryJsonContext.Default.ServiceInstanceDocument)!;

    private static ServiceDefinitionDocument ReadDefinition(string json) =>
        JsonSerializer.Deserialize(json, RegistryJsonContext.Default.ServiceDefinitionDocument)!;

    private static string Json(ServiceDefinitionDocument document) =>
        JsonSerializer.Serialize(document, RegistryJsonContext.Default.ServiceDefinitionDocument);
}
