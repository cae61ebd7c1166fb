using Dashboard.Server.Billing;
using Dashboard.Server.Data;
using Dashboard.Server.Models;
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
    public DbSet<TrainingLogEntry> TrainingLog => Set<TrainingLogEntry>();
    public DbSet<LedgerEntry> Ledger => Set<LedgerEntry>();

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
    }
}
