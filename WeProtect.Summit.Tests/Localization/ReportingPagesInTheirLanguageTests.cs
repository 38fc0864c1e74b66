using WeProtect.Summit.Web.Localization;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Languages;
using WeProtect.Summit.Data.Organisations;
using WeProtect.Summit.Data.Reporting;

namespace WeProtect.Summit.Tests.Localization;

/// <summary>The reporting pages, opened in English and in each other language: a focal point's list and report in
/// each of its states (not started, without two-step verification, a draft, submitted, a clarification asked, closed),
/// then the public figures of a published cycle (progress, a commitment, members who reported and who did not). A text
/// of the page's own that reads the same in both is English left (<see cref="EnglishLeft"/>).</summary>
public class ReportingPagesInTheirLanguageTests(LocalizedAppFactory app) : IClassFixture<LocalizedAppFactory>
{
    public static TheoryData<string> Languages() => EnglishLeft.Languages();

    /// <summary>The status line after a submission, in each language (the hash follows).</summary>
    private static readonly Dictionary<string, string> Submitted = new()
    {
        ["fr"] = "Envoyé : soumission 1, SHA-256 ", ["es"] = "Enviado: presentación 1, SHA-256 ", ["ar"] = "تم الإرسال: الإرسال رقم 1، بصمة SHA-256: ",
    };

