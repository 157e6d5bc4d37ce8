using EpicEvents.Crm.Collaborators;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EpicEvents.Crm.Persistence.Configurations;

internal sealed class TeamsConversationConfiguration : IEntityTypeConfiguration<TeamsConversation>
{
    public void Configure(EntityTypeBuilder<TeamsConversation> builder)
    {
        builder.HasKey(t => t.CollaboratorId);
        builder.Property(t => t.CollaboratorId).ValueGeneratedNever();
        builder.Property(t => t.ServiceUrl).HasMaxLength(Limits.TeamsServiceUrl);
        builder.Property(t => t.ChannelId).HasMaxLength(Limits.TeamsChannelId);
        builder.Property(t => t.ConversationId).HasMaxLength(Limits.TeamsId);
        builder.Property(t => t.ConversationType).HasMaxLength(Limits.TeamsConversationType);
        builder.Property(t => t.TenantId).HasMaxLength(Limits.TeamsId);
        builder.Property(t => t.BotId).HasMaxLength(Limits.TeamsId);
        builder.Property(t => t.BotName).HasMaxLength(Limits.TeamsName);
        builder.Property(t => t.UserId).HasMaxLength(Limits.TeamsId);
        builder.Property(t => t.AadObjectId).HasMaxLength(Limits.TeamsId);
        builder.Property(t => t.Locale).HasMaxLength(Limits.Locale);
        builder.HasOne<Collaborator>().WithOne().HasForeignKey<TeamsConversation>(t => t.CollaboratorId).OnDelete(DeleteBehavior.Cascade);
    }
}
