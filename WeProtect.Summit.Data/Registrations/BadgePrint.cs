using System.Linq.Expressions;

namespace WeProtect.Summit.Data.Registrations;

/// <summary>One badge in a <see cref="BadgeBatch"/>.</summary>
public class BadgePrint
{
    public int Id { get; set; }
    public int BatchId { get; set; }
    public BadgeBatch Batch { get; set; } = null!;
    public int RegistrationId { get; set; }
    public Registration Registration { get; set; } = null!;

    /// <summary>The registration again when this is its current badge's first print, null in a reprint (and in the first
    /// print of a badge given up by a cancellation, see <see cref="Registration.RegisterAgain"/>). Unique: two organisers
    /// pressing "print all not yet printed" at once cannot both print a badge for the first time.</summary>
    public int? FirstPrintOf { get; set; }

    /// <summary>A print of the badge its registration holds now, the one rule for "printed" and "not yet printed".
    /// Registering again after a cancellation gives a new badge code and starts the registration anew
    /// (<see cref="Registration.RegisterAgain"/> sets <see cref="Registration.CreatedUtc"/>): a print from before shows
    /// the old code, a previous badge.</summary>
    public static Expression<Func<BadgePrint, bool>> OfCurrentBadge { get; } = p => p.Batch.CreatedUtc >= p.Registration.CreatedUtc;

    /// <summary>The opposite of <see cref="OfCurrentBadge"/>: a print of a badge the registration gave up.</summary>
    public static Expression<Func<BadgePrint, bool>> OfPreviousBadge { get; } = p => p.Batch.CreatedUtc < p.Registration.CreatedUtc;
}
