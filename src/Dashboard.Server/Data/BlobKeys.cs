namespace Dashboard.Server.Data;

public static class BlobKeys
{
    public static string ModelFolder(int modelId) => $"models/{modelId}";

    public static string Audio(int modelId, string type, Guid id) => $"{ModelFolder(modelId)}/{type}/{id:N}.audio";

    public static string Transcript(int modelId, string type, Guid id) => $"{ModelFolder(modelId)}/{type}/{id:N}.txt";

    public static string Text(int modelId, Guid id) => $"{ModelFolder(modelId)}/text/{id:N}.txt";

    public static string Artifact(int modelId, int version, string name) => $"{ModelFolder(modelId)}/versions/{version}/{name}";
}
