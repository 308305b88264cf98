using System.Diagnostics.Metrics;

namespace OrleansRegistry.Benchmarks.InProcess;

/// <summary>
/// Counts messages the silos of this process send to each other, from Orleans' own instruments:
/// every message written to a connection is recorded in <c>orleans-messaging-sent-messages-size</c>
/// (meter <c>Microsoft.Orleans</c>) with its connection direction and message direction.
/// </summary>
internal sealed class SiloMessageCounter : IDisposable
{
    private const string MeterName = "Microsoft.Orleans";
    private const string InstrumentName = "orleans-messaging-sent-messages-size";

    private readonly MeterListener _listener = new();
    private long _requests;
    private long _responses;
    private long _oneWay;

    public SiloMessageCounter()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == MeterName && instrument.Name == InstrumentName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<int>((_, _, tags, _) => Count(tags));
        _listener.Start();
    }

    /// <summary>Silo-to-silo messages sent so far: requests, responses and one-way messages.</summary>
    public (long Requests, long Responses, long OneWay) Sent =>
        (Interlocked.Read(ref _requests), Interlocked.Read(ref _responses), Interlocked.Read(ref _oneWay));

    public void Dispose() => _listener.Dispose();

    private void Count(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        string? connection = null, message = null;
        foreach (var tag in tags)
        {
            switch (tag.Key)
            {
                case "ConnectionDirection":
                    connection = tag.Value?.ToString();
                    break;
                case "MessageDirection":
                    message = tag.Value?.ToString();
                    break;
            }
        }

        if (connection != "SiloToSilo")
        {
            return;
        }

        switch (message)
        {
            case "Request":
                Interlocked.Increment(ref _requests);
                break;
            case "Response":
                Interlocked.Increment(ref _responses);
                break;
            default:
                Interlocked.Increment(ref _oneWay);
                break;
        }
    }
}
