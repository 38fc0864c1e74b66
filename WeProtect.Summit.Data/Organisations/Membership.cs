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
