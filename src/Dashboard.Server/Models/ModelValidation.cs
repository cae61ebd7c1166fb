using Dashboard.Server.Errors;
using Dashboard.Shared.Models;

namespace Dashboard.Server.Models;

public static class ModelValidation
{
    public static string Name(string? name)
    {
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed)) throw ApiErrors.Validation("name", "name is required.");
        if (trimmed.Length > 200) throw ApiErrors.Validation("name", "name must be at most 200 characters.");
        if (trimmed.Any(char.IsControl)) throw ApiErrors.Validation("name", "name must not contain control characters (line breaks, tabs, NUL).");
        return trimmed;
    }

    public static string Language(string language) =>
        BaseModels.Languages.Contains(language.Trim().ToLowerInvariant()) ? language.Trim().ToLowerInvariant()
            : throw ApiErrors.Validation("language", $"language '{language}' is not supported; supported: {string.Join(", ", BaseModels.Languages)}.");

    public static string BaseModel(string baseModel) =>
        BaseModels.All.Contains(baseModel.Trim().ToLowerInvariant()) ? baseModel.Trim().ToLowerInvariant()
            : throw ApiErrors.Validation("base_model", $"base_model '{baseModel}' is not one of {string.Join(", ", BaseModels.All)}.");

    public static string? Description(string? description)
    {
        var trimmed = description?.Trim();
        if (trimmed is { Length: > 2000 }) throw ApiErrors.Validation("description", "description must be at most 2000 characters.");
        if (trimmed is not null && trimmed.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
            throw ApiErrors.Validation("description", "description must not contain control characters other than line breaks and tabs.");
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }
}
