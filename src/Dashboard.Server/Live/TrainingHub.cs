using Dashboard.Server.Persistence;
using Dashboard.Server.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Server.Live;

/// <summary>/hubs/training: external clients subscribe to one model's status and log lines, for as long as their key is valid.</summary>
[Authorize(AuthenticationSchemes = ApiKeyAuthenticationHandler.SchemeName)]
public sealed class TrainingHub(DashboardDbContext db, HubKeyGuard guard) : Hub
{
    public static string GroupOf(int modelId) => $"model-{modelId}";

    public override Task OnConnectedAsync()
    {
        guard.Track(Context);
        return base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        guard.Forget(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }

    public async Task Subscribe(int modelId)
    {
        // The connection may have been opened before its key was revoked and not yet closed by the guard.
        if (!await guard.IsValidAsync(HubKeyGuard.KeyIdOf(Context), Context.ConnectionAborted))
        {
            Context.Abort();
            throw new HubException("The API key of this connection has been revoked.");
        }
        var organizationId = Context.User!.OrganizationIdOf();
        if (!await db.CustomModels.AnyAsync(m => m.Id == modelId && m.OrganizationId == organizationId, Context.ConnectionAborted))
            throw new HubException($"Custom model {modelId} does not exist.");
        await Groups.AddToGroupAsync(Context.ConnectionId, GroupOf(modelId), Context.ConnectionAborted);
    }

    public Task Unsubscribe(int modelId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, GroupOf(modelId));
}
