using System.Text.Json;
using EpicEvents.Bot.Search;
using EpicEvents.Bot.Tests.Infrastructure;
using EpicEvents.Crm.Contracts;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Bot.Tests;

/// <summary>The compose box's searches (message extension), through the protocol's test adapter.</summary>
public sealed class ComposeSearchTests : IAsyncLifetime
{
    private BotWorld _world = null!;

    public async Task InitializeAsync() => _world = await BotWorld.CreateAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task Clients_are_found_by_text_ignoring_accents_as_cards_with_a_thumbnail_preview()
    {
        var turn = await _world.ChatWith(_world.Support).SearchAsync(ComposeSearch.SearchClients, "ELODIE lefevre");

        var result = Results(turn).Should().ContainSingle().Subject;
        result.GetProperty("contentType").GetString().Should().Be("application/vnd.microsoft.card.adaptive");
        result.GetProperty("content").Text().Should().Contain("Élodie Lefèvre").And.Contain("Crêperie Saint-Malo").And.Contain("elodie.lefevre@creperie-saint-malo.fr");
        var preview = result.GetProperty("preview");
        preview.GetProperty("contentType").GetString().Should().Be("application/vnd.microsoft.card.thumbnail");
        preview.GetProperty("content").GetProperty("title").GetString().Should().Be("Élodie Lefèvre");
        preview.GetProperty("content").GetProperty("subtitle").GetString().Should().Be("Crêperie Saint-Malo");
        turn.Replies.Should().BeEmpty(because: "a search is answered in the invoke's response, not in the chat");
    }

    [Fact]
    public async Task The_shared_card_is_the_detail_card_without_its_buttons()
    {
        var chat = _world.ChatWith(_world.Manager);
        var contractId = await _world.QueryAsync(db => db.Contracts.Where(c => c.Status == ContractStatus.Draft).Select(c => c.Id).FirstAsync());

        var shared = Results(await chat.SearchAsync(ComposeSearch.SearchContracts, $"#{contractId}")).Should().ContainSingle().Subject.GetProperty("content");
        var detail = (await chat.SayAsync($"contract {contractId}")).Card();

        shared.GetProperty("body").GetRawText().Should().Be(detail.GetProperty("body").GetRawText());
        detail.GetProperty("actions").GetArrayLength().Should().BeGreaterThan(0, because: "in the chat with the bot the card has buttons (Sign, Update…)");
        shared.TryGetProperty("actions", out _).Should().BeFalse(because: "whoever reads the card in a group chat must not act through it");
        shared.GetRawText().Should().NotContain("Action.");
    }

