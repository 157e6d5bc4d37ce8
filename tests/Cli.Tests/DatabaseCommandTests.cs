using EpicEvents.Cli.Tests.Infrastructure;

namespace EpicEvents.Cli.Tests;

public sealed class DatabaseCommandTests : IAsyncLifetime
{
    private readonly CliWorld _machine = CliWorld.Empty();

    private CliUser Admin => _machine.Manager;

    [Fact]
    public async Task Init_on_an_empty_machine_creates_the_database_and_shows_the_temporary_password_once()
    {
        var settings = new Dictionary<string, string?> { ["Auth:SigningKey"] = null };

        var first = (await Admin.RunAsync("db init", settings: settings)).Succeeds();
        var second = (await Admin.RunAsync("db init", settings: settings)).Succeeds();

        File.Exists(_machine.DatabasePath).Should().BeTrue();
        first.Stdout.Should().Contain("Temporary password (shown once)").And.Contain("admin@epicevents.local");
        second.Stdout.Should().NotContain("Temporary password");
        var key = Path.Combine(Admin.ConfigDirectory, "signing-key");
        File.GetUnixFileMode(key).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var password = first.Stdout.Split('\n').Single(l => l.Contains("shown once", StringComparison.Ordinal)).Split(':')[1].Trim();
        (await Admin.RunAsync("auth login --email admin@epicevents.local --password-stdin", password + "\n", settings)).Succeeds();
        (await Admin.RunAsync("auth whoami", settings: settings)).Succeeds().Stdout.Should().Contain("Administrator");
    }

    [Fact]
    public async Task The_database_file_and_the_folder_made_for_it_are_for_their_owner_only()
    {
        var folder = Path.Combine(_machine.Root, "data", "epicevents");
        var database = Path.Combine(folder, "crm.db");
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:Crm"] = $"Data Source={database}" };

        (await Admin.RunAsync("db init --password-stdin", "Admin-Password-2026\n", settings)).Succeeds();
        (await Admin.RunAsync("db seed --demo --clients 5 --demo-accounts", settings: settings)).Succeeds();

        File.GetUnixFileMode(folder).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            File.GetUnixFileMode(file).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite, file);
        }
    }

    [Fact]
    public async Task Migrate_reports_the_schema_version()
    {
        (await Admin.RunAsync("db migrate")).Succeeds().Stdout.Should().Contain("from version 0 to");
        (await Admin.RunAsync("db migrate")).Succeeds().Stdout.Should().Contain("already at version");
    }

    private static readonly Dictionary<string, string?> Development = new() { ["DOTNET_ENVIRONMENT"] = "Development" };

    [Fact]
    public async Task Seed_fills_an_empty_database_once_on_a_developers_machine()
    {
        (await Admin.RunAsync("db init --password-stdin", "Admin-Password-2026\n")).Succeeds();

        var seeded = (await Admin.RunAsync("db seed --demo --clients 30 --json", settings: Development)).Succeeds().Json;
        (await Admin.RunAsync("db seed --demo --clients 30", settings: Development)).Fails(ExitCodes.Conflict);

        seeded.GetProperty("clients").GetInt32().Should().Be(30);
        var login = seeded.GetProperty("logins").EnumerateArray().First(l => l.GetProperty("department").GetString() == "Sales");
        var sales = _machine.Sales;
        (await sales.RunAsync($"auth login --email {login.GetProperty("email").GetString()} --password-stdin", seeded.GetProperty("password").GetString() + "\n")).Succeeds();
        (await sales.RunAsync("client list --all --json")).Succeeds().Json.GetProperty("items").GetArrayLength().Should().Be(30);
    }

    [Fact]
    public async Task Outside_development_demo_accounts_need_a_confirmation_and_must_change_the_published_password()
    {
        (await Admin.RunAsync("db init --password-stdin", "Admin-Password-2026\n")).Succeeds();

        var refused = (await Admin.RunAsync("db seed --demo --clients 5")).Fails(ExitCodes.Usage);
        refused.Stderr.Should().Contain("--demo-accounts");
        var seeded = (await Admin.RunAsync("db seed --demo --clients 5 --demo-accounts --json")).Succeeds().Json;

        var login = seeded.GetProperty("logins").EnumerateArray().First(l => l.GetProperty("department").GetString() == "Management");
        var manager = _machine.Sales;
        var session = (await manager.RunAsync($"auth login --email {login.GetProperty("email").GetString()} --password-stdin", seeded.GetProperty("password").GetString() + "\n")).Succeeds();
        session.Stderr.Should().Contain("Your password is temporary");
        (await manager.RunAsync("client list")).Fails(ExitCodes.Forbidden);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _machine.DisposeAsync();
}
