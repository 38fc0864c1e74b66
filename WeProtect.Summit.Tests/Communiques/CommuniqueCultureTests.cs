using System.Text;
using Microsoft.AspNetCore.Hosting;
using WeProtect.Summit.Data.Organisations;

namespace WeProtect.Summit.Tests.Communiques;

/// <summary>The communiqué PDF, its public page and the downloads follow the configured culture's order, the same
/// key the public "Agreed by" page reads.</summary>
public class CommuniqueCultureTests : IClassFixture<SwedishOrderApp>
{
    private readonly SwedishOrderApp app;

    public CommuniqueCultureTests(SwedishOrderApp app) => this.app = app;

    [Fact]
    public async Task The_configured_culture_orders_the_signatories_everywhere()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var (umlaut, zeta, alpha) = ($"Ärzte ohne Grenzen {tag}", $"Zeta Kinderschutz {tag}", $"Alpha Kinderschutz {tag}");
        var closed = await app.ClosedStatementAsync(names:
        [
            (umlaut, umlaut, Sector.CivilSociety), (zeta, zeta, Sector.CivilSociety), (alpha, alpha, Sector.CivilSociety),
        ]);
        var communique = await app.PublishedAsync(closed.StatementId);
        string[] swedish = [alpha, zeta, umlaut];

        var words = PdfTools.Words(communique.Pdf!);
        var positions = swedish.Select(n => PdfTools.PositionOf(words, n)).ToList();
        Assert.All(positions, p => Assert.True(p >= 0));
        Assert.Equal(positions.Order(), positions);

        using var anonymous = app.CreateFormClient();
        var page = await anonymous.GetPageAsync($"/Communiques/{communique.Id}");
        Assert.Equal(swedish, page.QuerySelectorAll("#signatories .signatory").Select(li => li.TextContent));
        var csv = Encoding.UTF8.GetString(await anonymous.Http.GetByteArrayAsync($"/Communiques/Signatories/{closed.StatementId}/csv"));
        Assert.True(csv.IndexOf(zeta, StringComparison.Ordinal) < csv.IndexOf(umlaut, StringComparison.Ordinal));
    }
}
