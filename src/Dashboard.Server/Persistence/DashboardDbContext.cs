using Dashboard.Server.Audit;
using Dashboard.Server.Billing;
using Dashboard.Server.Data;
using Dashboard.Server.Privacy;
using Dashboard.Server.Security;
using Dashboard.Server.Training;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Dashboard.Server.Persistence;

public sealed class DashboardDbContext(DbContextOptions<DashboardDbContext> options) : IdentityDbContext<AppUser>(options)
{
    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<CustomModel> CustomModels => Set<CustomModel>();
    public DbSet<DataFile> DataFiles => Set<DataFile>();
    public DbSet<TrainingRun> TrainingRuns => Set<TrainingRun>();
    public DbSet<TrainingRunFile> TrainingRunFiles => Set<TrainingRunFile>();
    public DbSet<TrainingLogEntry> TrainingLog => Set<TrainingLogEntry>();
    public DbSet<LedgerEntry> Ledger => Set<LedgerEntry>();
    public DbSet<RetainedItem> RetainedItems => Set<RetainedItem>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            }
            catch (DbUpdateConcurrencyException conflict) when (attempt < TransitionSafeSave.Attempts)
            {
                if (!await TransitionSafeSave.TryRebaseAsync(conflict, cancellationToken)) throw;
            }
        }
    }
    public DbSet<Webhooks.Webhook> Webhooks => Set<Webhooks.Webhook>();
    public DbSet<Outbound.OutboundDelivery> OutboundDeliveries => Set<Outbound.OutboundDelivery>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Stored as sortable integers so that SQLite can order and compare them.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<Organization>(e =>
        {
            e.HasIndex(o => o.Name).IsUnique();
            e.Property(o => o.Name).HasMaxLength(200);
            e.Property(o => o.Plan).HasMaxLength(20);
        });
        builder.Entity<ApiKey>(e =>
        {
            e.HasIndex(k => k.SecretHash).IsUnique();
            e.HasOne(k => k.Organization).WithMany().HasForeignKey(k => k.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<AppUser>().HasOne(u => u.Organization).WithMany().HasForeignKey(u => u.OrganizationId);
        builder.Entity<CustomModel>(e =>
        {
            e.HasIndex(m => new { m.OrganizationId, m.TrainingStatus });
            e.HasOne<Organization>().WithMany().HasForeignKey(m => m.OrganizationId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(m => m.Files).WithOne().HasForeignKey(f => f.ModelId).OnDelete(DeleteBehavior.Cascade);
            e.Property(m => m.Name).HasMaxLength(200);
            e.Property(m => m.Description).HasMaxLength(2000);
            // The training state: a save over a transition that happened meanwhile fails rather than undoing it.
            e.Property(m => m.TrainingStatus).IsConcurrencyToken();
            e.Property(m => m.CurrentRunId).IsConcurrencyToken();
        });
        builder.Entity<TrainingRunFile>(e =>
        {
            e.HasKey(f => new { f.RunId, f.DataFileId });
            e.HasOne<TrainingRun>().WithMany().HasForeignKey(f => f.RunId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<DataFile>(e =>
        {
            e.Property(f => f.TranscriptBytes).HasDefaultValue(0L);
            e.Property(f => f.Sentences).HasDefaultValue(0);
        });
        builder.Entity<TrainingRun>(e =>
        {
            e.HasIndex(r => r.ModelId);
            e.HasOne<CustomModel>().WithMany().HasForeignKey(r => r.ModelId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<TrainingLogEntry>(e =>
        {
            e.HasIndex(l => new { l.ModelId, l.Id });
            e.HasOne<CustomModel>().WithMany().HasForeignKey(l => l.ModelId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<LedgerEntry>(e =>
        {
            e.HasIndex(l => new { l.OrganizationId, l.CreatedAt });
            e.HasOne<Organization>().WithMany().HasForeignKey(l => l.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<RetainedItem>(e =>
        {
            e.HasIndex(i => new { i.OrganizationId, i.CreatedAt });
            e.HasOne<Organization>().WithMany().HasForeignKey(i => i.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<AuditEntry>(e =>
        {
            e.HasIndex(a => new { a.OrganizationId, a.Id });
            e.HasOne<Organization>().WithMany().HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<Webhooks.Webhook>(e =>
        {
            e.HasIndex(w => w.OrganizationId);
            e.HasOne<Organization>().WithMany().HasForeignKey(w => w.OrganizationId).OnDelete(DeleteBehavior.Cascade);
            e.Property(w => w.Url).HasMaxLength(2048);
        });
        builder.Entity<Outbound.OutboundDelivery>(e =>
        {
            e.HasIndex(d => new { d.OrganizationId, d.Id });
            e.HasIndex(d => d.Status);
            e.HasIndex(d => new { d.Kind, d.Reference });
            e.HasOne<Organization>().WithMany().HasForeignKey(d => d.OrganizationId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Webhooks.Webhook>().WithMany().HasForeignKey(d => d.WebhookId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
