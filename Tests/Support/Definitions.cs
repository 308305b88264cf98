using OrleansRegistry.Model;

namespace OrleansRegistry.Tests.Support;

public static class Definitions
{
    public static ServiceDefinition Create(string name) => new(
        name,
        "1.2.3",
        "users of the fleet",
        [new ServiceEndpoint("/users/{id}", "GET", "one user", [new EndpointParameter("id", "string", true, "user id")])],
        ["auth"],
        new Dictionary<string, string> { ["db"] = "{\"pool\":5}" });
}
