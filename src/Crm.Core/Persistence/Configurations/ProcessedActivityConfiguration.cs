using EpicEvents.Crm.Common;
using EpicEvents.Crm.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EpicEvents.Crm.Persistence.Configurations;

internal sealed class ProcessedActivityConfiguration : IEntityTypeConfiguration<ProcessedActivity>
{
    public void Configure(EntityTypeBuilder<ProcessedActivity> builder)
    {
        builder.HasKey(a => a.ActivityId);
        builder.Property(a => a.ActivityId).HasMaxLength(Limits.ActivityId);
        builder.HasIndex(a => a.ReceivedAt);
    }
}
