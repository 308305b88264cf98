namespace OrleansRegistry.Silo.Http;

internal static class EndpointConventions
{
    /// <summary>Writes need the write scope, which a valid <c>X-Api-Key</c> grants when keys are configured.</summary>
    public static RouteHandlerBuilder RequireApiKey(this RouteHandlerBuilder builder) =>
        builder
            .RequireAuthorization(ApiKeyAuthentication.WritePolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized);

    public static RouteHandlerBuilder WithResponseHeader(this RouteHandlerBuilder builder, int statusCode, string name, string description, bool isInteger = false) =>
        builder.WithMetadata(new ResponseHeaderMetadata(statusCode, name, description, isInteger));
}
