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
    // The v3 format: a marker byte, then the PRF, the iteration count and the salt length (each a
    // big-endian uint32), the salt and the derived key.
    private const byte FormatV3 = 0x01;
    private const uint Sha512 = 2;
    private const int SaltBytes = 16;
    private const int KeyBytes = 32;

    private readonly PasswordHasher<Collaborator> _hasher;

    public PasswordHashing(AuthOptions options)
    {
        _hasher = new PasswordHasher<Collaborator>(Options.Create(new PasswordHasherOptions
        {
            CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3,
            IterationCount = options.PasswordHashIterations,
        }));
        Decoy = DecoyHash(options.PasswordHashIterations);
    }

    /// <summary>
    /// A hash of no password, in the format and at the cost of real ones, made at start-up without
    /// deriving anything (random salt and key): checking it costs what checking a real one does, so
    /// the first unknown email of a process is no slower than a known one.
    /// </summary>
    internal string Decoy { get; }

    public string Hash(string password) => _hasher.HashPassword(null!, password);

    public PasswordCheck Verify(string hash, string password) => _hasher.VerifyHashedPassword(null!, hash, password) switch
    {
        PasswordVerificationResult.Success => PasswordCheck.Valid,
        PasswordVerificationResult.SuccessRehashNeeded => PasswordCheck.ValidButRehash,
        _ => PasswordCheck.Wrong,
    };

    /// <summary>Spends the same time as a real check, so an unknown email cannot be told apart by timing.</summary>
    public void VerifyDecoy(string password) => _hasher.VerifyHashedPassword(null!, Decoy, password);

    private static string DecoyHash(int iterations)
    {
        var bytes = new byte[1 + 12 + SaltBytes + KeyBytes];
        bytes[0] = FormatV3;
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(1), Sha512);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(5), (uint)iterations);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(9), SaltBytes);
        System.Security.Cryptography.RandomNumberGenerator.Fill(bytes.AsSpan(13));
        return Convert.ToBase64String(bytes);
    }
}

public enum PasswordCheck
{
    Wrong,
    Valid,
    ValidButRehash,
}
