using System.Security.Claims;
using Dashboard.Server.Security;
using Dashboard.Shared;
using Dashboard.Shared.Models;
using Dashboard.Shared.Webhooks;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dashboard.Server.Webhooks;

/// <summary>/api/v3/webhooks: admins (API keys, admin users) register URLs for training status changes and see the last deliveries.</summary>
public static class WebhookEndpoints
{
    private const string Segment = "/webhooks";
    private const string Route = ApiRoutes.Prefix + Segment;

    public static IEndpointRouteBuilder MapWebhooksApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup(Segment).WithTags("Webhooks")
            .RequireApiCaller()
            .RequireAuthorization(Roles.CanAdminister);
        group.MapGet("", List);
        group.MapPost("", Create);
        group.MapDelete("{id:int}", Delete);
        group.MapGet("deliveries", Deliveries);
        return api;
    }

    /// <summary>The organization's webhooks (their secrets are shown only when created).</summary>
    public static async Task<Ok<WebhookListResponse>> List(ClaimsPrincipal user, WebhookService webhooks, CancellationToken ct) =>
        TypedResults.Ok(new WebhookListResponse(await webhooks.ListAsync(user.OrganizationIdOf(), ct)));

    /// <summary>Registers a URL; the answer carries the signing secret, shown only this once.</summary>
    public static async Task<Created<CreatedWebhookDto>> Create(CreateWebhookRequest? request, ClaimsPrincipal user, WebhookService webhooks, CancellationToken ct)
    {
        var created = await webhooks.CreateAsync(user.OrganizationIdOf(), request, ct);
        return TypedResults.Created($"{Route}/{created.Id}", created);
    }

    /// <summary>Removes a webhook; pending deliveries to it are dropped.</summary>
    public static async Task<Ok<DeletedResponse>> Delete(int id, ClaimsPrincipal user, WebhookService webhooks, CancellationToken ct)
    {
        await webhooks.DeleteAsync(user.OrganizationIdOf(), id, ct);
        return TypedResults.Ok(new DeletedResponse(id, true));
    }

    /// <summary>The organization's last 50 webhook deliveries, newest first: state, attempts, the receiver's last status code.</summary>
    public static async Task<Ok<WebhookDeliveryListResponse>> Deliveries(ClaimsPrincipal user, WebhookService webhooks, CancellationToken ct) =>
        TypedResults.Ok(new WebhookDeliveryListResponse(await webhooks.DeliveriesAsync(user.OrganizationIdOf(), ct)));
}
