using EpicEvents.Crm.Auth;

namespace EpicEvents.Crm.Tests.Infrastructure;

public static class TestAuth
{
    /// <summary>Fewer PBKDF2 iterations than production: the algorithm is the same, the tests faster.</summary>
    public static readonly AuthOptions Options = new()
    {
        SigningKey = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("test-signing-key-that-is-long-enough-for-hmac-sha256")),
        PasswordHashIterations = 1_000,
    };
}
