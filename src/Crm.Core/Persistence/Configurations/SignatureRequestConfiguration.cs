using EpicEvents.Crm.Common;
using EpicEvents.Crm.Signatures;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EpicEvents.Crm.Persistence.Configurations;

internal sealed class SignatureRequestConfiguration : IEntityTypeConfiguration<SignatureRequest>
{
    public void Configure(EntityTypeBuilder<SignatureRequest> builder)
    {
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Reason).HasMaxLength(Limits.Reason);
        builder.HasOne(s => s.Contract).WithMany().HasForeignKey(s => s.ContractId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(s => s.RequestedBy).WithMany().HasForeignKey(s => s.RequestedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.DecidedBy).WithMany().HasForeignKey(s => s.DecidedById).OnDelete(DeleteBehavior.Restrict);
    }
}
