using Dashboard.Server.Persistence;
using Dashboard.Server.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Server.Live;

/// <summary>/hubs/training: external clients subscribe to one model's status and log lines.</summary>
[Authorize(AuthenticationSchemes = ApiKeyAuthenticationHandler.SchemeName)]
public sealed class TrainingHub(DashboardDbContext db) : Hub
{
    public static string GroupOf(int modelId) => $"model-{modelId}";

    public async Task Subscribe(int modelId)
    {
        var organizationId = Context.User!.OrganizationIdOf();
        if (!await db.CustomModels.AnyAsync(m => m.Id == modelId && m.OrganizationId == organizationId, Context.ConnectionAborted))
            throw new HubException($"Custom model {modelId} does not exist.");
        await Groups.AddToGroupAsync(Context.ConnectionId, GroupOf(modelId), Context.ConnectionAborted);
    }

    public Task Unsubscribe(int modelId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, GroupOf(modelId));
}
