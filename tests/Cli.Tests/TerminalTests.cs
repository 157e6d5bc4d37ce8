using System.Diagnostics;
using System.Text;
using EpicEvents.Cli.Tests.Infrastructure;

namespace EpicEvents.Cli.Tests;

/// <summary>
/// The program on a real terminal, as a person meets it: a pseudo-terminal from util-linux's
/// <c>script</c>, the test typing only once a prompt has appeared.
/// </summary>
public sealed class TerminalTests : IAsyncLifetime
{
    private static readonly TimeSpan PromptTimeout = TimeSpan.FromSeconds(60);
    private CliWorld _world = null!;

    public async Task InitializeAsync() => _world = await CliWorld.CreateAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task Login_on_a_terminal_shows_each_prompt_before_waiting_and_never_echoes_the_password()
    {
        var configDirectory = Path.Combine(_world.Root, "config", "at-a-terminal");
        using var terminal = PseudoTerminal.Start($"dotnet '{CliProgram.Path}' auth login", new Dictionary<string, string>
        {
            ["ConnectionStrings__Crm"] = _world.ConnectionString,
            ["Auth__SigningKey"] = CliWorld.SigningKey,
            ["Auth__PasswordHashIterations"] = "100000",
            ["EPICEVENTS_CONFIG_DIR"] = configDirectory,
            ["LANG"] = "C.UTF-8",
            ["TERM"] = "xterm-256color",
        });

        (await terminal.WaitForAsync("Email:", PromptTimeout)).Should().BeTrue($"the email prompt appears before anything is typed; the screen shows: {terminal.Screen}");
        terminal.Type(_world.Sales.Email);
        (await terminal.WaitForAsync("Password:", PromptTimeout)).Should().BeTrue($"the password prompt appears; the screen shows: {terminal.Screen}");
        terminal.Type(CliWorld.Password);
        (await terminal.WaitForExitAsync(PromptTimeout)).Should().Be(0, terminal.Screen);

        terminal.Screen.Should().Contain("Logged in as Sam Sales").And.Contain(_world.Sales.Email).And.NotContain(CliWorld.Password);
        File.GetUnixFileMode(Path.Combine(configDirectory, "session")).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    /// <summary>A command run on a pseudo-terminal (<c>script</c>), its screen read as it comes.</summary>
    private sealed class PseudoTerminal : IDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _screen = new();
        private readonly Task _reading;

        private PseudoTerminal(Process process)
        {
            _process = process;
            _reading = Task.Run(ReadAsync);
        }

        public string Screen
        {
            get
            {
                lock (_screen)
                {
                    return _screen.ToString();
                }
            }
        }

        public static PseudoTerminal Start(string command, IReadOnlyDictionary<string, string> environment)
        {
            var start = new ProcessStartInfo("script")
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var argument in new[] { "-qfec", command, "/dev/null" })
            {
                start.ArgumentList.Add(argument);
            }

            foreach (var name in new[] { "EPICEVENTS_TOKEN", "EPICEVENTS_SERVER", "EPICEVENTS_LANG", "SENTRY_DSN", "OTEL_EXPORTER_OTLP_ENDPOINT" })
            {
                start.Environment.Remove(name);
            }

            foreach (var (key, value) in environment)
            {
                start.Environment[key] = value;
            }

            return new PseudoTerminal(Process.Start(start)!);
        }

        /// <summary>Types a line as a person does, ending with Enter.</summary>
        public void Type(string line)
        {
            _process.StandardInput.Write(line + "\r");
            _process.StandardInput.Flush();
        }

        public async Task<bool> WaitForAsync(string text, TimeSpan timeout)
        {
            var until = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
            while (!Screen.Contains(text, StringComparison.Ordinal))
            {
                if (Stopwatch.GetTimestamp() > until || _process.HasExited)
                {
                    return Screen.Contains(text, StringComparison.Ordinal);
                }

                await Task.Delay(50);
            }

            return true;
        }

        public async Task<int> WaitForExitAsync(TimeSpan timeout)
        {
            using var cancel = new CancellationTokenSource(timeout);
            await _process.WaitForExitAsync(cancel.Token);
            await _reading;
            return _process.ExitCode;
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            _process.Dispose();
        }

        private async Task ReadAsync()
        {
            var buffer = new char[4096];
            int read;
            while ((read = await _process.StandardOutput.ReadAsync(buffer)) > 0)
            {
                lock (_screen)
                {
                    _screen.Append(buffer, 0, read);
                }
            }
        }
    }
}
