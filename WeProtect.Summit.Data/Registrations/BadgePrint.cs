namespace WeProtect.Summit.Data.Registrations;

/// <summary>One badge in a <see cref="BadgeBatch"/>.</summary>
public class BadgePrint
{
    public int Id { get; set; }
    public int BatchId { get; set; }
    public BadgeBatch Batch { get; set; } = null!;
    public int RegistrationId { get; set; }
    public Registration Registration { get; set; } = null!;

    /// <summary>The registration again when this is its badge's first print, null in a reprint. Unique: two organisers
    /// pressing "print all not yet printed" at once cannot both print a badge for the first time.</summary>
    public int? FirstPrintOf { get; set; }
}
