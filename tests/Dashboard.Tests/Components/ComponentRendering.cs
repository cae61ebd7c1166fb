using Dashboard.Client;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.JSInterop;

namespace Dashboard.Tests.Components;

/// <summary>
/// Renders a component with parameters to HTML with the framework's own HtmlRenderer (no browser), as a prerender does:
/// with the circuit's clock (times in UTC, no zone known) and no script to call.
/// </summary>
public static class ComponentRendering
{
    public static Task<string> RenderAsync<TComponent>(Dictionary<string, object?> parameters) where TComponent : IComponent =>
        RenderAsync<TComponent>(parameters, _ => { });

    /// <param name="configure">Services the component injects.</param>
    public static async Task<string> RenderAsync<TComponent>(Dictionary<string, object?> parameters, Action<IServiceCollection> configure)
        where TComponent : IComponent
    {
        var collection = new ServiceCollection().AddLogging()
            .AddSingleton<IJSRuntime, NoBrowser>()
            .AddScoped<BrowserTimeProvider>();
        configure(collection);
        await using var services = collection.BuildServiceProvider();
        await using var renderer = new HtmlRenderer(services, NullLoggerFactory.Instance);
        return await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters))).ToHtmlString());
    }

    /// <summary>Static rendering runs no OnAfterRender and so calls no script; a call would be a defect.</summary>
    private sealed class NoBrowser : IJSRuntime
    {
        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) =>
            throw new InvalidOperationException($"No browser while prerendering: {identifier}");

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) =>
            InvokeAsync<TValue>(identifier, args);
    }
}
