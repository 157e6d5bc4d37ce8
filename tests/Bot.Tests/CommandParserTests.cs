using EpicEvents.Bot.Commands;
using EpicEvents.Bot.Commands.Chat;
using EpicEvents.Crm.Presentation;

namespace EpicEvents.Bot.Tests;

public sealed class CommandParserTests
{
    public static TheoryData<string, BotCommand> Commands => new()
    {
        { "help", new BotCommand.Help() },
        { "  AIDE ", new BotCommand.Help() },
        { "new client", new BotCommand.NewClient() },
        { "Nouveau Client.", new BotCommand.NewClient() },
        { "nouvel événement", new BotCommand.NewEvent() },
        { "new contract 12", new BotCommand.NewContract(12) },
        { "clients", new BotCommand.Clients(null, false) },
        { "clients Château Dupré", new BotCommand.Clients("Château Dupré", false) },
        { "mes clients", new BotCommand.Clients(null, true) },
        { "client 12", new BotCommand.ShowClient(12) },
        { "contrat #7", new BotCommand.ShowContract(7) },
        { "contracts unsigned", new BotCommand.Contracts(ContractList.Unsigned) },
        { "contrats non signés", new BotCommand.Contracts(ContractList.Unsigned) },
        { "contrats non payés", new BotCommand.Contracts(ContractList.Unpaid) },
        { "sign 7", new BotCommand.Sign(7) },
        { "demander la signature 7", new BotCommand.RequestSignature(7) },
        { "request signature 7", new BotCommand.RequestSignature(7) },
        { "events unassigned", new BotCommand.Events(EventList.Unassigned, null) },
        { "événements à venir 14", new BotCommand.Events(EventList.Upcoming, 14) },
        { "events mine", new BotCommand.Events(EventList.Mine, null) },
        { "événement 3", new BotCommand.ShowEvent(3) },
        { "assign 3 to Sue Support", new BotCommand.Assign(3, "Sue Support") },
        { "assigner 3 à Anaïs Michel", new BotCommand.Assign(3, "Anaïs Michel") },
        { "assign 3", new BotCommand.Assign(3, null) },
        { "update client 12", new BotCommand.Update(RecordKind.Client, 12) },
        { "modifier événement 4", new BotCommand.Update(RecordKind.Event, 4) },
        { "history contract 7", new BotCommand.History(RecordKind.Contract, 7) },
        { "annuler", new BotCommand.Cancel() },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void Commands_are_read_in_english_and_french_ignoring_case_and_accents(string text, BotCommand expected) =>
        CommandParser.Parse(text).Should().Be(expected);

    [Theory]
    [InlineData("client 0")]
    [InlineData("client 99999999999")]
    [InlineData("contract seven")]
    [InlineData("'; DROP TABLE clients;--")]
    public void Anything_else_is_unknown(string text) =>
        CommandParser.Parse(text).Should().BeOfType<BotCommand.Unknown>();

    [Fact]
    public void An_oversized_message_is_not_parsed() =>
        CommandParser.Parse(new string('a', 10_000)).Should().BeOfType<BotCommand.Unknown>();

    [Fact]
    public void Every_example_of_the_help_card_is_read_by_the_command_that_offers_it_in_both_languages()
    {
        var table = CommandTable.Default;
        foreach (var command in table.Commands)
        {
            foreach (var usage in command.Usages)
            {
                table.Read(usage.English).Handler.Should().BeSameAs(command, usage.English);
                table.Read(usage.French).Handler.Should().BeSameAs(command, usage.French);
            }
        }
    }

    [Fact]
    public void Every_command_of_the_bot_is_in_the_table_with_phrases_in_both_languages()
    {
        var table = CommandTable.Default;
        table.Commands.Select(c => c.GetType().Name).Should().Contain(["SignCommand", "NewClientCommand", "SettingsCommand", "HelpCommand"]);
        table.Commands.Select(c => c.Order).Should().OnlyHaveUniqueItems("the order of the help card is the commands' order");
        foreach (var reading in table.Commands.SelectMany(c => c.Readings))
        {
            BotTexts.Catalog.Sentence(reading.Key, Wording.English.Culture).Should().NotBeNullOrWhiteSpace(reading.Key);
            BotTexts.Catalog.Sentence(reading.Key, Wording.French.Culture).Should().NotBeNullOrWhiteSpace(reading.Key);
        }
    }

    [Theory]
    [InlineData("assign event 3 to Sue.", 3, "Sue")]
    [InlineData("Affecter   événement #12 À  Anaïs  Michel", 12, "Anaïs Michel")]
    [InlineData("assign 3", 3, null)]
    public void An_assignment_keeps_the_name_as_typed(string text, int eventId, string? who) =>
        CommandParser.Parse(text).Should().Be(new BotCommand.Assign(eventId, who));

    [Theory]
    [InlineData("new contract for 12", 12)]
    [InlineData("nouveau contrat pour #12", 12)]
    [InlineData("create contract", null)]
    public void A_new_contract_may_name_its_client(string text, int? clientId) =>
        CommandParser.Parse(text).Should().Be(new BotCommand.NewContract(clientId));

    [Theory]
    [InlineData("events upcoming 30 days", 30)]
    [InlineData("prochains événements 7 jours", 7)]
    [InlineData("events upcoming", null)]
    [InlineData("events upcoming 0", null)]
    public void A_list_of_events_may_say_how_many_days(string text, int? days) =>
        CommandParser.Parse(text).Should().Be(new BotCommand.Events(EventList.Upcoming, days));

    [Theory]
    [InlineData("?")]
    [InlineData("")]
    [InlineData("menu")]
    public void An_empty_message_or_a_question_mark_asks_for_help(string text) =>
        CommandParser.Parse(text).Should().Be(new BotCommand.Help());

    [Theory]
    [InlineData("assign [event {id}")]
    [InlineData("sign {who}")]
    [InlineData("sign ] 7")]
    public void A_phrase_with_a_broken_pattern_is_refused_when_the_table_is_built(string pattern) =>
        FluentActions.Invoking(() => Phrase.Parse(pattern)).Should().Throw<FormatException>();
}
