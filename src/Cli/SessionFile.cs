using EpicEvents.Cli.Remote;
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

/// <summary>
/// The CRM server this machine logged in to (<c>auth login --server</c>), kept beside the session in
/// the config directory: the address only, no secret. Without one, the CLI works on the local database.
/// </summary>
internal sealed class ServerFile(string path)
{
    public Uri? Read() => File.Exists(path) && CrmServerAddress.TryParse(File.ReadAllText(path), out var address, out _) ? address : null;

    public void Save(Uri server) => PrivateFile.Write(path, CrmServerAddress.Display(server));

    public bool Delete()
    {
        if (!File.Exists(path))
        {
            return false;
        }

        File.Delete(path);
        return true;
    }
}
