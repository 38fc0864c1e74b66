namespace WeProtect.Summit.Data.Accreditations;

/// <summary>The host's wording of a summit's letters of invitation, set by the organisers.</summary>
public class VisaLetterSettings
{
    public const int WordingMaxLength = 4000;

    /// <summary>Used until the organisers write their own.</summary>
    public const string DefaultWording =
        "The host government and the WeProtect Global Alliance are pleased to invite the person named below to attend the summit as a delegate. " +
        "We kindly request the competent authorities to grant the necessary visa. The invitation does not imply any financial commitment by the host.";

    public int SummitId { get; private set; }
    public string HostWording { get; private set; } = DefaultWording;
    public DateTime UpdatedUtc { get; private set; }

    private VisaLetterSettings() { }

    public VisaLetterSettings(int summitId) => SummitId = summitId;

    public DeskText? SetWording(string? wording, DateTime nowUtc)
    {
        if (string.IsNullOrWhiteSpace(wording)) return "Write the host's wording of the letter.";
        if (wording.Length > WordingMaxLength) return $"The wording is longer than {WordingMaxLength} characters.";
        (HostWording, UpdatedUtc) = (wording.Trim(), nowUtc);
        return null;
    }
}
