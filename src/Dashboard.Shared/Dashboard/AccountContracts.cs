namespace Dashboard.Shared.Dashboard;

/// <summary>Whether the dashboard still waits for its first organization and admin (a fresh install).</summary>
public interface IFirstRunSetup
{
    Task<bool> IsOpenAsync(CancellationToken ct);
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
