using EpicEvents.Crm.Common;
using Microsoft.Extensions.Configuration;

namespace EpicEvents.Crm.Auth;

/// <summary>
/// Sessions and passwords. The signing key comes from <c>Auth:SigningKey</c> or
/// <c>EPICEVENTS_SIGNING_KEY</c>; in Development one is generated once and kept in the user's
/// config directory (0600); elsewhere a missing key stops the program when a token is needed.
/// </summary>
public sealed record AuthOptions
{
    public const int MinimumKeyBytes = 32;

    public string? SigningKey { get; init; }

    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromHours(8);

    public string Issuer { get; init; } = "epicevents";

    public string Audience { get; init; } = "epicevents";

    /// <summary>PBKDF2 iterations of new hashes; existing hashes keep theirs until the next login re-hashes them.</summary>
    public int PasswordHashIterations { get; init; } = 210_000;

    public int MaxFailedLogins { get; init; } = 5;

    public TimeSpan FailedLoginWindow { get; init; } = TimeSpan.FromMinutes(15);

    public TimeSpan Lockout { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Session tokens' signatures are checked in managed code (<see cref="TokenSignatureCheck"/>) rather
    /// than through the platform's cryptography: the command-line program, which checks one token per
    /// run and would load OpenSSL only for it (ADR 24). The CRM server keeps the platform's.
    /// </summary>
    public bool CheckSignaturesInProcess { get; init; }

    public static string ConfigDirectory =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData, Environment.SpecialFolderOption.Create), "epicevents");

    public static string DevelopmentKeyPath => Path.Combine(ConfigDirectory, "signing-key");

    public static AuthOptions FromConfiguration(IConfiguration configuration)
    {
        var environment = configuration["DOTNET_ENVIRONMENT"] ?? configuration["ASPNETCORE_ENVIRONMENT"] ?? configuration["Environment"] ?? "Production";
        var key = FirstNonBlank(configuration["Auth:SigningKey"], configuration["EPICEVENTS_SIGNING_KEY"]);
        if (key is null && environment.Equals("Development", StringComparison.OrdinalIgnoreCase))
        {
            key = LoadOrCreateDevelopmentKey(DevelopmentKeyPath);
        }

        var options = new AuthOptions { SigningKey = key };
        if (TimeSpan.TryParse(configuration["Auth:TokenLifetime"], System.Globalization.CultureInfo.InvariantCulture, out var lifetime) && lifetime > TimeSpan.Zero)
        {
            options = options with { TokenLifetime = lifetime };
        }

        if (int.TryParse(configuration["Auth:PasswordHashIterations"], out var iterations) && iterations >= 100_000)
        {
            options = options with { PasswordHashIterations = iterations };
        }

        return options;
    }

    /// <summary>The key bytes, or a clear refusal when the key is missing or too short.</summary>
    public byte[] SigningKeyBytes()
    {
        if (string.IsNullOrWhiteSpace(SigningKey))
        {
            throw new SigningKeyMissingException(
                "No signing key is configured. Set Auth:SigningKey or EPICEVENTS_SIGNING_KEY (at least 32 random bytes, e.g. `openssl rand -base64 48`).");
        }

        var buffer = new byte[SigningKey.Length];
        var bytes = Convert.TryFromBase64String(SigningKey, buffer, out var written)
            ? buffer[..written]
            : System.Text.Encoding.UTF8.GetBytes(SigningKey);
        return bytes.Length >= MinimumKeyBytes
            ? bytes
            : throw new SigningKeyMissingException($"The signing key is too short: it needs at least {MinimumKeyBytes} bytes.");
    }

    /// <summary>
    /// These options, with a key generated once into <paramref name="keyPath"/> (mode 0600) when none
    /// is configured: for a single-user installation on the embedded SQLite file.
    /// </summary>
    public AuthOptions WithLocalKeyIfMissing(string keyPath) =>
        string.IsNullOrWhiteSpace(SigningKey) ? this with { SigningKey = LoadOrCreateDevelopmentKey(keyPath) } : this;

    internal static string LoadOrCreateDevelopmentKey(string path)
    {
        if (PrivateFile.Read(path)?.Trim() is { Length: > 0 } existing)
        {
            return existing;
        }

        var key = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48));
        PrivateFile.Write(path, key);
        return key;
    }

    private static string? FirstNonBlank(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
}

/// <summary>The program cannot issue or check sessions without a signing key.</summary>
public sealed class SigningKeyMissingException(string message) : Exception(message);
