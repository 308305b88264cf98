using System.Buffers.Binary;
using System.Text;

namespace OrleansRegistry.Benchmarks.Dns;

/// <summary>
/// The load generator's side of DNS: one question encoded once (RFC 1035 header and question,
/// recursion not desired) and the two header fields a check needs from an answer. The servers
/// under test parse and encode with ARSoft.Tools.Net; the generator stays out of their way.
/// </summary>
internal static class DnsQueryPacket
{
    public const ushort TypeA = 1;

    public static byte[] Encode(string name, ushort type, ushort id = 0x5252)
    {
        var packet = new List<byte>(64);
        Span<byte> header = stackalloc byte[12];
        BinaryPrimitives.WriteUInt16BigEndian(header, id);
        BinaryPrimitives.WriteUInt16BigEndian(header[4..], 1);
        packet.AddRange(header.ToArray());
        foreach (var label in name.TrimEnd('.').Split('.'))
        {
            packet.Add((byte)label.Length);
            packet.AddRange(Encoding.ASCII.GetBytes(label));
        }

        packet.Add(0);
        packet.AddRange([(byte)(type >> 8), (byte)type, 0, 1]);
        return [.. packet];
    }

    /// <summary>Response code (0: no error) and how many answer records an answer holds.</summary>
    public static (int ResponseCode, int Answers) Read(ReadOnlySpan<byte> answer) =>
        answer.Length < 12 ? (-1, 0) : (answer[3] & 0x0F, BinaryPrimitives.ReadUInt16BigEndian(answer[6..]));
}
