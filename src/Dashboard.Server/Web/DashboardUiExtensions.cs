using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.FileProviders;
using Dashboard.Shared.Dashboard;
using Radzen;

namespace Dashboard.Server.Web;

public static class DashboardUiExtensions
{
    public static WebApplicationBuilder AddDashboardUi(this WebApplicationBuilder builder)
    {
        // Outside Development too, a build run from bin/ (tests, `dotnet run`) serves _content/ from the
        // static web assets manifest; a published app has no such manifest and this does nothing.
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddRadzenComponents();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddScoped<AuthenticationStateProvider, RefreshingAuthenticationStateProvider>();
        builder.Services.AddScoped<DashboardUser>();
        builder.Services.AddScoped<Client.BrowserTimeProvider>();
        builder.Services.AddScoped<IModelsClient, ModelsClient>();
        builder.Services.AddScoped<ITrainingClient, TrainingClient>();
        builder.Services.AddScoped<IEvaluationClient, EvaluationClient>();
        builder.Services.AddScoped<IBillingClient, BillingClient>();
        builder.Services.AddScoped<IKeysClient, KeysClient>();
        builder.Services.AddScoped<IUsersClient, UsersClient>();
        builder.Services.AddScoped<IAccountSettingsClient, AccountSettingsClient>();
        builder.Services.AddScoped<IRetainedPoolClient, RetainedPoolClient>();
        builder.Services.AddScoped<IAuditClient, AuditClient>();
        builder.Services.AddScoped<IAccountClient, AccountClient>();
        builder.Services.AddScoped<Shared.Versions.IModelVersionsClient, ModelVersionsClient>();
        builder.Services.AddScoped<Shared.Webhooks.IWebhooksClient, WebhooksClient>();
        builder.Services.AddScoped<ITrainingEvents, TrainingEventsClient>();
        return builder;
    }

    /// <summary>
    /// Serves blazor.web.js from the folder the build extracts it to (see build/BundledBlazorScript.targets),
    /// when the build bundles it; otherwise the framework's own static assets carry it.
    /// </summary>
    public static WebApplication UseDashboardStaticFiles(this WebApplication app)
    {
        // Scoped to /_framework: other requests (every API call) skip the file system lookup.
        var bundled = Path.Combine(AppContext.BaseDirectory, "blazor", "_framework");
        if (Directory.Exists(bundled))
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(bundled), RequestPath = "/_framework" });
        return app;
    }

    public static WebApplication MapDashboardUi<TApp>(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorComponents<TApp>().AddInteractiveServerRenderMode();
        return app;
    }
}
