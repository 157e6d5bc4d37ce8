namespace EpicEvents.Cli.Tests.Infrastructure;

/// <summary>
/// A person at a terminal: their own config directory (so their own session file) against the
/// shared database of a <see cref="CliWorld"/>.
/// </summary>
public sealed class CliUser(CliWorld world, string name, string fullName, string email, string configDirectory)
{
    public string Name { get; } = name;

    public string FullName { get; } = fullName;

    public string Email { get; } = email;

    public string ConfigDirectory { get; } = configDirectory;

    public string SessionFile => Path.Combine(ConfigDirectory, "session");

    public int Id { get; internal set; }

    /// <summary>Runs <c>epicevents</c> as this user; <paramref name="commandLine"/> is split like a shell would, honouring double quotes.</summary>
    public Task<CliRun> RunAsync(string commandLine, string? stdin = null, IReadOnlyDictionary<string, string?>? settings = null) =>
        world.RunAsync(ConfigDirectory, CommandLine.Split(commandLine), stdin, settings);

    public Task<CliRun> RunAsync(string[] arguments, string? stdin = null, IReadOnlyDictionary<string, string?>? settings = null) =>
        world.RunAsync(ConfigDirectory, arguments, stdin, settings);

    public Task<CliRun> LoginAsync(string password) => RunAsync($"auth login --email {Email} --password-stdin", password + "\n");

    public override string ToString() => Name;
}

/// <summary>Splits a command line on spaces, keeping double-quoted parts whole.</summary>
public static class CommandLine
{
    public static string[] Split(string commandLine)
    {
        var parts = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        var any = false;
        foreach (var character in commandLine)
        {
            if (character == '"')
            {
                quoted = !quoted;
                any = true;
            }
            else if (character == ' ' && !quoted)
            {
                if (any)
                {
                    parts.Add(current.ToString());
                    current.Clear();
                    any = false;
                }
            }
            else
            {
                current.Append(character);
                any = true;
            }
        }

        if (any)
        {
            parts.Add(current.ToString());
        }

        return [.. parts];
    }
}
