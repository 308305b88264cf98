namespace OrleansRegistry.Validation;

/// <summary>Input the registry refuses; <see cref="Field"/> names the offending field. Nothing was stored.</summary>
public sealed class RegistryValidationException : Exception
{
    public RegistryValidationException()
    {
        Field = string.Empty;
    }

    public RegistryValidationException(string message)
        : base(message)
    {
        Field = string.Empty;
    }

    public RegistryValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Field = string.Empty;
    }

    public RegistryValidationException(string field, string message)
        : base($"{field}: {message}")
    {
        Field = field;
    }

    /// <summary>Rebuilds a refusal that crossed a grain call or came back over HTTP: <paramref name="message"/> already names the field.</summary>
    public static RegistryValidationException Refused(string field, string message) => new(message) { Field = field };

    /// <summary>The snake_case name of the field that was refused, as it appears on the wire.</summary>
    public string Field { get; private set; }
}
