using Microsoft.Extensions.Configuration;

namespace EpicEvents.Crm.Configuration;

/// <summary>
/// Reads a <c>.env</c> file: <c>KEY=value</c> lines, <c>#</c> comments, optional <c>export</c>,
/// single or double quotes. <c>__</c> in a key stands for a section separator, as in environment
/// variables (<c>Auth__SigningKey</c> is <c>Auth:SigningKey</c>).
/// </summary>
internal sealed class DotEnvFile(string path) : ConfigurationProvider, IConfigurationSource
{
    public IConfigurationProvider Build(IConfigurationBuilder builder) => this;

    public override void Load()
    {
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (File.Exists(path))
        {
            foreach (var raw in File.ReadLines(path))
            {
                if (Parse(raw) is { } pair)
                {
                    data[pair.Key] = pair.Value;
                }
            }
        }

        Data = data;
    }

    internal static KeyValuePair<string, string?>? Parse(string raw)
    {
        var line = raw.Trim();
        if (line.Length == 0 || line.StartsWith('#'))
        {
            return null;
        }

        if (line.StartsWith("export ", StringComparison.Ordinal))
        {
            line = line["export ".Length..].TrimStart();
        }

        var equals = line.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            return null;
        }

        var key = line[..equals].Trim().Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal);
        var value = line[(equals + 1)..].Trim();
        if (value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0])
        {
            value = value[1..^1];
        }
        else if (value.IndexOf(" #", StringComparison.Ordinal) is var comment and >= 0)
        {
            value = value[..comment].TrimEnd();
        }

        return new KeyValuePair<string, string?>(key, value);
    }
}
