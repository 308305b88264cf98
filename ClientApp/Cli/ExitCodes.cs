namespace OrleansRegistry.ClientApp.Cli;

/// <summary>The CLI's exit codes; scripts branch on them, so they never change meaning.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The service, instance or definition does not exist, or no instance is healthy.</summary>
    public const int NotFound = 1;

    /// <summary>
    /// Bad input or usage (a parse error included): nothing was sent to the registry, or (over HTTP)
    /// the registry refused the request with a 4xx, and nothing changed.
    /// </summary>
    public const int InvalidInput = 2;

    /// <summary>The registry could not be reached or failed.</summary>
    public const int RegistryFailed = 3;

    /// <summary><c>call</c>: the service answered with a status outside 2xx, or no instance could be reached.</summary>
    public const int ServiceFailed = 4;

    /// <summary>Ctrl+C (or SIGTERM) cancelled the running command.</summary>
    public const int Interrupted = 130;
}
