using EpicEvents.Bot.Commands;

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
    public void Every_example_of_the_help_card_parses_to_a_command_in_both_languages()
    {
        foreach (var command in CommandCatalog.All)
        {
            CommandParser.Parse(command.English).Should().NotBeOfType<BotCommand.Unknown>(command.English);
            CommandParser.Parse(command.French).Should().NotBeOfType<BotCommand.Unknown>(command.French);
        }
    }
}
