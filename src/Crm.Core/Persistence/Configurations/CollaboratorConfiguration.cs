using EpicEvents.Crm.Collaborators;
using EpicEvents.Crm.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EpicEvents.Crm.Persistence.Configurations;

internal sealed class CollaboratorConfiguration : IEntityTypeConfiguration<Collaborator>
{
    public void Configure(EntityTypeBuilder<Collaborator> builder)
    {
        builder.Property(c => c.EmployeeNumber).HasMaxLength(Limits.EmployeeNumber);
        builder.Property(c => c.FullName).HasMaxLength(Limits.PersonName);
        builder.Property(c => c.Email).HasMaxLength(Limits.Email);
        builder.Property(c => c.SecurityStamp).HasMaxLength(64);
        builder.Property(c => c.PreferredLanguage).HasMaxLength(Limits.LanguageCode);
        builder.HasOne(c => c.Role).WithMany().HasForeignKey(c => c.RoleId).OnDelete(DeleteBehavior.Restrict);
    }
}
