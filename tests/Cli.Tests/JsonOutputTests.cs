using System.Text.Json;
using EpicEvents.Cli.Tests.Infrastructure;

namespace EpicEvents.Cli.Tests;

public sealed class JsonOutputTestsLocally : JsonOutputTests;

public sealed class JsonOutputTestsThroughTheServer : JsonOutputTests
{
    protected override CliMode Mode => CliMode.Server;
}

public sealed class JsonOutputTestsThroughTheServerOnPostgres : JsonOutputTests
{
    protected override CliMode Mode => CliMode.ServerOnPostgres;
}

public abstract class JsonOutputTests : CliTest
{
    [Fact]
    public async Task A_list_is_one_document_with_items_and_the_cursor_of_the_next_page()
    {
        for (var i = 0; i < 3; i++)
        {
            await ClientOfAsync(Sales, $"Client {i}");
        }

        var first = (await Sales.RunAsync("client list --mine --limit 2 --json")).Succeeds().Json;
        var next = first.GetProperty("next").GetString()!;
        var second = (await Sales.RunAsync($"client list --mine --limit 2 --after {next} --json")).Succeeds().Json;

        first.GetProperty("items").GetArrayLength().Should().Be(2);
        second.GetProperty("items").GetArrayLength().Should().Be(1);
        second.GetProperty("next").ValueKind.Should().Be(JsonValueKind.Null);
        var names = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).Select(c => c.GetProperty("fullName").GetString());
        names.Should().Equal("Client 2", "Client 1", "Client 0");
    }

    [Fact]
    public async Task Show_prints_the_record_with_camel_case_names_enum_names_and_utc_dates()
    {
        var contract = await ContractOfAsync(Sales, total: "1 234,50", due: "1234.5");

        var json = (await Sales.RunAsync($"contract show {contract} --json")).Succeeds().Json;

        json.GetProperty("id").GetInt32().Should().Be(contract);
        json.GetProperty("totalAmount").GetDecimal().Should().Be(1234.50m);
        json.GetProperty("status").GetString().Should().Be("Draft");
        json.GetProperty("createdAt").GetString().Should().EndWith("Z");
        json.GetProperty("salesContactName").GetString().Should().Be("Sam Sales");
    }

    [Fact]
    public async Task An_error_is_a_json_document_on_stderr_with_a_code_a_message_and_the_wrong_fields()
    {
        var run = (await Sales.RunAsync("client create --name \"\" --email nope --phone 0102030405 --company Acme --json")).Fails(ExitCodes.Invalid);

        run.Stdout.Should().BeEmpty();
        run.ErrorJson.GetProperty("code").GetString().Should().Be("invalid");
        run.ErrorJson.GetProperty("message").GetString().Should().NotBeNullOrEmpty();
        var fields = run.ErrorJson.GetProperty("fields");
        fields.GetProperty("name").GetString().Should().Contain("required");
        fields.GetProperty("email").GetString().Should().Contain("email");
    }

    [Theory]
    [InlineData("client list --limit many --json", "usage")]
    [InlineData("contract show 999999 --json", "not_found")]
    [InlineData("role create Auditors --department management --json", "forbidden")]
    public async Task Every_error_has_its_code(string commandLine, string code) =>
        (await Sales.RunAsync(commandLine)).ErrorJson.GetProperty("code").GetString().Should().Be(code);

    [Fact]
    public async Task Not_logged_in_is_a_json_error_too() =>
        (await World.Stranger.RunAsync("event list --json")).Fails(ExitCodes.NotLoggedIn).ErrorJson.GetProperty("code").GetString().Should().Be("not_logged_in");

    [Fact]
    public async Task All_streams_every_row_as_one_valid_document()
    {
        var created = new List<int>();
        for (var i = 0; i < 7; i++)
        {
            created.Add(await ClientOfAsync(Sales2, $"Streamed {i}"));
        }

        var json = (await Sales2.RunAsync("client list --mine --all --limit 3 --json")).Succeeds().Json;

        json.GetProperty("next").ValueKind.Should().Be(JsonValueKind.Null);
        json.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetInt32()).Should().BeEquivalentTo(created);
    }

    [Fact]
    public async Task Names_with_accents_and_markup_come_out_as_typed()
    {
        var id = (await Sales.RunAsync(["client", "create", "--name", "Élodie [bold]Ça\"va", "--email", "elodie@x.fr", "--phone", "0102030405", "--company", "Café <script>", "--json"])).Succeeds().Id;

        var json = (await Sales.RunAsync($"client show {id} --json")).Succeeds().Json;
        var human = (await Sales.RunAsync($"client show {id}")).Succeeds();

        json.GetProperty("fullName").GetString().Should().Be("Élodie [bold]Ça\"va");
        json.GetProperty("companyName").GetString().Should().Be("Café <script>");
        human.Stdout.Should().Contain("Élodie [bold]Ça\"va").And.Contain("Café <script>");
    }
}
