namespace OrleansRegistry.Client.Transport.Http;

/// <summary>
/// The registry's HTTP addresses and the one calls use now. A call that cannot reach it moves
/// every later call on to the next; concurrent failures of the same address move on only once.
/// </summary>
internal sealed class RegistryAddresses
{
    private readonly Uri[] _urls;
    private int _current;

    public RegistryAddresses(IEnumerable<string> urls)
    {
        // A trailing slash makes relative paths resolve under the base path instead of replacing its last segment.
        _urls = [.. urls.Select(url => new Uri(url.EndsWith('/') ? url : url + "/", UriKind.Absolute))];
        if (_urls.Length == 0)
        {
            throw new ArgumentException("At least one registry URL is needed.", nameof(urls));
        }
    }

    public int Count => _urls.Length;

    /// <summary>The address in use, with its position (pass it to <see cref="MoveOnFrom"/>).</summary>
    public (Uri Url, int Position) Current
    {
        get
        {
            var position = Volatile.Read(ref _current);
            return (_urls[position % _urls.Length], position);
        }
    }

    /// <summary>The address at <paramref name="position"/> did not answer: use the next, unless another caller moved on already.</summary>
    public bool MoveOnFrom(int position) => Interlocked.CompareExchange(ref _current, position + 1, position) == position;
}
