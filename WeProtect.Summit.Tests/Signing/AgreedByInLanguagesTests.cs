using WeProtect.Summit.Data.Organisations;

namespace WeProtect.Summit.Tests.Signing;

/// <summary>Issue 19: the public "Agreed by" list (the <c>_AgreedByGroups</c> partial, shared by the communiqué and
/// verification pages) gives its sector headings in the reader's language; the groups' order and their
/// <c>data-sector</c> stay the same whatever the language.</summary>
public class AgreedByInLanguagesTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    [Theory]
    [InlineData("en", "Governments", "International organisations", "Private sector", "Civil society")]
    [InlineData("fr", "Gouvernements", "Organisations internationales", "Secteur privé", "Société civile")]
    [InlineData("es", "Gobiernos", "Organizaciones internacionales", "Sector privado", "Sociedad civil")]
    [InlineData("ar", "الحكومات", "المنظمات الدولية", "القطاع الخاص", "المجتمع المدني")]
    public async Task Sector_headings_are_in_the_readers_language(string language, string governments, string international, string privateSector, string civilSociety)
    {
        var (statement, final) = await app.OpenStatementAsync();
        var tag = Guid.NewGuid().ToString("N")[..6];
        foreach (var (name, sector) in new[]
                 {
                     ($"Republic of Albania {tag}", Sector.Government), ($"UNICEF {tag}", Sector.InternationalOrganisation),
                     ($"Bravo Online Ltd {tag}", Sector.PrivateSector), ($"Childline {tag}", Sector.CivilSociety),
                 })
        {
            var organisation = await app.WithDbAsync(async db =>
            {
                var o = new Organisation { FormalName = name, SortName = name, Sector = sector, CountryCode = sector == Sector.Government ? "AL" : null };
                db.Organisations.Add(o);
                await db.SaveChangesAsync();
                return o;
            });
            await app.EndorseAsync(statement, final, organisation);
        }

        using var reader = LocalizedAppFactory.Speaking(app.CreateFormClient(), language);
        var page = await reader.GetPageAsync($"/Statements/{statement.Id}/agreed-by");
        Assert.StartsWith(language, page.DocumentElement.GetAttribute("lang"));
        var groups = page.QuerySelectorAll(".agreed-by-sector").ToList();
        Assert.Equal(["Government", "InternationalOrganisation", "PrivateSector", "CivilSociety"], groups.Select(g => g.GetAttribute("data-sector")!));
        Assert.Equal([governments, international, privateSector, civilSociety],
            groups.Select(g => g.QuerySelector(".agreed-by-heading")!.TextContent.Trim()));
    }
}
