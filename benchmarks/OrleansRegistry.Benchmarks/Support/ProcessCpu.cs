using System.Globalization;

namespace OrleansRegistry.Benchmarks.Support;

/// <summary>A process's CPU time (user + system) from Linux's <c>/proc/{pid}/stat</c>.</summary>
internal static class ProcessCpu
{
    // USER_HZ: the unit of the stat file's times on Linux.
    private const double TicksPerSecond = 100;

    public static double Seconds(int processId)
    {
        var stat = File.ReadAllText($"/proc/{processId.ToString(CultureInfo.InvariantCulture)}/stat");

        // The command name (field 2) may hold spaces; the fields after its closing parenthesis do not.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
    }
}
