using System.Security.Cryptography;
using WeProtect.Summit.Data.Audit;

namespace WeProtect.Summit.Web.Audit;

/// <summary>Where the audit MAC keys come from. Configured: <c>Audit:Keys:{id}</c> = a base64 key of at least 32
/// bytes (user-secrets, environment or a key vault: anywhere but the database), and <c>Audit:CurrentKey</c> = the id
/// that signs new rows. Rotation: add a new key, make it current, keep the old ones to verify older rows. Not
/// configured: one key is made on first start in <c>audit/mac.key</c> of the data folder, readable by the app's user
/// only (id <c>local-1</c>), which stays a verifying key once keys are configured.</summary>
public static class AuditKeySource
{
    public const string LocalKeyId = "local-1";

    public static AuditKeys Load(IConfiguration configuration, DataFolder data)
    {
        var configured = configuration.GetSection("Audit:Keys").GetChildren()
            .Where(k => !string.IsNullOrWhiteSpace(k.Value))
            .ToDictionary(k => k.Key, k => Decode(k.Key, k.Value!), StringComparer.Ordinal);
        if (configured.Count > 0)
        {
            var current = configuration["Audit:CurrentKey"] ?? (configured.Count == 1 ? configured.Keys.Single()
                : throw new InvalidOperationException("Several audit keys are configured: Audit:CurrentKey must name the one that signs new rows."));
            // Moving from the key made on first start to configured keys: the rows it signed still verify with it.
            if (!configured.ContainsKey(LocalKeyId) && File.Exists(LocalKeyPath(data)))
                configured[LocalKeyId] = Convert.FromBase64String(File.ReadAllText(LocalKeyPath(data)).Trim());
            return new AuditKeys(current, configured);
        }
        return new AuditKeys(LocalKeyId, new Dictionary<string, byte[]> { [LocalKeyId] = LocalKey(data) });
    }

    private static byte[] Decode(string id, string value)
    {
        try
        {
            return Convert.FromBase64String(value.Trim());
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"The audit key Audit:Keys:{id} is not base64.");
        }
    }

    private static string LocalKeyPath(DataFolder data) => data.Combine("audit", "mac.key");

    private static byte[] LocalKey(DataFolder data)
    {
        var path = LocalKeyPath(data);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temp = path + $".{Guid.NewGuid():N}.tmp";
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using (var stream = new FileStream(temp, options))
                stream.Write(System.Text.Encoding.ASCII.GetBytes(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
            // Two nodes starting at once: the first key written wins, the other is dropped.
            try { File.Move(temp, path, overwrite: false); }
            catch (IOException) { File.Delete(temp); }
        }
        return Convert.FromBase64String(File.ReadAllText(path).Trim());
    }
}
