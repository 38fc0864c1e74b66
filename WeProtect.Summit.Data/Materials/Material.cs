using WeProtect.Summit.Data.Desks;
namespace WeProtect.Summit.Data.Materials;

/// <summary>A document (PDF, slides, a report launched at the summit) attached to a summit or to one of its
/// breakouts. Kept after the summit: summit reports point delegates to them. Stored in the database with the
/// communiqués (one backup holds both, and a document and its audit event commit together).</summary>
public class Material
{
    public const int TitleMaxLength = 200;
    public const int FileNameMaxLength = 200;
    /// <summary>20 MB: a long slide deck with pictures; more is a sign of video or uncompressed images.</summary>
    public const int MaxBytes = 20 * 1024 * 1024;

    public int Id { get; set; }
    public int SummitId { get; set; }
    public Summits.Summit Summit { get; set; } = null!;
    /// <summary>Null: the document belongs to the summit as a whole.</summary>
    public int? BreakoutId { get; set; }
    public Breakouts.Breakout? Breakout { get; set; }
    public string Title { get; set; } = "";
    /// <summary>The uploaded file's name, without a path, with the extension of its real type.</summary>
    public string FileName { get; set; } = "";
    public MaterialType Type { get; set; }
    public MaterialVisibility Visibility { get; set; }
    public long SizeBytes { get; set; }
    /// <summary>Hex SHA-256 of the content, so a downloaded copy can be compared with the original.</summary>
    public string Sha256 { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
    public string CreatedByUserId { get; set; } = "";
    public MaterialContent Content { get; set; } = null!;

    public IReadOnlyList<(string Field, DeskText Message)> Validate()
    {
        var errors = new List<(string, DeskText)>();
        if (string.IsNullOrWhiteSpace(Title)) errors.Add((nameof(Title), "Give the document a title."));
        else if (Title.Length > TitleMaxLength) errors.Add((nameof(Title), $"The title is longer than {TitleMaxLength} characters."));
        if (SizeBytes > MaxBytes) errors.Add((nameof(Content), $"The file is larger than {MaxBytes / (1024 * 1024)} MB."));
        return errors;
    }
}
