namespace OrleansRegistry.Contracts;

/// <summary>One row of <c>GET /services</c>.</summary>
public sealed record ServiceSummaryDocument(string Name, int Instances, int Healthy);
