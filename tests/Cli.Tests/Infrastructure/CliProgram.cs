using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;

namespace EpicEvents.Cli.Tests.Infrastructure;

/// <summary>The built <c>epicevents</c> program, for the tests that run it as a separate process.</summary>
public static class CliProgram
{
    public static string Path { get; } = Built("CliProgram");

    /// <summary>The CRM server (<c>src/Bot</c>) as built.</summary>
    public static string ServerPath { get; } = Built("ServerProgram");

    /// <summary>Runs a program with <c>dotnet</c>: only the environment given, standard input written then closed.</summary>
    public static async Task<CliRun> RunAsync(string program, string[] arguments, IReadOnlyDictionary<string, string> environment, string workingDirectory, string stdin = "")
    {
        var start = Start(program, arguments, environment, workingDirectory);
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new CliRun(arguments, process.ExitCode, await stdout, await stderr);
    }

    /// <summary>The start of a process whose environment holds only what is given, plus what dotnet needs to run.</summary>
    public static ProcessStartInfo Start(string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, string workingDirectory)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(program);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var path = start.Environment["PATH"];
        var dotnetRoot = start.Environment.TryGetValue("DOTNET_ROOT", out var root) ? root : null;
        start.Environment.Clear();
        start.Environment["PATH"] = path;
        if (dotnetRoot is not null)
        {
            start.Environment["DOTNET_ROOT"] = dotnetRoot;
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["LANG"] = "C.UTF-8";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return start;
    }

    private static string Built(string key) =>
        typeof(CliProgram).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}

/// <summary>The CRM server as a process of its own, on a loopback port the system chose.</summary>
public sealed partial class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly System.Text.StringBuilder _log = new();

    private ServerProcess(Process process) => _process = process;

    public Uri Address { get; private set; } = null!;

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public static async Task<ServerProcess> StartAsync(IReadOnlyDictionary<string, string> environment, string workingDirectory)
    {
        var start = CliProgram.Start(CliProgram.ServerPath, ["--urls", "http://127.0.0.1:0"], environment, workingDirectory);
        var server = new ServerProcess(Process.Start(start)!);
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        server._process.OutputDataReceived += (_, line) => server.Read(line.Data, listening);
        server._process.ErrorDataReceived += (_, line) => server.Read(line.Data, listening);
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        server._process.StandardInput.Close();
        var exited = server._process.WaitForExitAsync();
        var first = await Task.WhenAny(listening.Task, exited, Task.Delay(TimeSpan.FromSeconds(60)));
        if (first != listening.Task)
        {
            await server.DisposeAsync();
            throw new InvalidOperationException($"The server did not start:\n{server.Log}");
        }

        server.Address = await listening.Task;
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Read(string? line, TaskCompletionSource<Uri> listening)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }

        if (ListeningOn().Match(line) is { Success: true } match)
        {
            listening.TrySetResult(new Uri(match.Groups[1].Value + "/"));
        }
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningOn();
}
