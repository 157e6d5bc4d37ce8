using EpicEvents.Cli.Tests.Infrastructure;

namespace EpicEvents.Cli.Tests;

/// <summary>The real program as a separate process: arguments, standard input, exit code, plain output when piped.</summary>
public sealed class ProcessTests : IAsyncLifetime
{
    private readonly CliWorld _machine = CliWorld.Empty();

    [Fact]
    public async Task The_program_runs_from_a_pipe_with_a_password_on_standard_input()
    {
        var init = await RunAsync(["db", "init", "--admin-email", "boss@epicevents.test", "--password-stdin"], "Boss-Password-2026\n");
        var login = await RunAsync(["auth", "login", "--email", "boss@epicevents.test", "--password-stdin"], "Boss-Password-2026\n");
        var refused = await RunAsync(["client", "list"], string.Empty);
        var usage = await RunAsync(["client", "frobnicate"], string.Empty);

        init.ExitCode.Should().Be(0, init.Stderr);
        login.ExitCode.Should().Be(0, login.Stderr);
        login.Stdout.Should().NotContain("\u001b[", "colours are off when the output is not a terminal");
        refused.ExitCode.Should().Be(ExitCodes.Forbidden, "the first manager must change the temporary password first");
        usage.ExitCode.Should().Be(ExitCodes.Usage);
        File.GetUnixFileMode(Path.Combine(_machine.Root, "config", "session")).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _machine.DisposeAsync();

    private Task<CliRun> RunAsync(string[] arguments, string stdin) =>
        CliProgram.RunAsync(CliProgram.Path, arguments, new Dictionary<string, string>
        {
            ["HOME"] = _machine.Root,
            ["ConnectionStrings__Crm"] = $"Data Source={_machine.DatabasePath}",
            ["EPICEVENTS_CONFIG_DIR"] = Path.Combine(_machine.Root, "config"),
            ["Auth__PasswordHashIterations"] = "100000",
        }, _machine.Root, stdin);
}
