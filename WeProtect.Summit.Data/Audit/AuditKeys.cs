using System.Security.Cryptography;

namespace WeProtect.Summit.Data.Audit;

/// <summary>The keys of the audit trail's row MACs (HMAC-SHA-256), kept outside the database, so that someone who
/// can only write to the database cannot re-hash an edited chain undetected. New rows take the current key; old
/// keys stay to verify the rows they signed (rotation by configuration). Each row names its key by id.</summary>
public sealed class AuditKeys
{
    private readonly Dictionary<string, byte[]> keys;

    public AuditKeys(string currentId, IReadOnlyDictionary<string, byte[]> keys)
    {
        if (!keys.ContainsKey(currentId)) throw new ArgumentException($"The current audit key \"{currentId}\" is not among the keys.", nameof(currentId));
        if (keys.Values.Any(k => k.Length < 32)) throw new ArgumentException("An audit key must be at least 32 bytes long.", nameof(keys));
        this.keys = new Dictionary<string, byte[]>(keys, StringComparer.Ordinal);
        CurrentId = currentId;
    }

    public string CurrentId { get; }

    public bool Holds(string keyId) => keys.ContainsKey(keyId);

    /// <summary>A key for another purpose (e.g. invitation links), derived from key <paramref name="keyId"/> with
    /// HKDF so that it never equals the audit key itself; null when that key is not held.</summary>
    public byte[]? Derive(string keyId, string purpose) => keys.TryGetValue(keyId, out var key)
        ? HKDF.DeriveKey(HashAlgorithmName.SHA256, key, 32, info: Encoding.UTF8.GetBytes(purpose))
        : null;

    /// <summary>Lowercase hex HMAC-SHA-256 of the row's canonical form (which holds the previous row's hash) with
    /// the key <paramref name="keyId"/>; null when that key is not held.</summary>
    public string? Mac(string keyId, AuditEvent row) => keys.TryGetValue(keyId, out var key)
        ? Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(AuditTrail.CanonicalForm(row))))
        : null;
}
