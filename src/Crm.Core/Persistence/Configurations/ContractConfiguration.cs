using EpicEvents.Crm.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EpicEvents.Crm.Persistence.Configurations;

internal sealed class ContractConfiguration : IEntityTypeConfiguration<Contract>
{
    public void Configure(EntityTypeBuilder<Contract> builder)
    {
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasOne(c => c.Client).WithMany().HasForeignKey(c => c.ClientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.SignedBy).WithMany().HasForeignKey(c => c.SignedById).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(c => c.IsOpen);
    }
}
