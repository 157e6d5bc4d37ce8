using System.Text.Json;
using EpicEvents.Cli.Tests.Infrastructure;

namespace EpicEvents.Cli.Tests;

/// <summary>
/// A company's set-up as the README describes it, every part a real process: an operator prepares
/// the database on the server's machine, the CRM server runs, and a salesperson works from a machine
/// that has only the <c>epicevents</c> program — a copy without EF Core or any database driver, so that
/// a command that touched the database layer would fail.
/// </summary>
public sealed class RemoteProcessTests : IAsyncLifetime
{
    private const string DemoPassword = "Demo-Password-2026";
    private readonly string _root = Path.Combine(Path.GetTempPath(), "epicevents-remote-tests", Guid.NewGuid().ToString("N"));
    private ServerProcess? _server;

    private string ServerHome => Path.Combine(_root, "server");

    private string SalesHome => Path.Combine(_root, "sales-machine");

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(ServerHome);
        Directory.CreateDirectory(SalesHome);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task A_salesperson_works_a_day_through_the_server_and_their_machine_holds_no_database_and_no_key()
    {
        var salesEmail = await PrepareCompanyAsync();
        var server = _server!.Address.ToString().TrimEnd('/');
        var client = ThinClientCopy();

        var login = await SalesAsync(client, ["auth", "login", "--server", server, "--email", salesEmail, "--password-stdin"], DemoPassword + "\n");
        login.ExitCode.Should().Be(0, login.Stderr + _server.Log);
        login.Stdout.Should().Contain("Logged in as").And.Contain(server);

        var created = await SalesAsync(client, ["client", "create", "--name", "Inès Moreau", "--email", "ines@moreau-events.fr", "--phone", "+33 6 11 22 33 44", "--company", "Moreau Events", "--json"]);
        created.ExitCode.Should().Be(0, created.Stderr);
        var clientId = JsonDocument.Parse(created.Stdout).RootElement.GetProperty("id").GetInt32();
        foreach (var command in new[]
                 {
                     new[] { "client", "list", "--mine", "--json" }, ["client", "show", $"{clientId}"], ["contract", "list", "--unsigned", "--json"],
                     ["event", "list", "--upcoming", "--json"], ["auth", "whoami"],
                 })
        {
            var run = await SalesAsync(client, command);
            run.ExitCode.Should().Be(0, $"{string.Join(' ', command)}: {run.Stderr}");
        }

        (await SalesAsync(client, ["client", "list", "--mine", "--json"])).Stdout.Should().Contain("Moreau Events");
        (await SalesAsync(client, ["role", "create", "auditeur", "--department", "management"])).ExitCode.Should().Be(ExitCodes.Forbidden);
        var operatorOnly = await SalesAsync(client, ["db", "init"]);
        operatorOnly.ExitCode.Should().Be(ExitCodes.Usage);
        operatorOnly.Stderr.Should().Contain(server);

        var files = Directory.EnumerateFiles(SalesHome, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(SalesHome, f)).ToList();
        files.Should().BeEquivalentTo([Path.Combine(".config", "epicevents", "server"), Path.Combine(".config", "epicevents", "session")], "the machine keeps the address and its own session, nothing that opens the database or signs a session");
        File.GetUnixFileMode(Path.Combine(SalesHome, ".config", "epicevents", "session")).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    [Fact]
    public async Task A_stopped_server_is_exit_1_with_one_line_naming_its_address()
    {
        var salesEmail = await PrepareCompanyAsync();
        var server = _server!.Address.ToString().TrimEnd('/');
        var client = ThinClientCopy();
        (await SalesAsync(client, ["auth", "login", "--server", server, "--email", salesEmail, "--password-stdin"], DemoPassword + "\n")).ExitCode.Should().Be(0);
        await _server.DisposeAsync();
        _server = null;

        var run = await SalesAsync(client, ["contract", "list"]);

        run.ExitCode.Should().Be(ExitCodes.Unexpected);
        run.Stderr.Trim().Split('\n').Should().ContainSingle().Which.Should().Contain($"The CRM server at {server} cannot be reached");
    }

    [Theory]
    [InlineData("http://crm.example.com", "must use https")]
    [InlineData("ftp://crm.example.com", "is not a server address")]
    public async Task A_server_address_in_clear_text_beyond_this_machine_is_refused_before_any_password_is_sent(string address, string message)
    {
        var run = await SalesAsync(CliProgram.Path, ["auth", "login", "--server", address, "--email", "someone@epicevents.test", "--password-stdin"], "Some-Password-123\n");

        run.ExitCode.Should().Be(ExitCodes.Usage);
        run.Stderr.Should().Contain(message);
        Directory.EnumerateFiles(SalesHome, "*", SearchOption.AllDirectories).Should().BeEmpty();
    }

    /// <summary>The operator's part, on the server's machine: database, demo company, server. Answers a salesperson's email.</summary>
    private async Task<string> PrepareCompanyAsync()
    {
        var operatorEnvironment = ServerEnvironment();
        var init = await CliProgram.RunAsync(CliProgram.Path, ["db", "init", "--admin-email", "boss@epicevents.test", "--password-stdin"], operatorEnvironment, ServerHome, "Boss-Password-2026\n");
        init.ExitCode.Should().Be(0, init.Stderr);
        var seed = await CliProgram.RunAsync(CliProgram.Path, ["db", "seed", "--demo", "--clients", "30", "--json"], operatorEnvironment, ServerHome);
        seed.ExitCode.Should().Be(0, seed.Stderr);
        _server = await ServerProcess.StartAsync(ServerEnvironment(), ServerHome);
        return JsonDocument.Parse(seed.Stdout).RootElement.GetProperty("logins").EnumerateArray()
            .First(l => l.GetProperty("department").GetString() == "Sales").GetProperty("email").GetString()!;
    }

    private Dictionary<string, string> ServerEnvironment() => new()
    {
        ["HOME"] = ServerHome,
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["ConnectionStrings__Crm"] = $"Data Source={Path.Combine(ServerHome, "crm.db")}",
        ["Auth__SigningKey"] = "c2VydmVyLW9ubHktc2lnbmluZy1rZXktZm9yLXRoZS1yZW1vdGUtdGVzdHMtMDEyMzQ1",
        ["Auth__PasswordHashIterations"] = "100000",
        ["Bot__Outbox__Enabled"] = "false",
    };

    /// <summary>The salesperson's machine: a home of its own, nothing configured but what they type.</summary>
    private Task<CliRun> SalesAsync(string program, string[] arguments, string stdin = "") =>
        CliProgram.RunAsync(program, arguments, new Dictionary<string, string> { ["HOME"] = SalesHome }, SalesHome, stdin);

    /// <summary>The program without EF Core and the database drivers: the thin client needs none of them.</summary>
    private string ThinClientCopy()
    {
        var source = Path.GetDirectoryName(CliProgram.Path)!;
        var target = Path.Combine(_root, "thin-client");
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source))
        {
            var name = Path.GetFileName(file);
            if (!name.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) && !name.StartsWith("Npgsql", StringComparison.Ordinal)
                && !name.StartsWith("Microsoft.Data.Sqlite", StringComparison.Ordinal) && !name.StartsWith("SQLitePCLRaw", StringComparison.Ordinal))
            {
                File.Copy(file, Path.Combine(target, name));
            }
        }

        Directory.EnumerateFiles(target, "Microsoft.EntityFrameworkCore*").Should().BeEmpty();
        return Path.Combine(target, Path.GetFileName(CliProgram.Path));
    }
}
