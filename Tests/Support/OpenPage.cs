using PuppeteerSharp;

namespace OrleansRegistry.Tests.Support;

/// <summary>A page kept open in <see cref="HeadlessChromium"/>: read it each time a condition in it holds, as it changes.</summary>
public sealed class OpenPage(IPage page, Uri url, TimeSpan readyDeadline) : IAsyncDisposable
{
    /// <summary>Waits until the JavaScript function <paramref name="readyWhen"/> returns true; returns the DOM and a PNG of that moment.</summary>
    public async Task<RenderedPage> RenderWhenAsync(string readyWhen)
    {
        try
        {
            await page.WaitForFunctionAsync(readyWhen, new WaitForFunctionOptions
            {
                Timeout = (int)readyDeadline.TotalMilliseconds,
                PollingInterval = 100,
            });
        }
        catch (WaitTaskTimeoutException)
        {
            throw new TimeoutException($"{url} did not become ready ({readyWhen}) within {readyDeadline}; its DOM was:\n{await page.GetContentAsync()}");
        }

        return new RenderedPage(await page.GetContentAsync(), await page.ScreenshotDataAsync(new ScreenshotOptions { Type = ScreenshotType.Png, FullPage = true }));
    }

    /// <summary>Runs <paramref name="script"/> (a JavaScript function) in the page and returns its result.</summary>
    public Task<T> EvaluateAsync<T>(string script) => page.EvaluateFunctionAsync<T>(script);

    /// <summary>Types <paramref name="text"/> into the element <paramref name="selector"/> finds, key by key as a person would.</summary>
    public Task TypeAsync(string selector, string text) => page.TypeAsync(selector, text);

    /// <summary>Chooses the option <paramref name="value"/> of the select element <paramref name="selector"/> finds; the page gets input and change events, as from a person.</summary>
    public Task SelectAsync(string selector, string value) => page.SelectAsync(selector, value);

    public ValueTask DisposeAsync() => page.DisposeAsync();
}
