using EpicEvents.Crm.Access;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Persistence;
using EpicEvents.Crm.Presentation;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Crm.Digests;

/// <param name="For">The collaborator the digest is for; the actor when null.</param>
public sealed record DigestRequest(DigestKind Kind, int? For = null);

/// <summary>
/// What a collaborator's digest holds now. Management builds any kind for anyone of the kind's
/// department; Sales and Support only their own department's digest, for themselves.
/// </summary>
public sealed class PreviewDigest(CrmDbContext db, TimeProvider clock) : IUseCase
{
    /// <param name="zone">The time zone whose calendar days the support digest counts in.</param>
    public async Task<Result<Digest>> ExecuteAsync(Actor actor, DigestRequest request, TimeZoneInfo zone, CancellationToken cancellationToken = default)
    {
        if (PermissionMatrix.Check(actor, CrmAction.ReadDigest, out var reach) is { } refusal)
        {
            return refusal;
        }

        if (!Enum.IsDefined(request.Kind))
        {
            return Failure.Invalid(FieldNames.Kind, new Text("digest.kind.invalid"));
        }

        if (reach == Reach.Own && OwnOnly(actor, request) is { } notOwn)
        {
            return notOwn;
        }

        var recipient = await RecipientAsync(actor, request, cancellationToken);
        if (!recipient.IsOk)
        {
            return recipient.AsFailure();
        }

        var (id, name) = recipient.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var sections = request.Kind switch
        {
            DigestKind.Management => await ManagementDigest.ReadAsync(db, id, now, cancellationToken),
            DigestKind.Support => await SupportDigest.ReadAsync(db, id, now, zone, cancellationToken),
            _ => await SalesDigest.ReadAsync(db, id, now, cancellationToken),
        };
        return new Digest(request.Kind, id, name, now, sections);
    }

    /// <summary>Sales and Support: their own department's digest, for themselves; checked before any lookup.</summary>
    private static Failure? OwnOnly(Actor actor, DigestRequest request)
    {
        if (request.Kind.Audience() != actor.Department)
        {
            return Failure.Forbidden(new Text("digest.forbidden.otherDepartment", CoreTexts.Department(actor.Department)));
        }

        return request.For is { } other && other != actor.Id
            ? Failure.Forbidden(new Text("digest.forbidden.colleague", CoreTexts.Department(actor.Department)))
            : null;
    }

    /// <summary>The active collaborator of the kind's department the digest is for.</summary>
    private async Task<Result<(int Id, string Name)>> RecipientAsync(Actor actor, DigestRequest request, CancellationToken cancellationToken)
    {
        var audience = request.Kind.Audience();
        if (request.For is null || request.For == actor.Id)
        {
            return actor.Department == audience
                ? (actor.Id, actor.FullName)
                : Failure.Invalid(FieldNames.For, new Text("digest.for.required", CoreTexts.Department(audience), CoreTexts.Department(audience)));
        }

        var forId = request.For.Value;
        var person = await db.Collaborators.AsNoTracking().Where(c => c.Id == forId)
            .Select(c => new { c.FullName, c.IsActive, c.Role.Department })
            .SingleOrDefaultAsync(cancellationToken);
        if (person is null)
        {
            return Failure.NotFound(new Text("collaborator.notFound", forId));
        }

        if (!person.IsActive)
        {
            return Failure.Invalid(FieldNames.For, new Text("digest.for.deactivated", person.FullName));
        }

        return person.Department == audience
            ? (forId, person.FullName)
            : Failure.Invalid(FieldNames.For, new Text("digest.for.otherDepartment", person.FullName, CoreTexts.Department(person.Department), CoreTexts.Department(audience), CoreTexts.Department(audience)));
    }
}
