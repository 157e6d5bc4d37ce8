using System.Text;
using System.Text.Json;
using EpicEvents.Cli.Tests.Infrastructure;
using EpicEvents.Crm.Auth;

namespace EpicEvents.Cli.Tests;

public sealed class SessionTestsLocally : SessionTests;

public sealed class SessionTestsThroughTheServer : SessionTests
{
    protected override CliMode Mode => CliMode.Server;
}

public sealed class SessionTestsThroughTheServerOnPostgres : SessionTests
{
    protected override CliMode Mode => CliMode.ServerOnPostgres;
}

public abstract class SessionTests : CliTest
{
    [Fact]
    public async Task Login_keeps_the_session_in_a_file_only_its_owner_can_read()
    {
        File.Delete(Sales.SessionFile);

        var run = (await Sales.LoginAsync(CliWorld.Password)).Succeeds();

        run.Stdout.Should().Contain("Logged in as Sam Sales (Sales)");
        File.GetUnixFileMode(Sales.SessionFile).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        (await Sales.RunAsync("client list")).Succeeds();
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_email_get_the_same_answer_and_no_session()
    {
        File.Delete(Sales.SessionFile);

        var wrongPassword = (await Sales.LoginAsync("Not-The-Password-1")).Fails(ExitCodes.NotLoggedIn);
        var unknownEmail = (await Sales.RunAsync("auth login --email ghost@epicevents.test --password-stdin", "Not-The-Password-1\n")).Fails(ExitCodes.NotLoggedIn);

        wrongPassword.Stderr.Should().Be(unknownEmail.Stderr).And.Contain("The email or the password is wrong");
        File.Exists(Sales.SessionFile).Should().BeFalse();
    }

    [Fact]
    public async Task Whoami_and_status_say_who_is_logged_in_and_until_when()
    {
        var whoami = (await Support.RunAsync("auth whoami --json")).Succeeds().Json;
        var status = (await Support.RunAsync("auth status")).Succeeds();

        whoami.GetProperty("fullName").GetString().Should().Be("Sue Support");
        whoami.GetProperty("department").GetString().Should().Be("Support");
        whoami.GetProperty("expiresAt").GetDateTime().Should().BeAfter(DateTime.UtcNow.AddHours(7));
        status.Stdout.Should().Contain("Sue Support").And.Contain("Support");
    }

    [Fact]
    public async Task Logout_twice_is_harmless_and_ends_the_session()
    {
        (await Sales.RunAsync("auth logout")).Succeeds().Stdout.Should().Contain("Logged out.");
        (await Sales.RunAsync("auth logout")).Succeeds().Stdout.Should().Contain("not logged in");

        File.Exists(Sales.SessionFile).Should().BeFalse();
        (await Sales.RunAsync("client list")).Fails(ExitCodes.NotLoggedIn).Stderr.Should().Contain("auth login");
    }

    [Fact]
    public async Task Logout_everywhere_ends_the_sessions_on_other_machines()
    {
        var otherMachine = await File.ReadAllTextAsync(Sales.SessionFile);

        (await Sales.RunAsync("auth logout --everywhere")).Succeeds();

        var elsewhere = (await Sales.RunAsync("client list", settings: new Dictionary<string, string?> { ["EPICEVENTS_TOKEN"] = otherMachine }))
            .Fails(ExitCodes.NotLoggedIn);
        elsewhere.Stderr.Should().Contain("revoked");
    }

    [Fact]
    public async Task The_token_can_come_from_the_environment()
    {
        var token = await File.ReadAllTextAsync(Support.SessionFile);

        var run = (await World.Stranger.RunAsync("auth whoami --json", settings: new Dictionary<string, string?> { ["EPICEVENTS_TOKEN"] = token })).Succeeds();

        run.Json.GetProperty("fullName").GetString().Should().Be("Sue Support");
    }

    [Fact]
    public async Task A_tampered_token_is_refused_with_a_clear_message()
    {
        var token = await File.ReadAllTextAsync(Sales.SessionFile);
        var parts = token.Split('.');
        var payload = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Base64UrlDecode(parts[1]))!;
        var forged = new Dictionary<string, object>(payload.ToDictionary(p => p.Key, p => (object)p.Value)) { ["sub"] = Manager.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        var tampered = $"{parts[0]}.{Base64UrlEncode(JsonSerializer.SerializeToUtf8Bytes(forged))}.{parts[2]}";
        await File.WriteAllTextAsync(Sales.SessionFile, tampered);

        var run = (await Sales.RunAsync("collaborator create --name Mallory --email m@x.io --role gestion")).Fails(ExitCodes.NotLoggedIn);

        run.Stderr.Should().Contain("not valid").And.Contain("auth login");
        (await Manager.RunAsync("collaborator list --json")).Succeeds().Stdout.Should().NotContain("Mallory");
    }

    [Fact]
    public async Task An_expired_token_is_refused_with_a_clear_message()
    {
        var token = await File.ReadAllTextAsync(Sales.SessionFile);
        var claims = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Base64UrlDecode(token.Split('.')[1]))!;
        var stamp = claims["stamp"].GetString()!;
        var options = new AuthOptions { SigningKey = CliWorld.SigningKey };
        var nineHoursAgo = new FixedClock(DateTimeOffset.UtcNow.AddHours(-9));
        var expired = new SessionTokens(options, nineHoursAgo).Issue(Sales.Id, stamp).Token;
        await File.WriteAllTextAsync(Sales.SessionFile, expired);

        var run = (await Sales.RunAsync("client list")).Fails(ExitCodes.NotLoggedIn);

        run.Stderr.Should().Contain("expired");
    }