    [Fact]
    public async Task A_contract_number_finds_that_contract_and_a_clients_name_finds_its_contracts()
    {
        var chat = _world.ChatWith(_world.Sales, locale: "fr-FR");
        var contract = await _world.QueryAsync(db => db.Contracts.OrderBy(c => c.Id).Select(c => new { c.Id, c.Client.CompanyName }).FirstAsync());
        var title = $"Contrat {contract.Id} · ";

        var byNumber = Titles(await chat.SearchAsync(ComposeSearch.SearchContracts, contract.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var byCompany = Titles(await chat.SearchAsync(ComposeSearch.SearchContracts, contract.CompanyName.ToUpperInvariant()));

        byNumber.Should().ContainSingle().Which.Should().StartWith(title);
        byCompany.Should().Contain(t => t!.StartsWith(title, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Opening_the_event_search_shows_the_events_to_come_first_in_the_order_they_take_place()
    {
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        var today = TimeZoneInfo.ConvertTimeToUtc(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, paris).Date, paris);
        var expected = await _world.QueryAsync(db => db.Events.Where(e => e.StartsAt >= today).OrderBy(e => e.StartsAt).ThenBy(e => e.Id).Select(e => e.Name).Take(5).ToListAsync());

        var turn = await _world.ChatWith(_world.Support).SearchAsync(ComposeSearch.SearchEvents, null, count: 5);

        Results(turn).Select(r => r.GetProperty("preview").GetProperty("content").GetProperty("title").GetString()).Should().Equal(expected);
    }

    [Fact]
    public async Task Events_are_found_by_their_place_and_by_their_clients_name()
    {
        var wanted = await _world.QueryAsync(db => db.Events.OrderBy(e => e.Id).Select(e => new { e.Name, e.Location, e.Contract.Client.FullName }).FirstAsync());
        var chat = _world.ChatWith(_world.Sales);

        Titles(await chat.SearchAsync(ComposeSearch.SearchEvents, wanted.Location.Split(',')[0].ToUpperInvariant())).Should().Contain(wanted.Name);
        Titles(await chat.SearchAsync(ComposeSearch.SearchEvents, wanted.FullName)).Should().Contain(wanted.Name);
    }

    [Fact]
    public async Task Scrolling_asks_for_the_next_results_which_follow_without_gaps_or_repeats()
    {
        var chat = _world.ChatWith(_world.Sales);

        var all = Titles(await chat.SearchAsync(ComposeSearch.SearchClients, null, skip: 0, count: 12));
        var first = Titles(await chat.SearchAsync(ComposeSearch.SearchClients, null, skip: 0, count: 5));
        var second = Titles(await chat.SearchAsync(ComposeSearch.SearchClients, null, skip: 5, count: 5));
        var third = Titles(await chat.SearchAsync(ComposeSearch.SearchClients, null, skip: 10, count: 5));
        var beyond = Titles(await chat.SearchAsync(ComposeSearch.SearchClients, null, skip: 20, count: 5));

        all.Should().HaveCount(12);
        first.Concat(second).Concat(third.Take(2)).Should().Equal(all);
        third.Should().HaveCount(5);
        beyond.Should().BeEmpty(because: "the demo company has 20 clients");
    }

    [Fact]
    public async Task The_text_may_come_under_another_parameter_name()
    {
        var turn = await _world.ChatWith(_world.Support).SearchAsync(ComposeSearch.SearchClients, "kevin@startup.io", parameterName: "searchText");

        Titles(turn).Should().Equal("Kevin Casey");
    }

    [Fact]
    public async Task Someone_nobody_linked_gets_a_polite_message_and_no_data()
    {
        var turn = await _world.ChatWith(_world.Stranger).SearchAsync(ComposeSearch.SearchClients, null);

        var answer = Answer(turn);
        answer.GetProperty("type").GetString().Should().Be("message");
        answer.GetProperty("text").GetString().Should().Contain("link your Teams account");
        answer.TryGetProperty("attachments", out _).Should().BeFalse();
        turn.Replies.Should().BeEmpty();
    }

    [Theory]
    [InlineData("a\u0001b", "control characters")]
    [InlineData("tab\tinside", "control characters")]
    [InlineData(null, "at most")]
    public async Task A_search_text_crm_core_refuses_is_answered_with_its_reason(string? text, string reason)
    {
        text ??= new string('x', Crm.Common.Limits.SearchText + 1);

        foreach (var command in new[] { ComposeSearch.SearchClients, ComposeSearch.SearchContracts, ComposeSearch.SearchEvents })
        {
            var turn = await _world.ChatWith(_world.Manager).SearchAsync(command, text);

            turn.InvokeResponse!.Status.Should().Be(200);
            Answer(turn).GetProperty("type").GetString().Should().Be("message");
            Answer(turn).GetProperty("text").GetString().Should().Contain(reason);
        }
    }

    [Fact]
    public async Task An_unknown_search_command_is_answered_with_a_message_not_an_error()
    {
        var turn = await _world.ChatWith(_world.Manager).SearchAsync("searchInvoices", "x");

        turn.InvokeResponse!.Status.Should().Be(200);
        Answer(turn).GetProperty("type").GetString().Should().Be("message");
        Answer(turn).GetProperty("text").GetString().Should().Contain("not known");
    }

    [Fact]
    public async Task A_search_from_a_chat_with_a_colleague_does_not_become_where_notifications_are_sent()
    {
        await _world.ChatWith(_world.Sales).SayAsync("help");

        var turn = await _world.ChatWithAColleagueOf(_world.Sales).SearchAsync(ComposeSearch.SearchClients, "kevin");

        Titles(turn).Should().Equal("Kevin Casey");
        var stored = await _world.QueryAsync(db => db.TeamsConversations.AsNoTracking().Where(c => c.CollaboratorId == _world.Sales.CollaboratorId).Select(c => c.ConversationId).SingleAsync());
        stored.Should().Be($"a:{_world.Sales.AadObjectId:N}");
    }

    private static JsonElement Answer(Protocol.Testing.TestTurnResult turn) => turn.InvokeBody!.Value.GetProperty("composeExtension");

    private static List<JsonElement> Results(Protocol.Testing.TestTurnResult turn)
    {
        var answer = Answer(turn);
        answer.GetProperty("type").GetString().Should().Be("result", because: answer.TryGetProperty("text", out var text) ? text.GetString() : "results were expected");
        answer.GetProperty("attachmentLayout").GetString().Should().Be("list");
        return [.. answer.GetProperty("attachments").EnumerateArray()];
    }

    private static List<string?> Titles(Protocol.Testing.TestTurnResult turn) =>
        Results(turn).Select(r => r.GetProperty("preview").GetProperty("content").GetProperty("title").GetString()).ToList();
}
