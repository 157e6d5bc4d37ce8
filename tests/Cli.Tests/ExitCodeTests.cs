using EpicEvents.Cli.Tests.Infrastructure;

namespace EpicEvents.Cli.Tests;

public sealed class ExitCodeTestsLocally : ExitCodeTests;

public sealed class ExitCodeTestsThroughTheServer : ExitCodeTests
{
    protected override CliMode Mode => CliMode.Server;
}

public sealed class ExitCodeTestsThroughTheServerOnPostgres : ExitCodeTests
{
    protected override CliMode Mode => CliMode.ServerOnPostgres;
}

public abstract class ExitCodeTests : CliTest
{
    [Theory]
    [InlineData("client lst")]
    [InlineData("client list --limit many")]
    [InlineData("client create --name Kim")]
    [InlineData("contract list --status maybe")]
    [InlineData("collaborator list --department finance")]
    [InlineData("client show")]
    [InlineData("client show twelve")]
    [InlineData("db seed")]
    [InlineData("event list --days 3")]
    public async Task A_command_line_that_cannot_run_as_typed_exits_2_with_a_pointer_to_the_help(string commandLine)
    {
        var run = (await Sales.RunAsync(commandLine)).Fails(ExitCodes.Usage);

        run.Stderr.Should().StartWith("Error:");
        run.Stdout.Should().BeEmpty();
    }

    [Fact]
    public async Task Help_documents_the_exit_codes()
    {
        var run = (await Sales.RunAsync("--help")).Succeeds();

        run.Stdout.Should().Contain("Exit codes").And.Contain("4  forbidden").And.Contain("7  conflict");
    }

    [Fact]
    public async Task Not_logged_in_exits_3() =>
        (await World.Stranger.RunAsync("client list")).Fails(ExitCodes.NotLoggedIn).Stderr.Should().Contain("not logged in");

    [Fact]
    public async Task Forbidden_exits_4() =>
        (await Support.RunAsync("client create --name Kim --email kim@x.io --phone 0102030405 --company Kim")).Fails(ExitCodes.Forbidden)
            .Stderr.Should().Contain("Support department cannot");

    [Fact]
    public async Task Not_found_exits_5() =>
        (await Sales.RunAsync("contract show 424242")).Fails(ExitCodes.NotFound).Stderr.Should().Contain("424242");

    [Theory]
    [InlineData("contract create --client {client} --total abc")]
    [InlineData("contract create --client {client} --total -5")]
    [InlineData("contract create --client {client} --total 100 --due 200")]
    [InlineData("event list --from yesterday")]
    [InlineData("client create --name Kim --email not-an-email --phone 0102030405 --company Kim")]
    [InlineData("collaborator link-teams {self} --aad-object-id nope --tenant-id 72f988bf-86f1-41af-91ab-2d7cd011db47")]
    public async Task Invalid_input_exits_6_and_names_the_option_to_fix(string commandLine)
    {
        var client = await ClientOfAsync(Sales);
        var line = commandLine.Replace("{client}", $"{client}", StringComparison.Ordinal).Replace("{self}", $"{Sales.Id}", StringComparison.Ordinal);
        var user = line.StartsWith("collaborator", StringComparison.Ordinal) ? Manager : Sales;

        var run = (await user.RunAsync(line)).Fails(ExitCodes.Invalid);

        run.Stderr.Should().MatchRegex("--(total|due|from|email|aad-object-id)");
    }

    [Fact]
    public async Task A_conflict_exits_7()
    {
        var contract = await ContractOfAsync(Sales);
        (await Sales.RunAsync($"contract request-signature {contract}")).Succeeds();

        (await Sales.RunAsync($"contract request-signature {contract}")).Fails(ExitCodes.Conflict);
    }

    [Fact]
    public async Task An_unreachable_database_or_server_exits_1_with_one_line_and_no_stack_trace()
    {
        if (World.Server is { } server)
        {
            await server.DisposeAsync();
        }

        var run = (await Sales.RunAsync("client list", settings: new Dictionary<string, string?>
        {
            ["ConnectionStrings:Crm"] = World.Mode == CliMode.Local ? "Host=127.0.0.1;Port=1;Username=nobody;Password=x;Database=crm;Timeout=2" : null,
            ["EPICEVENTS_TOKEN"] = await File.ReadAllTextAsync(Sales.SessionFile),
        })).Fails(ExitCodes.Unexpected);

        run.Stderr.Should().Contain(World.Server is { } stopped ? $"The CRM server at {stopped.Address.ToString().TrimEnd('/')} cannot be reached" : "database").And.NotContain("   at ");
        run.Stderr.Trim().Split('\n').Should().HaveCount(1);
    }

    [Theory]
    [InlineData("1234.500")]
    [InlineData("0.001")]
    [InlineData("1.2.3")]
    public async Task An_amount_that_could_be_read_two_ways_is_refused_not_guessed(string total)
    {
        var client = await ClientOfAsync(Sales);

        var run = (await Manager.RunAsync(["contract", "create", "--client", $"{client}", "--total", total])).Fails(ExitCodes.Invalid);

        run.Stderr.Should().Contain("--total");
        (await Manager.RunAsync($"contract list --client {client} --json")).Succeeds().Json.GetProperty("items").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task Nothing_is_half_written_when_an_input_is_refused()
    {
        var contract = await ContractOfAsync(Sales, total: "1000", due: "1000");

        (await Sales.RunAsync($"contract update {contract} --total 2000 --due oops")).Fails(ExitCodes.Invalid);

        (await Sales.RunAsync($"contract show {contract} --json")).Succeeds().Json.GetProperty("totalAmount").GetDecimal().Should().Be(1000m);
    }
}
