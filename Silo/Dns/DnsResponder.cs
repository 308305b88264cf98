using System.Net;
using System.Net.Sockets;
using ARSoft.Tools.Net.Dns;
using Microsoft.Extensions.Options;
using OrleansRegistry.Caching;
using OrleansRegistry.Grains;
using OrleansRegistry.Model;

namespace OrleansRegistry.Silo.Dns;

/// <summary>
/// Answers one DNS query from this silo's pushed copy of the service (<see cref="SiloServiceCache"/>):
/// no grain call per query; a service the silo has never seen is loaded once, after which every
/// change reaches the copy by push, the same copy its balancer picks from.
/// </summary>
public sealed partial class DnsResponder
{
    /// <summary>SRV priority of every record: the registry ranks no instance above another.</summary>
    public const ushort SrvPriority = 1;

    private readonly SiloServiceCache _cache;
    private readonly ILogger<DnsResponder> _logger;

    public DnsResponder(SiloServiceCache cache, IOptions<DnsOptions> options, ILogger<DnsResponder> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _cache = cache;
        _logger = logger;
        Zone = DnsZone.From(options.Value);
    }

    public DnsZone Zone { get; }

    /// <summary>The answer to <paramref name="query"/>: FORMERR for what is not one plain question.</summary>
    public async Task<DnsMessage> AnswerAsync(DnsMessage query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var response = query.CreateResponseInstance();
        response.IsAuthoritiveAnswer = true;
        response.IsRecursionAllowed = false;
        if (query.IsQuery is false || query.Questions.Count != 1)
        {
            response.IsAuthoritiveAnswer = false;
            response.ReturnCode = ReturnCode.FormatError;
            return response;
        }

        if (query.OperationCode != OperationCode.Query)
        {
            response.IsAuthoritiveAnswer = false;
            response.ReturnCode = ReturnCode.NotImplemented;
            return response;
        }

        var question = query.Questions[0];
        if (question.RecordClass is not (RecordClass.INet or RecordClass.Any) || !question.Name.IsEqualOrSubDomainOf(Zone.Name))
        {
            response.IsAuthoritiveAnswer = false;
            response.ReturnCode = ReturnCode.Refused;
            return response;
        }

        var name = DnsQueryName.Parse(question.Name, Zone.Name);
        var found = name is not null && await AnswerNameAsync(name, question, response);
        if (!found)
        {
            response.ReturnCode = ReturnCode.NxDomain;
        }

        if (response.AnswerRecords.Count == 0)
        {
            response.AuthorityRecords.Add(Zone.Soa);
        }

        return response;
    }

    /// <summary>Fills the answer for a parsed name; false when the name does not exist.</summary>
    private async Task<bool> AnswerNameAsync(DnsQueryName name, DnsQuestion question, DnsMessage response)
    {
        if (name.Kind == DnsNameKind.Apex)
        {
            if (question.RecordType is RecordType.Soa or RecordType.Any)
            {
                response.AnswerRecords.Add(Zone.Soa);
            }

            return true;
        }

        var copy = await CopyOfAsync(new ServiceKey(name.Namespace, name.Service).GrainKey);
        if (copy is null)
        {
            return false;
        }

        var filter = InstanceFilter.OfTag(name.Tag);
        var eligible = copy.Selectable.Where(instance => DnsEligibility.IsEligible(instance) && filter.Matches(instance)).ToArray();
        if (name.Kind == DnsNameKind.Instance)
        {
            return AnswerInstance(name, question, eligible, response);
        }

        // Shuffled per answer, so that callers that take the first record spread over the instances.
        Random.Shared.Shuffle(eligible);
        var type = question.RecordType;
        if (type is RecordType.Srv or RecordType.Any)
        {
            AddSrv(question, eligible, name.Namespace, response);
        }

        if (name.Kind == DnsNameKind.Service && type is RecordType.A or RecordType.Aaaa or RecordType.Any)
        {
            AddAddresses(question, eligible, type, response);
        }

        return true;
    }

    private bool AnswerInstance(DnsQueryName name, DnsQuestion question, ServiceInstance[] eligible, DnsMessage response)
    {
        var instance = Array.Find(eligible, candidate =>
            string.Equals(DnsInstanceTarget.LabelOf(candidate.Id), name.InstanceLabel, StringComparison.OrdinalIgnoreCase));
        if (instance is null || !IPAddress.TryParse(instance.Host, out _))
        {
            return false;
        }

        AddAddresses(question, [instance], question.RecordType, response);
        return true;
    }

    private void AddSrv(DnsQuestion question, ServiceInstance[] eligible, string ns, DnsMessage response)
    {
        foreach (var instance in eligible)
        {
            if (DnsInstanceTarget.For(instance, Zone.Name, ns) is not { } target)
            {
                continue;
            }

            response.AnswerRecords.Add(new SrvRecord(question.Name, Zone.Ttl, SrvPriority, (ushort)Math.Min(instance.Weight, ushort.MaxValue), (ushort)instance.Port, target.Name));
            if (target.Address is { } address)
            {
                response.AdditionalRecords.Add(AddressRecord(target.Name, address));
            }
        }
    }

    private void AddAddresses(DnsQuestion question, ServiceInstance[] eligible, RecordType type, DnsMessage response)
    {
        // One record per address: two instances on one host (different ports) are one A record.
        var seen = new HashSet<IPAddress>();
        foreach (var instance in eligible)
        {
            if (!IPAddress.TryParse(instance.Host, out var address) || !seen.Add(address))
            {
                continue;
            }

            var family = address.AddressFamily == AddressFamily.InterNetwork ? RecordType.A : RecordType.Aaaa;
            if (type == family || type == RecordType.Any)
            {
                response.AnswerRecords.Add(AddressRecord(question.Name, address));
            }
        }
    }

    private DnsRecordBase AddressRecord(ARSoft.Tools.Net.DomainName name, IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetwork
            ? new ARecord(name, Zone.Ttl, address)
            : new AaaaRecord(name, Zone.Ttl, address);

    /// <summary>
    /// This silo's copy of the service; null when the registry has never held it (index 0, no
    /// instance). When the service grain cannot be reached, the copy the silo holds still answers.
    /// </summary>
    /// <param name="service">The service's grain key.</param>
    private async Task<ServiceCopy?> CopyOfAsync(string service)
    {
        ServiceCopy copy;
        try
        {
            copy = (await _cache.GetAsync(service)).Current;
        }
        catch (Exception exception) when (exception is not Errors.SiloNotServingException && _cache.TryGet(service, out var held))
        {
            LogServedHeldCopy(_logger, exception, service);
            copy = held.Current;
        }

        return copy.Index == 0 && copy.Snapshot.Instances.Count == 0 ? null : copy;
    }
}
