using System.Text.Json;

namespace EpicEvents.Cli.Tests.Infrastructure;

/// <summary>What one command printed and returned.</summary>
public sealed record CliRun(string[] Arguments, int ExitCode, string Stdout, string Stderr)
{
    public JsonElement Json => JsonDocument.Parse(Stdout).RootElement;

    public JsonElement ErrorJson => JsonDocument.Parse(Stderr).RootElement.GetProperty("error");

    /// <summary>The id of the record a <c>--json</c> command printed.</summary>
    public int Id => Json.GetProperty("id").GetInt32();

    public CliRun Succeeds()
    {
        ExitCode.Should().Be(ExitCodes.Ok, "`{0}` should succeed; stderr: {1}", string.Join(' ', Arguments), Stderr);
        return this;
    }

    public CliRun Fails(int exitCode)
    {
        ExitCode.Should().Be(exitCode, "`{0}` should exit {1}; stdout: {2} stderr: {3}", string.Join(' ', Arguments), exitCode, Stdout, Stderr);
        return this;
    }

    public override string ToString() => $"epicevents {string.Join(' ', Arguments)} → {ExitCode}\n{Stdout}\n{Stderr}";
}
