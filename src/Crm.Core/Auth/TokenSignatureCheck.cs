using System.Buffers.Binary;
using Microsoft.IdentityModel.Tokens;

namespace EpicEvents.Crm.Auth;

/// <summary>
/// Checks the HMAC-SHA256 signature of a session token in managed code (SHA-256 as FIPS 180-4,
/// HMAC as RFC 2104), so that checking a token does not load OpenSSL into the process: in a
/// command-line listing that was about 5 MB of its peak memory for one 32-byte MAC (ADR 24). Plugged into
/// <see cref="Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler"/> as its crypto provider,
/// so every other check of the handler (algorithm, issuer, audience, lifetime) runs as before; only
/// HS256 with a key of at least <see cref="AuthOptions.MinimumKeyBytes"/> bytes is accepted, and the
/// MAC is compared in constant time, in full. Issuing a token still signs with the framework's HMAC;
/// <c>TokenSignatureCheckTests</c> compares this one with it.
/// </summary>
internal sealed class TokenSignatureCheck : ICryptoProvider
{
    /// <summary>The factory that token validation uses: this provider, and no cache (its key would be a SHA-256 of the key, through OpenSSL).</summary>
    public static CryptoProviderFactory Factory { get; } = new() { CustomCryptoProvider = new TokenSignatureCheck(), CacheSignatureProviders = false };

    public bool IsSupportedAlgorithm(string algorithm, params object[] args) =>
        algorithm == SecurityAlgorithms.HmacSha256
        && args is [SymmetricSecurityKey { Key.Length: >= AuthOptions.MinimumKeyBytes }, ..]
        && (args.Length < 2 || args[1] is false);

    public object Create(string algorithm, params object[] args) =>
        IsSupportedAlgorithm(algorithm, args)
            ? new Verifier((SymmetricSecurityKey)args[0])
            : throw new NotSupportedException($"Only {SecurityAlgorithms.HmacSha256} signatures are checked here.");

    public void Release(object cryptoInstance) => (cryptoInstance as IDisposable)?.Dispose();

    private sealed class Verifier(SymmetricSecurityKey key) : SignatureProvider(key, SecurityAlgorithms.HmacSha256)
    {
        public override byte[] Sign(byte[] input) => throw new NotSupportedException("This provider only checks signatures.");

        public override bool Verify(byte[] input, byte[] signature) => Verify(input, 0, input.Length, signature, 0, signature.Length);

        public override bool Verify(byte[] input, int inputOffset, int inputLength, byte[] signature, int signatureOffset, int signatureLength)
        {
            if (signatureLength != HmacSha256.Size)
            {
                return false;
            }

            Span<byte> expected = stackalloc byte[HmacSha256.Size];
            HmacSha256.Compute(key.Key, input.AsSpan(inputOffset, inputLength), expected);
            return System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(expected, signature.AsSpan(signatureOffset, signatureLength));
        }

        protected override void Dispose(bool disposing)
        {
        }
    }
}

/// <summary>HMAC-SHA256 (RFC 2104) over <see cref="Sha256"/>.</summary>
internal static class HmacSha256
{
    public const int Size = Sha256.Size;

    public static void Compute(ReadOnlySpan<byte> key, ReadOnlySpan<byte> message, Span<byte> mac)
    {
        Span<byte> block = stackalloc byte[Sha256.BlockSize];
        block.Clear();
        if (key.Length > Sha256.BlockSize)
        {
            Sha256.Hash(key, block[..Size]);
        }
        else
        {
            key.CopyTo(block);
        }

        Span<byte> inner = stackalloc byte[Size];
        var sha = new Sha256();
        for (var i = 0; i < block.Length; i++)
        {
            block[i] ^= 0x36;
        }

        sha.Append(block);
        sha.Append(message);
        sha.Finish(inner);

        for (var i = 0; i < block.Length; i++)
        {
            block[i] ^= 0x36 ^ 0x5c;
        }

        sha = new Sha256();
        sha.Append(block);
        sha.Append(inner);
        sha.Finish(mac);
        block.Clear();
        inner.Clear();
    }
}

