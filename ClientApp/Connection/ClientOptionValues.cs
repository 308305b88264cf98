namespace OrleansRegistry.ClientApp.Connection;

/// <summary>The global options as given on the command line (empty or null when not given); <see cref="ClientSettings.Read"/> fills in the rest from configuration.</summary>
internal sealed record ClientOptionValues(
    IReadOnlyList<GatewayAddress> Gateways,
    IReadOnlyList<Uri> Registries,
    string? ClusterId,
    string? CaCertificate,
    string? ApiKey);
