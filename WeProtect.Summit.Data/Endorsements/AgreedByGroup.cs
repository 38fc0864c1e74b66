using WeProtect.Summit.Data.Organisations;

namespace WeProtect.Summit.Data.Endorsements;

/// <summary>One part of an "Agreed by" list: a sector's signatories under its heading, or (in the alphabetical layout)
/// every signatory with no heading.</summary>
public sealed record AgreedByGroup(Sector? Sector, IReadOnlyList<Signatory> Signatories)
{
    /// <summary>"Governments", …; null for the one list of the alphabetical layout.</summary>
    public string? Heading => Sector?.Heading();
}
