using WeProtect.Summit.Data.Accounts;
using WeProtect.Summit.Data.Invitations;
using WeProtect.Summit.Data.Organisations;
using WeProtect.Summit.Data.Registrations;
using WeProtect.Summit.Web.Localization;

namespace WeProtect.Summit.Tests.Localization;

/// <summary>A count in a sentence takes the singular or the plural its language gives it (<see cref="Plurals"/>): "1 head
/// of delegation and 3 delegates", not "1 head(s) of delegation and 3 delegate(s)"; "0 of 1 organisation has
/// submitted"; and in French, which counts none as one, "0 organisation a approuvé".</summary>
public class CountsInTheirLanguageTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    public static TheoryData<string> Languages() => [.. Data.Languages.InterfaceLanguages.Codes];

    [Theory]
    [InlineData("en", 0, false)]
    [InlineData("en", 1, true)]
    [InlineData("en", 2, false)]
    [InlineData("fr", 0, true)]
    [InlineData("fr", 1, true)]
    [InlineData("fr", 2, false)]
    [InlineData("es", 0, false)]
    [InlineData("ar", 1, true)]
    public void French_counts_none_as_one_and_the_other_languages_only_one(string language, int count, bool singular) =>
        Assert.Equal(singular, Plurals.IsSingular(count, Data.Languages.InterfaceLanguages.FormattingCulture(language)));

    private static readonly Dictionary<string, string> Quota = new()
    {
        ["en"] = "Your delegation may count 1 head of delegation and 3 delegates: 1 head and 0 delegates nominated so far.",
        ["fr"] = "Votre délégation peut compter jusqu'à 1 chef de délégation et 3 délégués ; désignés à ce jour : 1 chef et 0 délégué.",
        ["es"] = "Su delegación puede contar con 1 jefe de delegación y 3 delegados: hasta ahora se han designado 1 jefe y 0 delegados.",
        ["ar"] = "يجوز أن يضم وفدك ما يصل إلى 1 رئيس وفد و3 مندوبًا، وقد سُمّي حتى الآن 1 رئيس وفد و0 مندوبًا.",
    };

    private static readonly Dictionary<string, string> NoneAgreed = new()
    {
        ["en"] = "0 organisations have endorsed this statement.",
        ["fr"] = "0 organisation a approuvé cette déclaration.",
        ["es"] = "0 organizaciones han respaldado esta declaración.",
        ["ar"] = "عدد المنظمات التي صادقت على هذا البيان: 0",
    };

    private static readonly Dictionary<string, string> NoneOfOneSubmitted = new()
    {
        ["en"] = "0 of 1 organisation has submitted.",
        ["fr"] = "0 organisation sur 1 a soumis son rapport.",
        ["es"] = "0 de 1 organización ha presentado su informe.",
        ["ar"] = "قدّمت 0 من أصل 1 منظمة تقاريرها.",
    };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task The_quota_the_agreed_by_count_and_the_submission_rate_say_their_counts_in_the_readers_grammar(string language)
    {
        var summit = await app.CreateOpenSummitAsync();
        var (invitation, focal) = await app.AcceptedInvitationAsync(summit.Id, heads: 1, delegates: 3);
        Assert.True((await app.NominateAsync(invitation, focal, $"head-{Guid.NewGuid():N}@example.org", DelegateCategory.HeadOfDelegation,
            new ProtocolDetails("Dr", "H.E.", ProtocolRank.Minister, 1))).Succeeded);
        using (var client = LocalizedAppFactory.Speaking(await app.LogInAsync(focal), language))
            Assert.Equal(Quota[language], Normalised((await client.GetPageAsync($"/Invitations/Delegation/{invitation.Id}")).QuerySelector("#quota")!.TextContent));

        var (statement, _) = await app.OpenStatementAsync();
        using (var anonymous = LocalizedAppFactory.Speaking(app.CreateFormClient(), language))
            Assert.Equal(NoneAgreed[language], Normalised((await anonymous.GetPageAsync($"/Statements/{statement.Id}/agreed-by")).QuerySelector("#agreed-by-count")!.TextContent));

        var organisation = await app.OrganisationAsync(Sector.Government);
        var (_, cycle) = await app.CycleOnNewStatementAsync(organisation);
        using var organiser = LocalizedAppFactory.Speaking(await app.LoggedInClientAsync(Roles.Organiser), language);
        Assert.Equal(NoneOfOneSubmitted[language], Normalised((await organiser.GetPageAsync($"/Reporting/Manage/Cycle/{cycle.Id}")).QuerySelector("#rate")!.TextContent));
    }

    private static string Normalised(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
