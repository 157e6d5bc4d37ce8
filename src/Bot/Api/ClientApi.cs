using EpicEvents.Crm.Clients;
using EpicEvents.Crm.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace EpicEvents.Bot.Api;

/// <summary><c>/api/v1/clients</c>: the same use cases as <c>epicevents client …</c>.</summary>
internal static class ClientApi
{
    public static void Map(RouteGroupBuilder signedIn)
    {
        var clients = signedIn.MapGroup("/clients").WithTags("Clients");
        clients.MapGet("/", async ([AsParameters] ClientQuery query, ApiCaller caller, ListClients useCase, CancellationToken cancellationToken) =>
                ApiResults.From(await useCase.ExecuteAsync(caller.Actor, new ClientFilter(query.Mine ?? false, query.Search, query.NoSalesContact ?? false), ApiPaging.Page(query.Limit, query.After), cancellationToken)))
            .Answers<Page<ClientView>>().WithSummary("Clients, newest first, keyset-paged.");
        clients.MapGet("/{id:int}", async (int id, ApiCaller caller, GetClient useCase, CancellationToken cancellationToken) =>
                ApiResults.From(await useCase.ExecuteAsync(caller.Actor, id, cancellationToken)))
            .Answers<ClientView>().WithSummary("One client.");
        clients.MapPost("/", async (NewClient body, ApiCaller caller, CreateClient useCase, CancellationToken cancellationToken) =>
                ApiResults.From(await useCase.ExecuteAsync(caller.Actor, new CreateClientRequest(body.FullName, body.Email, body.Phone, body.CompanyName, body.SalesContactId), cancellationToken), StatusCodes.Status201Created))
            .Answers<ClientView>(StatusCodes.Status201Created).WithSummary("Creates a client.");
        clients.MapPatch("/{id:int}", async (int id, ClientChanges body, ApiCaller caller, UpdateClient useCase, CancellationToken cancellationToken) =>
                ApiResults.From(await useCase.ExecuteAsync(caller.Actor, new UpdateClientRequest(id, body.FullName, body.Email, body.Phone, body.CompanyName, body.ExpectedVersion), cancellationToken)))
            .Answers<ClientView>().WithSummary("Changes a client's details; fields left out keep their value.");
        clients.MapPost("/{id:int}/reassign", async (int id, SalesContactChange body, ApiCaller caller, ReassignClient useCase, CancellationToken cancellationToken) =>
                ApiResults.From(await useCase.ExecuteAsync(caller.Actor, new ReassignClientRequest(id, body.SalesContactId ?? 0), cancellationToken)))
            .Answers<ClientView>().WithSummary("Gives a client another sales contact.");
        clients.MapDelete("/{id:int}", async (int id, ApiCaller caller, DeleteClient useCase, CancellationToken cancellationToken) =>
                ApiResults.From(await useCase.ExecuteAsync(caller.Actor, new DeleteClientRequest(id), cancellationToken), _ => Removal.Of(id)))
            .Answers<Removal>().WithSummary("Deletes a client that has no contract.");
    }
}

public sealed record ClientQuery(bool? Mine, string? Search, bool? NoSalesContact, int? Limit, string? After);

public sealed record NewClient(string? FullName, string? Email, string? Phone, string? CompanyName, int? SalesContactId);

public sealed record ClientChanges(string? FullName, string? Email, string? Phone, string? CompanyName, int? ExpectedVersion);

public sealed record SalesContactChange(int? SalesContactId);

/// <summary>What a successful delete answers, as <c>epicevents … delete --json</c> prints it.</summary>
public sealed record Removal(bool Deleted, int Id)
{
    public static Removal Of(int id) => new(true, id);
}
