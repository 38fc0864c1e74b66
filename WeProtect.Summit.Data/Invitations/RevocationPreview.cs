namespace WeProtect.Summit.Data.Invitations;

/// <summary>What revoking <see cref="Invitation"/> would do: <see cref="Withdrawn"/> nominations not yet approved are
/// withdrawn; the approved delegates named in <see cref="Kept"/> keep their places.</summary>
public sealed record RevocationPreview(Invitation Invitation, int Withdrawn, IReadOnlyList<string> Kept);