/// <summary>SHA-256 (FIPS 180-4): no branch or table lookup depends on the data.</summary>
internal struct Sha256
{
    public const int Size = 32;
    public const int BlockSize = 64;

    private static ReadOnlySpan<uint> K =>
    [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ];

    private State _h;
    private Block _buffer;
    private int _buffered;
    private long _length;
    private bool _started;

    public static void Hash(ReadOnlySpan<byte> data, Span<byte> digest)
    {
        var sha = new Sha256();
        sha.Append(data);
        sha.Finish(digest);
    }

    public void Append(ReadOnlySpan<byte> data)
    {
        Start();
        _length += data.Length;
        Span<byte> buffer = _buffer;
        if (_buffered > 0)
        {
            var take = Math.Min(BlockSize - _buffered, data.Length);
            data[..take].CopyTo(buffer[_buffered..]);
            _buffered += take;
            data = data[take..];
            if (_buffered < BlockSize)
            {
                return;
            }

            Compress(ref _h, buffer);
            _buffered = 0;
        }

        while (data.Length >= BlockSize)
        {
            Compress(ref _h, data[..BlockSize]);
            data = data[BlockSize..];
        }

        data.CopyTo(buffer);
        _buffered = data.Length;
    }

    public void Finish(Span<byte> digest)
    {
        Start();
        Span<byte> buffer = _buffer;
        var bits = _length * 8;
        buffer[_buffered++] = 0x80;
        if (_buffered > BlockSize - 8)
        {
            buffer[_buffered..].Clear();
            Compress(ref _h, buffer);
            _buffered = 0;
        }

        buffer[_buffered..(BlockSize - 8)].Clear();
        BinaryPrimitives.WriteInt64BigEndian(buffer[(BlockSize - 8)..], bits);
        Compress(ref _h, buffer);
        ReadOnlySpan<uint> h = _h;
        for (var i = 0; i < 8; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(digest[(i * 4)..], h[i]);
        }

        buffer.Clear();
    }

    private void Start()
    {
        if (_started)
        {
            return;
        }

        _started = true;
        Span<uint> h = _h;
        h[0] = 0x6a09e667;
        h[1] = 0xbb67ae85;
        h[2] = 0x3c6ef372;
        h[3] = 0xa54ff53a;
        h[4] = 0x510e527f;
        h[5] = 0x9b05688c;
        h[6] = 0x1f83d9ab;
        h[7] = 0x5be0cd19;
    }

    private static void Compress(ref State state, ReadOnlySpan<byte> block)
    {
        Span<uint> w = stackalloc uint[64];
        for (var t = 0; t < 16; t++)
        {
            w[t] = BinaryPrimitives.ReadUInt32BigEndian(block[(t * 4)..]);
        }

        for (var t = 16; t < 64; t++)
        {
            var s0 = uint.RotateRight(w[t - 15], 7) ^ uint.RotateRight(w[t - 15], 18) ^ (w[t - 15] >> 3);
            var s1 = uint.RotateRight(w[t - 2], 17) ^ uint.RotateRight(w[t - 2], 19) ^ (w[t - 2] >> 10);
            w[t] = w[t - 16] + s0 + w[t - 7] + s1;
        }

        Span<uint> h = state;
        uint a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
        var k = K;
        for (var t = 0; t < 64; t++)
        {
            var t1 = hh + (uint.RotateRight(e, 6) ^ uint.RotateRight(e, 11) ^ uint.RotateRight(e, 25)) + ((e & f) ^ (~e & g)) + k[t] + w[t];
            var t2 = (uint.RotateRight(a, 2) ^ uint.RotateRight(a, 13) ^ uint.RotateRight(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
            hh = g;
            g = f;
            f = e;
            e = d + t1;
            d = c;
            c = b;
            b = a;
            a = t1 + t2;
        }

        h[0] += a;
        h[1] += b;
        h[2] += c;
        h[3] += d;
        h[4] += e;
        h[5] += f;
        h[6] += g;
        h[7] += hh;
        w.Clear();
    }

    [System.Runtime.CompilerServices.InlineArray(8)]
    private struct State
    {
        private uint _element;
    }

    [System.Runtime.CompilerServices.InlineArray(BlockSize)]
    private struct Block
    {
        private byte _element;
    }
}
