using Dashboard.Server.Errors;

namespace Dashboard.Server.Privacy;

/// <summary>The <c>mip_opt_out</c> parameter as the seed spells it: true, false, 1 or 0 (absent: the request participates).</summary>
public static class MipOptOutFlag
{
    public const string Name = "mip_opt_out";

    public static bool? Parse(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" => null,
        "true" or "1" => true,
        "false" or "0" => false,
        _ => throw ApiErrors.Validation(Name, $"{Name} must be true, false, 1 or 0; got '{value}'."),
    };
}
