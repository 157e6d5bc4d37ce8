using System.Diagnostics;
using EpicEvents.Cli.Tests.Infrastructure;
using EpicEvents.Tests.Loopback;
using EpicEvents.Tests.Telemetry;

namespace EpicEvents.Cli.Tests;

/// <summary>
/// Tests that read what a command exports. Span listeners and samplers see the whole process, so
/// these run alone: the database spans of commands running beside them would be exported too, and
/// would spend the command's traces a second.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ExportsEverything
{
    public const string Name = "Reads every exported span";
}

/// <summary>
/// The command line's traces and logs, exported to a loopback OTLP/HTTP receiver standing in for
/// Sentry (or any collector) and read back as raw request bytes.
/// </summary>
[Collection(ExportsEverything.Name)]
public sealed class TelemetryTests : CliTest, IDisposable
{
    private const string PublicKey = "clipublickey42";
    private readonly OtlpReceiver _receiver = new();

    private Dictionary<string, string?> Sentry => new()
    {
        ["Sentry:Dsn"] = $"http://{PublicKey}@127.0.0.1:{_receiver.Port}/42",
        ["Sentry:Environment"] = "cli-test-environment",
        // A loaded test machine can need more than the 2 s a user waits at most.
        ["Telemetry:FlushTimeout"] = "00:00:20",
    };

    [Fact]
    public async Task A_signed_contract_reaches_the_sentry_otlp_endpoints_derived_from_the_dsn_with_the_key_header()
    {
        var id = await ContractOfAsync(Sales);

        (await Manager.RunAsync($"contract sign {id}", settings: Sentry)).Succeeds();

        // The command flushed before returning: everything is there already.
        var traces = _receiver.To("/v1/traces").ToList();
        var logs = _receiver.To("/v1/logs").ToList();
        traces.Should().NotBeEmpty().And.OnlyContain(r => r.Path == "/api/42/integration/otlp/v1/traces");
        logs.Should().NotBeEmpty().And.OnlyContain(r => r.Path == "/api/42/integration/otlp/v1/logs");
        _receiver.Requests.Should().OnlyContain(r =>
            r.Method == "POST"
            && r.Headers["x-sentry-auth"] == $"sentry sentry_key={PublicKey}"
            && r.Headers["Content-Type"] == "application/x-protobuf");
        traces.Should().Contain(r => r.Contains("epicevents contract sign") && r.Contains("epicevents-cli") && r.Contains("cli-test-environment"));
        traces.Should().Contain(r => r.Contains("UPDATE") && r.Contains("sqlite"));
        logs.Should().Contain(r => r.Contains("ContractSigned") && r.Contains($"Contract {id} signed by {Manager.Id}"));
        _receiver.Sentry.Items.Should().BeEmpty("a command that worked is no error: " + string.Join(" | ", _receiver.Sentry.Items.Select(i => i.Type + " " + i.Payload)));
    }

    [Theory]
    [InlineData("sign")]
    [InlineData("update")]
    [InlineData("approve")]
    public async Task Contract_signed_is_exported_exactly_once_whichever_command_signs(string path)
    {
        var id = await ContractOfAsync(Sales);
        var command = path switch
        {
            "sign" => $"contract sign {id}",
            "update" => $"contract update {id} --signed true",
            _ => $"contract approve {id}",
        };
        if (path == "approve")
        {
            (await Sales.RunAsync($"contract update {id} --signed true", settings: Sentry)).Succeeds();
        }

        var run = (await Manager.RunAsync(command, settings: Sentry)).Succeeds();

        _receiver.CountIn("/v1/logs", $"Contract {id} signed by {Manager.Id}").Should().Be(1, Describe() + " stderr: " + run.Stderr);
    }

