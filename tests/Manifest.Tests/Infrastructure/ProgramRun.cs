using System.Diagnostics;

namespace EpicEvents.Manifest.Tests.Infrastructure;

/// <summary>A program run to its end: its exit code and what it printed.</summary>
public sealed record ProgramRun(int ExitCode, string Output, string Errors)
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(10);

    public override string ToString() => $"exit code {ExitCode}\n--- stdout ---\n{Output}\n--- stderr ---\n{Errors}";

    /// <summary>Runs <paramref name="fileName"/>; a null value in <paramref name="environment"/> removes that variable.</summary>
    public static async Task<ProgramRun> RunAsync(
        string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                startInfo.Environment.Remove(key);
            }
            else
            {
                startInfo.Environment[key] = value;
            }
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"{fileName} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', startInfo.ArgumentList)} did not finish within {Limit.TotalMinutes} minutes.");
        }

        return new ProgramRun(process.ExitCode, await output, await errors);
    }
}
