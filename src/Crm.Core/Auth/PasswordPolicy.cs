using System.Collections.Frozen;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Presentation;

namespace EpicEvents.Crm.Auth;

/// <summary>SPEC §4: at least 10 characters, not the email, not a common password.</summary>
public sealed class PasswordPolicy
{
    private static readonly Lazy<FrozenSet<string>> Common = new(LoadCommonPasswords);

    public Text? Check(string? password, string email)
    {
        if (string.IsNullOrEmpty(password) || password.Length < Limits.PasswordMin)
        {
            return new Text("password.tooShort", Limits.PasswordMin);
        }

        if (password.Length > Limits.PasswordMax)
        {
            return new Text("password.tooLong", Limits.PasswordMax);
        }

        var folded = password.Trim().ToLowerInvariant();
        var normalizedEmail = FieldRules.NormalizeEmail(email);
        var localPart = normalizedEmail.Split('@')[0];
        if (folded == normalizedEmail || folded == localPart)
        {
            return new Text("password.isEmail");
        }

        if (Common.Value.Contains(folded) || folded.Distinct().Count() <= 2)
        {
            return new Text("password.tooCommon");
        }

        return null;
    }

    /// <summary>A random temporary password that satisfies the policy, for Management to hand over.</summary>
    public static string GenerateTemporary()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        var chars = new char[16];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = alphabet[System.Security.Cryptography.RandomNumberGenerator.GetInt32(alphabet.Length)];
        }

        return new string(chars);
    }

    private static FrozenSet<string> LoadCommonPasswords()
    {
        using var stream = typeof(PasswordPolicy).Assembly.GetManifestResourceStream("common-passwords.txt")
            ?? throw new InvalidOperationException("The common-password list is missing from the build.");
        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Trim() is { Length: > 0 } word && !word.StartsWith('#'))
            {
                words.Add(word.ToLowerInvariant());
            }
        }

        return words.ToFrozenSet(StringComparer.Ordinal);
    }
}
