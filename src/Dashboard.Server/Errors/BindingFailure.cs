using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dashboard.Shared.Errors;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Dashboard.Server.Errors;

/// <summary>
/// A query or route value the framework could not convert (`?per_page=abc`), named as the client sent it
/// (per_page, not the handler's perPage), with the value it sent.
/// </summary>
public static partial class BindingFailure
{
    public static ApiException? Describe(HttpContext context, BadHttpRequestException bad)
    {
        var match = FailedToBind().Match(bad.Message);
        if (!match.Success) return null;
        var parameter = match.Groups["name"].Value;
        var endpoint = context.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? context.GetEndpoint(); // the handler runs with the endpoint cleared
        var field = endpoint?.Metadata.GetMetadata<MethodInfo>()?.GetParameters()
            .FirstOrDefault(p => p.Name == parameter)?.GetCustomAttribute<FromQueryAttribute>()?.Name
            ?? JsonNamingPolicy.SnakeCaseLower.ConvertName(parameter);
        var value = match.Groups["value"].Value;
        return ApiErrors.InvalidValue(field, Printable(value), Expected(match.Groups["type"].Value));
    }

    private static string Expected(string type) => type.TrimEnd('?') switch
    {
        "int" or "long" => " (a whole number)",
        "bool" => " (true or false)",
        "double" or "float" or "decimal" => " (a number)",
        _ => "",
    };

    private static string Printable(string value) =>
        new string(value.Where(c => !char.IsControl(c)).Take(100).ToArray());

    [GeneratedRegex("^Failed to bind parameter \"(?<type>[^ \"]+) (?<name>[A-Za-z0-9_]+)\" from \"(?<value>.*)\"\\.$", RegexOptions.Singleline)]
    private static partial Regex FailedToBind();
}
