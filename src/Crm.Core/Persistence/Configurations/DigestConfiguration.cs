using EpicEvents.Crm.Collaborators;
using EpicEvents.Crm.Digests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EpicEvents.Crm.Persistence.Configurations;

internal sealed class DigestPreferenceConfiguration : IEntityTypeConfiguration<DigestPreference>
{
    public void Configure(EntityTypeBuilder<DigestPreference> builder)
    {
        builder.HasKey(p => new { p.CollaboratorId, p.Kind });
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Ignore(p => p.At);
        builder.HasOne<Collaborator>().WithMany().HasForeignKey(p => p.CollaboratorId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DigestSendConfiguration : IEntityTypeConfiguration<DigestSend>
{
    public void Configure(EntityTypeBuilder<DigestSend> builder)
    {
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(s => new { s.CollaboratorId, s.Kind, s.Period }).IsUnique().HasDatabaseName("ix_digest_sends_period");
        builder.HasIndex(s => s.OutboxMessageId).HasDatabaseName("ix_digest_sends_outbox_message");
        builder.HasOne<Collaborator>().WithMany().HasForeignKey(s => s.CollaboratorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(s => s.OutboxMessage).WithMany().HasForeignKey(s => s.OutboxMessageId).OnDelete(DeleteBehavior.SetNull);
    }
}
