namespace WeProtect.Summit.Data.Organisations;

/// <summary>One period of an organisation's membership of the Alliance in the register: joined on a date, and left on
/// a date or still a member. An organisation that leaves and joins again has two periods; at most one is open (a
/// filtered unique index). The figures the Alliance reports for a date ("97 governments … as of February 2020") count
/// the periods covering that date, and so do the directory's figures (today's). The register is the one record of
/// membership: every way an organisation becomes a member (the register's page, the organisation form, the directory
/// import, the sample summit) goes through <see cref="MembershipDesk"/>.</summary>
public class Membership
{
    public const int ReasonMaxLength = 500;

    private Membership() { }

    public Membership(int organisationId, DateOnly joinedOn, string recordedByUserId, DateTime nowUtc)
    {
        OrganisationId = organisationId;
        JoinedOn = joinedOn;
        RecordedByUserId = recordedByUserId;
        CreatedUtc = nowUtc;
    }

    /// <summary>A period for an organisation added in the same save (the key is set when both are saved).</summary>
    internal Membership(Organisation organisation, DateOnly joinedOn, string recordedByUserId, DateTime nowUtc)
        : this(organisation.Id, joinedOn, recordedByUserId, nowUtc) => Organisation = organisation;

    public int Id { get; private set; }
    public int OrganisationId { get; private set; }
    public Organisation? Organisation { get; private set; }
    public DateOnly JoinedOn { get; private set; }
    public DateOnly? LeftOn { get; private set; }
    public string? LeavingReason { get; private set; }
    /// <summary>The day the register said before its last correction, its reason and when it was made (null: never
    /// corrected). Shown in the register beside the day; every correction is also in the audit trail.</summary>
    public DateOnly? CorrectedFrom { get; private set; }
    public string? CorrectionReason { get; private set; }
    public DateTime? CorrectedUtc { get; private set; }
    public string RecordedByUserId { get; private set; } = "";
    public DateTime CreatedUtc { get; private set; }

    /// <summary>A member on <paramref name="day"/>: joined that day or before, and not yet left (the day it leaves it is no longer one).</summary>
    public bool Covers(DateOnly day) => JoinedOn <= day && (LeftOn is null || LeftOn > day);

    /// <summary>Why an organisation cannot be recorded as joining on <paramref name="joinedOn"/>, or null: the register
    /// starts with the Alliance, and records what has happened.</summary>
    public static DeskText? RefuseJoining(DateOnly joinedOn, DateOnly today)
    {
        if (joinedOn.Year < Organisation.FirstMemberYear) return $"The Alliance's register starts in {Organisation.FirstMemberYear}.";
        if (joinedOn > today) return "Record a joining once it has happened: the date is in the future.";
        return null;
    }

    /// <summary>Corrects the day it joined (a mistake in the register), or says why it cannot: the day must be one the
    /// register can take (<see cref="RefuseJoining"/>), before the day it left, and not before the end of its previous
    /// period (<paramref name="previousLeftOn"/>); the reason is required (it goes to the audit trail).</summary>
    public DeskText? CorrectJoining(DateOnly joinedOn, string? reason, DateOnly? previousLeftOn, DateOnly today, DateTime nowUtc)
    {
        if (RefuseJoining(joinedOn, today) is { } refusal) return refusal;
        if (LeftOn is { } left && joinedOn >= left) return $"The day it joined must come before the day it left ({left:d MMMM yyyy}).";
        if (previousLeftOn is { } earlier && joinedOn < earlier)
            return $"Its previous membership ended on {earlier:d MMMM yyyy}: this one starts on that day or later.";
        if (joinedOn == JoinedOn) return $"The register already says it joined on {joinedOn:d MMMM yyyy}.";
        var text = (reason ?? "").Trim();
        if (text.Length == 0) return "Give the reason for the correction (e.g. the date on the letter of accession).";
        if (text.Length > ReasonMaxLength) return $"The reason is longer than {ReasonMaxLength} characters.";
        CorrectedFrom = JoinedOn;
        CorrectionReason = text;
        CorrectedUtc = nowUtc;
        JoinedOn = joinedOn;
        return null;
    }

    /// <summary>Ends the period, or says why it cannot.</summary>
    public DeskText? Leave(DateOnly leftOn, string? reason, DateOnly today)
    {
        if (LeftOn is not null) return "This membership has already ended.";
        if (leftOn <= JoinedOn) return $"The day it left must come after the day it joined ({JoinedOn:d MMMM yyyy}).";
        if (leftOn > today) return "Record a departure once it has happened: the date is in the future.";
        var text = (reason ?? "").Trim();
        if (text.Length == 0) return "Give the reason it left (e.g. the letter of withdrawal).";
        if (text.Length > ReasonMaxLength) return $"The reason is longer than {ReasonMaxLength} characters.";
        LeftOn = leftOn;
        LeavingReason = text;
        return null;
    }
}
