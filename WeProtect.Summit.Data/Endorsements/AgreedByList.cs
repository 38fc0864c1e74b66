namespace WeProtect.Summit.Data.Endorsements;

/// <summary>A statement's "Agreed by" list as every output prints it: the signatories in <see cref="AgreedBy.Order"/>'s
/// order for the statement's layout, and the groups (headings) that layout gives.</summary>
public sealed record AgreedByList(AgreedByLayout Layout, IReadOnlyList<Signatory> Signatories)
{
    public int Count => Signatories.Count;

    public IReadOnlyList<AgreedByGroup> Groups => AgreedBy.Groups(Signatories, Layout);
}
