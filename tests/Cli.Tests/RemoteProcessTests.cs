using System.Text.Json;
using EpicEvents.Cli.Tests.Infrastructure;
using EpicEvents.Tests.Entra;

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
    private string _managerEmail = string.Empty;

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

    [Fact]
    public async Task A_linked_salesperson_signs_in_with_Microsoft_Entra_from_the_CLI_and_their_machine_keeps_no_secret_in_clear()
    {
        var tenant = Guid.NewGuid();
        var person = new EntraPerson(tenant, Guid.NewGuid(), "sam.sales@contoso.test");
        // Tokens that end within MSAL's five-minute margin: every command renews its access token.
        await using var entra = new LoopbackEntra(tenant) { TokenLifetime = 120 };
        var trust = Path.Combine(_root, "company-ca.pem");
        await File.WriteAllTextAsync(trust, entra.TlsCertificatePem());
        var salesEmail = await PrepareCompanyAsync(new Dictionary<string, string>
        {
            ["SSL_CERT_FILE"] = trust,
            ["Teams__AllowedTenants"] = tenant.ToString(),
            ["AzureAd__Instance"] = entra.Instance,
            ["AzureAd__TenantId"] = tenant.ToString(),
            ["AzureAd__ClientId"] = LoopbackEntra.ApiClientId,
            ["AzureAd__CliClientId"] = LoopbackEntra.CliClientId,
        });
        var server = _server!.Address.ToString().TrimEnd('/');
        var salesId = await LinkToTeamsAsync(salesEmail, person, server);
        var client = ThinClientCopy();
        var machine = new Dictionary<string, string> { ["HOME"] = SalesHome, ["SSL_CERT_FILE"] = trust };

        var login = await SignInWithEntraAsync(client, machine, ["auth", "login", "--server", server, "--entra"], entra, person);
        login.ExitCode.Should().Be(0, login.Stderr + _server.Log);
        login.Stderr.Should().Contain($"open {entra.Instance}device in a browser and enter the code");
        login.Stdout.Should().Contain("Logged in as").And.Contain("sam.sales@contoso.test").And.Contain(server);

        var whoami = await CliProgram.RunAsync(client, ["auth", "whoami", "--json"], machine, SalesHome);
        whoami.ExitCode.Should().Be(0, whoami.Stderr);
        JsonDocument.Parse(whoami.Stdout).RootElement.GetProperty("collaboratorId").GetInt32().Should().Be(salesId);
        var created = await CliProgram.RunAsync(client, ["client", "create", "--name", "Inès Moreau", "--email", "ines@moreau-events.fr", "--phone", "+33 6 11 22 33 44", "--company", "Moreau Events", "--json"], machine, SalesHome);
        created.ExitCode.Should().Be(0, created.Stderr);
        (await CliProgram.RunAsync(client, ["role", "create", "auditeur", "--department", "management"], machine, SalesHome)).ExitCode.Should().Be(ExitCodes.Forbidden);
        entra.Renewals.Should().Be(3, "each command renewed the access token from MSAL's cache with the refresh token, without asking the person again");

        var config = Path.Combine(SalesHome, ".config", "epicevents");
        Directory.EnumerateFiles(SalesHome, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(config, f))
            .Where(f => !f.EndsWith(".lockfile", StringComparison.Ordinal))
            .Should().BeEquivalentTo(["server", "session", "msal-cache"]);
        foreach (var file in new[] { "session", "msal-cache" })
        {
            File.GetUnixFileMode(Path.Combine(config, file)).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite, file);
        }

        (await File.ReadAllTextAsync(Path.Combine(config, "session"))).Should().NotContain("eyJ", "the session file names the sign-in; the tokens are in MSAL's cache");

        var logout = await CliProgram.RunAsync(client, ["auth", "logout"], machine, SalesHome);
        logout.ExitCode.Should().Be(0, logout.Stderr);
        (await File.ReadAllTextAsync(Path.Combine(config, "msal-cache"))).Should().NotContain(person.ObjectId.ToString(), "logging out forgets the Microsoft account's tokens");
        (await CliProgram.RunAsync(client, ["client", "list"], machine, SalesHome)).ExitCode.Should().Be(ExitCodes.NotLoggedIn);
    }

    [Fact]
    public async Task A_Microsoft_account_nobody_linked_gets_a_clear_refusal_and_nothing_is_kept()
    {
        var tenant = Guid.NewGuid();
        await using var entra = new LoopbackEntra(tenant);
        var trust = Path.Combine(_root, "company-ca.pem");
        await File.WriteAllTextAsync(trust, entra.TlsCertificatePem());
        await PrepareCompanyAsync(new Dictionary<string, string>
        {
            ["SSL_CERT_FILE"] = trust,
            ["AzureAd__Instance"] = entra.Instance,
            ["AzureAd__TenantId"] = tenant.ToString(),
            ["AzureAd__ClientId"] = LoopbackEntra.ApiClientId,
            ["AzureAd__CliClientId"] = LoopbackEntra.CliClientId,
        });
        var server = _server!.Address.ToString().TrimEnd('/');
        var machine = new Dictionary<string, string> { ["HOME"] = SalesHome, ["SSL_CERT_FILE"] = trust };

        var login = await SignInWithEntraAsync(ThinClientCopy(), machine, ["auth", "login", "--server", server, "--entra"], entra, new EntraPerson(tenant, Guid.NewGuid(), "newcomer@contoso.test"));

        login.ExitCode.Should().Be(ExitCodes.Forbidden, login.Stderr);
        login.Stderr.Should().Contain("not linked to anyone in the CRM");
        Directory.EnumerateFiles(SalesHome, "session", SearchOption.AllDirectories).Should().BeEmpty();
    }

    /// <summary>
    /// Runs <c>auth login --entra</c> as a person would: reads the code the CLI shows, and "signs in"
    /// on the loopback Entra's page with it, as <paramref name="person"/>.
    /// </summary>
    private static async Task<CliRun> SignInWithEntraAsync(string program, IReadOnlyDictionary<string, string> environment, string[] arguments, LoopbackEntra entra, EntraPerson person)
    {
        var start = CliProgram.Start(program, arguments, environment, environment["HOME"]);
        using var process = System.Diagnostics.Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = new System.Text.StringBuilder();
        var approved = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is null)
            {
                return;
            }

            lock (stderr)
            {
                stderr.AppendLine(line.Data);
            }

            if (System.Text.RegularExpressions.Regex.Match(line.Data, @"enter the code (\S+)") is { Success: true } code && entra.Approve(code.Groups[1].Value, person))
            {
                approved.TrySetResult();
            }
        };
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        process.WaitForExit();
        var output = await stdout;
        lock (stderr)
        {
            return new CliRun(arguments, process.ExitCode, output, stderr.ToString());
        }
    }

    /// <summary>A manager links the salesperson to their Microsoft account (<c>collaborator link-teams</c>); answers their collaborator id.</summary>
    private async Task<int> LinkToTeamsAsync(string salesEmail, EntraPerson person, string server)
    {
        var manager = new Dictionary<string, string> { ["HOME"] = Path.Combine(_root, "manager-machine") };
        Directory.CreateDirectory(manager["HOME"]);
        (await CliProgram.RunAsync(CliProgram.Path, ["auth", "login", "--server", server, "--email", _managerEmail, "--password-stdin"], manager, manager["HOME"], DemoPassword + "\n")).ExitCode.Should().Be(0);
        var staff = await CliProgram.RunAsync(CliProgram.Path, ["collaborator", "list", "--all", "--json"], manager, manager["HOME"]);
        staff.ExitCode.Should().Be(0, staff.Stderr);
        var salesId = JsonDocument.Parse(staff.Stdout).RootElement.GetProperty("items").EnumerateArray().Single(c => c.GetProperty("email").GetString() == salesEmail).GetProperty("id").GetInt32();
        var link = await CliProgram.RunAsync(CliProgram.Path, ["collaborator", "link-teams", $"{salesId}", "--aad-object-id", $"{person.ObjectId}", "--tenant-id", $"{person.TenantId}"], manager, manager["HOME"]);
        link.ExitCode.Should().Be(0, link.Stderr);
        return salesId;
    }

    /// <summary>The operator's part, on the server's machine: database, demo company, server. Answers a salesperson's email.</summary>
    private async Task<string> PrepareCompanyAsync(IReadOnlyDictionary<string, string>? serverSettings = null)
    {
        var operatorEnvironment = ServerEnvironment();
        var init = await CliProgram.RunAsync(CliProgram.Path, ["db", "init", "--admin-email", "boss@epicevents.test", "--password-stdin"], operatorEnvironment, ServerHome, "Boss-Password-2026\n");
        init.ExitCode.Should().Be(0, init.Stderr);
        var seed = await CliProgram.RunAsync(CliProgram.Path, ["db", "seed", "--demo", "--clients", "30", "--json"], operatorEnvironment, ServerHome);
        seed.ExitCode.Should().Be(0, seed.Stderr);
        var environment = ServerEnvironment();
        foreach (var (key, value) in serverSettings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        _server = await ServerProcess.StartAsync(environment, ServerHome);
        _managerEmail = LoginOf(seed.Stdout, "Management");
        return LoginOf(seed.Stdout, "Sales");
    }

    private static string LoginOf(string seeded, string department) =>
        JsonDocument.Parse(seeded).RootElement.GetProperty("logins").EnumerateArray()
            .First(l => l.GetProperty("department").GetString() == department).GetProperty("email").GetString()!;

    private Dictionary<string, string> ServerEnvironment() => new()
    {
        ["HOME"] = ServerHome,
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["ConnectionStrings__Crm"] = $"Data Source={Path.Combine(ServerHome, "crm.db")}",
        ["Auth__SigningKey"] = "c2VydmVyLW9ubHktc2lnbmluZy1rZXktZm9yLXRoZS1yZW1vdGUtdGVzdHMtMDEyMzQ1",
        ["Auth__PasswordHashIterations"] = "100000",
        ["Bot__Outbox__Enabled"] = "false",
        ["Bot__Digests__Enabled"] = "false",
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
