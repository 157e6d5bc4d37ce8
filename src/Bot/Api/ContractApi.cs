using EpicEvents.Crm.Common;
using EpicEvents.Crm.Contracts;
using EpicEvents.Crm.Signatures;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace EpicEvents.Bot.Api;

/// <summary><c>/api/v1/contracts</c> and <c>/api/v1/signature-requests</c>: <c>epicevents contract …</c>.</summary>
internal static class ContractApi
{
    public static void Map(RouteGroupBuilder signedIn)
    {
        var contracts = signedIn.MapGroup("/contracts").WithTags("Contracts");
        contracts.MapGet("/", async ([AsParameters] ContractQuery query, ApiCaller caller, ListContracts useCase, CancellationToken cancellationToken) =>
                ApiResults.From(await useCase.ExecuteAsync(
                    caller.Actor,
                    new ContractFilter(query.Unsigned ?? false, query.Unpaid ?? false, query.Status, query.ClientId, query.Mine ?? false, query.Search),
                    ApiPaging.Page(query.Limit, query.After),
                    cancellationToken)))
            .Answers<Page<ContractView>>().WithSummary("Contracts, newest first, keyset-paged.");
        contracts.MapGet("/{id:int}", async (int id, ApiCaller caller, GetContract useCase, CancellationToken cancellationToken) =>
                ApiResults.From(await useCase.ExecuteAsync(caller.Actor, id, cancellationToken)))
            .Answers<ContractView>().WithSummary("One contract.");
        contracts.MapPost("/", async (NewContract body, ApiCaller caller, CreateContract useCase, CancellationToken cancellationToken) =>
                ApiResults.From(await useCase.ExecuteAsync(caller.Actor, new CreateContractRequest(body.ClientId ?? 0, body.TotalAmount, body.AmountDue), cancellationToken), StatusCodes.Status201Created))
            .Answers<ContractView>(StatusCodes.Status201Created).WithSummary("Creates a draft contract.");
        contracts.MapPatch("/{id:int}", async (int id, ContractChanges body, ApiCaller caller, UpdateContract useCase, CancellationToken cancellationToken) =>
                ApiResults.From(await useCase.ExecuteAsync(caller.Actor, new UpdateContractRequest(id, body.TotalAmount, body.AmountDue, body.Signed, body.ExpectedVersion), cancellationToken)))
            .Answers<ContractUpdateOutcome>().WithSummary("Changes amounts or marks signed (Sales: asks Management to sign instead).");
        contracts.MapPost("/{id:int}/sign", async (int id, ApiCaller caller, SignContract useCase, CancellationToken cancellationToken) =>
                ApiResults.From(await useCase.ExecuteAsync(caller.Actor, new SignContractRequest(id), cancellationToken)))
            .Answers<ContractView>().WithSummary("Management signs a contract.");
        contracts.MapPost("/{id:int}/cancel", async (int id, ApiCaller caller, CancelContract useCase, CancellationToken cancellationToken) =>
                ApiResults.From(await useCase.ExecuteAsync(caller.Actor, new CancelContractRequest(id), cancellationToken)))
            .Answers<ContractView>().WithSummary("Management cancels a contract that is not signed.");
        contracts.MapPost("/{id:int}/payments", async (int id, Payment body, ApiCaller caller, RecordPayment useCase, CancellationToken cancellationToken) =>
                ApiResults.From(await useCase.ExecuteAsync(caller.Actor, new RecordPaymentRequest(id, body.Amount), cancellationToken)))
            .Answers<ContractView>().WithSummary("Records a payment received.");
        contracts.MapPost("/{id:int}/signature-request", async (int id, ApiCaller caller, RequestSignature useCase, CancellationToken cancellationToken) =>
                ApiResults.From(await useCase.ExecuteAsync(caller.Actor, new RequestSignatureRequest(id), cancellationToken), StatusCodes.Status201Created))
            .Answers<SignatureRequestSent>(StatusCodes.Status201Created).WithSummary("Asks Management to sign a draft contract; answers the request and each active manager with whether Teams can bring them the approval card.");
        contracts.MapPost("/{id:int}/approve", async (int id, ApiCaller caller, DecideContractSignature useCase, CancellationToken cancellationToken) =>
                ApiResults.From(await useCase.ExecuteAsync(caller.Actor, new ContractSignatureDecision(id, SignatureVerdict.Approve), cancellationToken)))
            .Answers<SignatureRequestView>().WithSummary("Approves the pending signature request of a contract: it is signed.");
        contracts.MapPost("/{id:int}/reject", async (int id, Rejection body, ApiCaller caller, DecideContractSignature useCase, CancellationToken cancellationToken) =>
                ApiResults.From(await useCase.ExecuteAsync(caller.Actor, new ContractSignatureDecision(id, SignatureVerdict.Reject, body.Reason), cancellationToken)))
            .Answers<SignatureRequestView>().WithSummary("Rejects the pending signature request of a contract, with a reason.");

        var requests = signedIn.MapGroup("/signature-requests").WithTags("Signature requests");
        requests.MapGet("/", async (int? limit, string? after, ApiCaller caller, ListSignatureRequests useCase, CancellationToken cancellationToken) =>
                ApiResults.From(await useCase.ExecuteAsync(caller.Actor, ApiPaging.Page(limit, after), cancellationToken)))
            .Answers<Page<SignatureRequestView>>().WithSummary("Signature requests waiting for Management.");
        requests.MapGet("/{id:int}", async (int id, ApiCaller caller, GetSignatureRequest useCase, CancellationToken cancellationToken) =>
                ApiResults.From(await useCase.ExecuteAsync(caller.Actor, id, cancellationToken)))
            .Answers<SignatureRequestView>().WithSummary("One signature request.");
    }
}

public sealed record ContractQuery(bool? Unsigned, bool? Unpaid, ContractStatus? Status, int? ClientId, bool? Mine, string? Search, int? Limit, string? After);

public sealed record NewContract(int? ClientId, decimal? TotalAmount, decimal? AmountDue);

public sealed record ContractChanges(decimal? TotalAmount, decimal? AmountDue, bool? Signed, int? ExpectedVersion);

public sealed record Payment(decimal? Amount);

public sealed record Rejection(string? Reason);
