using WeProtect.Summit.Data.Organisations;

namespace WeProtect.Summit.Data.Endorsements;

/// <summary>One organisation on an "Agreed by" list. <see cref="ListedName"/> is the organisation's
/// <see cref="Organisation.ListedName"/> ("UAE"), or null when it is listed under its formal name.</summary>
public sealed record Signatory(int OrganisationId, string FormalName, string SortName, Sector Sector,
    int EndorsementId, DateTime SignedUtc, string PrintedName, string PrintedPosition, string? ListedName = null)
{
    /// <summary>The name every "Agreed by" output prints: the listed name, else the formal name.</summary>
    public string Name => string.IsNullOrWhiteSpace(ListedName) ? FormalName : ListedName;
}
