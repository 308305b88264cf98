namespace OrleansRegistry.Silo.Http;

/// <summary>
/// Marks an endpoint that takes <c>?meta.K=V</c> conditions. Their names are not fixed, so
/// parameter binding cannot describe them; the OpenAPI document gets a <c>meta.{key}</c> parameter from this.
/// </summary>
public sealed record MetadataFilterParameter(string Description);
