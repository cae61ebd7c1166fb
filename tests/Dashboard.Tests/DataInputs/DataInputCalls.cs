using System.Net.Http.Headers;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.DataInputs;

/// <summary>PUT .../data with an archive_file or a text_file, as a client would send it.</summary>
public static class DataInputCalls
{
    public static async Task<HttpResponseMessage> UploadArchiveAsync(HttpClient client, int modelId, string type, string archivePath, string fileName = "batch.zip")
    {
        using var form = new MultipartFormDataContent { { new StringContent(type), "type" } };
        var archive = new StreamContent(System.IO.File.OpenRead(archivePath));
        archive.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        form.Add(archive, "archive_file", fileName);
        return await client.PutAsync($"{ApiClientExtensions.Models}/{modelId}/data", form);
    }

    public static async Task<HttpResponseMessage> UploadTextAsync(HttpClient client, int modelId, string path, string fileName)
    {
        using var form = new MultipartFormDataContent { { new StringContent("text"), "type" } };
        form.Add(new StreamContent(System.IO.File.OpenRead(path)), "text_file", fileName);
        return await client.PutAsync($"{ApiClientExtensions.Models}/{modelId}/data", form);
    }
}
