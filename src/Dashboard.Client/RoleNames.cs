using Dashboard.Shared.Dashboard;

namespace Dashboard.Client;

/// <summary>How roles read on the dashboard: a title and what the role may do.</summary>
public static class RoleNames
{
    public static string Title(string role) => role switch
    {
        DashboardRoles.Admin => "Admin",
        DashboardRoles.Member => "Member",
        DashboardRoles.Viewer => "Viewer",
        _ => role,
    };

    public static string Rights(string role) => role switch
    {
        DashboardRoles.Admin => "Everything a member does, plus API keys, users and data-use settings.",
        DashboardRoles.Member => "Creates models, uploads data, starts and cancels training.",
        DashboardRoles.Viewer => "Reads models, training and billing; changes nothing.",
        _ => "",
    };
}
