using AngleSharp.Html.Dom;
using WeProtect.Summit.Data.Organisations;

namespace WeProtect.Summit.Tests.Organisations;

/// <summary>The app with a small, known directory, its members in the membership register from 1 January of their
/// year; the tests here only read it.</summary>
public sealed class DirectoryAppFactory : SummitAppFactory
{
    private Task? seeded;

    public Task SeededAsync() => seeded ??= WithDbAsync(async db =>
    {
        (Organisation Organisation, int? Since)[] rows =
        [
            Org("People's Republic of China", "China", Sector.Government, "CN", 2015),
            Org("Republic of Côte d'Ivoire", "Côte d'Ivoire", Sector.Government, "CI", 2019),
            Org("Republic of Cuba", "Cuba", Sector.Government, "CU", null),
            Org("Republic of Türkiye", "Türkiye", Sector.Government, "TR", 2016),
            Org("Republic of Zambia", "Zambia", Sector.Government, "ZM", 2020),
            Org("United Nations Children's Fund", "UNICEF", Sector.InternationalOrganisation, null, 2014),
            Org("Meta Platforms, Inc.", "Meta", Sector.PrivateSector, "US", 2016),
            Org("ECPAT International", "ECPAT International", Sector.CivilSociety, "TH", 2014),
        ];
        db.Organisations.AddRange(rows.Select(r => r.Organisation));
        await db.SaveChangesAsync();
        db.Memberships.AddRange(rows.Where(r => r.Since is not null)
            .Select(r => new Membership(r.Organisation.Id, new DateOnly(r.Since!.Value, 1, 1), "", UtcNow)));
        await db.SaveChangesAsync();
    });

    private static (Organisation, int?) Org(string formal, string sort, Sector sector, string? country, int? since) =>
        (new() { FormalName = formal, SortName = sort, Sector = sector, CountryCode = country }, since);
}
