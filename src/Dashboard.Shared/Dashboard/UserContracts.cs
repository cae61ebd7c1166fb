namespace Dashboard.Shared.Dashboard;

/// <summary>A person who may sign in to the organization's dashboard.</summary>
public sealed record OrganizationUserDto(string Id, string Email, string Role, bool IsCurrentUser);

public sealed record NewUserRequest(string Email, string Password, string Role);
