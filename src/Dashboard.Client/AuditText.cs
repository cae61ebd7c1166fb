using Dashboard.Shared.Audit;

namespace Dashboard.Client;

/// <summary>How audit entries read on /audit.</summary>
public static class AuditText
{
    public static string Action(string action) => action switch
    {
        AuditActions.DataRead => "Listed data",
        AuditActions.DataDownload => "Downloaded audio",
        AuditActions.DataAdd => "Added data",
        AuditActions.DataDelete => "Deleted data",
        AuditActions.PoolRead => "Read the retained pool",
        AuditActions.PoolDownload => "Played pool audio",
        AuditActions.PoolAddToModel => "Added a pool item to a model",
        AuditActions.PoolDelete => "Deleted a pool item",
        AuditActions.ModelDelete => "Deleted a model",
        AuditActions.VersionServe => "Chose the serving version",
        _ => action,
    };

    public static string Tone(string action) => action.EndsWith(".delete", StringComparison.Ordinal) ? "tag-bad" : "";

    public static string ActorKind(string kind) => kind == "api_key" ? "API key" : "User";
}
