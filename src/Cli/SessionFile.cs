using EpicEvents.Cli.Remote;
using EpicEvents.Crm.Common;

namespace EpicEvents.Cli;

/// <summary>
/// The session kept between commands, in the user's config directory with mode 0600: a session token
/// of the CRM, or — after a Microsoft Entra sign-in — where that sign-in's tokens are to be renewed.
/// </summary>
internal sealed class SessionFile(string path)
{
    public string Path { get; } = path;

    /// <summary>The CRM session token, if the session is one.</summary>
    public string? Read() => Content() is { } token && !token.StartsWith('{') ? token : null;

    /// <summary>The Microsoft Entra sign-in, if the session is one.</summary>
    public EntraSession? ReadEntra()
    {
        if (Content() is not { } text || !text.StartsWith('{'))
        {
            return null;
        }

        try
        {
            return System.Text.Json.JsonSerializer.Deserialize<EntraSession>(text, Output.CliJson.Options);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    public void Save(string token) => PrivateFile.Write(Path, token);

    public void Save(EntraSession session) => PrivateFile.Write(Path, Output.CliJson.Serialize(session));

    private string? Content() => PrivateFile.Read(Path)?.Trim() is { Length: > 0 } text ? text : null;

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
