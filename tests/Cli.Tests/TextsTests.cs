using System.Globalization;
using System.Text.RegularExpressions;
using EpicEvents.Cli.Output;
using EpicEvents.Cli.Tests.Infrastructure;
using EpicEvents.Tests.Texts;

namespace EpicEvents.Cli.Tests;

/// <summary>The program's texts live in <c>Resources/CliTexts.resx</c> and its French twin, complete, and nowhere else.</summary>
public sealed class ResourceFileTests : ResourceTextsTests
{
    protected override ResourceTextsCheck Check { get; } = For("Cli", "CliTexts");

    protected override string Allowlist => AllowlistOf("Cli.Tests");

    [Theory]
    [InlineData("Nothing matches.", true)]
    [InlineData("Name", true)]
    [InlineData("Email:", true)]
    [InlineData("Command {Command} failed", true)]
    [InlineData("--lang", false)]
    [InlineData("client.list.help", false)]
    [InlineData("{0} ({1})", false)]
    [InlineData("yyyy-MM-dd HH:mm", false)]
    [InlineData("SELECT id FROM clients WHERE id = $1", false)]
    [InlineData("https://login.microsoftonline.com/common", false)]
    [InlineData("[green]✓[/] {}", false)]
    [InlineData("clients", false)]
    public void A_literal_reads_as_text_when_it_holds_words_for_people(string literal, bool isText) =>
        ResourceTextsCheck.ReadsAsText(literal).Should().Be(isText);
}

/// <summary>With <c>--lang fr</c>, the program's own words are French: help, refusals, conflicts, usage errors.</summary>
public sealed class FrenchTests : CliTest
{
    /// <summary>The sentences a CLI user can meet: the program's and Crm.Core's.</summary>
    private static readonly Languages Texts = new(CliTexts.Catalog, EpicEvents.Crm.Presentation.CoreTexts.Catalog);

    [Theory]
    [InlineData("--help")]
    [InlineData("client --help")]
    [InlineData("client create --help")]
    [InlineData("contract update --help")]
    [InlineData("event list --help")]
    [InlineData("db seed --help")]
    [InlineData("settings language --help")]
    [InlineData("password change --help")]
    public async Task Help_in_French_holds_no_English_sentence(string commandLine)
    {
        var help = (await Sales.RunAsync($"--lang fr {commandLine}")).Succeeds().Stdout;

        help.Should().Contain("Utilisation").And.Contain("Affiche l'aide");
        help.Should().NotContainAny("Usage:", "Options:", "Commands:", "Arguments:", "Description:", "(REQUIRED)", "Show help", "[command]");
        Texts.EnglishIn(help).Should().BeEmpty();
    }

    [Fact]
    public async Task Help_follows_EPICEVENTS_LANG_too()
    {
        var help = (await Sales.RunAsync("client list --help", settings: new Dictionary<string, string?> { ["EPICEVENTS_LANG"] = "fr" })).Succeeds().Stdout;

        help.Should().Contain("Liste les clients, les plus récents d'abord.").And.Contain("Utilisation");
    }

    [Fact]
    public async Task A_refusal_is_introduced_in_French()
    {
        var run = (await Support.RunAsync("client create --name Kim --email kim@x.io --phone 0102030405 --company Kim --lang fr")).Fails(ExitCodes.Forbidden);

        run.Stderr.Should().StartWith("Erreur :").And.NotContain("Error:");
    }

    [Fact]
    public async Task A_conflict_is_introduced_in_French()
    {
        await ClientOfAsync(Sales2);

        var run = (await Manager.RunAsync($"collaborator deactivate {Sales2.Id} --lang fr")).Fails(ExitCodes.Conflict);

        run.Stderr.Should().StartWith("Erreur :");
    }

    [Fact]
    public async Task A_usage_error_and_its_hint_are_French()
    {
        var run = (await Sales.RunAsync("client list --lang fr --bogus")).Fails(ExitCodes.Usage);

        run.Stderr.Should().StartWith("Erreur :").And.Contain("Voir `epicevents client list --help`.").And.NotContain("Unrecognized");
    }

    [Fact]
    public async Task A_malformed_date_is_explained_in_French() =>
        (await Manager.RunAsync("audit list --since demain --lang fr")).Fails(ExitCodes.Invalid)
            .Stderr.Should().Contain("« demain » n'est pas une date : utilisez l'ISO 8601");

    [Fact]
    public async Task Not_being_logged_in_is_said_in_French() =>
        (await World.Stranger.RunAsync("client list --lang fr")).Fails(ExitCodes.NotLoggedIn)
            .Stderr.Should().Contain("Vous n'êtes pas connecté : lancez `epicevents auth login`.");
}
