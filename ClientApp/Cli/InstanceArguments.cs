using System.CommandLine;
using OrleansRegistry.Validation;

namespace OrleansRegistry.ClientApp.Cli;

/// <summary><c>SERVICE ID</c>, the arguments of the commands on one instance.</summary>
internal sealed class InstanceArguments
{
    private readonly Argument<string> _service = CommandArguments.Service();
    private readonly Argument<string> _id = new("ID") { Description = "the instance's id within the service" };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Arguments.Add(_service);
        command.Arguments.Add(_id);
    }

    /// <summary>Both values, checked by <see cref="RegistryValidator"/> (a bad one is refused naming its field).</summary>
    public (string ServiceName, string InstanceId) Read(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var (serviceName, instanceId) = (parseResult.GetRequiredValue(_service), parseResult.GetRequiredValue(_id));
        RegistryValidator.ValidateServiceName(serviceName);
        RegistryValidator.ValidateInstanceId(instanceId);
        return (serviceName, instanceId);
    }
}
