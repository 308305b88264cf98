using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OrleansRegistry.Client.Hosting;

// A service that calls user-service through the registry's HTTP API. The registry's address comes
// from configuration: Registry__Client__Url=http://registry:8080 (several: Registry__Client__Urls__0=...).
var builder = Host.CreateApplicationBuilder(args);

// <http-mode-client>
builder.Services.AddRegistryClient();                     // HTTP mode: Registry:Client:Url, no Orleans
builder.Services.AddServiceDiscovery();
builder.Services.AddRegistryServiceEndpointProvider();     // http://user-service resolves through the registry
builder.Services.AddHttpClient("users", http => http.BaseAddress = new Uri("http://user-service"))
    .AddServiceDiscovery();
// </http-mode-client>

using var host = builder.Build();
await host.StartAsync();
var users = host.Services.GetRequiredService<IHttpClientFactory>().CreateClient("users");
Console.WriteLine(await users.GetStringAsync(new Uri("/whoami", UriKind.Relative)));

// Printed so that a test can hold the sample to its promise.
var orleans = AppDomain.CurrentDomain.GetAssemblies()
    .Select(assembly => assembly.GetName().Name ?? string.Empty)
    .Where(name => name.StartsWith("Orleans.", StringComparison.Ordinal) || name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal))
    .ToArray();
Console.WriteLine($"Orleans assemblies loaded: {orleans.Length}{(orleans.Length > 0 ? " (" + string.Join(", ", orleans) + ")" : string.Empty)}");
await host.StopAsync();
