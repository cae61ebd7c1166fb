using static Dashboard.Tests.Sphinx.Corpora.DomainTemplates;

namespace Dashboard.Tests.Sphinx.Corpora;

/// <summary>IT support call notes and ticket updates.</summary>
public static class ItSupport
{
    private static readonly string[] Systems = ["the VPN", "Outlook", "the printer", "the payroll server", "SharePoint", "the Wi-Fi", "Active Directory", "the firewall", "Salesforce", "the backup job", "Zoom", "the laptop docking station"];
    private static readonly string[] Problems = ["keeps disconnecting", "will not start", "is very slow", "shows a certificate error", "rejects the password", "crashed again", "cannot reach the network", "freezes on login"];
    private static readonly string[] Actions = ["restarted the service", "cleared the cache", "reset the password", "reinstalled the driver", "updated the firmware", "renewed the certificate", "rolled back the update", "replaced the cable"];
    private static readonly string[] Teams = ["the network team", "the desktop team", "security", "the database team", "the vendor", "level two support"];
    private static readonly string[] Users = ["Maria", "Kevin", "Priya", "Tom", "Aisha", "Lucas", "Chen", "Olivia"];
    private static readonly string[] Departments = ["finance", "sales", "marketing", "human resources", "the warehouse", "legal"];

    public static readonly DomainTemplates Templates = new("IT support", "technical",
    [
        r => $"Ticket #{r.Next(1000, 9999)}: {Pick(r, Systems)} {Pick(r, Problems)} for {Pick(r, Users)} in {Pick(r, Departments)}.",
        r => $"The user reports that {Pick(r, Systems)} {Pick(r, Problems)} since {Time(r)}.",
        r => $"I {Pick(r, Actions)} and asked the user to try again.",
        r => $"After that we {Pick(r, Actions)}, which fixed the issue.",
        r => $"Escalated to {Pick(r, Teams)} with priority {r.Next(1, 5)}.",
        r => $"Error code {r.Next(100, 999)} appears when {Pick(r, Users)} opens {Pick(r, Systems)}.",
        r => $"About {r.Next(2, 60)} users in {Pick(r, Departments)} are affected.",
        r => $"The {Pick(r, "mail", "file", "print", "web", "build")} server was at {r.Next(50, 100)}% CPU for {r.Next(2, 40)} minutes.",
        r => $"Scheduled a maintenance window on {Pick(r, "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")} at {Time(r)}.",
        r => $"Closed the ticket after {Pick(r, Users)} confirmed that {Pick(r, Systems)} works.",
        r => $"Version {r.Next(2, 12)}.{r.Next(0, 10)} of the client is installed on {r.Next(5, 400)} machines.",
        r => $"Please call back {Pick(r, Users)} on extension {r.Next(200, 999)} before {Time(r)}.",
    ]);
}
