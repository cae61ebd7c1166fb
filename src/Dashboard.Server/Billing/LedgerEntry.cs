namespace Dashboard.Server.Billing;

public sealed class LedgerEntry
{
    public int Id { get; set; }
    public int OrganizationId { get; set; }
    public int? ModelId { get; set; }
    public int? RunId { get; set; }
    public required string Kind { get; set; }
    public string? Model { get; set; }
    public double AudioSeconds { get; set; }
    public decimal Amount { get; set; }
    public int DiscountPercent { get; set; }
    public bool MipOptOut { get; set; }
    public required string Description { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
