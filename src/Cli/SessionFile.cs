using EpicEvents.Crm.Common;

namespace EpicEvents.Cli;

/// <summary>The session token kept between commands, in the user's config directory with mode 0600.</summary>
internal sealed class SessionFile(string path)
{
    public string Path { get; } = path;

    public string? Read() => PrivateFile.Read(Path)?.Trim() is { Length: > 0 } token ? token : null;

    public void Save(string token) => PrivateFile.Write(Path, token);

    /// <summary>Forgets the session; true when there was one.</summary>
    public bool Delete()
    {
        if (!File.Exists(Path))
        {
            return false;
        }

        File.Delete(Path);
        return true;
    }
}
