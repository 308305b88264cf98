using System.Diagnostics;

namespace OrleansRegistry.Tests.Support;

/// <summary>Debian's Chromium, headless, for tests that look at pages the way a person would.</summary>
public static class HeadlessChromium
{
    private const string Executable = "/usr/bin/chromium";

    /// <summary>The DOM after the page's scripts ran for <paramref name="virtualTimeBudgetMs"/> of virtual time.</summary>
    public static async Task<string> DumpDomAsync(Uri url, int virtualTimeBudgetMs = 8000)
    {
        var (output, _) = await RunAsync(url, ["--dump-dom"], virtualTimeBudgetMs);
        return output;
    }

    /// <summary>Takes a PNG screenshot of the page and returns its bytes.</summary>
    public static async Task<byte[]> ScreenshotAsync(Uri url, string path, int virtualTimeBudgetMs = 8000)
    {
        await RunAsync(url, [$"--screenshot={path}", "--window-size=1280,900"], virtualTimeBudgetMs);
        return await File.ReadAllBytesAsync(path);
    }

    private static async Task<(string Output, string Error)> RunAsync(Uri url, string[] mode, int virtualTimeBudgetMs)
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException("Chromium is not installed (apt-get install chromium); .ci/install-prerequisites installs it.");
        }

        var profile = Directory.CreateTempSubdirectory("chromium-profile-");
        try
        {
            var info = new ProcessStartInfo(Executable)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", $"--user-data-dir={profile.FullName}",
                $"--virtual-time-budget={virtualTimeBudgetMs}",
            }.Concat(mode).Append(url.ToString()))
            {
                info.ArgumentList.Add(argument);
            }

            using var process = Process.Start(info)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"Chromium did not finish loading {url}");
            }

            return (await output, await error);
        }
        finally
        {
            try
            {
                profile.Delete(recursive: true);
            }
            catch (IOException)
            {
                // Chromium may still hold a lock file for a moment; a leftover temp folder is harmless.
            }
        }
    }
}
