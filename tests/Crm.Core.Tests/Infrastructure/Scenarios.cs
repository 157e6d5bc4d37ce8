using EpicEvents.Crm.Access;
using EpicEvents.Crm.Clients;

namespace EpicEvents.Crm.Tests.Infrastructure;

/// <summary>Short ways to reach a starting state through the real use cases.</summary>
public static class Scenarios
{
    private static int _sequence;

    public static async Task<ClientView> NewClientAsync(this CrmWorld world, Actor? sales = null, string? fullName = null, string? company = null)
    {
        sales ??= world.Sales;
        var n = Interlocked.Increment(ref _sequence);
        var result = await world.Get<CreateClient>().ExecuteAsync(
            sales,
            new CreateClientRequest(fullName ?? $"Client {n}", $"client{n}.{Guid.NewGuid():N}@example.com", "+33 6 12 34 56 78", company ?? $"Company {n}", sales.Id));
        return result.ShouldBeOk();
    }
}
