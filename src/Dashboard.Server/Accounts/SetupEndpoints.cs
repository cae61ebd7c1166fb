using Dashboard.Server.Errors;
using Dashboard.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Dashboard.Server.Accounts;

/// <summary>The /setup page's form: creates the first organization and admin, signs them in, then closes for good.</summary>
public static class SetupEndpoints
{
    public static IEndpointRouteBuilder MapSetupEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/setup", CompleteSetup).ExcludeFromDescription();
        return app;
    }

    public static async Task<RedirectHttpResult> CompleteSetup([FromForm] SetupForm form, FirstRunSetup setup, SignInManager<AppUser> signIn, CancellationToken ct)
    {
        try
        {
            var admin = await setup.CompleteAsync(form, ct);
            await signIn.SignInAsync(admin, isPersistent: true);
            return TypedResults.Redirect("/models?welcome=1");
        }
        catch (ApiException e) when (e.StatusCode == 400)
        {
            var query = QueryString.Create(new Dictionary<string, string?>
            {
                ["error"] = e.Message, ["organization"] = form.Organization, ["plan"] = form.Plan, ["email"] = form.Email,
            });
            return TypedResults.Redirect("/setup" + query);
        }
    }
}
