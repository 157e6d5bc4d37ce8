using EpicEvents.Crm.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EpicEvents.Crm.Persistence.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.Source).HasConversion<string>().HasMaxLength(10);
        builder.Property(a => a.EntityType).HasConversion<string>().HasMaxLength(30);
        builder.Property(a => a.Action).HasMaxLength(60);
        builder.Property(a => a.Changes)
            .HasConversion(new FieldChangesConverter(), new FieldChangesComparer());
    }
}
