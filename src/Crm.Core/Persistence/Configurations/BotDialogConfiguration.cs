using EpicEvents.Crm.Collaborators;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EpicEvents.Crm.Persistence.Configurations;

internal sealed class BotDialogConfiguration : IEntityTypeConfiguration<BotDialog>
{
    public void Configure(EntityTypeBuilder<BotDialog> builder)
    {
        builder.Property(d => d.ConversationKey).HasMaxLength(Limits.ConversationKey);
        builder.Property(d => d.Kind).HasMaxLength(Limits.DialogKind);
        builder.Property(d => d.CardActivityId).HasMaxLength(Limits.CardActivityId);
        builder.HasIndex(d => d.ConversationKey).IsUnique();
        builder.HasIndex(d => d.ExpiresAt);
        builder.HasOne<Collaborator>().WithMany().HasForeignKey(d => d.CollaboratorId).OnDelete(DeleteBehavior.Cascade);
    }
}
