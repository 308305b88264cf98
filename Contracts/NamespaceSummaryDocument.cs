namespace OrleansRegistry.Contracts;

/// <summary>One row of <c>GET /namespaces</c>.</summary>
public sealed record NamespaceSummaryDocument(string Name, int Services);
