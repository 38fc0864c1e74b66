namespace WeProtect.Summit.Web.Pdf;

/// <summary>What a letter of invitation says (see <see cref="VisaLetterPdf"/>), its fixed words and dates in
/// <see cref="Language"/> (an interface language's code), as are <see cref="SummitWhenWhere"/> and <see cref="Nationality"/>.</summary>
public sealed record VisaLetterContent(
    int LetterId,
    string SummitName,
    string SummitWhenWhere,
    string? Venue,
    string HostWording,
    string FullName,
    string Position,
    string OrganisationName,
    string Nationality,
    string DocumentNumber,
    DateOnly DocumentExpiry,
    DateTime IssuedUtc,
    string Language = Data.Languages.InterfaceLanguages.Default,
    string TimeZoneId = "UTC")
{
    /// <summary>The day of issue as the letter prints it: the summit's own day (<see cref="TimeZoneId"/>), not UTC's,
    /// as its other pages and letters say a time.</summary>
    public DateTime IssuedLocal => Data.Summits.SummitClock.ToLocal(IssuedUtc, Data.Summits.SummitClock.FindZone(TimeZoneId) ?? TimeZoneInfo.Utc);
}
