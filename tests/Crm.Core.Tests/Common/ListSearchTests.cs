using EpicEvents.Crm.Access;
using EpicEvents.Crm.Clients;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Contracts;
using EpicEvents.Crm.Events;
using EpicEvents.Crm.Tests.Infrastructure;

namespace EpicEvents.Crm.Tests.Common;

public sealed class ListSearchTestsOnSqlite : ListSearchTests<Sqlite>;

public sealed class ListSearchTestsOnPostgres : ListSearchTests<Postgres>;

/// <summary>The search text of every list is read by the same rules.</summary>
public abstract class ListSearchTests<TDatabase> : WorldTest<TDatabase>
    where TDatabase : IDatabaseKind
{
    public static TheoryData<string, string> BadSearches => new()
    {
        { "clients", "a\0b" },
        { "clients", "tab\there" },
        { "clients", new string('x', Limits.SearchText + 1) },
        { "contracts", "a\u0007b" },
        { "contracts", "line\nbreak" },
        { "contracts", new string('é', Limits.SearchText + 1) },
        { "events", "a\u001bb" },
        { "events", "\r\n" },
        { "events", new string('x', Limits.SearchText + 1) },
    };

    [Theory]
    [MemberData(nameof(BadSearches))]
    public async Task A_search_with_control_characters_or_too_long_is_refused_on_the_search_field(string list, string search)
    {
        var result = await SearchAsync(World.Support, list, search);

        result.Outcome.Should().Be(Outcome.Invalid);
        result.Errors.Should().ContainSingle().Which.Field.Should().Be("search");
    }

    [Theory]
    [InlineData("clients")]
    [InlineData("contracts")]
    [InlineData("events")]
    public async Task A_search_of_the_longest_allowed_text_is_answered_with_an_empty_page(string list)
    {
        await World.NewEventAsync();

        var result = await SearchAsync(World.Sales, list, new string('q', Limits.SearchText));

        result.Outcome.Should().Be(Outcome.Ok);
        result.Errors.Should().BeEmpty();
    }

    [Theory]
    [InlineData("clients")]
    [InlineData("contracts")]
    [InlineData("events")]
    public async Task An_inactive_collaborator_cannot_search(string list)
    {
        var gone = await World.AddCollaboratorAsync("Gone Away", Department.Sales, active: false);

        (await SearchAsync(gone, list, "a")).Outcome.Should().Be(Outcome.Forbidden);
    }

    private async Task<(Outcome Outcome, IReadOnlyList<FieldError> Errors)> SearchAsync(Actor actor, string list, string search)
    {
        switch (list)
        {
            case "clients":
                var clients = await World.Get<ListClients>().ExecuteAsync(actor, new ClientFilter(Search: search), PageRequest.First());
                return (clients.Outcome, clients.Errors);
            case "contracts":
                var contracts = await World.Get<ListContracts>().ExecuteAsync(actor, new ContractFilter(Search: search), PageRequest.First());
                return (contracts.Outcome, contracts.Errors);
            default:
                var events = await World.Get<ListEvents>().ExecuteAsync(actor, new EventFilter(Search: search), PageRequest.First());
                return (events.Outcome, events.Errors);
        }
    }
}
