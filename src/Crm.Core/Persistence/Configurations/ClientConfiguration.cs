using EpicEvents.Crm.Clients;
using EpicEvents.Crm.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EpicEvents.Crm.Persistence.Configurations;

internal sealed class ClientConfiguration : IEntityTypeConfiguration<Client>
{
    public void Configure(EntityTypeBuilder<Client> builder)
    {
        builder.Property(c => c.FullName).HasMaxLength(Limits.PersonName);
        builder.Property(c => c.Email).HasMaxLength(Limits.Email);
        builder.Property(c => c.Phone).HasMaxLength(Limits.PhoneText);
        builder.Property(c => c.CompanyName).HasMaxLength(Limits.CompanyName);
        builder.HasOne(c => c.SalesContact).WithMany().HasForeignKey(c => c.SalesContactId).OnDelete(DeleteBehavior.Restrict);
    }
}
