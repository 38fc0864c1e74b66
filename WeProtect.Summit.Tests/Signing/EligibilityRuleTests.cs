using WeProtect.Summit.Data.Organisations;
using WeProtect.Summit.Data.Statements;

using WeProtect.Summit.Tests.Support;

namespace WeProtect.Summit.Tests.Signing;

/// <summary>Statement.RefuseEndorsement: open for signature, inside [opens, closes), and a section for `all` or the sector.</summary>
public class EligibilityRuleTests
{
    private static readonly DateTime Opens = new(2026, 6, 1, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Closes = new(2026, 6, 8, 17, 0, 0, DateTimeKind.Utc);

    private static Statement OpenStatement(DateTime? opens = null, DateTime? closes = null)
    {
        var statement = new Statement { Title = "T", SigningOpensUtc = opens ?? Opens, SigningClosesUtc = closes ?? Closes };
        var (_, refusal) = statement.AddVersion(StatementParser.Parse(SigningData.TextForAll), null, "A", "", Opens.AddDays(-10));
        Assert.Null(refusal);
        Assert.Null(statement.MoveTo(StatementStatus.Final));
        Assert.Null(statement.MoveTo(StatementStatus.OpenForSignature));
        return statement;
    }

    [Fact]
    public void An_open_statement_inside_its_window_for_the_sector_may_be_endorsed()
    {
        var statement = OpenStatement();
        Assert.Null(statement.RefuseEndorsement(Sector.Government, [StatementAudience.Government], Opens.AddDays(1)));
        Assert.Null(statement.RefuseEndorsement(Sector.CivilSociety, [StatementAudience.Government, StatementAudience.All], Opens.AddDays(1)));
        Assert.Null(statement.RefuseEndorsement(Sector.PrivateSector, [StatementAudience.PrivateSector], Opens));
    }

    [Theory]
    [InlineData(Sector.CivilSociety)]
    [InlineData(Sector.PrivateSector)]
    [InlineData(Sector.InternationalOrganisation)]
    public void A_sector_no_section_speaks_to_is_refused(Sector sector)
    {
        var refusal = OpenStatement().RefuseEndorsement(sector, [StatementAudience.Government], Opens.AddDays(1));
        Assert.Contains("sector", refusal?.ToString());
    }

    [Fact]
    public void A_statement_without_sections_is_refused_to_everyone() =>
        Assert.NotNull(OpenStatement().RefuseEndorsement(Sector.Government, [], Opens.AddDays(1)));

    [Fact]
    public void The_window_is_half_open_it_includes_its_opening_and_excludes_its_closing()
    {
        var statement = OpenStatement();
        Assert.Contains("not opened", statement.RefuseEndorsement(Sector.Government, [StatementAudience.All], Opens.AddTicks(-1))?.ToString());
        Assert.Null(statement.RefuseEndorsement(Sector.Government, [StatementAudience.All], Opens));
        Assert.Null(statement.RefuseEndorsement(Sector.Government, [StatementAudience.All], Closes.AddTicks(-1)));
        Assert.Contains("closed", statement.RefuseEndorsement(Sector.Government, [StatementAudience.All], Closes)?.ToString());
        Assert.Contains("closed", statement.RefuseEndorsement(Sector.Government, [StatementAudience.All], Closes.AddDays(3))?.ToString());
    }

    [Fact]
    public void Only_a_statement_open_for_signature_may_be_endorsed()
    {
        var draft = new Statement { Title = "T", SigningOpensUtc = Opens, SigningClosesUtc = Closes };
        Assert.Contains("draft", draft.RefuseEndorsement(Sector.Government, [StatementAudience.All], Opens.AddDays(1))?.ToString());

        var closed = OpenStatement();
        Assert.Null(closed.CloseSigning(Opens.AddDays(2)));
        Assert.Equal(StatementStatus.Closed, closed.Status);
        Assert.Equal(Opens.AddDays(2), closed.ClosedUtc);
        // Closed early: inside the window is no longer enough.
        Assert.Contains("closed", closed.RefuseEndorsement(Sector.Government, [StatementAudience.All], Opens.AddDays(3))?.ToString());
        // And it closes once.
        Assert.NotNull(closed.CloseSigning(Opens.AddDays(4)));
        Assert.Equal(Opens.AddDays(2), closed.ClosedUtc);
    }

    [Theory]
    [InlineData(Sector.Government, StatementAudience.Government)]
    [InlineData(Sector.InternationalOrganisation, StatementAudience.InternationalOrganisation)]
    [InlineData(Sector.PrivateSector, StatementAudience.PrivateSector)]
    [InlineData(Sector.CivilSociety, StatementAudience.CivilSociety)]
    public void Each_sector_has_its_audience(Sector sector, StatementAudience audience)
    {
        Assert.Equal(audience, Statement.AudienceOf(sector));
        var statement = OpenStatement();
        Assert.Null(statement.RefuseEndorsement(sector, [audience], Opens.AddDays(1)));
        var others = Enum.GetValues<StatementAudience>().Where(a => a != audience && a != StatementAudience.All).ToList();
        Assert.NotNull(statement.RefuseEndorsement(sector, others, Opens.AddDays(1)));
    }
}
