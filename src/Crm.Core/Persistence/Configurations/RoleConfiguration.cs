using EpicEvents.Crm.Access;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Roles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EpicEvents.Crm.Persistence.Configurations;

internal sealed class RoleConfiguration : IEntityTypeConfiguration<Role>
{
    public void Configure(EntityTypeBuilder<Role> builder)
    {
        builder.Property(r => r.Name).HasMaxLength(Limits.RoleName);

        // Stored as "management"/"sales"/"support"; anything else reads back as Unknown, which has no rights.
        builder.Property(r => r.Department)
            .HasConversion(d => d.Key(), text => DepartmentNames.ParseOrUnknown(text))
            .HasMaxLength(20);
    }
}
