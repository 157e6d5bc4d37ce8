using EpicEvents.Crm.Access;
using EpicEvents.Crm.Audit;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Persistence;
using EpicEvents.Crm.Presentation;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Crm.Collaborators;

/// <summary>The language chosen: <c>fr</c>, <c>en</c>, or null to follow the Teams client's.</summary>
public sealed record LanguageChoice(string? Language);

/// <summary>
/// A collaborator chooses the language the bot speaks to them in — their replies, cards and
/// notifications — over their Teams client's locale (a French speaker with an English Teams, or the
/// emulator, which always says en-US). Their own settings only; a temporary password is changed first.
/// </summary>
public sealed class ChooseLanguage(CrmDbContext db, TimeProvider clock) : IUseCase
{
    public static readonly IReadOnlyList<string> Supported = ["en", "fr"];

    public async Task<Result<LanguageChoice>> ExecuteAsync(Actor actor, string? language, CancellationToken cancellationToken = default)
    {
        if (PermissionMatrix.Check(actor, CrmAction.ChooseOwnSettings, out _) is { } refusal)
        {
            return refusal;
        }

        var chosen = language?.Trim().ToLowerInvariant() is { Length: > 0 } typed ? typed : null;
        if (chosen is not null && !Supported.Contains(chosen))
        {
            return Failure.Invalid(FieldNames.Language, new Text("collaborator.language.unsupported", Supported[0], Supported[1]));
        }

        var me = await db.Collaborators.SingleOrDefaultAsync(c => c.Id == actor.Id, cancellationToken);
        if (me is null)
        {
            return Failure.NotFound(new Text("collaborator.notFound", actor.Id));
        }

        if (me.PreferredLanguage == chosen)
        {
            return new LanguageChoice(chosen);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.Record(actor, now, "collaborator.language_chosen", AuditEntity.Collaborator, me.Id, new FieldChanges().Add(FieldNames.PreferredLanguage, me.PreferredLanguage, chosen));
        me.PreferLanguage(chosen, now);
        return await db.TrySaveAsync(cancellationToken) is { } failed ? failed : new LanguageChoice(chosen);
    }
}
