using EpicEvents.Bot.Tests.Infrastructure;

namespace EpicEvents.Bot.Tests;

public sealed class CommandTests : IAsyncLifetime
{
    private BotWorld _world = null!;

    public async Task InitializeAsync() => _world = await BotWorld.CreateAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task Someone_nobody_linked_gets_a_polite_refusal_and_no_data()
    {
        var turn = await _world.ChatWith(_world.Stranger).SayAsync("contracts unsigned");

        turn.ReplyTexts.Should().ContainSingle().Which.Should().Contain("link your Teams account");
        turn.Replies.Should().OnlyContain(r => r.Attachments == null || r.Attachments.Count == 0);
    }

    [Fact]
    public async Task Installing_the_bot_shows_a_welcome_card_shaped_by_the_department()
    {
        var sales = (await _world.ChatWith(_world.Sales).InstallAsync()).Card().Text();
        var support = (await _world.ChatWith(_world.Support).InstallAsync()).Card().Text();

        sales.Should().Contain("Welcome").And.Contain(_world.Sales.Name).And.Contain("new client");
        support.Should().Contain("Welcome").And.NotContain("new client");
    }

    [Fact]
    public async Task Unsigned_contracts_come_as_a_list_card_with_a_more_button()
    {
        var card = (await _world.ChatWith(_world.Manager).SayAsync("contracts unsigned")).Card();

        card.Text().Should().Contain("Unsigned contracts").And.Contain("€");
    }

    [Theory]
    [InlineData("my clients", "My clients")]
    [InlineData("events upcoming 3650", "Upcoming events")]
    [InlineData("Événements à venir", "Upcoming events")]
    [InlineData("help", "What I can do")]
    [InlineData("blah blah", "What I can do")]
    public async Task Commands_in_either_language_get_their_card(string text, string expected) =>
        (await _world.ChatWith(_world.Sales).SayAsync(text)).Card().Text().Should().Contain(expected);

    [Fact]
    public async Task A_record_that_does_not_exist_is_reported_as_such()
    {
        var card = (await _world.ChatWith(_world.Sales).SayAsync("client 999999")).Card();

        card.Text().Should().Contain("Not found").And.Contain("999999");
    }

    [Fact]
    public async Task A_teams_member_whose_verified_email_matches_a_collaborator_is_linked_on_first_contact()
    {
        var email = await _world.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.Collaborators.Where(c => c.IsActive && c.TeamsAadObjectId == null && c.Role.Department == Crm.Access.Department.Sales).OrderBy(c => c.Id).Select(c => c.Email).Take(1)));
        var newcomer = new TeamsUser("Newcomer", Guid.NewGuid(), 0, Crm.Access.Department.Sales);
        var chat = _world.ChatWith(newcomer);
        chat.Adapter.AddMember(new Protocol.Schema.TeamsChannelAccount { Id = newcomer.UserId, Name = "Newcomer", Email = email, AadObjectId = newcomer.AadObjectId.ToString() });

        var card = (await chat.SayAsync("my clients")).Card();

        card.Text().Should().Contain("My clients");
    }
}
