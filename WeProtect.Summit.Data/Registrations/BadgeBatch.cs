namespace WeProtect.Summit.Data.Registrations;

/// <summary>One printing of badges, made by <see cref="BadgeDesk"/>: either "every approved badge not yet printed"
/// (no reason) or the reprint of one badge (with the reason: lost, misspelt name, new position…). Batches are never
/// changed or deleted: together they are the print log, and a badge with no print row is "not yet printed".</summary>
public class BadgeBatch
{
    public const int ReasonMaxLength = 300;

    public int Id { get; set; }
    public int SummitId { get; set; }
    public Summits.Summit Summit { get; set; } = null!;
    public DateTime CreatedUtc { get; set; }
    /// <summary>The organiser's name as the audit trail records it.</summary>
    public string PrintedBy { get; set; } = "";
    public BadgeLayout Layout { get; set; }
    /// <summary>Why a badge is printed again; null for a batch of badges printed for the first time.</summary>
    public string? Reason { get; set; }
    public List<BadgePrint> Prints { get; set; } = [];

    public bool IsReprint => Reason is not null;
}
