namespace Dashboard.Server.Security;

public static class Roles
{
    public const string Admin = "admin";
    public const string Member = "member";
    public const string Viewer = "viewer";

    public static readonly IReadOnlyList<string> All = [Admin, Member, Viewer];

    /// <summary>Authorization policy: may upload data and start or cancel training.</summary>
    public const string CanTrain = "can-train";
    /// <summary>Authorization policy: may manage keys, users and plan settings.</summary>
    public const string CanAdminister = "can-administer";
}
