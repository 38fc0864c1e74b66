namespace WeProtect.Summit.Web.Infrastructure;

/// <summary>Where the embedded default keeps what must outlive a run but never belongs in the repository:
/// the SQLite database, the mail pick-up folder, generated certificates.</summary>
public sealed class DataFolder(string path)
{
    public string Path { get; } = path;

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public static DataFolder FromConfiguration(IConfiguration configuration)
    {
        var configured = configuration["Storage:DataFolder"];
        var path = string.IsNullOrWhiteSpace(configured)
            ? System.IO.Path.Combine(
                Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create),
                "WeProtectSummit")
            : System.IO.Path.GetFullPath(configured);
        Directory.CreateDirectory(path);
        return new DataFolder(path);
    }
}
