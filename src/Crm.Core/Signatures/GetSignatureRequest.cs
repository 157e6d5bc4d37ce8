using EpicEvents.Crm.Access;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Persistence;
using EpicEvents.Crm.Presentation;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Crm.Signatures;

/// <summary>One request, for an approval card or the requester's decision card: readable by every collaborator, like the contract.</summary>
public sealed class GetSignatureRequest(CrmDbContext db) : IUseCase
{
    public async Task<Result<SignatureRequestView>> ExecuteAsync(Actor actor, int requestId, CancellationToken cancellationToken = default)
    {
        if (PermissionMatrix.Check(actor, CrmAction.ReadRecords, out _) is { } refusal)
        {
            return refusal;
        }

        var view = await db.SignatureRequests.AsNoTracking().Where(s => s.Id == requestId)
            .Select(SignatureRequestView.Projection).SingleOrDefaultAsync(cancellationToken);
        return view is null ? Failure.NotFound(new Text("signatureRequest.notFound", requestId)) : view;
    }
}