    [Fact]
    public async Task A_planted_email_phone_password_and_token_never_leave_the_process()
    {
        const string email = "planted.person@example.org";
        const string password = "Planted-Password-31";
        const string token = "planted.session.token.value";
        (await Sales.RunAsync(["client", "create", "--name", "Planted Person", "--email", email, "--phone", "+33 7 99 88 77 66", "--company", "Planted SA"], settings: Sentry)).Succeeds();
        (await World.Stranger.RunAsync($"auth login --email {email} --password-stdin", password + "\n", Sentry)).Fails(ExitCodes.NotLoggedIn);
        (await Support.RunAsync($"auth login --email {Support.Email} --password-stdin", password + "\n", Sentry)).Fails(ExitCodes.NotLoggedIn);
        var withToken = new Dictionary<string, string?>(Sentry) { ["EPICEVENTS_TOKEN"] = token };
        (await Sales.RunAsync("client list", settings: withToken)).Fails(ExitCodes.NotLoggedIn);
        (await Support.RunAsync("contract sign 1", settings: Sentry)).Fails(ExitCodes.Forbidden);

        _receiver.AnyContains("LoginFailed").Should().BeTrue();
        _receiver.AnyContains("InvalidSessionToken").Should().BeTrue();
        _receiver.AnyContains("PermissionRefused").Should().BeTrue();
        foreach (var secret in new[] { email, "planted.person", password, token, "99 88 77 66", Support.Email, Sales.Email, "Planted Person" })
        {
            _receiver.AnyContains(secret).Should().BeFalse($"\"{secret}\" must not be exported");
        }
    }

