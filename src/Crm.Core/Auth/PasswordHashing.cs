using EpicEvents.Crm.Collaborators;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace EpicEvents.Crm.Auth;

/// <summary>
/// Salted, slow, versioned password hashes: ASP.NET Core Identity's PBKDF2 format (v3), whose
/// header records the algorithm and iteration count so that old hashes stay verifiable.
/// </summary>
public sealed class PasswordHashing
{
    private readonly PasswordHasher<Collaborator> _hasher;
    private readonly Lazy<string> _decoy;

    public PasswordHashing(AuthOptions options)
    {
        _hasher = new PasswordHasher<Collaborator>(Options.Create(new PasswordHasherOptions
        {
            CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3,
            IterationCount = options.PasswordHashIterations,
        }));
        _decoy = new Lazy<string>(() => Hash(Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24))));
    }

    public string Hash(string password) => _hasher.HashPassword(null!, password);

    public PasswordCheck Verify(string hash, string password) => _hasher.VerifyHashedPassword(null!, hash, password) switch
    {
        PasswordVerificationResult.Success => PasswordCheck.Valid,
        PasswordVerificationResult.SuccessRehashNeeded => PasswordCheck.ValidButRehash,
        _ => PasswordCheck.Wrong,
    };

    /// <summary>Spends the same time as a real check, so an unknown email cannot be told apart by timing.</summary>
    public void VerifyDecoy(string password) => _hasher.VerifyHashedPassword(null!, _decoy.Value, password);
}

public enum PasswordCheck
{
    Wrong,
    Valid,
    ValidButRehash,
}
