using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace Payments.Domain.Transactions;

/// <summary>
/// A payout address, and the network it belongs to: a TRON address (base58check, "T…", 34 characters, version byte
/// 0x41 and a double-SHA-256 checksum) or an EVM address ("0x" and 40 hex digits; when the digits mix cases they must
/// be the EIP-55 checksum of the address).
/// </summary>
public sealed record WalletAddress(string Value, string Network)
{
    public const string Tron = "tron";
    public const string Evm = "evm";

    private const string Base58Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    /// <summary>The address, or null with the reason it is not one.</summary>
    public static WalletAddress? TryParse(string? text, out string? refusal)
    {
        refusal = null;
        var value = text?.Trim() ?? string.Empty;
        if (value.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && value.Length == 42)
        {
            var digits = value[2..];
            if (!digits.All(char.IsAsciiHexDigit)) refusal = "wallet_address is not a valid EVM address: 0x and 40 hex digits";
            else if (digits.Any(char.IsAsciiLetterUpper) && digits.Any(char.IsAsciiLetterLower) && ChecksumOf(digits) != digits)
                refusal = "wallet_address fails its EIP-55 checksum (check its upper and lower case letters)";
            return refusal is null ? new WalletAddress("0x" + digits, Evm) : null;
        }
        if (value.StartsWith('T') && value.Length == 34)
        {
            if (!IsTronChecksummed(value)) refusal = "wallet_address is not a valid TRON address (its base58check checksum fails)";
            return refusal is null ? new WalletAddress(value, Tron) : null;
        }
        refusal = "wallet_address must be a TRON address (T…, 34 characters) or an EVM address (0x and 40 hex digits)";
        return null;
    }

    /// <summary>The EIP-55 spelling of 40 hex digits: a letter is upper case where the Keccak-256 of the lower-case digits has a nibble of 8 or more.</summary>
    public static string ChecksumOf(string hexDigits)
    {
        var lower = hexDigits.ToLowerInvariant();
        var hash = Keccak256.Hash(Encoding.ASCII.GetBytes(lower));
        var spelled = new StringBuilder(lower.Length);
        for (var i = 0; i < lower.Length; i++)
        {
            var nibble = i % 2 == 0 ? hash[i / 2] >> 4 : hash[i / 2] & 0x0f;
            spelled.Append(char.IsAsciiLetter(lower[i]) && nibble >= 8 ? char.ToUpperInvariant(lower[i]) : lower[i]);
        }
        return spelled.ToString();
    }

    private static bool IsTronChecksummed(string address)
    {
        var number = BigInteger.Zero;
        foreach (var c in address)
        {
            var digit = Base58Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (digit < 0) return false;
            number = number * 58 + digit;
        }
        var bytes = number.ToByteArray(isUnsigned: true, isBigEndian: true);
        if (bytes.Length != 25 || bytes[0] != 0x41) return false;
        var checksum = SHA256.HashData(SHA256.HashData(bytes.AsSpan(0, 21)));
        return bytes.AsSpan(21, 4).SequenceEqual(checksum.AsSpan(0, 4));
    }
}

/// <summary>Keccak-256 as Ethereum uses it (the original Keccak padding, not SHA-3's), for EIP-55 checksums.</summary>
public static class Keccak256
{
    private const int Rate = 136;

    private static readonly ulong[] RoundConstants =
    [
        0x0000000000000001UL, 0x0000000000008082UL, 0x800000000000808aUL, 0x8000000080008000UL, 0x000000000000808bUL, 0x0000000080000001UL,
        0x8000000080008081UL, 0x8000000000008009UL, 0x000000000000008aUL, 0x0000000000000088UL, 0x0000000080008009UL, 0x000000008000000aUL,
        0x000000008000808bUL, 0x800000000000008bUL, 0x8000000000008089UL, 0x8000000000008003UL, 0x8000000000008002UL, 0x8000000000000080UL,
        0x000000000000800aUL, 0x800000008000000aUL, 0x8000000080008081UL, 0x8000000000008080UL, 0x0000000080000001UL, 0x8000000080008008UL,
    ];

    private static readonly int[] Rotations = [1, 3, 6, 10, 15, 21, 28, 36, 45, 55, 2, 14, 27, 41, 56, 8, 25, 43, 62, 18, 39, 61, 20, 44];
    private static readonly int[] Lanes = [10, 7, 11, 17, 18, 3, 5, 16, 8, 21, 24, 4, 15, 23, 19, 13, 12, 2, 20, 14, 22, 9, 6, 1];

    public static byte[] Hash(ReadOnlySpan<byte> data)
    {
        var state = new ulong[25];
        var padded = new byte[(data.Length / Rate + 1) * Rate];
        data.CopyTo(padded);
        padded[data.Length] ^= 0x01;
        padded[^1] ^= 0x80;
        for (var offset = 0; offset < padded.Length; offset += Rate)
        {
            for (var i = 0; i < Rate / 8; i++) state[i] ^= BitConverter.ToUInt64(padded, offset + i * 8);
            Permute(state);
        }
        var hash = new byte[32];
        for (var i = 0; i < 4; i++) BitConverter.TryWriteBytes(hash.AsSpan(i * 8), state[i]);
        return hash;
    }

    private static void Permute(ulong[] a)
    {
        Span<ulong> c = stackalloc ulong[5];
        for (var round = 0; round < 24; round++)
        {
            for (var x = 0; x < 5; x++) c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
            for (var x = 0; x < 5; x++)
            {
                var d = c[(x + 4) % 5] ^ BitOperations.RotateLeft(c[(x + 1) % 5], 1);
                for (var y = 0; y < 25; y += 5) a[y + x] ^= d;
            }
            var current = a[1];
            for (var i = 0; i < 24; i++)
            {
                var lane = Lanes[i];
                (a[lane], current) = (BitOperations.RotateLeft(current, Rotations[i]), a[lane]);
            }
            for (var y = 0; y < 25; y += 5)
            {
                for (var x = 0; x < 5; x++) c[x] = a[y + x];
                for (var x = 0; x < 5; x++) a[y + x] = c[x] ^ (~c[(x + 1) % 5] & c[(x + 2) % 5]);
            }
            a[0] ^= RoundConstants[round];
        }
    }
}
