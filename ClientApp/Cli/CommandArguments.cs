using System.CommandLine;

namespace OrleansRegistry.ClientApp.Cli;

/// <summary>
/// The argument almost every command takes. It is a plain string on purpose: <c>RegistryValidator</c>
/// checks it when the command runs, so a bad name is refused naming its wire field, as over HTTP.
/// </summary>
internal static class CommandArguments
{
    public static Argument<string> Service() => new("SERVICE") { Description = "the service's name" };
}