    [Fact]
    public async Task Without_a_dsn_or_an_endpoint_nothing_is_sent_and_commands_work_as_before()
    {
        var id = await ContractOfAsync(Sales);

        (await Manager.RunAsync($"contract sign {id}")).Succeeds().Stderr.Should().BeEmpty();
        (await Manager.RunAsync("contract list --json")).Succeeds();

        await Task.Delay(1500);
        _receiver.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task Any_otlp_collector_gets_the_standard_paths_and_the_configured_headers()
    {
        var settings = new Dictionary<string, string?> { ["Otlp:Endpoint"] = _receiver.BaseUrl, ["Otlp:Headers"] = "x-team=crm", ["Telemetry:FlushTimeout"] = "00:00:20" };

        (await Manager.RunAsync("collaborator list", settings: settings)).Succeeds();

        _receiver.Requests.Select(r => r.Path).Distinct().Should().Contain("/v1/traces");
        _receiver.Requests.Should().OnlyContain(r => r.Headers["x-team"] == "crm" && !r.Headers.ContainsKey("x-sentry-auth"));
        _receiver.AnyContains("epicevents collaborator list").Should().BeTrue();
    }

    [Fact]
    public async Task An_invalid_dsn_is_a_warning_and_the_command_still_succeeds()
    {
        var run = (await Manager.RunAsync("contract list", settings: new Dictionary<string, string?> { ["Sentry:Dsn"] = $"http://127.0.0.1:{_receiver.Port}/42" })).Succeeds();

        run.Stderr.Should().Contain("warning").And.Contain("no public key");
        _receiver.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task A_dead_endpoint_neither_fails_a_command_nor_holds_it_beyond_the_flush_budget()
    {
        using var dead = new DeadEndpoint();

        var clock = Stopwatch.StartNew();
        (await Manager.RunAsync("contract list", settings: new Dictionary<string, string?> { ["Sentry:Dsn"] = $"http://key@127.0.0.1:{dead.Port}/42" })).Succeeds();

        clock.Elapsed.Should().BeLessThan(CliTelemetry.FlushBudget + TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_fault_in_a_command_reaches_sentry_once_as_an_error_event_with_its_stack_release_user_and_trace()
    {
        const string planted = "Zorglub Planted";
        (await Sales.RunAsync(["client", "create", "--name", planted, "--email", "zorglub.planted@example.org", "--phone", "+33 7 99 88 77 66", "--company", "Planted SA"])).Succeeds();
        await MoveTableAsync("clients");

        var run = await Manager.RunAsync(["client", "list", "--search", planted], settings: Sentry);

        run.ExitCode.Should().Be(ExitCodes.Unexpected);
        var fault = _receiver.Sentry.Events.Should().ContainSingle("one fault, one event: " + string.Join(" | ", _receiver.Sentry.Items.Select(i => i.Type + " " + i.Value("logger") + " " + i.Value("message.formatted")))).Subject;
        var exception = fault.Json.GetProperty("exception").GetProperty("values").EnumerateArray().Last();
        exception.GetProperty("type").GetString().Should().Contain("SqliteException", "the database's own error is what is reported");
        exception.GetProperty("stacktrace").GetProperty("frames").GetArrayLength().Should().BePositive();
        fault.Value("release").Should().Be(Crm.Telemetry.SentryReporting.Release);
        fault.Value("environment").Should().Be("cli-test-environment");
        fault.Value("user.id").Should().Be(Manager.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        fault.Value("transaction").Should().Be("epicevents client list");
        fault.Json.GetProperty("tags").GetProperty("crm.command").GetString().Should().Be("epicevents client list");
        var traceId = fault.Value("contexts.trace.trace_id");
        traceId.Should().MatchRegex("^[0-9a-f]{32}$");
        _receiver.To("/v1/traces").Should().Contain(r => r.Contains(Convert.FromHexString(traceId!)), "the event names the trace of the command's span");
        _receiver.To("/v1/logs").Should().NotContain(r => r.Contains("CommandFault"), "an error reaches Sentry once, as an event, not also as a log record");
        foreach (var secret in new[] { planted, "zorglub.planted", "99 88 77 66", Manager.Email, Sales.Email, "Planted SA" })
        {
            fault.Payload.Should().NotContain(secret);
        }
    }

    [Fact]
    public async Task A_refusal_and_an_invalid_input_are_not_errors_and_send_nothing_to_sentry()
    {
        var id = await ContractOfAsync(Sales);

        (await Support.RunAsync($"contract sign {id}", settings: Sentry)).Fails(ExitCodes.Forbidden);
        (await Sales.RunAsync(["client", "create", "--name", "Ann Valid", "--email", "not-an-email", "--phone", "+33 6 12 34 56 78", "--company", "Valid SA"], settings: Sentry)).Fails(ExitCodes.Invalid);
        (await Sales.RunAsync("client show 987654", settings: Sentry)).Fails(ExitCodes.NotFound);

        _receiver.Sentry.Events.Should().BeEmpty();
        _receiver.To("/v1/logs").Should().Contain(r => r.Contains("PermissionRefused"), "the refusal is still logged, as a warning");
    }

    [Fact]
    public async Task An_unreachable_sentry_changes_neither_the_output_nor_the_exit_code_of_a_failing_command()
    {
        await MoveTableAsync("clients");
        using var dead = new DeadEndpoint();

        var quiet = await Manager.RunAsync("client list");
        var reporting = await Manager.RunAsync("client list", settings: new Dictionary<string, string?> { ["Sentry:Dsn"] = $"http://key@127.0.0.1:{dead.Port}/42" });

        quiet.ExitCode.Should().Be(ExitCodes.Unexpected);
        reporting.ExitCode.Should().Be(quiet.ExitCode);
        reporting.Stdout.Should().Be(quiet.Stdout);
        reporting.Stderr.Should().Be(quiet.Stderr);
    }

    [Fact]
    public async Task Failed_logins_and_the_lockout_they_cause_are_exported_as_metrics_when_the_command_ends()
    {
        var settings = new Dictionary<string, string?> { ["Otlp:Endpoint"] = _receiver.BaseUrl, ["Telemetry:FlushTimeout"] = "00:00:20" };

        for (var attempt = 0; attempt < 5; attempt++)
        {
            (await Support.RunAsync($"auth login --email {Support.Email} --password-stdin", "Not-The-Password-1\n", settings)).Fails(ExitCodes.NotLoggedIn);
        }

        var metrics = _receiver.To("/v1/metrics").ToList();
        metrics.Should().HaveCount(5, "each command exports its metrics as it ends");
        metrics.Should().OnlyContain(r => r.Contains("epicevents.auth.failed_logins") && r.Contains("{attempt}") && r.Contains("crm.change.source") && r.Contains("Cli") && r.Contains("wrong_password"));
        metrics.Where(r => r.Contains("epicevents.auth.lockouts")).Should().ContainSingle("the fifth wrong password locks the account, once")
            .Which.Contains("{lockout}").Should().BeTrue();
        metrics.Should().NotContain(r => r.Contains(Support.Email), "metrics never name people");
    }

    /// <summary>The database changes under the CLI: a table it reads is no longer where it was.</summary>
    private async Task MoveTableAsync(string table)
    {
        await using System.Data.Common.DbConnection connection = World.ConnectionString.StartsWith("Data Source=", StringComparison.Ordinal)
            ? new Microsoft.Data.Sqlite.SqliteConnection(World.ConnectionString)
            : new Npgsql.NpgsqlConnection(World.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"ALTER TABLE {table} RENAME TO {table}_moved";
        await command.ExecuteNonQueryAsync();
    }

    public void Dispose() => _receiver.Dispose();

    /// <summary>What the receiver got, for a failure message.</summary>
    private string Describe() => "received: " + string.Join("; ", _receiver.Requests.Select(r =>
        $"{r.Path} {r.Body.Length} B{(r.Contains("ContractSigned") ? " ContractSigned" : string.Empty)}{(r.Contains("epicevents contract") ? " command-span" : string.Empty)}"))
        + " errors: " + string.Join("; ", _receiver.Errors);
}
