using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Components.Endpoints;

namespace Dashboard.Server.Security;

/// <summary>
/// A signed-in user who opens a page their role does not allow (a member on /users) gets that URL answered with
/// 403 and the dashboard's "not allowed" page, rendered by the router's NotAuthorized branch, instead of a redirect
/// to the sign-in page. The page itself is never rendered: AuthorizeRouteView checks the same attribute.
/// </summary>
public sealed class ForbiddenPagesRenderInPlace : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler standard = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null)
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return next(context);
        }
        return standard.HandleAsync(next, context, policy, authorizeResult);
    }
}
