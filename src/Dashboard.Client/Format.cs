using System.Globalization;
using System.Security.Claims;
using Dashboard.Shared.Dashboard;
using Dashboard.Shared.Models;

namespace Dashboard.Client;

/// <summary>How numbers, times and statuses read on the dashboard.</summary>
public static class Format
{
    private static readonly CultureInfo Us = CultureInfo.GetCultureInfo("en-US");

    public static string Hours(double hours) => Shared.Formatting.AudioHours.Describe(hours);

    public static string Duration(double seconds) =>
        seconds < 3600 ? TimeSpan.FromSeconds(seconds).ToString(@"m\:ss", Us) : TimeSpan.FromSeconds(seconds).ToString(@"h\:mm\:ss", Us);

    public static string Money(decimal amount, string currency = "USD") =>
        currency == "USD" ? amount.ToString("$#,##0.00", Us) : $"{amount.ToString("#,##0.00", Us)} {currency}";

    /// <summary>A ledger amount: transcription requests cost fractions of a cent, shown to the millionth.</summary>
    public static string Amount(decimal amount) => amount is > 0 and < 0.01m ? amount.ToString("$0.00####", Us) : Money(amount);

    public static string Percent(double value) => $"{value.ToString("0.##", Us)}%";

    /// <summary>A relative WER reduction with its sign: "+18.7%", "-12.19%" (never "+-"), "0%".</summary>
    public static string Improvement(double value) => value > 0 ? $"+{Percent(value)}" : Percent(value);

    /// <summary>The same in words, against the base model.</summary>
    public static string ImprovementWords(double value) => value switch
    {
        > 0 => $"{Percent(value)} fewer word errors than base",
        < 0 => $"{Percent(-value)} worse than base",
        _ => "no better than base",
    };

    /// <summary>The colour of an improvement: only a real reduction is good.</summary>
    public static string ImprovementTone(double value) => value > 0 ? "text-good" : "text-bad";

    /// <summary>A difference between two percentages, unsigned.</summary>
    public static string Points(double value) => $"{Math.Abs(value).ToString("0.#", Us)} pts";

    /// <summary>How long ago, in words; null beyond a week, where a date reads better (LocalTime shows it).</summary>
    public static string? Ago(TimeSpan span) => span.TotalSeconds switch
    {
        < 45 => "just now",
        < 90 => "1 min ago",
        < 3600 => $"{span.TotalMinutes:0} min ago",
        < 86400 => $"{span.TotalHours:0} h ago",
        < 86400 * 7 => $"{span.TotalDays:0} d ago",
        _ => null,
    };

    public static string Eta(TimeSpan remaining) => remaining.TotalSeconds switch
    {
        < 5 => "a few seconds left",
        < 90 => $"about {remaining.TotalSeconds:0} s left",
        < 5400 => $"about {remaining.TotalMinutes:0} min left",
        _ => $"about {remaining.TotalHours:0.#} h left",
    };

    public static string Status(TrainingStatus status) => status switch
    {
        TrainingStatus.NotRunning => "Not running",
        TrainingStatus.ReadyToRun => "Ready to run",
        TrainingStatus.Running => "Running",
        TrainingStatus.Success => "Success",
        TrainingStatus.Failed => "Failed",
        _ => status.ToString(),
    };

    public static string RoleOf(ClaimsPrincipal user) => DashboardRoles.All.FirstOrDefault(user.IsInRole) ?? "";

    public static string Plan(string plan) => plan switch
    {
        Shared.Billing.Plans.PayAsYouGo => "Pay-as-you-Go",
        _ => BaseModel(plan),
    };

    public static string BaseModel(string name) => Us.TextInfo.ToTitleCase(name);

    public static string Bytes(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => $"{bytes / 1024.0:0.#} KB",
        _ => $"{bytes / 1024.0 / 1024.0:0.#} MB",
    };
}
