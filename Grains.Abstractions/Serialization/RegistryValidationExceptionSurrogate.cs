using OrleansRegistry.Validation;

namespace OrleansRegistry.Serialization;

/// <summary>How a <see cref="RegistryValidationException"/> reaches the caller of a grain: the field and the message.</summary>
[GenerateSerializer, Immutable, Alias("registry.RegistryValidationException")]
public readonly record struct RegistryValidationExceptionSurrogate(
    [property: Id(0)] string Field,
    [property: Id(1)] string Message);

[RegisterConverter]
public sealed class RegistryValidationExceptionConverter : IConverter<RegistryValidationException, RegistryValidationExceptionSurrogate>
{
    public RegistryValidationException ConvertFromSurrogate(in RegistryValidationExceptionSurrogate surrogate) =>
        RegistryValidationException.Refused(surrogate.Field, surrogate.Message);

    public RegistryValidationExceptionSurrogate ConvertToSurrogate(in RegistryValidationException value) => new(value.Field, value.Message);
}
