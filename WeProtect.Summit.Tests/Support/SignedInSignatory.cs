namespace WeProtect.Summit.Tests.Support;

/// <summary>A signatory as the tests use one: the user, their authenticator key and a logged-in client.</summary>
public sealed record SignedInSignatory(SummitUser User, string Key, FormClient Client, int AuthorityId);
