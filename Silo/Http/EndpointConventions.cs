namespace OrleansRegistry.Silo.Http;

internal static class EndpointConventions
{
    /// <summary>Writes need a key with write access to the route's namespace once keys are configured.</summary>
    public static RouteHandlerBuilder RequireApiKey(this RouteHandlerBuilder builder) =>
        builder
            .RequireAuthorization(ApiKeyAuthentication.WritePolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

    public static RouteHandlerBuilder WithResponseHeader(this RouteHandlerBuilder builder, int statusCode, string name, string description, bool isInteger = false) =>
        builder.WithMetadata(new ResponseHeaderMetadata(statusCode, name, description, isInteger));
}
