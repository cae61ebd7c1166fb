using System.Globalization;

namespace Dashboard.Shared.Formatting;

/// <summary>An amount of audio as people read it: "12 s", "4.5 min", "2.25 h" (the server's log and ledger and the dashboard).</summary>
public static class AudioHours
{
    public static string Describe(double hours) => hours switch
    {
        0 => "0 h",
        < 1.0 / 60 => string.Create(CultureInfo.InvariantCulture, $"{hours * 3600:0} s"),
        < 1 => string.Create(CultureInfo.InvariantCulture, $"{hours * 60:0.#} min"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{hours:0.##} h"),
    };
}
