using EpicEvents.Crm.Access;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Persistence;
using EpicEvents.Crm.Presentation;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Crm.Contracts;

public sealed class GetContract(CrmDbContext db) : IUseCase
{
    public async Task<Result<ContractView>> ExecuteAsync(Actor actor, int contractId, CancellationToken cancellationToken = default)
    {
        if (PermissionMatrix.Check(actor, CrmAction.ReadRecords, out _) is { } refusal)
        {
            return refusal;
        }

        var view = await db.ContractViews(db.Contracts.Where(c => c.Id == contractId)).SingleOrDefaultAsync(cancellationToken);
        return view is null ? Failure.NotFound(new Text("contract.notFound", contractId)) : view;
    }
}
