using EpicEvents.Crm.Access;
using EpicEvents.Crm.Clients;
using EpicEvents.Crm.Contracts;
using EpicEvents.Crm.Signatures;

namespace EpicEvents.Crm.Tests.Infrastructure;

/// <summary>Contracts in a given state, reached through the real use cases.</summary>
public static class ContractScenarios
{
    /// <summary>A draft contract of a new client of <paramref name="sales"/> (default: World.Sales), or of <paramref name="client"/>.</summary>
    public static async Task<ContractView> NewContractAsync(this CrmWorld world, ClientView? client = null, decimal total = 10_000m, decimal? due = null, Actor? sales = null)
    {
        client ??= await world.NewClientAsync(sales ?? world.Sales);
        var result = await world.Get<CreateContract>().ExecuteAsync(world.Manager, new CreateContractRequest(client.Id, total, due));
        return result.ShouldBeOk();
    }

    /// <summary>A draft contract of a new World.Sales client, then a signature request by <paramref name="requester"/> (default: World.Sales).</summary>
    public static async Task<(ContractView Contract, SignatureRequestView Request)> NewPendingContractAsync(this CrmWorld world, Actor? requester = null)
    {
        var contract = await world.NewContractAsync();
        var request = (await world.Get<RequestSignature>().ExecuteAsync(requester ?? world.Sales, new RequestSignatureRequest(contract.Id))).ShouldBeOk().Request;
        return ((await world.Get<GetContract>().ExecuteAsync(world.Manager, contract.Id)).ShouldBeOk(), request);
    }

    /// <summary>A contract signed by World.Manager, ready for events.</summary>
    public static async Task<ContractView> NewSignedContractAsync(this CrmWorld world, ClientView? client = null, decimal total = 10_000m, decimal? due = null, Actor? sales = null)
    {
        var contract = await world.NewContractAsync(client, total, due, sales);
        return (await world.Get<SignContract>().ExecuteAsync(world.Manager, new SignContractRequest(contract.Id))).ShouldBeOk();
    }
}
