using System.Threading.RateLimiting;
using Dashboard.Server.Errors;
using Dashboard.Shared.Errors;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Dashboard.Server.Security;

public static class SecurityExtensions
{
    public const string SelectorScheme = "ApiKeyOrCookie";

    public static WebApplicationBuilder AddSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddMemoryCache();
        services.AddScoped<ApiKeyService>();
        services.AddSingleton<ApiKeyLookup>();
        services.AddScoped<OrganizationService>();
        services.AddScoped<UserService>();
        services.AddScoped<OrganizationUserService>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, ForbiddenPagesRenderInPlace>();
        services.AddOptions<SessionRefreshOptions>().BindConfiguration(SessionRefreshOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SecurityStampValidatorOptions>().Configure<IOptions<SessionRefreshOptions>>((o, refresh) =>
            o.ValidationInterval = TimeSpan.FromSeconds(refresh.Value.RefreshSeconds));
        services.AddAuthentication(SelectorScheme)
            .AddPolicyScheme(SelectorScheme, SelectorScheme, o => o.ForwardDefaultSelector = SelectScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/login";
            o.AccessDeniedPath = "/login";
            o.ExpireTimeSpan = TimeSpan.FromDays(7);
            o.Cookie.Name = CookieName;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Events.OnValidatePrincipal = SessionStampCheck.ValidateAsync;
            o.Events.OnRedirectToLogin = context => IsApiPath(context.Request.Path)
                ? ErrorWriter.WriteAsync(context.HttpContext, ApiErrors.Unauthorized("Your session has ended; sign in again."), context.HttpContext.RequestAborted)
                : RedirectAsync(context);
            o.Events.OnRedirectToAccessDenied = context => IsApiPath(context.Request.Path)
                ? ErrorWriter.WriteAsync(context.HttpContext, ApiErrors.Forbidden("Your role does not allow this action."), context.HttpContext.RequestAborted)
                : RedirectAsync(context);
        });
        // Secure over HTTPS, also behind a TLS-terminating proxy once forwarded headers are on (ForwardedHeaders_Enabled).
        services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.AddIdentityCore<AppUser>(o => o.Password.RequiredLength = 8)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<Persistence.DashboardDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<DashboardClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();
        services.AddAuthorizationBuilder()
            .AddPolicy(Roles.CanTrain, p => p.RequireRole(Roles.Admin, Roles.Member))
            .AddPolicy(Roles.CanAdminister, p => p.RequireRole(Roles.Admin));
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddSingleton<FailedSignInThrottle>();
        services.AddScoped<PasswordSignIn>();
        // Request URLs can carry the hub's access_token: the host's per-request log lines must not be written.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((o, limits) => ConfigureRateLimits(o, limits.Value));
        return builder;
    }

    /// <summary>
    /// Pages use the Identity cookie. API paths use the API key, except that the dashboard's own scripts may call
    /// the API with the cookie when they send no key: reads always, writes only with "X-Requested-With", a header
    /// a cross-site form cannot send (with the SameSite=Lax cookie, that keeps cookie-authenticated writes CSRF-safe).
    /// </summary>
    public static string SelectScheme(HttpContext context)
    {
        var request = context.Request;
        if (!IsApiPath(request.Path)) return IdentityConstants.ApplicationScheme;
        var sendsKey = ApiKeyAuthenticationHandler.SendsKey(context);
        var hasCookie = request.Cookies.ContainsKey(CookieName);
        var safe = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || request.Headers.XRequestedWith == "XMLHttpRequest";
        return !sendsKey && hasCookie && safe && !request.Path.StartsWithSegments("/hubs")
            ? IdentityConstants.ApplicationScheme : ApiKeyAuthenticationHandler.SchemeName;
    }

    public const string CookieName = "dashboard.auth";

    private static Task RedirectAsync<T>(Microsoft.AspNetCore.Authentication.RedirectContext<T> context) where T : AuthenticationSchemeOptions
    {
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>An API endpoint for an API key, or (for the dashboard's own calls) the signed-in user's cookie.</summary>
    public static TBuilder RequireApiCaller<TBuilder>(this TBuilder endpoints) where TBuilder : IEndpointConventionBuilder =>
        endpoints.RequireAuthorization(p => p.AddAuthenticationSchemes(SelectorScheme).RequireAuthenticatedUser());

    /// <summary>An API endpoint for API keys only.</summary>
    public static TBuilder RequireApiKey<TBuilder>(this TBuilder endpoints) where TBuilder : IEndpointConventionBuilder =>
        endpoints.RequireAuthorization(p => p.AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName).RequireAuthenticatedUser());

    public static bool IsApiPath(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/v1") || path.StartsWithSegments("/hubs");

    private static void ConfigureRateLimits(RateLimiterOptions options, RateLimitOptions limits)
    {
        options.AddPolicy(RateLimitPolicies.ModelCreation, c => PerCaller(c, limits.ModelCreationsPerHour, TimeSpan.FromHours(1)));
        options.AddPolicy(RateLimitPolicies.TrainingStart, c => PerCaller(c, limits.TrainingStartsPerHour, TimeSpan.FromHours(1)));
        options.AddPolicy(RateLimitPolicies.StatusCheck, c => PerCaller(c, limits.StatusChecksPerMinute, TimeSpan.FromMinutes(1)));
        options.AddPolicy(RateLimitPolicies.DataUpload, c => PerCaller(c, limits.DataUploadsPerHour, TimeSpan.FromHours(1)));
        options.OnRejected = (context, ct) =>
        {
            var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(60);
            return new ValueTask(ErrorWriter.WriteAsync(context.HttpContext, ApiErrors.RateLimited(retryAfter), ct));
        };
    }

    private static RateLimitPartition<string> PerCaller(HttpContext context, int permits, TimeSpan window) =>
        RateLimitPartition.GetFixedWindowLimiter(context.User.RateLimitPartitionOf(), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = window,
            QueueLimit = 0,
        });
}
