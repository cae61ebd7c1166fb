namespace Dashboard.Shared.Dashboard;

/// <summary>Where an install stands before anyone can sign in to the dashboard.</summary>
public enum FirstRunState
{
    /// <summary>No organization and no user: the first visitor may set it up on /setup.</summary>
    Open,

    /// <summary>Organizations exist (made with create-api-key) but no user: only the operator's create-user makes one.</summary>
    AwaitingFirstUser,

    /// <summary>Someone can sign in.</summary>
    Done,
}

/// <summary>Whether the dashboard still waits for its first organization and admin (a fresh install).</summary>
public interface IFirstRunSetup
{
    Task<FirstRunState> StateAsync(CancellationToken ct);
}

/// <summary>The organization's plan and the plans an admin may switch to (the operator decides which).</summary>
public sealed record PlanChoicesDto(string Current, IReadOnlyList<string> Allowed);

/// <summary>The signed-in user's own account: their password, and (admins) the organization's plan.</summary>
public interface IAccountClient
{
    Task ChangePasswordAsync(string currentPassword, string newPassword, CancellationToken ct);
    Task<PlanChoicesDto> GetPlanChoicesAsync(CancellationToken ct);
    Task<PlanChoicesDto> ChangePlanAsync(string plan, CancellationToken ct);
}
