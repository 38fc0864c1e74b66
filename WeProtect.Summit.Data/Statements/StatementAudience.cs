namespace WeProtect.Summit.Data.Statements;

/// <summary>Who a section of a statement speaks to. The text writes it as <c>{audience=token}</c>.</summary>
public enum StatementAudience
{
    All,
    Government,
    InternationalOrganisation,
    PrivateSector,
    CivilSociety,
}
