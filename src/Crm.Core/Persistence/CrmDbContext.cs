using EpicEvents.Crm.Audit;
using EpicEvents.Crm.Clients;
using EpicEvents.Crm.Collaborators;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Contracts;
using EpicEvents.Crm.Events;
using EpicEvents.Crm.Outbox;
using EpicEvents.Crm.Roles;
using EpicEvents.Crm.Signatures;
using EpicEvents.Crm.Teams;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Crm.Persistence;

/// <summary>
/// The CRM's unit of work. The schema itself is created by <see cref="SchemaMigrator"/> from
/// versioned SQL; this model maps onto it.
/// </summary>
public sealed class CrmDbContext(DbContextOptions<CrmDbContext> options) : DbContext(options)
{
    public DbSet<Role> Roles => Set<Role>();

    public DbSet<Collaborator> Collaborators => Set<Collaborator>();

    public DbSet<Client> Clients => Set<Client>();

    public DbSet<Contract> Contracts => Set<Contract>();

    public DbSet<Event> Events => Set<Event>();

    public DbSet<SignatureRequest> SignatureRequests => Set<SignatureRequest>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<TeamsConversation> TeamsConversations => Set<TeamsConversation>();

    public DbSet<BotDialog> BotDialogs => Set<BotDialog>();

    public DbSet<ProcessedActivity> ProcessedActivities => Set<ProcessedActivity>();

    public DbSet<Digests.DigestPreference> DigestPreferences => Set<Digests.DigestPreference>();

    public DbSet<Digests.DigestSend> DigestSends => Set<Digests.DigestSend>();

    /// <summary>Audit entries saved but not yet logged as business events (see <see cref="Telemetry.BusinessEventLog"/>).</summary>
    internal Telemetry.PendingEvents PendingEvents { get; } = new();

    /// <summary>Set by <see cref="NotificationsSaved"/> while a save that queues or changes notifications runs.</summary>
    internal bool SavingNotifications { get; set; }

    internal DatabaseProvider Provider => Database.ProviderName switch
    {
        "Microsoft.EntityFrameworkCore.Sqlite" => DatabaseProvider.Sqlite,
        "Npgsql.EntityFrameworkCore.PostgreSQL" => DatabaseProvider.PostgreSql,
        var other => throw new NotSupportedException($"The database provider {other} is not supported."),
    };

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RaiseVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RaiseVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CrmDbContext).Assembly);
        ModelConventions.Apply(modelBuilder, Provider);
    }

    /// <summary>
    /// Raises the version of each modified record; the update's WHERE clause carries the old one, so
    /// a concurrent writer that got there first makes this save fail instead of being overwritten.
    /// </summary>
    private void RaiseVersions()
    {
        foreach (var entry in ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State == EntityState.Modified)
            {
                entry.Entity.NextVersion();
            }
        }
    }
}

internal enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}
