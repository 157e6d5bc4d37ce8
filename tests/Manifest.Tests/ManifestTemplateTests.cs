using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EpicEvents.Bot.Commands;
using EpicEvents.Manifest.Tests.Infrastructure;
using EpicEvents.TeamsAppPackage;
using EpicEvents.TeamsAppPackage.Icons;

namespace EpicEvents.Manifest.Tests;

/// <summary>manifest/manifest.json: what Teams will offer people, and what it leaves to configuration.</summary>
public sealed partial class ManifestTemplateTests
{
    private static readonly AppPackageSettings Sample = new(
        Guid.Parse("2d8f6a4e-1b3c-4d5e-8f90-a1b2c3d4e5f6"), "crm.example.com", Guid.Parse("bbc3e1f3-a191-4aa9-8e77-8a277b79a498"), "1.0.0");

    private static string Template => File.ReadAllText(Path.Combine(Repository.ManifestDirectory, "manifest.json"));

    [Fact]
    public void Ids_and_the_domain_are_placeholders_in_the_template_never_written_in()
    {
        var template = JsonNode.Parse(Template)!;

        AnyGuid().IsMatch(Template).Should().BeFalse("app ids come from configuration");
        template["id"]!.GetValue<string>().Should().Be("{{Teams:ManifestAppId}}");
        template["version"]!.GetValue<string>().Should().Be("{{Version}}");
        template["bots"]![0]!["botId"]!.GetValue<string>().Should().Be("{{MicrosoftAppId}}");
        template["composeExtensions"]![0]!["botId"]!.GetValue<string>().Should().Be("{{MicrosoftAppId}}");
        template["validDomains"]!.AsArray().Select(d => d!.GetValue<string>()).Should().Equal("{{Teams:AppDomain}}");
    }

    [Fact]
    public void The_manifest_declares_schema_1_22_or_later()
    {
        var template = JsonNode.Parse(Template)!;
        var version = Version.Parse(template["manifestVersion"]!.GetValue<string>());

        version.Should().BeGreaterThanOrEqualTo(new Version(1, 22));
        template["$schema"]!.GetValue<string>().Should().Be($"https://developer.microsoft.com/json-schemas/teams/v{version}/MicrosoftTeams.schema.json");
    }

    [Fact]
    public void The_bot_is_in_personal_chats_only_with_a_command_list_of_at_most_ten()
    {
        var bot = Filled()["bots"]![0]!;

        Strings(bot["scopes"]).Should().BeEquivalentTo(["personal"], "every answer holds one person's CRM data (ADR 19)");
        var lists = bot["commandLists"]!.AsArray();
        lists.Select(list => Strings(list!["scopes"]).Single()).Should().BeEquivalentTo("personal");
        foreach (var list in lists)
        {
            var commands = list!["commands"]!.AsArray();
            commands.Should().HaveCountGreaterThan(0).And.HaveCountLessThanOrEqualTo(10);
            commands.Select(c => c!["title"]!.GetValue<string>()).Should().OnlyHaveUniqueItems();
            commands.Should().OnlyContain(c => c!["description"]!.GetValue<string>().Length > 0);
        }
    }

    [Fact]
    public void Every_command_Teams_suggests_is_one_the_bot_understands()
    {
        var titles = Filled()["bots"]![0]!["commandLists"]!.AsArray()
            .SelectMany(list => list!["commands"]!.AsArray())
            .Select(command => command!["title"]!.GetValue<string>())
            .Distinct()
            .ToList();

        titles.Should().Contain(["help", "new client", "clients", "contracts unsigned", "events unassigned"]);
        foreach (var title in titles)
        {
            CommandParser.Parse(title).Should().NotBeOfType<BotCommand.Unknown>($"\"{title}\" is offered by Teams");
        }
    }

    [Fact]
    public void The_compose_box_offers_the_bots_three_searches_each_with_one_text_parameter()
    {
        var extension = Filled()["composeExtensions"]!.AsArray().Should().ContainSingle().Subject!;

        extension["botId"]!.GetValue<string>().Should().Be(Sample.BotAppId.ToString());
        var commands = extension["commands"]!.AsArray();
        commands.Select(c => c!["id"]!.GetValue<string>()).Should().Equal("searchClients", "searchContracts", "searchEvents");
        foreach (var command in commands)
        {
            command!["type"]!.GetValue<string>().Should().Be("query");
            command["title"]!.GetValue<string>().Should().NotBeEmpty();
            var parameter = command["parameters"]!.AsArray().Should().ContainSingle().Subject!;
            parameter["name"]!.GetValue<string>().Should().Be("query");
            parameter["title"]!.GetValue<string>().Should().NotBeEmpty();
        }
    }

    [Fact]
    public void The_accent_colour_is_the_one_the_colour_icon_is_drawn_with()
    {
        Filled()["accentColor"]!.GetValue<string>().Should().Be(TeamsIcons.AccentColour);
    }

    [Fact]
    public void A_placeholder_with_no_value_stops_the_build()
    {
        var fill = () => ManifestTemplate.Fill("""{ "name": { "short": "{{Teams:AppName}}" } }""", Sample.Placeholders());

        fill.Should().Throw<InvalidDataException>().WithMessage("*{{Teams:AppName}}*no value*");
    }

    private static JsonNode Filled() => JsonNode.Parse(ManifestTemplate.Fill(Template, Sample.Placeholders()))!;

    private static IEnumerable<string> Strings(JsonNode? array) => array!.AsArray().Select(s => s!.GetValue<string>());

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex AnyGuid();
}
