namespace WeProtect.Summit.Web.Pdf;

/// <summary>What a letter of invitation says (see <see cref="VisaLetterPdf"/>).</summary>
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
    DateTime IssuedUtc);
