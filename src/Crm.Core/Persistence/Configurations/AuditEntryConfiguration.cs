using System.Text.Json;
using EpicEvents.Crm.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EpicEvents.Crm.Persistence.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.Source).HasConversion<string>().HasMaxLength(10);
        builder.Property(a => a.EntityType).HasConversion<string>().HasMaxLength(30);
        builder.Property(a => a.Action).HasMaxLength(60);
        builder.Property(a => a.Changes)
            .HasConversion(
                changes => JsonSerializer.Serialize(changes, Json),
                text => JsonSerializer.Deserialize<List<FieldChange>>(text, Json) ?? new List<FieldChange>(),
                new ValueComparer<IReadOnlyList<FieldChange>>(
                    (a, b) => a!.SequenceEqual(b!),
                    list => list.Aggregate(0, (hash, change) => HashCode.Combine(hash, change)),
                    list => list.ToList()));
    }
}
