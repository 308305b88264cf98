using PuppeteerSharp;

namespace OrleansRegistry.Tests.Support;

/// <summary>
/// Debian's Chromium, headless, driven over the DevTools protocol, for tests that look at pages the way a
/// person would. Pages are read once a condition in the page holds, not after a fixed time: the registry view
/// keeps long polls open, which stalls Chromium's virtual clock, so a virtual time budget may never run out.
/// </summary>
public sealed class HeadlessChromium : IAsyncDisposable
{
    private const string Executable = "/usr/bin/chromium";

    /// <summary>How long a page may take to reach its ready condition; a deadline for a loaded machine, not a wait.</summary>
    private static readonly TimeSpan ReadyDeadline = TimeSpan.FromSeconds(60);

    private readonly IBrowser _browser;

    private HeadlessChromium(IBrowser browser) => _browser = browser;

    public static async Task<HeadlessChromium> LaunchAsync()
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException("Chromium is not installed (apt-get install chromium); building the tests installs it with scripts/install-test-tools.sh when it can.");
        }

        var browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = Executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic"],
            Timeout = (int)ReadyDeadline.TotalMilliseconds,
        });
        return new HeadlessChromium(browser);
    }

    /// <summary>
    /// Opens <paramref name="url"/> in a 1280×900 window, waits until the JavaScript function
    /// <paramref name="readyWhen"/> returns true, and returns the DOM and a PNG screenshot of that moment.
    /// </summary>
    public async Task<RenderedPage> RenderAsync(Uri url, string readyWhen)
    {
        await using var page = await OpenAsync(url);
        return await page.RenderWhenAsync(readyWhen);
    }

    /// <summary>Opens <paramref name="url"/> in a window of the given size and keeps it open, for pages watched as they change.</summary>
    public async Task<OpenPage> OpenAsync(Uri url, int width = 1280, int height = 900)
    {
        ArgumentNullException.ThrowIfNull(url);
        var page = await _browser.NewPageAsync();
        await page.SetViewportAsync(new ViewPortOptions { Width = width, Height = height });
        await page.GoToAsync(url.ToString(), new NavigationOptions { Timeout = (int)ReadyDeadline.TotalMilliseconds });
        return new OpenPage(page, url, ReadyDeadline);
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.CloseAsync();
        await _browser.DisposeAsync();
    }
}

/// <summary>A page as Chromium rendered it: its DOM and a PNG screenshot.</summary>
public sealed record RenderedPage(string Html, byte[] Png);
