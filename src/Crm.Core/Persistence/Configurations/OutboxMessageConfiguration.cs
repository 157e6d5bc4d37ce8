using EpicEvents.Crm.Common;
using EpicEvents.Crm.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EpicEvents.Crm.Persistence.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.HasOne(o => o.Recipient).WithMany().HasForeignKey(o => o.RecipientId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(o => o.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(o => o.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.LastError).HasMaxLength(1000);
        builder.Property(o => o.TraceParent).HasMaxLength(55);
        builder.Property(o => o.ClaimToken).HasMaxLength(64);
        builder.Property(o => o.ServiceUrl).HasMaxLength(Limits.TeamsServiceUrl);
        builder.Property(o => o.ConversationId).HasMaxLength(Limits.TeamsId);
        builder.Property(o => o.ActivityId).HasMaxLength(Limits.TeamsId);
    }
}
