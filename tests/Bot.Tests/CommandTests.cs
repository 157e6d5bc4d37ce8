using EpicEvents.Bot.Commands;
using EpicEvents.Bot.Commands.Chat;
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
    [InlineData("blah blah", "I did not understand")]
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

    [Theory]
    [InlineData("contrcts unsigned", "contracts unsigned")]
    [InlineData("contrat 18 svp", "contract 18")]
    [InlineData("evenement sans suport", "events unassigned")]
    [InlineData("my client", "my clients")]
    public async Task A_message_the_bot_does_not_understand_gets_the_closest_commands_as_buttons(string typed, string expected)
    {
        var card = (await _world.ChatWith(_world.Sales).SayAsync(typed)).Card();

        card.Text().Should().Contain("I did not understand").And.NotContain("What I can do", "the whole help card is one button away, not in the way");
        var buttons = card.Buttons();
        buttons.Should().Contain(expected).And.Contain("Everything I can do");
        buttons.Should().HaveCount(CommandSuggestions.Count + 1);
    }

    [Fact]
    public async Task A_suggestion_never_changes_a_record_the_person_did_not_name()
    {
        var manager = _world.ChatWith(_world.Manager);

        (await manager.SayAsync("sgin")).Card().Buttons().Should().NotContain(b => b.StartsWith("sign ", StringComparison.Ordinal), "a button would sign the example's contract");
        (await manager.SayAsync("sgin 12")).Card().Buttons().Should().Contain("sign 12");
        (await manager.SayAsync("asign 3")).Card().Buttons().Should().Contain("assign 3", "the bot then asks whom").And.NotContain(b => b.Contains(" to ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Nonsense_gets_commands_the_person_may_use_only()
    {
        var support = (await _world.ChatWith(_world.Support).SayAsync("new clent")).Card().Buttons();

        support.Should().NotContain(b => b.StartsWith("new client", StringComparison.Ordinal), "Support may not create clients");
        support.Should().HaveCount(CommandSuggestions.Count + 1);
    }

    [Fact]
    public async Task A_contract_card_offers_each_department_what_it_may_do()
    {
        var draft = await _world.NewDraftContractAsync(_world.Sales);

        var sales = (await _world.ChatWith(_world.Sales).SayAsync($"contract {draft}")).Card().Buttons();
        var manager = (await _world.ChatWith(_world.Manager).SayAsync($"contract {draft}")).Card().Buttons();
        var support = (await _world.ChatWith(_world.Support).SayAsync($"contract {draft}")).Card().Buttons();

        sales.Should().Contain("Request signature").And.NotContain("Sign");
        manager.Should().Contain("Sign").And.NotContain("Request signature");
        support.Should().NotContain(["Sign", "Request signature", "Update"]);
    }

    [Theory]
    [InlineData(Crm.Access.Department.Management)]
    [InlineData(Crm.Access.Department.Sales)]
    [InlineData(Crm.Access.Department.Support)]
    public async Task Help_lists_every_command_the_department_may_use_in_the_persons_language(Crm.Access.Department department)
    {
        var user = department switch
        {
            Crm.Access.Department.Management => _world.Manager,
            Crm.Access.Department.Sales => _world.Sales,
            _ => _world.Support,
        };

        var english = (await _world.ChatWith(user).SayAsync("help")).Card().Text();
        var french = (await _world.ChatWith(user, "fr-FR").SayAsync("aide")).Card().Text();

        foreach (var command in CommandTable.Default.For(department))
        {
            english.Should().Contain(command.English);
            french.Should().Contain(command.French);
        }

        CommandTable.Default.Usages.Except(CommandTable.Default.For(department)).Where(c => !CommandTable.Default.For(department).Any(o => o.English == c.English))
            .Should().OnlyContain(c => !english.Contains(c.What(Crm.Presentation.Wording.English), StringComparison.Ordinal), "a command the department may not use is not offered");
    }

    [Fact]
    public async Task A_person_chooses_French_over_their_Teams_language_for_replies_and_notifications()
    {
        var chat = _world.ChatWith(_world.Support, "en-US");

        (await chat.SayAsync("langue fr")).ReplyTexts.Should().ContainSingle().Which.Should().Contain("en français");
        (await chat.SayAsync("help")).Card().Text().Should().Contain("Ce que je peux faire");
        (await chat.SayAsync("xyzzy")).Card().Text().Should().Contain("Je n'ai pas compris");

        (await chat.SayAsync("language auto")).ReplyTexts.Should().ContainSingle().Which.Should().Contain("Teams language");
        (await chat.SayAsync("help")).Card().Text().Should().Contain("What I can do");
    }
}
