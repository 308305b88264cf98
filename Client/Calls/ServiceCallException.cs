using System.Net;

namespace OrleansRegistry.Client.Calls;

/// <summary>The instance answered with a status outside 2xx (after any retries).</summary>
public sealed class ServiceCallException : Exception
{
    public ServiceCallException()
    {
    }

    public ServiceCallException(string message)
        : base(message)
    {
    }

    public ServiceCallException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public ServiceCallException(ServiceResponse response, string method, string path)
        : base($"{method} {path} on {response?.Instance.ServiceName}/{response?.Instance.Id} answered {(int?)response?.StatusCode} {response?.StatusCode}")
    {
        Response = response;
    }

    public ServiceResponse? Response { get; }

    public HttpStatusCode? StatusCode => Response?.StatusCode;
}
