namespace Dashboard.Server.Audit;

/// <summary>How audit entries name what was touched, the same from the API and from the dashboard.</summary>
public static class AuditResources
{
    public static string Model(int modelId) => $"custom_model_{modelId}";

    public static string ModelData(int modelId) => $"{Model(modelId)}/data";

    public static string ModelVersion(int modelId, int version) => $"{Model(modelId)}/versions/{version}";

    public static string DataFile(int modelId, int fileId) => $"{ModelData(modelId)}/{fileId}";

    public const string Pool = "mip/items";

    public static string PoolItem(int itemId) => $"{Pool}/{itemId}";

    public const string ModelDeleteDetail = "with its data files, versions and log";
}
