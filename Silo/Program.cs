using OrleansRegistry.Silo.Dns;
using OrleansRegistry.Silo.Hosting;

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddRegistrySilo();
    builder.AddRegistryTelemetry();
    builder.Services.AddRegistryDns();
    var app = builder.Build();
    app.MapRegistryEndpoints();
    app.MapRegistryMetrics();
    app.MapRegistryDashboard();
    app.MapRegistryView();
    await app.RunAsync();
    return 0;
}
catch (Exception exception) when (ConfigurationFailure.MessageOf(exception) is { } message)
{
    await Console.Error.WriteLineAsync($"OrleansRegistry cannot start: {message}");
    return 2;
}

/// <summary>The silo's entry point; public so that tests can host it.</summary>
public partial class Program;
