using System.Data.Common;
using EpicEvents.Crm.Access;
using EpicEvents.Crm.Audit;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace EpicEvents.Crm.Telemetry;

/// <summary>
/// Logs the business events (<see cref="CrmLog"/>) from the audit entries a unit of work commits.
/// Every change is audited exactly once, in the transaction that makes it (ADR 4), and each audit
/// action is written in one place (a contract becomes signed only in <c>ContractSigning.Sign</c>),
/// so each event is logged once whatever the path — CLI, bot, approval of a request — and only once
/// committed: a save that loses a race or a rolled-back transaction logs nothing.
/// </summary>
internal sealed class BusinessEventLog(ILogger<BusinessEventLog> logger) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Capture(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Capture(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => Pending(eventData.Context)?.Saving.Clear();

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    public void SaveChangesCanceled(DbContextEventData eventData) => Pending(eventData.Context)?.Saving.Clear();

    public Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesCanceled(eventData);
        return Task.CompletedTask;
    }

    public DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        Pending(eventData.Context)?.Saved.Clear();
        return result;
    }

    public ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(TransactionStarted(connection, eventData, result));

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Flush(Pending(eventData.Context)?.Saved);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionCommitted(transaction, eventData);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Pending(eventData.Context)?.Saved.Clear();

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionRolledBack(transaction, eventData);
        return Task.CompletedTask;
    }

    private static PendingEvents? Pending(DbContext? context) => (context as CrmDbContext)?.PendingEvents;

    private void Capture(DbContext? context)
    {
        if (Pending(context) is not { } pending || !logger.IsEnabled(LogLevel.Information))
        {
            return;
        }

        pending.Saving.Clear();
        foreach (var entry in context!.ChangeTracker.Entries<AuditEntry>())
        {
            if (entry.State == EntityState.Added)
            {
                pending.Saving.Add(entry.Entity);
            }
        }
    }

    private void Saved(DbContext? context)
    {
        if (Pending(context) is not { } pending || pending.Saving.Count == 0)
        {
            return;
        }

        if (context!.Database.CurrentTransaction is null)
        {
            Flush(pending.Saving);
            return;
        }

        // Within an explicit transaction the entries count once it commits.
        pending.Saved.AddRange(pending.Saving);
        pending.Saving.Clear();
    }

    private void Flush(List<AuditEntry>? entries)
    {
        if (entries is null)
        {
            return;
        }

        foreach (var entry in entries)
        {
            Log(entry);
        }

        entries.Clear();
    }

    private void Log(AuditEntry entry)
    {
        var subject = entry.EntityId;
        var actor = entry.ActorId;
        switch (entry.Action)
        {
            case "login.succeeded":
                CrmLog.LoginSucceeded(logger, subject, entry.Source);
                break;
            case "login.failed":
                CrmLog.LoginFailed(logger, subject, entry.Source);
                break;
            case "login.locked":
                CrmLog.AccountLocked(logger, subject, entry.Source);
                break;
            case "collaborator.created":
                CrmLog.CollaboratorCreated(logger, subject, actor);
                break;
            case "collaborator.updated":
                CrmLog.CollaboratorUpdated(logger, subject, actor);
                if (NewValue(entry, FieldNames.Department) is { } department)
                {
                    CrmLog.RoleChanged(logger, subject, department, actor);
                }

                break;
            case "collaborator.deactivated":
                CrmLog.CollaboratorDeactivated(logger, subject, actor);
                break;
            case "contract.signed":
                CrmLog.ContractSigned(logger, subject, actor, NewValue(entry, FieldNames.SignatureRequestId));
                break;
            case "signature.rejected":
                CrmLog.SignatureRejected(logger, subject, actor);
                break;
            case "event.support_assigned":
                CrmLog.SupportAssigned(logger, subject, NewValue(entry, FieldNames.SupportContactId), actor);
                break;
        }
    }

    private static string? NewValue(AuditEntry entry, string field) =>
        entry.Changes.FirstOrDefault(c => c.Field == field)?.New;
}

/// <summary>The audit entries of one unit of work on their way to <see cref="BusinessEventLog"/>.</summary>
internal sealed class PendingEvents
{
    /// <summary>Added to the save in progress.</summary>
    public List<AuditEntry> Saving { get; } = [];

    /// <summary>Saved inside a transaction that has not committed yet.</summary>
    public List<AuditEntry> Saved { get; } = [];
}
