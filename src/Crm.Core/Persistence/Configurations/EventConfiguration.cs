using EpicEvents.Crm.Common;
using EpicEvents.Crm.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EpicEvents.Crm.Persistence.Configurations;

internal sealed class EventConfiguration : IEntityTypeConfiguration<Event>
{
    public void Configure(EntityTypeBuilder<Event> builder)
    {
        builder.Property(e => e.Name).HasMaxLength(Limits.EventName);
        builder.Property(e => e.Location).HasMaxLength(Limits.Location);
        builder.Property(e => e.Notes).HasMaxLength(Limits.Notes);
        builder.HasOne(e => e.Contract).WithMany().HasForeignKey(e => e.ContractId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(e => e.SupportContact).WithMany().HasForeignKey(e => e.SupportContactId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(e => e.Details);
    }
}
