using Dashboard.Server.Errors;
using Dashboard.Server.Security;
using Dashboard.Shared.Dashboard;

namespace Dashboard.Server.Web;

/// <summary>API keys of the organization; only admins manage them.</summary>
public sealed class KeysClient(DashboardUser user) : IKeysClient
{
    public Task<IReadOnlyList<ApiKeyDto>> ListAsync(CancellationToken ct) =>
        user.CallAsync<IReadOnlyList<ApiKeyDto>>(DashboardUser.Admins, async (s, org) =>
            (await s.GetRequiredService<ApiKeyService>().ListAsync(org, ct))
                .Select(k => new ApiKeyDto(k.Id, k.Name, k.Prefix, k.CreatedAt, k.RevokedAt)).ToList());

    public Task<CreatedApiKeyDto> CreateAsync(string name, CancellationToken ct) =>
        user.CallAsync(DashboardUser.Admins, async (s, org) =>
        {
            var trimmed = name.Trim();
            if (trimmed.Length is 0 or > 100) throw ApiErrors.Validation("name", "Give the key a name of 1 to 100 characters.");
            var key = await s.GetRequiredService<ApiKeyService>().CreateAsync(org, trimmed, ct);
            return new CreatedApiKeyDto(key.Id, key.Name, key.Prefix, key.Secret, key.CreatedAt);
        });

    public Task RevokeAsync(int id, CancellationToken ct) =>
        user.CallAsync(DashboardUser.Admins, async (s, org) =>
        {
            if (!await s.GetRequiredService<ApiKeyService>().RevokeAsync(org, id, ct))
                throw ApiErrors.NotFound("API key", id);
        });
}
