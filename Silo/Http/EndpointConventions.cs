namespace OrleansRegistry.Silo.Http;

internal static class EndpointConventions
{
    /// <summary>Writes need a key with write access to the route's namespace once keys are configured.</summary>
    public static RouteHandlerBuilder RequireApiKey(this RouteHandlerBuilder builder) =>
        builder
            .RequireAuthorization(ApiKeyAuthentication.WritePolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

    /// <summary>Documents the <c>meta.{key}</c> filter parameters (<see cref="FilterQuery"/>), which binding cannot describe.</summary>
    public static RouteHandlerBuilder WithMetadataFilter(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new MetadataFilterParameter(
            "Repeatable: keep only instances whose metadata[key] equals the value; write the metadata key in place of {key} (?meta.zone=eu-1). "
            + "Every tag= and meta.{key}= condition must hold."));

    public static RouteHandlerBuilder WithResponseHeader(this RouteHandlerBuilder builder, int statusCode, string name, string description, bool isInteger = false) =>
        builder.WithMetadata(new ResponseHeaderMetadata(statusCode, name, description, isInteger));
}