    /// <summary>The start of the refusal of a report after the deadline.</summary>
    private static readonly Dictionary<string, string> DeadlinePassed = new()
    {
        ["fr"] = "La date limite de ce cycle de rapports est passée le ", ["es"] = "La fecha límite de este ciclo de presentación de informes venció el ",
        ["ar"] = "انقضى الموعد النهائي لدورة التقارير هذه في ",
    };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task A_focal_points_reports_have_no_English_left_in_any_state(string language)
    {
        var organisation = await app.OrganisationAsync(Sector.Government);
        var (statement, cycle) = await app.CycleOnNewStatementAsync(organisation);
        var closing = await app.CycleAsync(statement.SummitId, [statement.Id], app.UtcNow.AddMinutes(30));
        var (_, focal, key) = await app.FocalPointAsync(organisation.Id);
        var (_, withoutTwoStep, _) = await app.FocalPointAsync(organisation.Id, twoFactor: false, fullName: "Second Focal");
        var summit = await app.WithDbAsync(db => db.Summits.AsNoTracking().FirstAsync(s => s.Id == statement.SummitId));
        string[] data = [organisation.FormalName, cycle.Title, closing.Title, statement.Title, summit.Name, summit.TimeZoneId, "Which law, and when?",
            "A law is **drafted**", "A law is **passed**", "A law is", "drafted", "passed"];
        var url = ReportingData.ReportUrl(cycle.Id, organisation.Id);
        var failures = new List<string>();

        await CompareAsync(focal, "/Reporting", "not started", language, data, failures);
        await CompareAsync(focal, url, "not started", language, data, failures);
        await CompareAsync(withoutTwoStep, url, "without two-step verification", language, data, failures);

        await focal.SubmitAndFollowAsync(await focal.GetPageAsync(url), "form#report-form", ReportingData.Entry(0, CommitmentStatus.InProgress, "A law is **drafted**"));
        await CompareAsync(focal, "/Reporting", "a draft", language, data, failures);
        await CompareAsync(focal, url, "a draft", language, data, failures);

        // Submitted by a focal point whose browser speaks the language: the status line is in it too.
        var speaking = LocalizedAppFactory.Speaking(focal, language);
        var (_, done) = await speaking.SubmitAndFollowAsync(await speaking.GetPageAsync(url), "form#report-form",
            ReportingData.Entry(0, CommitmentStatus.Achieved, "A law is **passed**").With(new() { ["Input.Code"] = app.TotpCode(key!) }), submitter: "#submit");
        var report = (await app.ReportsAsync(cycle.Id, organisation.Id)).Single();
        // In Arabic the Latin hash sits in invisible isolates (FSI…PDI), so that it reads left to right.
        Assert.Equal(Submitted[language] + (language == "ar" ? Web.Localization.Translations.Isolate(report.ContentHash!) : report.ContentHash) + ".", done.QuerySelector("#status")!.TextContent.Trim());
        await CompareAsync(focal, "/Reporting", "submitted", language, data, failures);
        await CompareAsync(focal, url, "submitted", language, data, failures);

        using (var scope = app.Services.CreateScope())
        {
            var asked = await scope.ServiceProvider.GetRequiredService<ReportingDesk>()
                .ReviewAsync(report.Id, report.Version, ReportReview.ClarificationAsked, "Which law, and when?", new AuditActor(null, "Test organiser"));
            Assert.True(asked.Succeeded, asked.Message);
        }
        await CompareAsync(focal, url, "a clarification asked", language, data, failures);

        var closingForm = await speaking.GetPageAsync(ReportingData.ReportUrl(closing.Id, organisation.Id));
        app.Clock.Advance(TimeSpan.FromMinutes(31));
        var closed = await EnglishLeft.PageAsync(focal, ReportingData.ReportUrl(closing.Id, organisation.Id), language);
        Assert.NotNull(closed.QuerySelector("#closed"));
        await CompareAsync(focal, ReportingData.ReportUrl(closing.Id, organisation.Id), "closed", language, data, failures);

        // A draft sent from a page opened before the deadline: the desk's refusal, its date in the language too.
        var late = await speaking.SubmitAndFollowAsync(closingForm, "form#report-form", ReportingData.Entry(0, CommitmentStatus.Achieved));
        var refusal = late.Page.QuerySelector(".alert-danger")!.TextContent;
        Assert.Contains(DeadlinePassed[language], refusal);
        Assert.Contains(summit.ToLocal(closing.DeadlineUtc).Said("dddd d MMMM yyyy, HH:mm", InterfaceLanguages.FormattingCulture(language)) + $" ({summit.TimeZoneId})", refusal);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task The_public_figures_of_a_published_cycle_have_no_English_left(string language)
    {
        var consenting = await app.OrganisationAsync(Sector.Government);
        var discreet = await app.OrganisationAsync(Sector.CivilSociety);
        var silent = await app.OrganisationAsync(Sector.Government);
        var never = await app.OrganisationAsync(Sector.PrivateSector);
        var hidden = await app.OrganisationAsync(Sector.Government);
        var statement = await app.PublishedStatementAsync([consenting, discreet, silent, hidden]);
        var cycle = await app.CycleAsync(statement.SummitId, [statement.Id], app.UtcNow.AddMinutes(30));
        await SubmitAsync(consenting, cycle, ReportPublication.FiguresAndNarratives, "We trained **40** officers");
        await SubmitAsync(discreet, cycle, ReportPublication.FiguresOnly, "Private words of the ministry");
        await SubmitAsync(hidden, cycle, ReportPublication.Private, "Words kept private");
        app.Clock.Advance(TimeSpan.FromMinutes(31));
        using (var scope = app.Services.CreateScope())
        {
            var published = await scope.ServiceProvider.GetRequiredService<ReportingDesk>().PublishAsync(cycle.Id, new AuditActor(null, "Test organiser"));
            Assert.True(published.Succeeded, published.Message);
        }
        var summit = await app.WithDbAsync(db => db.Summits.AsNoTracking().FirstAsync(s => s.Id == statement.SummitId));
        var data = new[] { cycle.Title, statement.Title, summit.TimeZoneId, "We trained", "40", "officers" }
            .Concat(new[] { consenting, discreet, silent, never, hidden }.Select(o => o.FormalName)).ToList();
        using var visitor = app.CreateFormClient();
        var failures = new List<string>();
        foreach (var url in new[]
                 {
                     $"/Reporting/Progress/{cycle.Id}", $"/Reporting/Commitment/{cycle.Id}/{statement.Id}/all-1", $"/Reporting/Member/{consenting.Id}",
                     $"/Reporting/Member/{silent.Id}", $"/Reporting/Member/{never.Id}", $"/Reporting/Member/{hidden.Id}",
                 })
            await CompareAsync(visitor, url, "published", language, data, failures);
        Assert.True(failures.Count == 0, string.Join("\n", failures));

        var commitment = await EnglishLeft.PageAsync(visitor, $"/Reporting/Commitment/{cycle.Id}/{statement.Id}/all-1", language);
        Assert.NotNull(commitment.QuerySelector("#private"));
        Assert.NotNull(commitment.QuerySelector($"#narrative-{consenting.Id}"));
        Assert.NotNull(commitment.QuerySelector("#kept-private"));
        Assert.NotNull((await EnglishLeft.PageAsync(visitor, $"/Reporting/Progress/{cycle.Id}", language)).QuerySelector("#kept-private"));
        Assert.NotNull((await EnglishLeft.PageAsync(visitor, $"/Reporting/Member/{hidden.Id}", language)).QuerySelector($"#cycle-{cycle.Id} .reported-private"));
    }

    /// <summary>The reporting rate agrees with its counts: French said "1 organisations sur 4 ont fait rapport." and
    /// Arabic "من أصل 4 منظمة" (3 to 10 take the plural).</summary>
    [Fact]
    public async Task The_reporting_rate_agrees_with_its_counts()
    {
        var organisations = new List<Organisation>();
        for (var i = 0; i < 4; i++) organisations.Add(await app.OrganisationAsync(Sector.Government));
        var statement = await app.PublishedStatementAsync(organisations);
        var cycle = await app.CycleAsync(statement.SummitId, [statement.Id], app.UtcNow.AddMinutes(30));
        await SubmitAsync(organisations[0], cycle, ReportPublication.FiguresAndNarratives, "We trained officers");
        app.Clock.Advance(TimeSpan.FromMinutes(31));
        using (var scope = app.Services.CreateScope())
        {
            var published = await scope.ServiceProvider.GetRequiredService<ReportingDesk>().PublishAsync(cycle.Id, new AuditActor(null, "Test organiser"));
            Assert.True(published.Succeeded, published.Message);
        }
        using var visitor = app.CreateFormClient();
        var expected = new Dictionary<string, string>
        {
            ["en"] = "1 of 4 organisations reported.",
            ["fr"] = "Organisations ayant fait rapport : 1 sur 4.",
            ["es"] = "Organizaciones que presentaron informe: 1 de 4.",
            ["ar"] = "قدّمت 1 من أصل 4 منظمات تقاريرها.",
        };
        foreach (var (language, rate) in expected)
            Assert.Equal(rate, (await EnglishLeft.PageAsync(visitor, $"/Reporting/Progress/{cycle.Id}", language)).QuerySelector("#rate")!.TextContent.Trim());
    }

    /// <summary>A submission by a new focal point of the organisation: entry 0 (all-1) achieved, with the narrative.</summary>
    private async Task SubmitAsync(Organisation organisation, ReportingCycle cycle, ReportPublication publication, string narrative)
    {
        var (_, focal, key) = await app.FocalPointAsync(organisation.Id);
        var values = ReportingData.Entry(0, CommitmentStatus.Achieved, narrative).With(new() { ["Input.Code"] = app.TotpCode(key!) });
        values["Input.Publication"] = publication.ToString();
        var (_, done) = await focal.SubmitAndFollowAsync(await focal.GetPageAsync(ReportingData.ReportUrl(cycle.Id, organisation.Id)), "form#report-form", values,
            submitter: "#submit");
        Assert.Contains("Submitted", done.QuerySelector("#status")!.TextContent);
    }

    /// <summary>The page in English and in the language; the statement's own words (its commitments, shown as data
    /// on these pages) are read from the English page.</summary>
    private static async Task CompareAsync(FormClient client, string url, string state, string language, IEnumerable<string> data, List<string> failures)
    {
        var english = await EnglishLeft.PageAsync(client, url, "en");
        var translated = await EnglishLeft.PageAsync(client, url, language);
        EnglishLeft.Compare($"{url} ({state})", english, translated, language, data.Concat(StatementWords(english)), failures);
    }

    private static IEnumerable<string> StatementWords(IHtmlDocument page) =>
        // Not the parts' names ("All members 1"): those are the app's words, translated like the rest.
        page.QuerySelectorAll("fieldset > p, .statement-title, #commitments th bdi, blockquote#text, #narratives p")
            .SelectMany(e => e.Descendants<IText>().Select(t => t.Data.Trim()).Append(e.TextContent.Trim()))
            .Where(t => t.Length > 1).ToList();
}
