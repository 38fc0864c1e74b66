namespace WeProtect.Summit.Data.Invitations;

/// <summary>One organisation to invite: from the form (line 0) or a line of a CSV file. The quota, when given, is
/// the delegation's size: heads of delegation and delegates.</summary>
public sealed record InvitationRow(int Line, int OrganisationId, string Email, int? Heads, int? Delegates);
