using EpicEvents.Crm.Access;
using EpicEvents.Crm.Audit;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Digests;
using EpicEvents.Crm.Persistence;
using EpicEvents.Crm.Presentation;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Crm.Collaborators;

/// <summary>
/// The digest of one's department as it comes to one: on or off, the local time of day and the
/// days, in <paramref name="TimeZone"/>; <paramref name="IsCompanyDefault"/> while one has not chosen.
/// </summary>
public sealed record DigestSettingsView(DigestKind Kind, bool Enabled, TimeOnly At, IReadOnlyList<DayOfWeek> Days, string TimeZone, bool IsCompanyDefault);

/// <summary>
/// One's own settings: the bot's language (null: the Teams client's) and one's digest;
/// <paramref name="HasTeamsAccount"/> says whether a digest that is on can reach one at all.
/// </summary>
public sealed record SettingsView(string? Language, DigestSettingsView Digest, bool HasTeamsAccount);

/// <summary>
/// What to change; a null field is left as it is. <paramref name="Language"/>: <c>fr</c>, <c>en</c>,
/// or <c>auto</c> to follow the Teams client's. <paramref name="DigestAt"/>: a local time of day
/// such as <c>08:30</c> or <c>8h30</c>.
/// </summary>
public sealed record SettingsChange(string? Language = null, bool? DigestEnabled = null, string? DigestAt = null);

/// <summary>One's own settings, as they apply now. Everyone reads their own, and only their own.</summary>
public sealed class ShowSettings(CrmDbContext db, DigestSchedule schedule) : IUseCase
{
    public async Task<Result<SettingsView>> ExecuteAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        if (PermissionMatrix.Check(actor, CrmAction.ChooseOwnSettings, out _) is { } refusal)
        {
            return refusal;
        }

        var kind = MySettings.DigestOf(actor);
        var me = await db.Collaborators.AsNoTracking().Where(c => c.Id == actor.Id)
            .Select(c => new { c.PreferredLanguage, HasTeams = c.TeamsAadObjectId != null, Preference = db.DigestPreferences.FirstOrDefault(p => p.CollaboratorId == c.Id && p.Kind == kind) })
            .SingleOrDefaultAsync(cancellationToken);
        return me is null
            ? Failure.NotFound(new Text("collaborator.notFound", actor.Id))
            : new SettingsView(me.PreferredLanguage, MySettings.View(schedule, kind, me.Preference), me.HasTeams);
    }
}

/// <summary>
/// Changes one's own settings — the bot's language, one's digest on or off and its hour — all or
/// nothing, audited. A temporary password is changed first.
/// </summary>
public sealed class ChangeSettings(CrmDbContext db, DigestSchedule schedule, TimeProvider clock) : IUseCase
{
    public async Task<Result<SettingsView>> ExecuteAsync(Actor actor, SettingsChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (PermissionMatrix.Check(actor, CrmAction.ChooseOwnSettings, out _) is { } refusal)
        {
            return refusal;
        }

        var errors = new List<FieldError>();
        string? language = null;
        if (change.Language is not null)
        {
            language = change.Language.Trim().ToLowerInvariant() is var typed && typed is "auto" or "" ? null : typed;
            if (language is not null && !ChooseLanguage.Supported.Contains(language))
            {
                errors.Add(new FieldError(FieldNames.Language, new Text("collaborator.settings.language", ChooseLanguage.Supported[0], ChooseLanguage.Supported[1])));
            }
        }

        TimeOnly? at = null;
        if (change.DigestAt is not null)
        {
            if (DigestSchedule.TryParseTime(change.DigestAt, out var parsed))
            {
                at = parsed;
            }
            else
            {
                errors.Add(new FieldError(FieldNames.DigestAt, new Text("collaborator.settings.digestAt")));
            }
        }

        if (change is { Language: null, DigestEnabled: null, DigestAt: null })
        {
            errors.Add(new FieldError(FieldNames.Settings, new Text("collaborator.settings.nothing")));
        }

        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }

        var me = await db.Collaborators.SingleOrDefaultAsync(c => c.Id == actor.Id, cancellationToken);
        if (me is null)
        {
            return Failure.NotFound(new Text("collaborator.notFound", actor.Id));
        }

        var kind = MySettings.DigestOf(actor);
        var preference = await db.DigestPreferences.SingleOrDefaultAsync(p => p.CollaboratorId == actor.Id && p.Kind == kind, cancellationToken);
        var before = MySettings.View(schedule, kind, preference);
        var now = clock.GetUtcNow().UtcDateTime;
        var changes = new FieldChanges();
        if (change.Language is not null && language != me.PreferredLanguage)
        {
            changes.Add(FieldNames.PreferredLanguage, me.PreferredLanguage, language);
            me.PreferLanguage(language, now);
        }

        var enabled = change.DigestEnabled ?? before.Enabled;
        var time = at ?? before.At;
        if (enabled != before.Enabled || time != before.At)
        {
            changes.Add(FieldNames.DigestEnabled, before.Enabled, enabled).Add(FieldNames.DigestAt, before.At.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), time.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
            if (preference is null)
            {
                preference = new DigestPreference(actor.Id, kind, enabled, time, now);
                db.DigestPreferences.Add(preference);
            }
            else
            {
                preference.Change(enabled, time, now);
            }
        }

        if (changes.Any)
        {
            db.Record(actor, now, "collaborator.settings_changed", AuditEntity.Collaborator, me.Id, changes);
            if (await db.TrySaveAsync(cancellationToken) is { } failed)
            {
                return failed;
            }
        }

        return new SettingsView(me.PreferredLanguage, MySettings.View(schedule, kind, preference), me.TeamsAadObjectId is not null);
    }
}

internal static class MySettings
{
    /// <summary>The digest a collaborator receives: their department's (the matrix let only known departments this far).</summary>
    public static DigestKind DigestOf(Actor actor) => DigestKinds.Of(actor.Department) ?? DigestKind.Sales;

    public static DigestSettingsView View(DigestSchedule schedule, DigestKind kind, DigestPreference? preference)
    {
        var timing = schedule.For(kind);
        return preference is null
            ? new DigestSettingsView(kind, timing.Enabled, timing.At, timing.Days, schedule.Zone.Id, IsCompanyDefault: true)
            : new DigestSettingsView(kind, preference.Enabled, preference.At, timing.Days, schedule.Zone.Id, IsCompanyDefault: false);
    }
}
