using System.Security.Cryptography;
using System.Text;
using EpicEvents.Crm.Auth;
using EpicEvents.Crm.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace EpicEvents.Crm.Tests.Auth;

/// <summary>The managed HMAC-SHA256 that checks session tokens gives the framework's bytes, and the checks around it refuse what they should.</summary>
public sealed class TokenSignatureCheckTests
{
    [Theory]
    [InlineData("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [InlineData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")]
    public void Sha256_gives_the_standards_digests(string message, string digest)
    {
        Span<byte> output = stackalloc byte[Sha256.Size];
        Sha256.Hash(Encoding.ASCII.GetBytes(message), output);
        Convert.ToHexStringLower(output).Should().Be(digest);
    }

    [Theory]
    [InlineData("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b", "4869205468657265", "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")]
    [InlineData("4a656665", "7768617420646f2079612077616e7420666f72206e6f7468696e673f", "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")]
    public void Hmac_sha256_gives_the_rfc_4231_values(string key, string data, string mac)
    {
        Span<byte> output = stackalloc byte[HmacSha256.Size];
        HmacSha256.Compute(Convert.FromHexString(key), Convert.FromHexString(data), output);
        Convert.ToHexStringLower(output).Should().Be(mac);
    }

    [Fact]
    public void Hmac_sha256_gives_the_frameworks_bytes_for_every_length_of_key_and_message()
    {
        var random = new Random(20261206);
        Span<byte> ours = stackalloc byte[HmacSha256.Size];
        foreach (var keyLength in new[] { 0, 1, 20, 32, 48, 55, 56, 63, 64, 65, 100, 128, 131, 200 })
        {
            for (var messageLength = 0; messageLength <= 300; messageLength++)
            {
                var key = new byte[keyLength];
                var message = new byte[messageLength];
                random.NextBytes(key);
                random.NextBytes(message);

                HmacSha256.Compute(key, message, ours);

                ours.ToArray().Should().Equal(HMACSHA256.HashData(key, message), $"key of {keyLength} bytes, message of {messageLength}");
            }
        }
    }

    [Fact]
    public void Sha256_appended_in_pieces_gives_the_frameworks_digest()
    {
        var random = new Random(7);
        var data = new byte[1000];
        random.NextBytes(data);
        Span<byte> ours = stackalloc byte[Sha256.Size];
        foreach (var piece in new[] { 1, 3, 55, 56, 63, 64, 65, 127, 999 })
        {
            var sha = new Sha256();
            for (var start = 0; start < data.Length; start += piece)
            {
                sha.Append(data.AsSpan(start, Math.Min(piece, data.Length - start)));
            }

            sha.Finish(ours);

            ours.ToArray().Should().Equal(SHA256.HashData(data), $"pieces of {piece} bytes");
        }
    }

    [Fact]
    public async Task A_token_checks_as_it_did_with_the_frameworks_provider_and_a_changed_byte_does_not()
    {
        var key = new SymmetricSecurityKey(TestAuth.Options.SigningKeyBytes());
        var handler = new JsonWebTokenHandler();
        var token = handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "issuer",
            Audience = "audience",
            Expires = DateTime.UtcNow.AddMinutes(5),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });

        (await handler.ValidateTokenAsync(token, Parameters(key, TokenSignatureCheck.Factory))).IsValid.Should().BeTrue();
        (await handler.ValidateTokenAsync(token, Parameters(key, null))).IsValid.Should().BeTrue();

        var signature = Base64UrlEncoder.DecodeBytes(token[(token.LastIndexOf('.') + 1)..]);
        var body = token[..token.LastIndexOf('.')];
        for (var i = 0; i < signature.Length; i++)
        {
            var changed = (byte[])signature.Clone();
            changed[i] ^= 0x01;
            (await handler.ValidateTokenAsync(body + "." + Base64UrlEncoder.Encode(changed), Parameters(key, TokenSignatureCheck.Factory)))
                .IsValid.Should().BeFalse($"byte {i} of the signature changed");
        }

        (await handler.ValidateTokenAsync(body + "." + Base64UrlEncoder.Encode(signature[..16]), Parameters(key, TokenSignatureCheck.Factory)))
            .IsValid.Should().BeFalse("a truncated signature is refused");
        (await handler.ValidateTokenAsync(body + ".", Parameters(key, TokenSignatureCheck.Factory)))
            .IsValid.Should().BeFalse("an unsigned token is refused");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Session_tokens_check_alike_with_either_provider(bool inProcess)
    {
        var tokens = new SessionTokens(TestAuth.Options with { CheckSignaturesInProcess = inProcess }, TimeProvider.System);
        var token = tokens.Issue(7, "stamp").Token;
        var tampered = token[..^2] + (token[^2] == 'A' ? "BA" : "AA");

        (await tokens.CheckAsync(token)).State.Should().Be(TokenState.Valid);
        (await tokens.CheckAsync(tampered)).State.Should().Be(TokenState.Invalid);
    }

    [Fact]
    public void Only_the_command_line_program_asks_for_the_in_process_check() =>
        AuthOptions.FromConfiguration(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Auth:SigningKey"] = TestAuth.Options.SigningKey,
        }).Build()).CheckSignaturesInProcess.Should().BeFalse("the CRM server keeps the platform's cryptography");

    [Fact]
    public async Task Only_hs256_with_a_long_enough_key_is_checked_here()
    {
        var check = new TokenSignatureCheck();
        var key = new SymmetricSecurityKey(TestAuth.Options.SigningKeyBytes());

        check.IsSupportedAlgorithm(SecurityAlgorithms.HmacSha256, key, false).Should().BeTrue();
        check.IsSupportedAlgorithm(SecurityAlgorithms.HmacSha256, key, true).Should().BeFalse("it does not sign");
        check.IsSupportedAlgorithm(SecurityAlgorithms.HmacSha512, key, false).Should().BeFalse();
        check.IsSupportedAlgorithm(SecurityAlgorithms.HmacSha256, new SymmetricSecurityKey(new byte[16]), false).Should().BeFalse();

        var handler = new JsonWebTokenHandler();
        var hs512 = handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "issuer",
            Audience = "audience",
            Expires = DateTime.UtcNow.AddMinutes(5),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(new byte[64]), SecurityAlgorithms.HmacSha512),
        });
        var parameters = Parameters(new SymmetricSecurityKey(new byte[64]), TokenSignatureCheck.Factory);
        parameters.ValidAlgorithms = [SecurityAlgorithms.HmacSha256];
        (await handler.ValidateTokenAsync(hs512, parameters)).IsValid.Should().BeFalse();
    }

    private static TokenValidationParameters Parameters(SecurityKey key, CryptoProviderFactory? factory) => new()
    {
        ValidIssuer = "issuer",
        ValidAudience = "audience",
        IssuerSigningKey = key,
        CryptoProviderFactory = factory,
    };
}
