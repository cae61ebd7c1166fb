using Microsoft.AspNetCore.Identity;

namespace Dashboard.Server.Security;

public sealed class AppUser : IdentityUser
{
    public int OrganizationId { get; set; }
    public Organization? Organization { get; set; }
}
