using EpicEvents.Cli.Tests.Infrastructure;

namespace EpicEvents.Cli.Tests;

public sealed class PermissionTestsLocally : PermissionTests;

public sealed class PermissionTestsThroughTheServer : PermissionTests
{
    protected override CliMode Mode => CliMode.Server;
}

public sealed class PermissionTestsThroughTheServerOnPostgres : PermissionTests
{
    protected override CliMode Mode => CliMode.ServerOnPostgres;
}

/// <summary>
/// Every refusal of SPEC §2 as a user meets it at the terminal: the command, the department that
/// is refused, exit code 4 and nothing changed. The rules live in Crm.Core; this proves the CLI
/// asks it every time.
/// </summary>
public abstract class PermissionTests : CliTest
{
    public static TheoryData<string, string> Refusals => new()
    {
        { "sales", "collaborator create --name X --email x@epicevents.test --role support" },
        { "support", "collaborator create --name X --email x@epicevents.test --role support" },
        { "sales", "collaborator deactivate {support}" },
        { "support", "collaborator reset-password {sales}" },
        { "sales", "collaborator link-teams {sales} --aad-object-id 00000000-0000-0000-0000-00000000000a --tenant-id 00000000-0000-0000-0000-00000000000b" },
        { "sales", "role create Auditors --department management" },
        { "support", "role delete 1" },
        { "support", "client create --name X --email x@x.io --phone 0102030405 --company X" },
        { "sales2", "client update {client} --phone 0999999999" },
        { "support", "client update {client} --phone 0999999999" },
        { "sales", "client reassign {client} --to {sales2}" },
        { "sales", "client delete {client}" },
        { "support", "contract create --client {client} --total 100" },
        { "sales2", "contract create --client {client} --total 100" },
        { "sales2", "contract update {contract} --total 5" },
        { "support", "contract request-signature {contract}" },
        { "sales", "contract sign {contract}" },
        { "sales", "contract approve {contract}" },
        { "support", "contract reject {contract} --reason no" },
        { "sales", "contract cancel {contract}" },
        { "support", "contract pay {signed} --amount 10" },
        { "support", "event create --contract {signed} --name X --start \"2031-01-01 10:00\" --end \"2031-01-01 12:00\" --location L --attendees 5" },
        { "sales2", "event create --contract {signed} --name X --start \"2031-01-01 10:00\" --end \"2031-01-01 12:00\" --location L --attendees 5" },
        { "sales", "event update {event} --location Elsewhere" },
        { "support2", "event update {event} --location Elsewhere" },
        { "sales", "event assign {event} --support {support2}" },
        { "support", "event unassign {event}" },
        { "sales", "event delete {event}" },
        { "sales", "event acknowledge {event}" },
        { "manager", "event acknowledge {event}" },
        { "sales", "notification list" },
        { "support", "notification retry --failed" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task The_matrix_refuses_with_exit_code_4_and_changes_nothing(string who, string commandLine)
    {
        var client = await ClientOfAsync(Sales);
        var contract = (await Sales.RunAsync($"contract create --client {client} --total 1000 --json")).Succeeds().Id;
        var signed = await ContractOfAsync(Sales, signed: true);
        var @event = await EventOfAsync(Sales, support: Support);
        var line = commandLine
            .Replace("{client}", $"{client}", StringComparison.Ordinal)
            .Replace("{contract}", $"{contract}", StringComparison.Ordinal)
            .Replace("{signed}", $"{signed}", StringComparison.Ordinal)
            .Replace("{event}", $"{@event}", StringComparison.Ordinal)
            .Replace("{sales}", $"{Sales.Id}", StringComparison.Ordinal)
            .Replace("{sales2}", $"{Sales2.Id}", StringComparison.Ordinal)
            .Replace("{support}", $"{Support.Id}", StringComparison.Ordinal)
            .Replace("{support2}", $"{Support2.Id}", StringComparison.Ordinal);
        var auditBefore = (await Manager.RunAsync("audit list --all --json")).Succeeds().Json.GetProperty("items").GetArrayLength();

        var run = (await World.User(who).RunAsync(line)).Fails(ExitCodes.Forbidden);

        run.Stderr.Should().Contain("department");
        (await Manager.RunAsync("audit list --all --json")).Succeeds().Json.GetProperty("items").GetArrayLength().Should().Be(auditBefore);
    }
}
