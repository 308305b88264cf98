using OrleansRegistry.ClientApp.Commands;

namespace OrleansRegistry.ClientApp.Cli;

/// <summary>Every command the CLI knows, in the order help lists them. A new command is one line here.</summary>
internal static class CommandCatalog
{
    /// <summary>Fresh instances: a command belongs to the one root it is added to.</summary>
    public static IReadOnlyList<RegistryCommand> Create() =>
    [
        new ServicesCommand(),
        new InstancesCommand(),
        new RegisterCommand(),
        new DeregisterCommand(),
        new HeartbeatCommand(),
        new MaintCommand(),
        new DefineCommand(),
        new DefinitionCommand(),
        new SelectCommand(),
        new CallCommand(),
        new WatchCommand(),
    ];
}
