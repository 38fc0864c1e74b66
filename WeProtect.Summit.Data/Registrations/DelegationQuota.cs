using WeProtect.Summit.Data.Desks;
namespace WeProtect.Summit.Data.Registrations;

/// <summary>How many heads of delegation and delegates an organisation may field at a summit. The approved
/// counters move only by conditional updates in <see cref="RegistrationDesk"/>, so two organisers approving at once
/// cannot exceed the quota.</summary>
public class DelegationQuota
{
    public int Id { get; set; }
    public int SummitId { get; set; }
    public int OrganisationId { get; set; }
    public Organisations.Organisation Organisation { get; set; } = null!;
    public int HeadsOfDelegation { get; set; } = 1;
    public int Delegates { get; set; }
    public int ApprovedHeads { get; set; }
    public int ApprovedDelegates { get; set; }
    /// <summary>Places taken by a focal point's nominations (by invitation); moved only by conditional updates
    /// (<see cref="QuotaPlaces.NominateAsync"/>), so two nominations at once cannot exceed the quota.</summary>
    public int NominatedHeads { get; set; }
    public int NominatedDelegates { get; set; }
    /// <summary>Changes with each edit of the limits (not with the counters): an organiser's form carries the version it
    /// showed, so that two organisers editing at once cannot overwrite each other unseen.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>Whether the quota gives any place at all: an invitation needs one, or its focal point can nominate nobody.</summary>
    public bool HasAnyPlace => HeadsOfDelegation > 0 || Delegates > 0;

    public IReadOnlyList<(string Field, DeskText Message)> Validate()
    {
        var errors = new List<(string, DeskText)>();
        // A number out of range is said once: the places already taken are compared only with a number in range.
        if (HeadsOfDelegation < 0 || HeadsOfDelegation > 10) errors.Add((nameof(HeadsOfDelegation), "Heads of delegation must be from 0 to 10."));
        else if (HeadsOfDelegation < ApprovedHeads)
            errors.Add((nameof(HeadsOfDelegation), DeskText.Counted(ApprovedHeads, $"{ApprovedHeads} head of delegation is already approved.", $"{ApprovedHeads} heads of delegation are already approved.")));
        else if (HeadsOfDelegation < NominatedHeads)
            errors.Add((nameof(HeadsOfDelegation), DeskText.Counted(NominatedHeads,
                $"{NominatedHeads} head of delegation is already nominated: the quota cannot be lowered to {HeadsOfDelegation}.",
                $"{NominatedHeads} heads of delegation are already nominated: the quota cannot be lowered to {HeadsOfDelegation}.")));
        if (Delegates < 0 || Delegates > 1000) errors.Add((nameof(Delegates), "Delegates must be from 0 to 1,000."));
        else if (Delegates < ApprovedDelegates)
            errors.Add((nameof(Delegates), DeskText.Counted(ApprovedDelegates, $"{ApprovedDelegates} delegate is already approved.", $"{ApprovedDelegates} delegates are already approved.")));
        else if (Delegates < NominatedDelegates)
            errors.Add((nameof(Delegates), DeskText.Counted(NominatedDelegates,
                $"{NominatedDelegates} delegate is already nominated: the quota cannot be lowered to {Delegates}.",
                $"{NominatedDelegates} delegates are already nominated: the quota cannot be lowered to {Delegates}.")));
        return errors;
    }
}
