using EpicEvents.Crm.Access;
using EpicEvents.Crm.Audit;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Persistence;
using EpicEvents.Crm.Presentation;
using EpicEvents.Crm.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Crm.Auth;

public enum LoginOutcome
{
    Success,

    /// <summary>Wrong email or wrong password: one answer for both.</summary>
    InvalidCredentials,

    LockedOut,
}

public sealed record LoginResult(LoginOutcome Outcome, SessionToken? Session, Actor? Actor, bool MustChangePassword, Text Message)
{
    public bool Succeeded => Outcome == LoginOutcome.Success;
}

/// <summary>
/// Email and password login. A wrong email costs the same hash check as a wrong password and gets
/// the same answer; five failures within 15 minutes lock the account for 15 minutes. Every attempt
/// is audited, never with the password.
/// </summary>
public sealed class Login(CrmDbContext db, PasswordHashing hashing, SessionTokens tokens, AuthOptions options, TimeProvider clock) : IUseCase
{
    // One answer for a wrong email, a wrong password and a locked account, so that none of them
    // tells an attacker that an account exists.
    private static readonly Text WrongCredentials = new("login.wrongCredentials");
    private const string FailedAction = "login.failed";

    public async Task<LoginResult> ExecuteAsync(string? email, string? password, ChangeSource source, CancellationToken cancellationToken = default)
    {
        var normalized = FieldRules.NormalizeEmail(email);
        password ??= string.Empty;
        var now = clock.GetUtcNow().UtcDateTime;
        // Text that cannot be an email (too long, control characters) is never sent to the database.
        var collaborator = FieldRules.EmailError(normalized) is null && password.Length <= Limits.PasswordMax
            ? await db.Collaborators.Include(c => c.Role).SingleOrDefaultAsync(c => c.Email == normalized, cancellationToken)
            : null;

        if (collaborator is null)
        {
            hashing.VerifyDecoy(password);
            db.AuditEntries.Add(new AuditEntry(now, null, source, FailedAction, AuditEntity.Collaborator, null, [new FieldChange(FieldNames.Email, null, FieldRules.EmailError(normalized) is null ? normalized : AuditTrail.Masked)]));
            await db.SaveChangesAsync(cancellationToken);
            CrmTelemetry.LoginFailed(source, "unknown_email", lockedNow: false);
            return Failed(LoginOutcome.InvalidCredentials, WrongCredentials);
        }

        var actor = new Actor(collaborator.Id, collaborator.FullName, collaborator.Role.Department, collaborator.IsActive, collaborator.MustChangePassword, source);
        if (collaborator.IsLockedOut(now))
        {
            hashing.VerifyDecoy(password);
            db.Record(actor, now, "login.locked", AuditEntity.Collaborator, collaborator.Id);
            await db.SaveChangesAsync(cancellationToken);
            CrmTelemetry.LoginFailed(source, "locked", lockedNow: false);
            return Failed(LoginOutcome.LockedOut, WrongCredentials);
        }

        var check = hashing.Verify(collaborator.PasswordHash, password);
        if (check == PasswordCheck.Wrong || !collaborator.IsActive)
        {
            // Attempts on one account take turns, so a burst of parallel guesses cannot all count
            // the same four earlier failures.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.LockAsync(WriterLocks.Login, collaborator.Id, cancellationToken);
            var recentFailures = await RecentFailuresAsync(collaborator.Id, now, cancellationToken);
            var locks = recentFailures + 1 >= options.MaxFailedLogins;
            if (locks)
            {
                collaborator.LockOut(now + options.Lockout);
            }

            RecordFailure(actor, now, locks);
            var lockedHere = locks;
            if (await db.TrySaveAsync(cancellationToken) is not null)
            {
                // A concurrent attempt changed the row first; this attempt is still audited and counted.
                RecordFailure(actor, now, locks: false);
                await db.SaveChangesAsync(cancellationToken);
                lockedHere = false;
            }

            await transaction.CommitAsync(cancellationToken);
            CrmTelemetry.LoginFailed(source, collaborator.IsActive ? "wrong_password" : "deactivated", lockedHere);

            return collaborator.IsLockedOut(now)
                ? Failed(LoginOutcome.LockedOut, WrongCredentials)
                : Failed(LoginOutcome.InvalidCredentials, WrongCredentials);
        }

        collaborator.ClearFailedLogins();
        if (check == PasswordCheck.ValidButRehash)
        {
            collaborator.UpgradePasswordHash(hashing.Hash(password));
        }

        db.Record(actor, now, "login.succeeded", AuditEntity.Collaborator, collaborator.Id);
        if (await db.TrySaveAsync(cancellationToken) is not null)
        {
            // A concurrent attempt changed the row meanwhile: the login still stands and is still audited.
            db.Record(actor, now, "login.succeeded", AuditEntity.Collaborator, collaborator.Id);
            await db.SaveChangesAsync(cancellationToken);
        }

        var session = tokens.Issue(collaborator.Id, collaborator.SecurityStamp);
        return new LoginResult(LoginOutcome.Success, session, actor, collaborator.MustChangePassword,
            new Text(collaborator.MustChangePassword ? "login.welcomeTemporary" : "login.welcome"));
    }

    /// <summary>
    /// A true sliding window read from the audit trail: the failures of the last 15 minutes, not
    /// counting those before a later successful login or password reset.
    /// </summary>
    private async Task<int> RecentFailuresAsync(int collaboratorId, DateTime now, CancellationToken cancellationToken)
    {
        var since = now - options.FailedLoginWindow;
        var history = db.AuditEntries.Where(a => a.EntityType == AuditEntity.Collaborator && a.EntityId == collaboratorId && a.At > since);
        // Entry ids, not times, order what happened within the same instant.
        var lastReset = await history
            .Where(a => a.Action == "login.succeeded" || a.Action == "collaborator.password_reset" || a.Action == "collaborator.password_changed")
            .MaxAsync(a => (long?)a.Id, cancellationToken) ?? 0;
        return await history.CountAsync(a => a.Action == FailedAction && a.Id > lastReset, cancellationToken);
    }

    private void RecordFailure(Actor actor, DateTime now, bool locks)
    {
        db.Record(actor, now, FailedAction, AuditEntity.Collaborator, actor.Id);
        if (locks)
        {
            db.Record(actor, now, "login.locked", AuditEntity.Collaborator, actor.Id);
        }
    }

    private static LoginResult Failed(LoginOutcome outcome, Text message) => new(outcome, null, null, false, message);
}
