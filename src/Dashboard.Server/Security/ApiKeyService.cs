using System.Security.Cryptography;
using Dashboard.Server.Live;
using Dashboard.Server.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Server.Security;

public sealed record ApiKeyIdentity(int KeyId, int OrganizationId, string Plan);

public sealed record CreatedApiKey(int Id, string Name, string Prefix, string Secret, DateTimeOffset CreatedAt);

public sealed class ApiKeyService(DashboardDbContext db, CacheEvictions evictions, TimeProvider clock)
{
    public async Task<CreatedApiKey> CreateAsync(int organizationId, string name, CancellationToken ct)
    {
        var secret = "cmk_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var key = new ApiKey
        {
            OrganizationId = organizationId,
            Name = name,
            Prefix = secret[..12],
            SecretHash = ApiKeyLookup.Hash(secret),
            CreatedAt = clock.GetUtcNow(),
        };
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(ct);
        return new CreatedApiKey(key.Id, key.Name, key.Prefix, secret, key.CreatedAt);
    }

    public async Task<IReadOnlyList<ApiKey>> ListAsync(int organizationId, CancellationToken ct) =>
        await db.ApiKeys.AsNoTracking().Where(k => k.OrganizationId == organizationId).OrderByDescending(k => k.Id).ToListAsync(ct);

    public async Task<bool> RevokeAsync(int organizationId, int keyId, CancellationToken ct)
    {
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == keyId && k.OrganizationId == organizationId, ct);
        if (key is null || key.RevokedAt is not null) return false;
        key.RevokedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        evictions.Evict(key.SecretHash); // on every node
        return true;
    }
}
