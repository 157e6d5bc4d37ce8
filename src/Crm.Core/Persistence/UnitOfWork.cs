using EpicEvents.Crm.Common;
using EpicEvents.Crm.Presentation;
using EpicEvents.Crm.Roles;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace EpicEvents.Crm.Persistence;

/// <summary>
/// Saves a use case's changes in one transaction and turns the database's refusals (a concurrent
/// edit, a unique value taken meanwhile) into results instead of exceptions.
/// </summary>
internal static class UnitOfWork
{
    private static readonly (string Index, string Column, Failure Failure)[] UniqueRules =
    [
        ("ix_clients_email", "clients.email", Failure.Invalid(FieldNames.Email, new Text("client.email.taken"))),
        ("ix_collaborators_email", "collaborators.email", Failure.Invalid(FieldNames.Email, new Text("collaborator.email.taken"))),
        ("ix_roles_name", "roles.name", Failure.Invalid(FieldNames.Name, RoleNames.Taken)),
        ("ix_collaborators_teams_identity", "collaborators.teams_tenant_id", Failure.Conflict(new Text("collaborator.teams.linkedToAnother"))),
        ("ix_signature_requests_pending", "signature_requests.contract_id", Failure.Conflict(new Text("signature.alreadyPending"))),
        ("ix_bot_dialogs_conversation_key", "bot_dialogs.conversation_key", Failure.Conflict(new Text("dialog.startedConcurrently"))),
        ("ix_digest_sends_period", "digest_sends.collaborator_id", Failure.Conflict(new Text("digest.alreadySent"))),
    ];

    public static Failure ConcurrentEdit { get; } =
        Failure.Conflict(new Text("save.concurrentChange"));

    /// <summary>Saves, or returns why not; after a refusal nothing of the change is kept.</summary>
    public static async Task<Failure?> TrySaveAsync(this CrmDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return ConcurrentEdit;
        }
        catch (DbUpdateException exception) when (UniqueViolation(exception) is { } failure)
        {
            db.ChangeTracker.Clear();
            return failure;
        }
    }

    /// <summary>
    /// Saves new records, then runs <paramref name="afterInsert"/> (which may read their generated
    /// ids to audit them or derive a number) and saves again — all in one transaction.
    /// </summary>
    public static async Task<Failure?> TrySaveInsertAsync(this CrmDbContext db, Action afterInsert, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.TrySaveAsync(cancellationToken) is { } failed)
        {
            return failed;
        }

        afterInsert();
        if (await db.TrySaveAsync(cancellationToken) is { } failedAfter)
        {
            return failedAfter;
        }

        await transaction.CommitAsync(cancellationToken);
        return null;
    }

    private static Failure? UniqueViolation(DbUpdateException exception)
    {
        switch (exception.InnerException)
        {
            case PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } postgres:
                return UniqueRules.FirstOrDefault(r => r.Index == postgres.ConstraintName).Failure;
            case SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 } sqlite:
                return UniqueRules.FirstOrDefault(r => sqlite.Message.Contains(r.Column, StringComparison.Ordinal)).Failure;
            case PostgresException { SqlState: PostgresErrorCodes.CharacterNotInRepertoire or PostgresErrorCodes.UntranslatableCharacter or PostgresErrorCodes.StringDataRightTruncation }:
                return Failure.Invalid(FieldNames.StoredText, new Text("save.textNotStorable"));
            case PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation }:
            case SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 787 }:
                return Failure.Conflict(new Text("save.relatedChanged"));
            case PostgresException { SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected }:
                return ConcurrentEdit;
            case SqliteException { SqliteErrorCode: 5 or 6 }:
                return Failure.Conflict(new Text("save.busy"));
            default:
                return null;
        }
    }
}
