using System.Buffers.Text;
using System.Security.Cryptography;
using WeProtect.Summit.Data.Audit;

namespace WeProtect.Summit.Data.Invitations;

/// <summary>The secrets in invitation and nomination links. The database keeps only a seed (key id and a random
/// nonce) and the SHA-256 of the token: the token is an HMAC of the seed with a key kept outside the database (derived
/// from the audit key), so that the letter job can write the link again while a copy of the database alone opens
/// nothing. A new seed (re-sent invitation) makes every earlier link dead.</summary>
public sealed class InvitationTokens(AuditKeys keys)
{
    public const string InvitationPurpose = "invitation-link";
    public const string NominationPurpose = "nomination-link";

    /// <summary>A fresh seed and the hash of the token it gives.</summary>
    public (string Seed, string Hash) NewSeed(string purpose)
    {
        var seed = $"{keys.CurrentId}:{Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16))}";
        return (seed, Hash(Token(purpose, seed)!));
    }

    /// <summary>The token of a seed; null when its key is no longer held (the link cannot be written again).</summary>
    public string? Token(string purpose, string seed)
    {
        var keyId = seed.Split(':', 2)[0];
        return keys.Derive(keyId, purpose) is { } key
            ? Base64Url.EncodeToString(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(purpose + ":" + seed)))
            : null;
    }

    /// <summary>Lowercase hex SHA-256 of a token, as stored and looked up.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
