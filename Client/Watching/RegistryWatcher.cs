using System.Runtime.CompilerServices;
using System.Threading.Channels;
using OrleansRegistry.Client.Discovery;
using OrleansRegistry.Model;

namespace OrleansRegistry.Client.Watching;

/// <summary>
/// Follows one service's changes as the registry pushes them. Built on the client's cache, so a
/// watch shares its subscription, renewal and reconnection handling.
/// </summary>
public sealed class RegistryWatcher(RegistryServiceCache cache, TimeProvider timeProvider)
{
    // A watcher that falls this far behind skips to the newest snapshots; each step is still a
    // correct difference from the one yielded before it.
    private const int Backlog = 256;

    /// <summary>
    /// Yields the current state first, then one <see cref="ServiceChange"/> per change of the
    /// service, until <paramref name="cancellationToken"/> fires.
    /// </summary>
    /// <exception cref="RegistryUnavailableException">The registry cannot be reached when the watch starts.</exception>
    public async IAsyncEnumerable<ServiceChange> WatchAsync(string serviceName, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var snapshots = Channel.CreateBounded<ServiceSnapshot>(new BoundedChannelOptions(Backlog)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        using var watch = cache.Watch(serviceName, snapshot => snapshots.Writer.TryWrite(snapshot));
        var current = await cache.GetAsync(serviceName, cancellationToken).ConfigureAwait(false);
        var previous = current.Snapshot;
        yield return Describe(null, previous) with { IsInitial = true };

        while (true)
        {
            ServiceSnapshot next;
            try
            {
                next = await snapshots.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                yield break;
            }

            // Snapshots queued before the initial read are not newer than what was yielded. One
            // that is not newer is news only when the cache holds it now: the registry lost its history.
            var isNews = next.Index > previous.Index || (!ReferenceEquals(next, previous) && cache.IsCurrent(next));
            if (!isNews)
            {
                continue;
            }

            var change = Describe(previous, next);
            previous = next;
            yield return change;
        }
    }

    private ServiceChange Describe(ServiceSnapshot? before, ServiceSnapshot after)
    {
        var old = before?.Instances.ToDictionary(instance => instance.Id, StringComparer.Ordinal) ?? [];
        var added = new List<ServiceInstance>();
        var updated = new List<InstanceUpdate>();
        foreach (var instance in after.Instances)
        {
            if (!old.Remove(instance.Id, out var was))
            {
                added.Add(instance);
            }
            else if (!InstanceComparer.SameExceptHeartbeat(was, instance))
            {
                updated.Add(new InstanceUpdate(was, instance));
            }
        }

        var removed = old.Values.OrderBy(instance => instance.Id, StringComparer.Ordinal).ToArray();
        return new ServiceChange(after.ServiceName, after.Index, timeProvider.GetUtcNow(), after.Instances, added, removed, updated);
    }
}
