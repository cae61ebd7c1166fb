using System.Security.Cryptography;
using System.Text;
using Dashboard.Server.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Dashboard.Server.Security;

/// <summary>
/// Finds the key behind a secret on every API request. Known keys are answered from memory for a short time
/// (revoking drops the entry at once on every node, see CacheEvictions); only a miss opens a DbContext, so a cached request builds none.
/// </summary>
public sealed class ApiKeyLookup(IDbContextFactory<DashboardDbContext> contexts, IMemoryCache cache)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    public async Task<ApiKeyIdentity?> FindAsync(string secret, CancellationToken ct)
    {
        var hash = Hash(secret);
        if (cache.TryGetValue(hash, out ApiKeyIdentity? known)) return known;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var identity = await db.ApiKeys.AsNoTracking()
            .Where(k => k.SecretHash == hash && k.RevokedAt == null)
            .Select(k => new ApiKeyIdentity(k.Id, k.OrganizationId, k.Organization!.Plan))
            .FirstOrDefaultAsync(ct);
        if (identity is not null) cache.Set(hash, identity, CacheFor);
        return identity;
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
