using AngleSharp.Html.Dom;
using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Desks;
using WeProtect.Summit.Data.Endorsements;
using WeProtect.Summit.Data.Organisations;
using WeProtect.Summit.Data.Statements;

namespace WeProtect.Summit.Tests.Signing;

/// <summary>A signatory as the tests use one: the user, their authenticator key and a logged-in client.</summary>
public sealed record Signatory(SummitUser User, string Key, FormClient Client, int AuthorityId);
