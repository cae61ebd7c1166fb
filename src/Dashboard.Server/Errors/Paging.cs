namespace Dashboard.Server.Errors;

/// <summary>The paging every list of the API takes: page from 1, per_page from 1 to 100.</summary>
public static class Paging
{
    public const int MaxPerPage = 100;

    public static void Validate(int page, int perPage)
    {
        if (page < 1) throw ApiErrors.Validation("page", "page must be 1 or more.");
        if (perPage is < 1 or > MaxPerPage) throw ApiErrors.Validation("per_page", $"per_page must be between 1 and {MaxPerPage}.");
    }
}
