using EpicEvents.Crm.Common;
using EpicEvents.Crm.Persistence;
using EpicEvents.Crm.Presentation;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Crm.Teams;

/// <summary>A dialog as read: hand it back, changed, to <see cref="DialogStore.SaveAsync"/>.</summary>
public sealed record DialogSnapshot(long Id, string ConversationKey, int CollaboratorId, string Kind, string State, string? CardActivityId, DateTime ExpiresAt, int Version);

/// <summary>
/// The bot's dialogs in progress, at most one per conversation. Saves are optimistic: of two bot
/// instances (or two clicks) answering the same version of a dialog, the second is told the form
/// changed elsewhere instead of overwriting the first.
/// </summary>
public sealed class DialogStore(CrmDbContext db, TimeProvider clock)
{
    /// <summary>A dialog left alone this long expires (SPEC §5).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    private static readonly Failure ChangedElsewhere = Failure.Conflict(new Text("dialog.changedElsewhere"));

    private static readonly Failure Gone = Failure.NotFound(new Text("dialog.gone"));

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The conversation's dialog; null when there is none or it expired (an expired one is deleted).</summary>
    public async Task<DialogSnapshot?> FindAsync(string conversationKey, CancellationToken cancellationToken = default)
    {
        var now = Now;
        var dialog = await db.BotDialogs.AsNoTracking().SingleOrDefaultAsync(d => d.ConversationKey == conversationKey, cancellationToken);
        if (dialog is null)
        {
            return null;
        }

        if (dialog.IsExpired(now))
        {
            await db.BotDialogs.Where(d => d.Id == dialog.Id && d.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
            return null;
        }

        return Snapshot(dialog);
    }

    /// <summary>Starts a dialog in the conversation, replacing the one in progress there, if any.</summary>
    public async Task<Result<DialogSnapshot>> StartAsync(string conversationKey, int collaboratorId, string kind, string state, CancellationToken cancellationToken = default)
    {
        var validation = new Validation()
            .Check(FieldNames.ConversationKey, RequiredError(conversationKey, Limits.ConversationKey, FieldNames.WordedName(FieldNames.ConversationKey)))
            .Check(FieldNames.Kind, RequiredError(kind, Limits.DialogKind, new Text("fieldName.dialogKind")))
            .Check(FieldNames.State, StateError(state));
        if (validation.HasErrors)
        {
            return validation.Failure;
        }

        var now = Now;
        // Two starts in one conversation at once: on PostgreSQL the later insert meets the earlier
        // one's row in the unique index and fails; tried again, it replaces that row.
        for (var attempt = 1; ; attempt++)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.BotDialogs.Where(d => d.ConversationKey == conversationKey).ExecuteDeleteAsync(cancellationToken);
            var dialog = new BotDialog(conversationKey, collaboratorId, kind, state, now);
            db.BotDialogs.Add(dialog);
            if (await db.TrySaveAsync(cancellationToken) is { } failed)
            {
                if (attempt < 2 && failed.Outcome == Outcome.Conflict)
                {
                    continue;
                }

                return failed;
            }

            await transaction.CommitAsync(cancellationToken);
            return Snapshot(dialog);
        }
    }

    /// <summary>
    /// Writes the snapshot's kind, state and card id if the dialog is still at the snapshot's version,
    /// and keeps it alive for another <see cref="Lifetime"/>. <c>Conflict</c> when another instance
    /// saved first (read the current state with <see cref="FindAsync"/>); <c>NotFound</c> when the
    /// dialog ended or expired.
    /// </summary>
    public async Task<Result<DialogSnapshot>> SaveAsync(DialogSnapshot changed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changed);
        var validation = new Validation()
            .Check(FieldNames.Kind, RequiredError(changed.Kind, Limits.DialogKind, new Text("fieldName.dialogKind")))
            .Check(FieldNames.State, StateError(changed.State))
            .Check(FieldNames.CardActivityId, changed.CardActivityId?.Length > Limits.CardActivityId ? new Text("dialog.cardActivityId.tooLong", Limits.CardActivityId) : null);
        if (validation.HasErrors)
        {
            return validation.Failure;
        }

        var now = Now;
        var dialog = await db.BotDialogs.SingleOrDefaultAsync(d => d.Id == changed.Id, cancellationToken);
        if (dialog is null || dialog.IsExpired(now))
        {
            return Gone;
        }

        if (dialog.Version != changed.Version)
        {
            return ChangedElsewhere;
        }

        dialog.Change(changed.Kind, changed.State, changed.CardActivityId, now);
        if (await db.TrySaveAsync(cancellationToken) is { } failed)
        {
            if (failed != UnitOfWork.ConcurrentEdit)
            {
                return failed;
            }

            // Saved or ended by another instance between this read and this write.
            return await db.BotDialogs.AnyAsync(d => d.Id == changed.Id, cancellationToken) ? ChangedElsewhere : Gone;
        }

        return Snapshot(dialog);
    }

    /// <summary>Ends the conversation's dialog (the person typed "cancel", or it finished); true when one was in progress.</summary>
    public async Task<bool> EndAsync(string conversationKey, CancellationToken cancellationToken = default)
    {
        var now = Now;
        return await db.BotDialogs.Where(d => d.ConversationKey == conversationKey && d.ExpiresAt > now).ExecuteDeleteAsync(cancellationToken) > 0;
    }

    /// <summary>Deletes every expired dialog; returns how many.</summary>
    public async Task<int> DeleteExpiredAsync(CancellationToken cancellationToken = default)
    {
        var now = Now;
        return await db.BotDialogs.Where(d => d.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
    }

    private static DialogSnapshot Snapshot(BotDialog dialog) =>
        new(dialog.Id, dialog.ConversationKey, dialog.CollaboratorId, dialog.Kind, dialog.State, dialog.CardActivityId, dialog.ExpiresAt, dialog.Version);

    private static Text? RequiredError(string? value, int max, Text what) =>
        FieldRules.RequiredLineError(string.IsNullOrWhiteSpace(value) ? string.Empty : value, max, what);

    private static Text? StateError(string? state) => state switch
    {
        null => new Text("dialog.state.required"),
        { Length: > Limits.DialogState } => new Text("dialog.state.tooLong", Limits.DialogState),
        _ => null,
    };
}
