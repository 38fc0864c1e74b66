using WeProtect.Summit.Data.Invitations;
using WeProtect.Summit.Data.Registrations;

namespace WeProtect.Summit.Tests.Localization;

/// <summary>The organisations' directory and the members on a date, a focal point's delegation page (with a quota and
/// without) and the accessibility statement, each opened in English and in each other language: a text of the page's
/// own that reads the same in both is English left (<see cref="EnglishLeft"/>).</summary>
public class DirectoryAndDelegationPagesInTheirLanguageTests(LocalizedAppFactory app) : IClassFixture<LocalizedAppFactory>
{
    public static TheoryData<string> Languages() => EnglishLeft.Languages();

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task The_directory_and_the_members_pages_have_no_English_left(string language)
    {
        await app.CreateOrganisationAsync(sector: Data.Organisations.Sector.CivilSociety, country: "FR");
        await app.CreateOrganisationAsync(sector: Data.Organisations.Sector.InternationalOrganisation, country: null);
        var data = await app.WithDbAsync(async db => (await db.Organisations.Select(o => new[] { o.FormalName, o.SortName }).ToListAsync())
            .SelectMany(n => n).Concat(EnglishLeft.CountryNames(language)).ToList());
        using var visitor = app.CreateFormClient();
        var failures = new List<string>();
        foreach (var url in new[]
                 {
                     "/Organisations", "/Organisations?sector=Government", "/Organisations?q=no-such-organisation-anywhere",
                     "/Organisations/Members", "/Organisations/Members?on=2020-02-31",
                 })
            EnglishLeft.Compare(url, await EnglishLeft.PageAsync(visitor, url, "en"), await EnglishLeft.PageAsync(visitor, url, language), language, data, failures);
        // An organiser's directory has the buttons to add and import organisations and a link to edit each one.
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var theirs = await EnglishLeft.PageAsync(organiser, "/Organisations", language);
        Assert.NotNull(theirs.QuerySelector("#add-organisation"));
        Assert.NotNull(theirs.QuerySelector("a.edit-organisation"));
        EnglishLeft.Compare("/Organisations (an organiser)", await EnglishLeft.PageAsync(organiser, "/Organisations", "en"), theirs, language, data, failures);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.NotNull((await EnglishLeft.PageAsync(visitor, "/Organisations/Members?on=2020-02-31", language)).QuerySelector("#on-problem"));
    }

    /// <summary>The status line after a nomination is withdrawn, in each language (the masked address follows).</summary>
    private static readonly Dictionary<string, string> Withdrawn = new()
    {
        ["fr"] = "La désignation de {0} est retirée : sa place est de nouveau libre, et la personne en a été informée par courriel.",
        ["es"] = "Se ha retirado la designación de {0}: su plaza vuelve a estar libre y se le ha informado por correo electrónico.",
        ["ar"] = "سُحبت تسمية {0}: وأصبح مقعده شاغرًا من جديد، وأُبلغ بذلك بالبريد الإلكتروني.",
    };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task A_focal_points_delegation_page_has_no_English_left(string language)
    {
        var summit = await app.CreateOpenSummitAsync();
        var (withQuota, focal) = await app.AcceptedInvitationAsync(summit.Id, heads: 1, delegates: 2);
        var (withoutQuota, otherFocal) = await app.AcceptedInvitationAsync(summit.Id);
        var (kept, leaving) = ($"kept-{Guid.NewGuid():N}@example.org", $"leaving-{Guid.NewGuid():N}@example.org");
        Assert.True((await app.NominateAsync(withQuota, focal, kept, DelegateCategory.HeadOfDelegation, new ProtocolDetails("Dr", "H.E.", ProtocolRank.Minister, 1))).Succeeded);
        Assert.True((await app.NominateAsync(withQuota, focal, leaving)).Succeeded);
        var data = await app.WithDbAsync(async db => new[] { summit.Name, kept, leaving, "Dr", "H.E.", "1" }
            .Concat(await db.Organisations.Where(o => o.Id == withQuota.OrganisationId || o.Id == withoutQuota.OrganisationId).Select(o => o.FormalName).ToListAsync())
            .ToList());
        var failures = new List<string>();
        using (var client = await app.LogInAsync(focal))
        {
            var url = $"/Invitations/Delegation/{withQuota.Id}";
            EnglishLeft.Compare(url, await EnglishLeft.PageAsync(client, url, "en"), await EnglishLeft.PageAsync(client, url, language), language, data, failures);

            var speaking = LocalizedAppFactory.Speaking(client, language);
            var page = await speaking.GetPageAsync(url);
            var nomination = await app.WithDbAsync(db => db.Nominations.AsNoTracking().SingleAsync(n => n.NormalisedEmail == EmailAddresses.Normalise(leaving)));
            page.QuerySelector($"tr[data-nomination-id='{nomination.Id}'] form.withdraw-form")!.Id = "withdraw-leaving";
            var (_, asked) = await speaking.SubmitAndFollowAsync(page, "#withdraw-leaving");
            var (_, after) = await speaking.SubmitAndFollowAsync(asked, "#withdraw-confirm-form");
            // In Arabic the Latin address sits in invisible isolates (FSI…PDI), so that it reads left to right.
            var masked = EmailAddresses.Mask(leaving);
            Assert.Equal(string.Format(Withdrawn[language], language == "ar" ? Web.Localization.Translations.Isolate(masked) : masked), after.QuerySelector("#status")!.TextContent.Trim());
        }
        using (var client = await app.LogInAsync(otherFocal))
        {
            var url = $"/Invitations/Delegation/{withoutQuota.Id}";
            EnglishLeft.Compare(url + " (no quota, nobody nominated)", await EnglishLeft.PageAsync(client, url, "en"), await EnglishLeft.PageAsync(client, url, language),
                language, data, failures);
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task The_accessibility_statement_has_no_English_left(string language)
    {
        using var visitor = app.CreateFormClient();
        var english = await EnglishLeft.PageAsync(visitor, "/Accessibility", "en");
        var translated = await EnglishLeft.PageAsync(visitor, "/Accessibility", language);
        var address = english.QuerySelector("#report-address")!.TextContent;
        Assert.Equal("mailto:" + address, translated.QuerySelector("#report-address")!.GetAttribute("href"));
        var failures = new List<string>();
        // WCAG, axe, ARIA, QR, Word, px: names and codes the translation keeps.
        EnglishLeft.Compare("/Accessibility", english, translated, language, [address, "WCAG", "axe", "ARIA", "QR", "Word", "px", "AA"], failures);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
