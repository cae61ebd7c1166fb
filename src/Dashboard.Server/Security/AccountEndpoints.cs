using Dashboard.Server.Errors;
using Dashboard.Shared.Dashboard;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Dashboard.Server.Security;

/// <summary>
/// Cookie sign-in happens on plain HTTP requests, never inside a Blazor circuit: the /login page posts
/// an ordinary form (with its antiforgery token) here, and these redirect back into the dashboard.
/// </summary>
public static class AccountEndpoints
{
    public sealed record LoginForm(string? Email, string? Password, string? ReturnUrl);

    public const string LoginPath = "/account/login";

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/account").ExcludeFromDescription();
        group.MapPost("login", Login);
        group.MapPost("logout", Logout).WithMetadata(new RequireAntiforgeryTokenAttribute());
        return app;
    }

    public static async Task<RedirectHttpResult> Login([FromForm] LoginForm form, PasswordSignIn signIn, HttpContext http)
    {
        var returnUrl = LocalUrl.OrDefault(form.ReturnUrl); // an open redirect would hand the session's trust to another site
        if (string.IsNullOrWhiteSpace(form.Email) || string.IsNullOrEmpty(form.Password))
            return TypedResults.Redirect($"/login?error=missing&returnUrl={Uri.EscapeDataString(returnUrl)}");
        var outcome = await signIn.SignInAsync(http, form.Email.Trim(), form.Password);
        if (outcome == SignInOutcome.SignedIn) return TypedResults.Redirect(returnUrl);
        var error = outcome == SignInOutcome.Locked ? "locked" : "invalid";
        return TypedResults.Redirect($"/login?error={error}&returnUrl={Uri.EscapeDataString(returnUrl)}");
    }

    public static async Task<RedirectHttpResult> Logout(SignInManager<AppUser> signIn, UserManager<AppUser> users, HttpContext http)
    {
        // The framework checks the token only where a form is bound; this form has no fields, so check it here.
        if (http.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false })
            throw ApiErrors.Validation("__RequestVerificationToken", "The sign-out form is missing its antiforgery token; reload the page and try again.");
        // A new security stamp ends every copy of the cookie (another tab, a saved one), not only this browser's.
        if (await users.GetUserAsync(http.User) is { } user) await users.UpdateSecurityStampAsync(user);
        await signIn.SignOutAsync();
        return TypedResults.Redirect("/login?signedOut=1");
    }
}
