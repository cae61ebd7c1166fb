using System.ComponentModel.DataAnnotations;

namespace Dashboard.Server.Security;

/// <summary>
/// How soon a signed-in session sees a changed role or a removed account without signing in again:
/// the cookie is re-validated against the database (Identity's security stamp validator, which also
/// re-reads the roles) and open dashboard tabs re-read the user, at most this many seconds apart.
/// </summary>
public sealed class SessionRefreshOptions
{
    public const string Section = "Sessions";

    [Range(1, 3600)] public int RefreshSeconds { get; set; } = 10;
}
