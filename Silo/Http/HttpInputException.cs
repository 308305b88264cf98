namespace OrleansRegistry.Silo.Http;

/// <summary>A request the API refuses before it reaches a grain (unreadable body, wrong media type, ...).</summary>
public sealed class HttpInputException : Exception
{
    public HttpInputException()
        : this(StatusCodes.Status400BadRequest, "Bad request", "The request was refused.")
    {
    }

    public HttpInputException(string message)
        : this(StatusCodes.Status400BadRequest, "Bad request", message)
    {
    }

    public HttpInputException(string message, Exception innerException)
        : base(message, innerException)
    {
        StatusCode = StatusCodes.Status400BadRequest;
        Title = "Bad request";
    }

    public HttpInputException(int statusCode, string title, string detail, string? field = null)
        : base(detail)
    {
        StatusCode = statusCode;
        Title = title;
        Field = field;
    }

    public HttpInputException(int statusCode, string title, string detail, Exception innerException)
        : base(detail, innerException)
    {
        StatusCode = statusCode;
        Title = title;
    }

    public int StatusCode { get; }

    public string Title { get; }

    /// <summary>The wire name of the offending field or parameter, when there is one.</summary>
    public string? Field { get; }
}
