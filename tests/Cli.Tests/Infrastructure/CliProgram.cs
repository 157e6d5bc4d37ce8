using System.Reflection;

namespace EpicEvents.Cli.Tests.Infrastructure;

/// <summary>The built <c>epicevents</c> program, for the tests that run it as a separate process.</summary>
public static class CliProgram
{
    public static string Path { get; } =
        typeof(CliProgram).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "CliProgram").Value!;
}
