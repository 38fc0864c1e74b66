using AngleSharp.Html.Dom;
using WeProtect.Summit.Data.Organisations;

namespace WeProtect.Summit.Tests.Organisations;

/// <summary>The app with a small, known directory; the tests here only read it.</summary>
public sealed class DirectoryAppFactory : SummitAppFactory
{
    private Task? seeded;

    public Task SeededAsync() => seeded ??= WithDbAsync(async db =>
    {
        db.Organisations.AddRange(
            Org("People's Republic of China", "China", Sector.Government, "CN", 2015),
            Org("Republic of Côte d'Ivoire", "Côte d'Ivoire", Sector.Government, "CI", 2019),
            Org("Republic of Cuba", "Cuba", Sector.Government, "CU", null),
            Org("Republic of Türkiye", "Türkiye", Sector.Government, "TR", 2016),
            Org("Republic of Zambia", "Zambia", Sector.Government, "ZM", 2020),
            Org("United Nations Children's Fund", "UNICEF", Sector.InternationalOrganisation, null, 2014),
            Org("Meta Platforms, Inc.", "Meta", Sector.PrivateSector, "US", 2016),
            Org("ECPAT International", "ECPAT International", Sector.CivilSociety, "TH", 2014));
        await db.SaveChangesAsync();
    });

    private static Organisation Org(string formal, string sort, Sector sector, string? country, int? since) =>
        new() { FormalName = formal, SortName = sort, Sector = sector, CountryCode = country, MemberSince = since };
}
