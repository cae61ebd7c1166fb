using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.Tests.Components;

/// <summary>Renders a component with parameters to HTML with the framework's own HtmlRenderer (no browser).</summary>
public static class ComponentRendering
{
    public static Task<string> RenderAsync<TComponent>(Dictionary<string, object?> parameters) where TComponent : IComponent =>
        RenderAsync<TComponent>(parameters, _ => { });

    /// <param name="configure">Services the component injects.</param>
    public static async Task<string> RenderAsync<TComponent>(Dictionary<string, object?> parameters, Action<IServiceCollection> configure)
        where TComponent : IComponent
    {
        var collection = new ServiceCollection().AddLogging();
        configure(collection);
        await using var services = collection.BuildServiceProvider();
        await using var renderer = new HtmlRenderer(services, NullLoggerFactory.Instance);
        return await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters))).ToHtmlString());
    }
}