    [Fact]
    public async Task A_role_change_applies_at_the_next_command_without_waiting_for_the_session_to_end()
    {
        (await Sales.RunAsync("client list")).Succeeds();

        (await Manager.RunAsync($"collaborator update {Sales2.Id} --role support")).Succeeds();

        (await Sales2.RunAsync("client list")).Fails(ExitCodes.NotLoggedIn).Stderr.Should().Contain("revoked");
        (await Sales2.LoginAsync(CliWorld.Password)).Succeeds().Stdout.Should().Contain("(Support)");
        (await Sales2.RunAsync("client create --name Kim --email kim@x.io --phone 0102030405 --company Kim")).Fails(ExitCodes.Forbidden);
    }

    [Fact]
    public async Task A_deactivated_collaborator_is_refused_at_once()
    {
        (await Manager.RunAsync($"collaborator deactivate {Support2.Id}")).Succeeds();

        (await Support2.RunAsync("event list")).Fails(ExitCodes.NotLoggedIn);
        (await Support2.LoginAsync(CliWorld.Password)).Fails(ExitCodes.NotLoggedIn);
    }

    [Fact]
    public async Task A_new_collaborator_must_change_the_temporary_password_before_anything_else()
    {
        var created = (await Manager.RunAsync("collaborator create --name \"Nina New\" --email nina@epicevents.test --role commercial --json")).Succeeds().Json;
        var temporary = created.GetProperty("temporaryPassword").GetString()!;
        var nina = World.Stranger;

        var login = (await nina.RunAsync("auth login --email nina@epicevents.test --password-stdin", temporary + "\n")).Succeeds();
        login.Stderr.Should().Contain("password change");
        (await nina.RunAsync("client list")).Fails(ExitCodes.Forbidden).Stderr.Should().Contain("temporary password");

        (await nina.RunAsync("password change --password-stdin", $"{temporary}\nNina-Strong-Password-1\nNina-Strong-Password-2\n")).Fails(ExitCodes.Invalid);
        (await nina.RunAsync("password change --password-stdin", $"{temporary}\nnina@epicevents.test\n")).Fails(ExitCodes.Invalid);
        (await nina.RunAsync("password change --password-stdin", $"{temporary}\nNina-Strong-Password-1\nNina-Strong-Password-1\n")).Succeeds();
        (await nina.RunAsync("client list")).Succeeds();
    }

    [Fact]
    public async Task Without_a_terminal_a_password_must_come_from_standard_input()
    {
        var run = (await Sales.RunAsync($"auth login --email {Sales.Email}")).Fails(ExitCodes.Usage);

        run.Stderr.Should().Contain("--password-stdin");
    }

    private static byte[] Base64UrlDecode(string text) =>
        Convert.FromBase64String(text.Replace('-', '+').Replace('_', '/').PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '='));

    private static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
