using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace OrleansRegistry.Benchmarks.Support;

/// <summary>What the figures were measured on: cores, processor, memory, OS, .NET, and how busy the machine was.</summary>
internal static class MachineInfo
{
    public static string Describe()
    {
        var text = new StringBuilder();
        text.Append("- cores: ").Append(Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture)).AppendLine();
        text.Append("- processor: ").AppendLine(ProcessorModel());
        text.Append("- memory: ").AppendLine(MemoryTotal());
        text.Append("- OS: ").AppendLine(OperatingSystemName());
        text.Append("- .NET: ").AppendLine(RuntimeInformation.FrameworkDescription);
        text.Append("- load average (1, 5, 15 min): ").AppendLine(LoadAverage());
        return text.ToString();
    }

    public static string LoadAverage() => ReadFirst("/proc/loadavg", line => string.Join(", ", line.Split(' ').Take(3)));

    private static string ProcessorModel() =>
        ReadFirst("/proc/cpuinfo", line => line.StartsWith("model name", StringComparison.Ordinal) ? line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim() : null);

    private static string MemoryTotal() =>
        ReadFirst("/proc/meminfo", line =>
        {
            if (!line.StartsWith("MemTotal:", StringComparison.Ordinal))
            {
                return null;
            }

            var kib = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
            return string.Create(CultureInfo.InvariantCulture, $"{kib / 1024.0 / 1024.0:0.0} GiB");
        });

    private static string OperatingSystemName() =>
        ReadFirst("/etc/os-release", line => line.StartsWith("PRETTY_NAME=", StringComparison.Ordinal) ? line["PRETTY_NAME=".Length..].Trim('"') : null)
        + ", kernel " + ReadFirst("/proc/sys/kernel/osrelease", line => line.Trim());

    private static string ReadFirst(string path, Func<string, string?> pick)
    {
        try
        {
            foreach (var line in File.ReadLines(path))
            {
                if (pick(line) is { } value)
                {
                    return value;
                }
            }
        }
        catch (IOException)
        {
            // Not Linux, or not readable: say so rather than fail the run.
        }

        return "unknown";
    }
}
