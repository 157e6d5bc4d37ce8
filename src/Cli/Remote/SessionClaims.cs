using System.Text;
using System.Text.Json;

namespace EpicEvents.Cli.Remote;

/// <summary>
/// What a session token says of itself, read without checking its signature (only the server can):
/// for the CLI's own telemetry and display, never for a decision.
/// </summary>
internal readonly record struct SessionClaims(int CollaboratorId, DateTime ExpiresAt)
{
    public static SessionClaims Read(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return default;
        }

        try
        {
            var payload = parts[1].Replace('-', '+').Replace('_', '/');
            payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
            using var json = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload)));
            var root = json.RootElement;
            var id = root.TryGetProperty("sub", out var sub) && int.TryParse(sub.GetString(), System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
            var expires = root.TryGetProperty("exp", out var exp) && exp.TryGetInt64(out var seconds)
                ? DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime
                : default;
            return new SessionClaims(id, expires);
        }
        catch (Exception exception) when (exception is FormatException or JsonException or InvalidOperationException or ArgumentException)
        {
            return default;
        }
    }
}
