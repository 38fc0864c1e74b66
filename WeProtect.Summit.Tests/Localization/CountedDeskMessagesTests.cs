using AngleSharp.Html.Dom;
using Microsoft.Extensions.Localization;
using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Organisations;
using WeProtect.Summit.Data.Reporting;
using WeProtect.Summit.Web.Localization;

namespace WeProtect.Summit.Tests.Localization;

/// <summary>A desk's message about a count says it in the reader's grammar (<c>DeskText.Counted</c>): "Reminder sent to
/// 1 organisation", Arabic's dual and its 3–10 plural, never "organisation(s)" or "point(s) focal(aux)"; and the audit
/// trail, the English record, reads "2 nominations withdrawn" rather than "nomination(s)".</summary>
public class CountedDeskMessagesTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private static readonly AuditActor Organiser = new(null, "Test organiser");

    private static string Status(IHtmlDocument page) => Normalised(page.QuerySelector("#status")?.TextContent ?? "");

    private static string Normalised(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static readonly Dictionary<string, string> TwoReminded = new()
    {
        ["en"] = "Reminders sent to 2 organisations that have not nominated anyone.",
        ["fr"] = "Relances envoyées à 2 organisations n'ayant désigné personne.",
        ["es"] = "Recordatorios enviados a 2 organizaciones que no han designado a nadie.",
        ["ar"] = "أُرسل تذكيران إلى 2 منظمتين لم تسمِّيا أحدًا.",
    };

    [Theory]
    [MemberData(nameof(CountsInTheirLanguageTests.Languages), MemberType = typeof(CountsInTheirLanguageTests))]
    public async Task The_invitation_reminder_says_how_many_organisations_in_the_readers_grammar(string language)
    {
        var summit = await app.CreateOpenSummitAsync();
        await app.AcceptedInvitationAsync(summit.Id);
        await app.AcceptedInvitationAsync(summit.Id);
        using var organiser = LocalizedAppFactory.Speaking(await app.LoggedInClientAsync(Roles.Organiser), language);

        var (_, shown) = await organiser.SubmitAndFollowAsync(await organiser.GetPageAsync($"/Invitations/Manage/{summit.Id}"), "#remind-form");

        var said = Normalised(shown.QuerySelector("main")!.TextContent);
        Assert.Contains(TwoReminded[language], said);
        Assert.DoesNotContain("(s)", said);
        Assert.DoesNotContain("(es)", said);
    }

    private static readonly Dictionary<string, string> OneRemindedThreeWithoutFocalPoint = new()
    {
        ["en"] = "Reminder queued for 1 organisation. 3 organisations that have not submitted have no focal point to remind.",
        ["fr"] = "Relance en file d'attente pour 1 organisation. 3 organisations n'ayant pas soumis de rapport n'ont aucun point focal à relancer.",
        ["es"] = "Recordatorio en cola para 1 organización. 3 organizaciones que no han presentado informe no tienen punto focal al que recordar.",
        ["ar"] = "وُضع تذكير في قائمة الإرسال إلى 1 منظمة. لا توجد جهة اتصال يُرسل إليها تذكير لدى 3 منظمات لم تقدّم تقاريرها.",
    };

    [Theory]
    [MemberData(nameof(CountsInTheirLanguageTests.Languages), MemberType = typeof(CountsInTheirLanguageTests))]
    public async Task The_reporting_reminder_counts_the_reminded_and_those_without_a_focal_point_in_the_readers_grammar(string language)
    {
        var reminded = await app.OrganisationAsync(Sector.Government);
        Organisation[] silent = [await app.OrganisationAsync(Sector.Government), await app.OrganisationAsync(Sector.Government), await app.OrganisationAsync(Sector.Government)];
        var (_, cycle) = await app.CycleOnNewStatementAsync([reminded, .. silent]);
        await app.FocalPointAsync(reminded.Id, twoFactor: false);
        using var organiser = LocalizedAppFactory.Speaking(await app.LoggedInClientAsync(Roles.Organiser), language);

        var (_, shown) = await organiser.SubmitAndFollowAsync(await organiser.GetPageAsync($"/Reporting/Manage/Cycle/{cycle.Id}"), "form#remind-form");

        Assert.Equal(OneRemindedThreeWithoutFocalPoint[language], Status(shown));
        Assert.Equal($"Reminders queued for 1 organisation in cycle {cycle.Id}", await app.WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(e => e.Action == "reporting-cycle.reminded" && e.SubjectId == cycle.Id.ToString()).Select(e => e.Summary).SingleAsync()));
    }

    private static readonly Dictionary<string, string> TwoInvited = new()
    {
        ["en"] = "2 focal points invited to report.",
        ["fr"] = "2 points focaux invités à faire rapport.",
        ["es"] = "Se ha invitado a 2 puntos focales a presentar informe.",
        ["ar"] = "دُعيت 2 جهتا اتصال إلى تقديم التقارير.",
    };

    [Theory]
    [MemberData(nameof(CountsInTheirLanguageTests.Languages), MemberType = typeof(CountsInTheirLanguageTests))]
    public async Task Opening_a_cycle_says_how_many_focal_points_were_invited_in_the_readers_grammar(string language)
    {
        var first = await app.OrganisationAsync(Sector.Government);
        var second = await app.OrganisationAsync(Sector.Government);
        var statement = await app.PublishedStatementAsync([first, second]);
        await app.FocalPointAsync(first.Id, twoFactor: false);
        await app.FocalPointAsync(second.Id, twoFactor: false);
        var summit = await app.WithDbAsync(db => db.Summits.AsNoTracking().FirstAsync(s => s.Id == statement.SummitId));
        using var organiser = LocalizedAppFactory.Speaking(await app.LoggedInClientAsync(Roles.Organiser), language);
        var title = $"Cycle {Guid.NewGuid():N}"[..16];

        var (_, opened) = await organiser.SubmitAndFollowAsync(await organiser.GetPageAsync("/Reporting/Manage"), "form#open-form", new Dictionary<string, string>
        {
            ["Cycle.Title"] = title, ["Cycle.SummitId"] = summit.Id.ToString(), ["Cycle.StatementIds"] = statement.Id.ToString(),
            ["Cycle.Opens"] = summit.ToLocal(app.UtcNow.AddHours(-1)).ToString("yyyy-MM-ddTHH:mm"),
            ["Cycle.Deadline"] = summit.ToLocal(app.UtcNow.AddDays(30)).ToString("yyyy-MM-ddTHH:mm"),
        });

        Assert.EndsWith(TwoInvited[language], Status(opened));
        Assert.Contains(title, Status(opened));
    }

    /// <summary>The messages no page rewords (the sweep's invitations, a grant that invites at once), rendered as a page
    /// or a log would render them, for one, two, three, eleven and a hundred.</summary>
    [Theory]
    [InlineData("en", 1, "Invitation queued for 1 focal point.", "Reporting focal point granted. Invited to report in 1 open cycle.")]
    [InlineData("en", 3, "Invitations queued for 3 focal points.", "Reporting focal point granted. Invited to report in 3 open cycles.")]
    [InlineData("fr", 1, "Invitation en file d'attente pour 1 point focal.", "Point focal pour les rapports désigné. Invité à faire rapport dans 1 cycle ouvert.")]
    [InlineData("fr", 2, "Invitations en file d'attente pour 2 points focaux.", "Point focal pour les rapports désigné. Invité à faire rapport dans 2 cycles ouverts.")]
    [InlineData("es", 2, "Invitaciones en cola para 2 puntos focales.", "Punto focal de informes designado. Se le ha invitado a presentar informe en 2 ciclos abiertos.")]
    [InlineData("ar", 2, "وُضعت دعوتان في قائمة الإرسال إلى 2 جهتَي اتصال.", "عُيّنت جهة الاتصال المعنية بالتقارير. ودُعيت إلى تقديم التقارير في 2 دورتين مفتوحتين.")]
    [InlineData("ar", 3, "وُضعت دعوات في قائمة الإرسال إلى 3 جهات اتصال.", "عُيّنت جهة الاتصال المعنية بالتقارير. ودُعيت إلى تقديم التقارير في 3 دورات مفتوحة.")]
    [InlineData("ar", 11, "وُضعت دعوات في قائمة الإرسال إلى 11 جهةَ اتصال.", "عُيّنت جهة الاتصال المعنية بالتقارير. ودُعيت إلى تقديم التقارير في 11 دورةً مفتوحة.")]
    [InlineData("ar", 100, "وُضعت دعوات في قائمة الإرسال إلى 100 جهة اتصال.", "عُيّنت جهة الاتصال المعنية بالتقارير. ودُعيت إلى تقديم التقارير في 100 دورة مفتوحة.")]
    public void The_sweeps_invitations_and_a_grants_cycles_are_counted_in_the_readers_grammar(string language, int count, string invitations, string granted)
    {
        // The desks' own wording, as ReportingDesk writes it (its count is the only value).
        Data.Desks.DeskText invited = Data.Desks.DeskText.Counted(count, $"Invitation queued for {count:N0} focal point.", $"Invitations queued for {count:N0} focal points.");
        Data.Desks.DeskText cycles = Data.Desks.DeskText.Counted(count, $"Reporting focal point granted. Invited to report in {count:N0} open cycle.",
            $"Reporting focal point granted. Invited to report in {count:N0} open cycles.");
        var words = app.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        using var speaking = RecipientLanguage.Speak(language);
        Assert.Equal(invitations, Translations.Of(words, invited));
        Assert.Equal(granted, Translations.Of(words, cycles));
    }

    [Fact]
    public async Task A_focal_point_granted_during_an_open_cycle_is_told_it_is_invited_to_one_cycle()
    {
        var organisation = await app.OrganisationAsync();
        await app.CycleOnNewStatementAsync(organisation);
        var user = await app.CreateUserAsync();
        using var scope = app.Services.CreateScope();

        var granted = await scope.ServiceProvider.GetRequiredService<ReportingDesk>().GrantFocalPointAsync(user.Id, organisation.Id, Organiser);

        Assert.Equal("Reporting focal point granted. Invited to report in 1 open cycle.", granted.Message);
    }
}
