using System.Diagnostics;

namespace Dashboard.Server.Errors;

/// <summary>
/// A request's trace id as ASP.NET Core's own problem details give it (the W3C id of the request's activity, else the
/// connection's request id): the error envelope carries it and the log line of a 500 names it, so one finds the other.
/// </summary>
public static class TraceIds
{
    public static string Of(HttpContext context) => Activity.Current?.Id ?? context.TraceIdentifier;
}
