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
            error = texts.Phrase("crmServerAddress.notServerAddressSuch", text);
            return false;
        }

        if (parsed.Scheme == "http" && !IsLoopback(parsed))
        {
            error = texts.Phrase("crmServerAddress.mustUseHttpsPasswords", parsed.GetLeftPart(UriPartial.Authority));
            return false;
        }

        if (!string.IsNullOrEmpty(parsed.Query) || !string.IsNullOrEmpty(parsed.Fragment) || !string.IsNullOrEmpty(parsed.UserInfo))
        {
            error = texts.Phrase("crmServerAddress.mustPlainAddressWithout", text);
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
