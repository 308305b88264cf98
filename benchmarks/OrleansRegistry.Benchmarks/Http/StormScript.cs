namespace OrleansRegistry.Benchmarks.Http;

/// <summary>
/// The wrk script of the registration storm: PUTs of <c>services × instances</c> distinct
/// instances, spread over every wrk thread of every wrk process without overlap. Once every
/// instance is registered the sequence starts again with the next version in the metadata, so
/// every request is a real change (a deploy rolling a fleet to a new version), never a no-op.
/// Arguments: service name prefix, services, instances per service, this process's index, process
/// count, threads per process, first version (so that a later run changes what an earlier stored).
/// </summary>
internal static class StormScript
{
    public const string Lua = """
        local prefix, services, instances
        local next_index, step, first_version
        local thread_count = 0
        local headers = { ["Content-Type"] = "application/json" }

        function setup(thread)
          thread:set("thread_index", thread_count)
          thread_count = thread_count + 1
        end

        function init(args)
          prefix = args[1]
          services = tonumber(args[2])
          instances = tonumber(args[3])
          local process, processes, threads = tonumber(args[4]), tonumber(args[5]), tonumber(args[6])
          next_index = process + thread_index * processes
          step = processes * threads
          first_version = tonumber(args[7])
        end

        function request()
          local i = next_index
          next_index = next_index + step
          local fleet = services * instances
          local n = i % fleet
          local service = n % services
          local instance = math.floor(n / services)
          local version = first_version + math.floor(i / fleet)
          local path = string.format("/services/%s-%d/instances/instance-%05d", prefix, service, instance)
          local body = string.format(
            '{"host":"10.%d.%d.%d","port":8080,"metadata":{"zone":"eu-%d","version":"1.%d.0"}}',
            math.floor(n / 65536) % 256, math.floor(n / 256) % 256, n % 256, n % 3, version)
          return wrk.format("PUT", path, headers, body)
        end
        """;

    /// <summary>Writes the script to a temporary file (wrk reads scripts from files); the caller deletes it.</summary>
    public static string WriteToTemporaryFile()
    {
        var path = Path.Combine(Path.GetTempPath(), "registry-storm-" + Guid.NewGuid().ToString("N")[..8] + ".lua");
        File.WriteAllText(path, Lua);
        return path;
    }
}
