using System.Net;
using EpicEvents.Cli.Output;

namespace EpicEvents.Cli.Remote;

/// <summary>
/// The address of a CRM server (<c>--server</c> or <c>EPICEVENTS_SERVER</c>): <c>https</c>, or plain
/// <c>http</c> on this machine only, since the password and the session token cross the network.
/// </summary>
internal static class CrmServerAddress
{
    public static bool TryParse(string? text, out Uri address, out string error) => TryParse(text, Texts.For("en"), out address, out error);

    public static bool TryParse(string? text, Texts texts, out Uri address, out string error)
    {
        address = null!;
        error = string.Empty;
        if (!Uri.TryCreate(text?.Trim(), UriKind.Absolute, out var parsed) || parsed.Scheme is not ("https" or "http") || parsed.Host.Length == 0)
        {
            error = texts.Say($"\"{text}\" is not a server address such as https://crm.example.com.", $"« {text} » n'est pas une adresse de serveur comme https://crm.example.com.");
            return false;
        }

        if (parsed.Scheme == "http" && !IsLoopback(parsed))
        {
            error = texts.Say(
                $"{parsed.GetLeftPart(UriPartial.Authority)} must use https: passwords and session tokens never cross a network in clear text (http is accepted on this machine only).",
                $"{parsed.GetLeftPart(UriPartial.Authority)} doit être en https : mots de passe et jetons de session ne traversent jamais un réseau en clair (http n'est accepté que sur cette machine).");
            return false;
        }

        if (!string.IsNullOrEmpty(parsed.Query) || !string.IsNullOrEmpty(parsed.Fragment) || !string.IsNullOrEmpty(parsed.UserInfo))
        {
            error = texts.Say($"\"{text}\" must be a plain address, without user, query or fragment.", $"« {text} » doit être une adresse simple, sans utilisateur, requête ni fragment.");
            return false;
        }

        address = new Uri(parsed.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/");
        return true;
    }

    /// <summary>How the address is shown to people: without the trailing slash.</summary>
    public static string Display(Uri address) => address.ToString().TrimEnd('/');

    private static bool IsLoopback(Uri address) =>
        address.IsLoopback || (IPAddress.TryParse(address.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
