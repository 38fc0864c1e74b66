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

    /// <summary>CLDR's Arabic rules: 0, 1 and 2 are their own; then by n mod 100, 3–10 few, 11–99 many, and the
    /// hundreds themselves (100, 101, 102) other.</summary>
    [Theory]
    [InlineData(0, PluralCategory.Zero)]
    [InlineData(1, PluralCategory.One)]
    [InlineData(2, PluralCategory.Two)]
    [InlineData(3, PluralCategory.Few)]
    [InlineData(10, PluralCategory.Few)]
    [InlineData(11, PluralCategory.Many)]
    [InlineData(99, PluralCategory.Many)]
    [InlineData(100, PluralCategory.Other)]
    [InlineData(101, PluralCategory.Other)]
    [InlineData(102, PluralCategory.Other)]
    [InlineData(103, PluralCategory.Few)]
    [InlineData(111, PluralCategory.Many)]
    public void Arabic_counts_fall_into_the_six_CLDR_categories(long count, PluralCategory category) =>
        Assert.Equal(category, Plurals.Category(count, Data.Languages.InterfaceLanguages.FormattingCulture("ar")));

    /// <summary>Arabic's own forms are extra keys of its file; a category without one takes the plural key, and the
    /// other languages never look past their two keys.</summary>
    [Theory]
    [InlineData("ar", 1, "{0:N0} delegate")]
    [InlineData("ar", 2, "{0:N0} delegates|two")]
    [InlineData("ar", 3, "{0:N0} delegates|few")]
    [InlineData("ar", 11, "{0:N0} delegates")]
    [InlineData("ar", 100, "{0:N0} delegates|other")]
    [InlineData("ar", 0, "{0:N0} delegates|zero")]
    [InlineData("en", 3, "{0:N0} delegates")]
    [InlineData("en", 0, "{0:N0} delegates")]
    [InlineData("fr", 0, "{0:N0} delegate")]
    public void A_count_takes_its_languages_own_form_where_there_is_one(string language, long count, string key) =>
        Assert.Equal(key, Plurals.Key(count, "{0:N0} delegate", "{0:N0} delegates", Data.Languages.InterfaceLanguages.FormattingCulture(language)));

    /// <summary>The PDFs' words count the same way: one event, not "1 events" (the communiqué's audit line).</summary>
    [Theory]
    [InlineData("en", 1, "1 event")]
    [InlineData("en", 1234, "1,234 events")]
    [InlineData("fr", 1, "1 événement")]
    [InlineData("fr", 0, "0 événement")]
    [InlineData("es", 1, "1 evento")]
    [InlineData("ar", 3, "3 أحداث")]
    [InlineData("ar", 11, "11 حدثًا")]
    public void The_PDFs_words_say_a_count_in_its_languages_form(string language, long count, string said) =>
        Assert.Equal(said, new LanguageTexts(language).Plural(count, "{0:N0} event", "{0:N0} events"));

    /// <summary>Arabic's zero (CLDR "zero") has a form of its own only where the plural key would be wrong for none:
    /// "{0:N0} مندوبًا" is the form of 11–99, so 0 takes "|zero" ("0 مندوب"); "عدد المنظمات: {0:N0}." says any count.</summary>
    [Fact]
    public void Arabic_zero_takes_its_own_form_where_the_plural_key_would_be_wrong_for_none()
    {
        var arabic = Data.Languages.InterfaceLanguages.FormattingCulture("ar");
        var words = app.Services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>>();
        using var speaking = RecipientLanguage.Speak("ar");
        Assert.Equal("0 مندوب", words[Plurals.Key(0, "{0:N0} delegate", "{0:N0} delegates", arabic), 0].Value);
        Assert.Equal("0 تسجيل.", words[Plurals.Key(0, "{0:N0} registration.", "{0:N0} registrations.", arabic), 0].Value);
        Assert.Equal("{0:N0} organisations.", Plurals.Key(0, "{0:N0} organisation.", "{0:N0} organisations.", arabic));
        Assert.Equal("عدد المنظمات: 0.", words[Plurals.Key(0, "{0:N0} organisation.", "{0:N0} organisations.", arabic), 0].Value);
    }

    [Fact]
    public async Task An_empty_queue_and_a_summit_without_cycles_say_none_in_the_Arabic_zero()
    {
        var summit = await app.CreateOpenSummitAsync();
        using var organiser = LocalizedAppFactory.Speaking(await app.LoggedInClientAsync(Roles.Organiser), "ar");
        var queue = await organiser.GetPageAsync($"/Registration/Manage/{summit.Id}");
        Assert.Equal("0 تسجيل.", Normalised(queue.QuerySelector("#queue-count [data-match-count]")!.TextContent));
        var filtered = await organiser.GetPageAsync($"/Registration/Manage/{summit.Id}?q=nobody-{Guid.NewGuid():N}");
        Assert.Equal("يطابق 0 تسجيل من أصل 0.", Normalised(filtered.QuerySelector("#queue-count [data-match-count]")!.TextContent));
        var home = await organiser.GetPageAsync($"/Summits/Manage/Summit/{summit.Id}");
        Assert.Equal("0", home.QuerySelector("#figure-cycles")!.TextContent);
        Assert.Contains("0 دورة تقارير", Normalised(home.QuerySelector("#reporting-heading")!.ParentElement!.TextContent));
    }

    [Fact]
    public async Task The_attendance_dashboard_says_no_minister_in_the_French_singular()
    {
        var summit = await app.CreateOpenSummitAsync();
        using var organiser = LocalizedAppFactory.Speaking(await app.LoggedInClientAsync(Roles.Organiser), "fr");
        var figure = (await organiser.GetPageAsync($"/Registration/Manage/Dashboard/{summit.Id}")).QuerySelector("[data-figure=ministers]")!;
        Assert.Equal("0", figure.QuerySelector(".figure-number")!.TextContent);
        Assert.Contains("ministre présent", figure.TextContent);
        Assert.DoesNotContain("ministres", figure.TextContent);
    }

    [Fact]
    public async Task The_directory_says_no_match_in_the_French_singular()
    {
        using var client = LocalizedAppFactory.Speaking(await app.LoggedInClientAsync(Roles.Organiser), "fr");
        var count = (await client.GetPageAsync($"/Organisations?q=nothing-{Guid.NewGuid():N}")).QuerySelector("#directory-count")!.TextContent;
        Assert.Contains("0 organisation correspond.", Normalised(count));
    }

    [Fact]
    public async Task The_organisation_import_says_its_counts_in_Arabic_forms()
    {
        using var organiser = LocalizedAppFactory.Speaking(await app.LoggedInClientAsync(Roles.Organiser), "ar");
        var tag = Guid.NewGuid().ToString("N")[..6];
        const string header = "formal_name,sort_name,sector,country,member_since\n";
        var bad = header + "A,,No such sector,GB,\nB,,No such sector,GB,\nC,,No such sector,GB,\n";
        var (_, refused) = await organiser.SubmitAndFollowAsync(await organiser.GetPageAsync("/Organisations/Manage/Import"), "form#import-form",
            files: new Dictionary<string, (string, byte[])> { ["Upload"] = ("organisations.csv", System.Text.Encoding.UTF8.GetBytes(bad)) });
        Assert.Contains("توجد 3 أسطر بها مشكلات.", Normalised(refused.QuerySelector("main")!.TextContent));

        var good = header + $"Alpha {tag},,Civil society,GB,\nBeta {tag},,Civil society,GB,\nGamma {tag},,Civil society,GB,\n";
        var (_, done) = await organiser.SubmitAndFollowAsync(await organiser.GetPageAsync("/Organisations/Manage/Import"), "form#import-form",
            files: new Dictionary<string, (string, byte[])> { ["Upload"] = ("organisations.csv", System.Text.Encoding.UTF8.GetBytes(good)) });
        Assert.Contains("استُوردت 3 منظمات.", Normalised(done.QuerySelector("main")!.TextContent));
    }

    [Fact]
    public async Task The_invitation_import_counts_its_problems_in_the_Arabic_form()
    {
        var summit = await app.CreateOpenSummitAsync();
        using var organiser = LocalizedAppFactory.Speaking(await app.LoggedInClientAsync(Roles.Organiser), "ar");
        // Three accepted invitations sent to other addresses: three lines the desk refuses (their focal points stay).
        var ids = new List<int>();
        for (var i = 0; i < 3; i++) ids.Add((await app.AcceptedInvitationAsync(summit.Id)).Invitation.OrganisationId);
        var bad = "organisation,email,quota\n" + string.Concat(ids.Select(id => $"{id},other-{id}@example.org,\n"));
        var (_, shown) = await organiser.SubmitAndFollowAsync(await organiser.GetPageAsync($"/Invitations/Manage/{summit.Id}"), "#upload-form",
            files: new Dictionary<string, (string, byte[])> { ["Upload"] = ("invitations.csv", System.Text.Encoding.UTF8.GetBytes(bad)) });
        Assert.Contains("لم يُرسل أي شيء: توجد 3 مشكلات يلزم تصحيحها أولًا.", Normalised(shown.QuerySelector("#upload-form")!.TextContent + " " + shown.QuerySelector("#file-errors")?.TextContent));
    }

    /// <summary>The vetting queue's bulk decision counts each side in French: "1 inscription approuvée." for one, and
    /// "2 inscriptions approuvées ; 1 inscription non approuvée :" when the summit fills, not "approuvée(s)".</summary>
    [Fact]
    public async Task A_bulk_decision_says_its_counts_in_the_French_singular_and_plural()
    {
        var summit = await app.CreateOpenSummitAsync(capacity: 3);
        var organisation = await app.CreateOrganisationAsync();
        var pending = new List<Data.Registrations.Registration>();
        for (var i = 0; i < 4; i++)
        {
            pending.Add(await app.RegisterAsync(await app.CreateUserAsync(fullName: $"Vetted {i} {Guid.NewGuid():N}"[..20]), summit.Id, organisation.Id));
            app.Clock.Advance(TimeSpan.FromSeconds(1)); // the queue is in order of registration: the last one finds the summit full
        }
        using var organiser = LocalizedAppFactory.Speaking(await app.LoggedInClientAsync(Roles.Organiser), "fr");

        async Task<string> ApproveAsync(IEnumerable<Data.Registrations.Registration> chosen)
        {
            var queue = await organiser.GetPageAsync($"/Registration/Manage/Index/{summit.Id}");
            foreach (var r in chosen) ((AngleSharp.Html.Dom.IHtmlInputElement)queue.QuerySelector($"#select-{r.Id}")!).IsChecked = true;
            var (_, shown) = await organiser.SubmitAndFollowAsync(queue, "#bulk-form", new Dictionary<string, string> { ["bulkDecision"] = "Approved" });
            return Normalised(shown.QuerySelector("#decision-summary")?.TextContent ?? "");
        }

        Assert.Equal("1 inscription approuvée.", await ApproveAsync(pending.Take(1)));
        Assert.Equal("2 inscriptions approuvées ; 1 inscription non approuvée :", await ApproveAsync(pending.Skip(1)));
    }

    private static readonly Dictionary<string, string> Quota = new()
    {
        ["en"] = "Your delegation may count 1 head of delegation and 3 delegates: 1 head and 0 delegates nominated so far.",
        ["fr"] = "Votre délégation peut compter jusqu'à 1 chef de délégation et 3 délégués ; désignés à ce jour : 1 chef et 0 délégué.",
        ["es"] = "Su delegación puede contar con 1 jefe de delegación y 3 delegados: hasta ahora se han designado 1 jefe y 0 delegados.",
        ["ar"] = "يجوز أن يضم وفدك ما يصل إلى 1 رئيس وفد و3 مندوبين، وقد سُمّي حتى الآن 1 رئيس وفد و0 مندوب.",
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
