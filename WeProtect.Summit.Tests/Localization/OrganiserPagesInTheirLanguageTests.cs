using System.Globalization;
using AngleSharp.Html.Dom;
using WeProtect.Summit.Data.Organisations;
using WeProtect.Summit.Data.Reporting;
using WeProtect.Summit.Data.Statements;
using WeProtect.Summit.Tests.Statements;

namespace WeProtect.Summit.Tests.Localization;

/// <summary>The organisers' pages (summits, organisations, statements, signing, communiqués, breakouts, documents,
/// reporting), each filled with data and opened by the same organiser in English and then in each other language: a
/// text of the page's own (not a value of the data) that reads the same in both is English left in the view, and
/// fails (<see cref="EnglishLeft"/>). Statement text is data: the pages mark it with the statement's language.</summary>
public class OrganiserPagesInTheirLanguageTests(LocalizedAppFactory app) : IClassFixture<LocalizedAppFactory>
{
    private static readonly byte[] Pdf = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();

    public static TheoryData<string> Languages() => EnglishLeft.Languages();

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task The_summit_and_organisation_pages_have_no_English_left(string language)
    {
        var summit = await app.CreateOpenSummitAsync();
        var member = await app.OrganisationAsync(Sector.Government);
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        await JoinAndLeaveAsync(organiser, member.Id);

        await CompareAsync(organiser, language,
        [
            "/Summits/Manage", "/Summits/Manage/Edit", $"/Summits/Manage/Edit/{summit.Id}", $"/Summits/Manage/Retention/{summit.Id}",
            "/Organisations/Manage/Create", $"/Organisations/Manage/Edit/{member.Id}", "/Organisations/Manage/Import",
            $"/Organisations/Manage/Membership/{member.Id}",
        ]);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task The_statement_signing_and_communique_pages_have_no_English_left(string language)
    {
        var summit = await app.CreateOpenSummitAsync();
        var (draft, _) = await app.CreateStatementAsync(summit.Id, StatementStatus.Draft, StatementExample.Canonical, $"Draft {Guid.NewGuid():N}"[..14]);
        await app.AddVersionAsync(draft.Id, StatementExample.Canonical.Replace("protects", "shields", StringComparison.Ordinal), "Second thoughts");
        await app.CreateStatementAsync(summit.Id, StatementStatus.OpenForSignature, StatementExample.Canonical, $"Open {Guid.NewGuid():N}"[..13]);
        var (consulted, amendment) = await ProposedAmendmentAsync();
        var signatory = await app.CreateUserAsync(fullName: "Authorised Signatory");
        await app.GrantAsync(signatory, (await app.OrganisationAsync()).Id);
        var closed = await app.ClosedStatementAsync();
        var published = await app.ClosedStatementAsync();
        await app.PublishedAsync(published.StatementId);
        var (organiser, organiserUser) = await app.LoggedInUserAsync(Roles.Organiser);
        using var _ = organiser;
        // A statement of a summit recorded afterwards, with one endorsement recorded as printed and the form to add more.
        var recorded = await app.FinalStatementAsync((await app.RecordedSummitAsync()).Id, organiserUser);
        var recordedGovernment = await app.OrganisationAsync(Sector.Government, $"Republic of Record {Guid.NewGuid():N}"[..30]);
        var recordPage = await organiser.GetPageAsync($"/Statements/Manage/Record/{recorded}");
        await organiser.SubmitAndFollowAsync(recordPage, "#record-form", new Dictionary<string, string>
        {
            ["Input.Names"] = recordedGovernment.FormalName, ["Input.AgreedOn"] = "2019-12-11", ["Input.Source"] = "Communiqué, 11 December 2019",
        });
        var record = await EnglishLeft.PageAsync(organiser, $"/Statements/Manage/Record/{recorded}", language);
        Assert.NotNull(record.QuerySelector("#record-form"));
        Assert.Single(record.QuerySelectorAll("#recorded tbody tr"));

        var edit = await EnglishLeft.PageAsync(organiser, $"/Statements/Manage/Edit/{draft.Id}", language);
        Assert.NotNull(edit.QuerySelector("#settings-form"));
        var frozen = await EnglishLeft.PageAsync(organiser, $"/Statements/Manage/Edit/{closed.StatementId}", language);
        Assert.NotNull(frozen.QuerySelector("#settings-frozen"));
        Assert.NotNull((await EnglishLeft.PageAsync(organiser, $"/Statements/Manage/Amendments/{consulted}", language)).QuerySelector($"#amendment-{amendment}"));
        await CompareAsync(organiser, language,
        [
            $"/Statements/Manage/{summit.Id}", $"/Statements/Manage/Edit/{draft.Id}", $"/Statements/Manage/Edit/{closed.StatementId}",
            $"/Statements/Manage/Compare/{draft.Id}", $"/Statements/Manage/Amendments/{consulted}", $"/Statements/Manage/Import/{draft.Id}",
            $"/Statements/Manage/Translations/{draft.Id}", "/Signing/Manage", $"/Communiques/Manage/{closed.StatementId}",
            $"/Communiques/Manage/{published.StatementId}", $"/Statements/Manage/Record/{recorded}", $"/Statements/Manage/Edit/{recorded}",
        ]);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task The_breakout_and_document_pages_have_no_English_left(string language)
    {
        var summit = await app.CreateOpenSummitAsync();
        var breakout = await app.CreateBreakoutAsync(summit, capacity: 1);
        var theme = await app.CreateThemeAsync(summit.Id, "Technology " + Guid.NewGuid().ToString("N")[..6]);
        await app.DecorateAsync(breakout.Id, theme.Id, description: "What works against online exploitation.", roomNotes: "Second floor");
        var (first, _) = await app.ApprovedDelegateAsync(summit.Id, "Amina Diallo");
        var (second, _) = await app.ApprovedDelegateAsync(summit.Id, "Carlos Pérez");
        Assert.NotNull((await app.BookAsync(breakout.Id, first)).Value);
        Assert.NotNull((await app.BookAsync(breakout.Id, second)).Value);
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        foreach (var (title, breakoutId) in new[] { ("Global Threat Assessment", ""), ("Session slides", breakout.Id.ToString(CultureInfo.InvariantCulture)) })
        {
            var (_, page) = await organiser.SubmitAndFollowAsync(await organiser.GetPageAsync($"/Breakouts/Manage/Materials/{summit.Id}"), "#material-add",
                new Dictionary<string, string> { ["Title"] = title, ["Visibility"] = "Delegates", ["BreakoutId"] = breakoutId },
                new Dictionary<string, (string, byte[])> { ["Upload"] = ("assessment.pdf", Pdf) });
            Assert.NotNull(page.QuerySelector("#status"));
        }

        var attendees = await EnglishLeft.PageAsync(organiser, $"/Breakouts/Manage/Attendees/{breakout.Id}", language);
        Assert.Single(attendees.QuerySelectorAll("#waitlist-table tbody tr"));
        await CompareAsync(organiser, language,
        [
            $"/Breakouts/Manage/{summit.Id}", $"/Breakouts/Manage/Edit/{summit.Id}", $"/Breakouts/Manage/Edit/{summit.Id}/{breakout.Id}",
            $"/Breakouts/Manage/Attendees/{breakout.Id}", $"/Breakouts/Manage/Materials/{summit.Id}", $"/Breakouts/Facilitate/Materials/{breakout.Id}",
        ]);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task The_reporting_pages_have_no_English_left(string language)
    {
        var organisation = await app.OrganisationAsync();
        var (_, cycle) = await app.CycleOnNewStatementAsync(organisation);
        var (_, focal, key) = await app.FocalPointAsync(organisation.Id, fullName: "Reporting Focal");
        await app.FocalPointAsync((await app.OrganisationAsync()).Id, twoFactor: false, fullName: "Drafting Focal");
        var (_, submitted) = await focal.SubmitAndFollowAsync(await focal.GetPageAsync(ReportingData.ReportUrl(cycle.Id, organisation.Id)), "form#report-form",
            ReportingData.Entry(0, CommitmentStatus.InProgress, "A law is drafted").With(new() { ["Input.Code"] = app.TotpCode(key!) }), submitter: "#submit");
        Assert.NotNull(submitted.QuerySelector("[role=status]"));
        var report = Assert.Single(await app.ReportsAsync(cycle.Id, organisation.Id));
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);

        await CompareAsync(organiser, language,
            ["/Reporting/Manage", $"/Reporting/Manage/Cycle/{cycle.Id}", $"/Reporting/Manage/Review/{report.Id}"]);
    }

    /// <summary>What the statement checker says about a text (an error, a warning, a number or label said inside
    /// another sentence), per language: one error and one warning as they read there.</summary>
    private static readonly Dictionary<string, (string Error, string Warning)> CheckerSays = new()
    {
        ["fr"] = ("Le numéro d’engagement 1 est utilisé deux fois dans cette section.", "Le numéro d’engagement 3 saute 2 dans cette section"),
        ["es"] = ("El número de compromiso 1 se usa dos veces en esta sección.", "El número de compromiso 3 se salta 2 en esta sección"),
        ["ar"] = ("رقم الالتزام 1 مستخدم مرتين في هذا القسم.", "رقم الالتزام 3 يتخطى 2 في هذا القسم"),
    };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task The_statement_checkers_errors_and_warnings_are_in_the_organisers_language(string language)
    {
        var summit = await app.CreateOpenSummitAsync();
        var (draft, _) = await app.CreateStatementAsync(summit.Id, StatementStatus.Draft, StatementExample.Canonical, $"Checked {Guid.NewGuid():N}"[..16]);
        const string wrong = "Text before the title\n# Title\n\n## Pledges {audience=martians}\n\n1. **One**\n   a. First.\n1. **Two**\n";
        const string doubtful = "# Title {audience=government}\n\n{commitments}\n\n1. **One**\n   a. Only.\n3. **Three**\n";
        var (english, translated) = await InEnglishAndAsync(language, async organiser =>
        {
            async Task<List<string>> PreviewAsync(string text, string list)
            {
                var edit = await organiser.GetPageAsync($"/Statements/Manage/Edit/{draft.Id}");
                var (_, page) = await organiser.SubmitAndFollowAsync(edit, "#text-form", new Dictionary<string, string> { ["Input.Text"] = text }, submitter: "#text-preview");
                return [.. page.QuerySelectorAll($"#{list} li").Select(li => li.TextContent.Trim())];
            }
            return (Errors: await PreviewAsync(wrong, "preview-errors"), Warnings: await PreviewAsync(doubtful, "preview-warnings"));
        });
        Assert.Equal(StatementParser.Parse(wrong).Errors.Select(e => e.ToString()), english.Errors);
        Assert.Equal(StatementParser.Parse(doubtful).Warnings.Select(w => w.ToString()), english.Warnings);
        Assert.Equal(english.Errors.Count, translated.Errors.Count);
        Assert.Equal(english.Warnings.Count, translated.Warnings.Count);
        // Every line said differently, the values in it kept ("martians", the audiences, the numbers).
        Assert.All(english.Errors.Concat(english.Warnings).Zip(translated.Errors.Concat(translated.Warnings)), pair => Assert.NotEqual(pair.First, pair.Second));
        Assert.Contains(translated.Errors, e => e.Contains("martians", StringComparison.Ordinal) && e.Contains("government", StringComparison.Ordinal));
        Assert.Contains(translated.Errors, e => e.Contains(CheckerSays[language].Error, StringComparison.Ordinal));
        Assert.Contains(translated.Warnings, w => w.Contains(CheckerSays[language].Warning, StringComparison.Ordinal));
    }

    /// <summary>The translation structure check's refusal, and a parse error inside the translation's refusal, per language.</summary>
    private static readonly Dictionary<string, (string Structure, string Error)> TranslationCheckSays = new()
    {
        ["fr"] = ("Engagements de la section 2 : 1 dans le texte faisant foi, 2 dans cette traduction.", "La traduction comporte des erreurs : Ligne 3 :"),
        ["es"] = ("Compromisos de la sección 2: 1 en el texto auténtico, 2 en esta traducción.", "La traducción contiene errores: Línea 3:"),
        ["ar"] = ("التزامات القسم 2: 1 في النص المعتمد، و2 في هذه الترجمة.", "في الترجمة أخطاء: السطر 3:"),
    };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task The_translation_structure_check_is_in_the_organisers_language(string language)
    {
        var summit = await app.CreateOpenSummitAsync();
        var (statement, _) = await app.CreateStatementAsync(summit.Id, StatementStatus.Final, SigningData.TextForAll, $"Translated {Guid.NewGuid():N}"[..18]);
        using var organiser = LocalizedAppFactory.Speaking(await app.LoggedInClientAsync(Roles.Organiser), language);
        var page = await organiser.GetPageAsync($"/Statements/Manage/Translations/{statement.Id}");
        Dictionary<string, string> Values(string text) => new() { ["Input.Language"] = "fr", ["Input.Text"] = text };

        var refused = await SigningData.RefusedPageAsync(await organiser.SubmitAsync(page, "form#translation-form", Values(TranslationData.FrenchWithAnExtraCommitment)));
        Assert.Contains(TranslationCheckSays[language].Structure, refused.Errors());
        var broken = await SigningData.RefusedPageAsync(await organiser.SubmitAsync(page, "form#translation-form", Values("# Titre\n\n## Sans marqueur\n\n1. x\n")));
        Assert.Contains(TranslationCheckSays[language].Error, broken.Errors());
        Assert.DoesNotContain("section heading", broken.Errors());
        Assert.Equal(0, await app.WithDbAsync(db => db.StatementTranslations.CountAsync(t => t.StatementId == statement.Id)));
    }

    /// <summary>A line of each part of the Word import's report, per language.</summary>
    private static readonly Dictionary<string, (string Converted, string Dropped, string Marker)> ImportReportSays = new()
    {
        ["fr"] = ("Éléments lettrés : 2", "Tableaux (leur texte n’est pas dans le projet) : 1", "Ligne 3 (« ## Government delegates pledge to ») : ajoutez {audience=…} à la fin"),
        ["es"] = ("Apartados con letra: 2", "Tablas (su texto no está en el borrador): 1", "Línea 3 («## Government delegates pledge to»): añada {audience=…} al final"),
        ["ar"] = ("البنود ذات الأحرف: 2", "الجداول (نصها ليس في المسودة): 1", "السطر 3 («## Government delegates pledge to»): أضف {audience=…} في آخره"),
    };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task The_Word_imports_report_is_in_the_organisers_language(string language)
    {
        var summit = await app.CreateOpenSummitAsync();
        var (draft, _) = await app.CreateStatementAsync(summit.Id, StatementStatus.Draft, StatementExample.Canonical, $"Imported {Guid.NewGuid():N}"[..16]);
        var word = ImportWordFile.Build(
        [
            ImportWordFile.P("We, the governments, recognise the harm."),
            ImportWordFile.Styled("Heading2", "Government delegates pledge to"),
            ImportWordFile.Item(ImportWordFile.Numbered, 0, ImportWordFile.B("Strengthen cooperation")),
            ImportWordFile.Item(ImportWordFile.Numbered, 1, "Advance collaboration."),
            ImportWordFile.Item(ImportWordFile.Numbered, 0, ImportWordFile.B("Support survivors")),
            ImportWordFile.Item(ImportWordFile.Numbered, 1, "Fund services."),
            ImportWordFile.Table("A table cell"),
        ]);
        var (english, translated) = await InEnglishAndAsync(language, async organiser =>
        {
            var form = await organiser.GetPageAsync($"/Statements/Manage/Import/{draft.Id}");
            var (_, page) = await organiser.SubmitAndFollowAsync(form, "#import-form", files: new Dictionary<string, (string, byte[])> { ["Upload"] = ("draft.docx", word) });
            return new[] { "#import-converted", "#import-dropped", "#import-markers" }
                .ToDictionary(list => list, list => page.QuerySelectorAll($"{list} li").Select(li => li.TextContent.Trim()).ToList());
        });

        foreach (var (list, lines) in english)
        {
            Assert.NotEmpty(lines);
            Assert.Equal(lines.Count, translated[list].Count);
            Assert.All(lines.Zip(translated[list]), pair => Assert.NotEqual(pair.First, pair.Second));
        }
        Assert.Contains(ImportReportSays[language].Converted, translated["#import-converted"]);
        Assert.Contains(ImportReportSays[language].Dropped, translated["#import-dropped"]);
        Assert.StartsWith(ImportReportSays[language].Marker, translated["#import-markers"][0]);
    }

    /// <summary>Pages keep the culture's numbers and dates, with times in the summit's zone.</summary>
    [Fact]
    public async Task The_French_breakout_programme_and_summit_list_format_dates_and_numbers_in_French()
    {
        var summit = await app.CreateOpenSummitAsync(capacity: 1200);
        var breakout = await app.CreateBreakoutAsync(summit);
        using var organiser = LocalizedAppFactory.Speaking(await app.LoggedInClientAsync(Roles.Organiser), "fr");
        var french = CultureInfo.GetCultureInfo("fr-FR");

        var list = await EnglishLeft.PageAsync(organiser, "/Summits/Manage", "fr");
        var row = list.QuerySelectorAll("main tbody tr").Single(r => r.TextContent.Contains(summit.Name, StringComparison.Ordinal));
        Assert.Contains(summit.DelegateCapacity.ToString("N0", french), row.TextContent);
        Assert.Contains(summit.StartDate.ToString("d MMM yyyy", french), row.TextContent);

        var programme = await EnglishLeft.PageAsync(organiser, $"/Breakouts/Manage/{summit.Id}", "fr");
        Assert.Equal("Programme des ateliers", programme.QuerySelector("main h1")!.TextContent);
        var start = summit.ToLocal(breakout.StartUtc);
        Assert.Contains(start.ToString("dddd d MMMM yyyy", french), programme.QuerySelector("main h3")!.TextContent);
        Assert.StartsWith(start.ToString("HH:mm", french), programme.QuerySelector($"tr[data-id='{breakout.Id}'] .time")!.TextContent);
    }

    [Fact]
    public async Task An_Arabic_refusal_from_the_organisation_form_is_in_Arabic()
    {
        using var organiser = LocalizedAppFactory.Speaking(await app.LoggedInClientAsync(Roles.Organiser), "ar");
        var form = await EnglishLeft.PageAsync(organiser, "/Organisations/Manage/Create", "ar");
        Assert.Equal("rtl", form.DocumentElement.GetAttribute("dir"));
        Assert.Equal("إضافة منظمة", form.QuerySelector("main h1")!.TextContent);

        var refused = await FormClient.ParseAsync(await organiser.SubmitAsync(form, "#organisation-form",
            new Dictionary<string, string> { ["Input.FormalName"] = "Ministry of Justice " + Guid.NewGuid().ToString("N")[..6] }));
        Assert.Contains("اختر قطاعًا.", refused.QuerySelector("#organisation-form")!.TextContent);
    }

    /// <summary>The same steps by an organiser reading English and by one reading <paramref name="language"/>.</summary>
    private async Task<(T English, T Translated)> InEnglishAndAsync<T>(string language, Func<FormClient, Task<T>> steps)
    {
        var said = new List<T>();
        foreach (var asked in new[] { "en", language })
        {
            using var organiser = LocalizedAppFactory.Speaking(await app.LoggedInClientAsync(Roles.Organiser), asked);
            said.Add(await steps(organiser));
        }
        return (said[0], said[1]);
    }

    private async Task CompareAsync(FormClient organiser, string language, string[] urls)
    {
        var data = await DataAsync();
        data.AddRange(EnglishLeft.CountryNames(language));
        var failures = new List<string>();
        foreach (var url in urls)
            EnglishLeft.Compare(url, await EnglishLeft.PageAsync(organiser, url, "en"), await EnglishLeft.PageAsync(organiser, url, language), language, data, failures);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>Every value the organisers' pages show from the database (names, titles, notes, hashes…): not the view's text.</summary>
    private Task<List<string>> DataAsync() => app.WithDbAsync(async db =>
    {
        var data = new List<string>();
        foreach (var s in await db.Summits.AsNoTracking().ToListAsync())
            data.AddRange([s.Name, s.City, s.Venue ?? "", s.Theme ?? "", s.TimeZoneId, s.ContactEmail ?? "", .. (s.Description ?? "").Split("\n\n")]);
        data.AddRange(await db.Organisations.Select(o => o.FormalName).ToListAsync());
        data.AddRange(await db.Organisations.Select(o => o.SortName).ToListAsync());
        data.AddRange((await db.Organisations.Select(o => o.ListedName).ToListAsync()).OfType<string>());
        data.AddRange(await db.Users.Select(u => u.FullName).ToListAsync());
        data.AddRange((await db.Users.Select(u => u.Email).ToListAsync()).OfType<string>());
        data.AddRange((await db.Users.Select(u => u.Position).ToListAsync()).OfType<string>());
        data.AddRange(await db.Registrations.Select(r => r.Position).ToListAsync());
        data.AddRange(await db.Statements.Select(s => s.Title).ToListAsync());
        data.AddRange(await db.StatementVersions.Select(v => v.ContentHash).ToListAsync());
        data.AddRange(await db.StatementVersions.Select(v => v.ChangeNote).ToListAsync());
        data.AddRange(await db.StatementVersions.Select(v => v.AuthorName).ToListAsync());
        data.AddRange(await db.Amendments.Select(a => a.ProposerName).ToListAsync());
        data.AddRange((await db.Amendments.Select(a => a.Explanation).ToListAsync()).OfType<string>());
        data.AddRange((await db.Amendments.Select(a => a.OrganisationName).ToListAsync()).OfType<string>());
        data.AddRange(await db.Endorsements.Select(e => e.PrintedName).ToListAsync());
        data.AddRange(await db.Endorsements.Select(e => e.PrintedPosition).ToListAsync());
        data.AddRange((await db.Endorsements.Select(e => e.RecordedFrom).ToListAsync()).OfType<string>());
        data.AddRange((await db.Endorsements.Select(e => e.Declaration).ToListAsync()).OfType<string>());
        data.AddRange((await db.Communiques.Select(c => c.Sha256).ToListAsync()).OfType<string>());
        data.AddRange(await db.SigningAuthorities.Select(a => a.EvidenceReference).ToListAsync());
        data.AddRange(await db.Breakouts.Select(b => b.Title).ToListAsync());
        data.AddRange((await db.Breakouts.Select(b => b.Description).ToListAsync()).OfType<string>());
        data.AddRange(await db.Rooms.Select(r => r.Name).ToListAsync());
        data.AddRange((await db.Rooms.Select(r => r.Notes).ToListAsync()).OfType<string>());
        data.AddRange(await db.Themes.Select(t => t.Name).ToListAsync());
        data.AddRange(await db.Materials.Select(m => m.Title).ToListAsync());
        data.AddRange(await db.Materials.Select(m => m.FileName).ToListAsync());
        data.AddRange(await db.ReportingCycles.Select(c => c.Title).ToListAsync());
        data.AddRange((await db.ProgressReports.Select(r => r.ContentHash).ToListAsync()).OfType<string>());
        data.AddRange((await db.ProgressEntries.Select(e => e.Narrative).ToListAsync()).OfType<string>());
        data.AddRange((await db.Memberships.Select(m => m.LeavingReason).ToListAsync()).OfType<string>());
        return data.Where(d => d.Length > 0).Distinct().ToList();
    });

    private static async Task JoinAndLeaveAsync(FormClient organiser, int organisationId)
    {
        await organiser.SubmitAndFollowAsync(await organiser.GetPageAsync($"/Organisations/Manage/Membership/{organisationId}"), "form#join-form",
            new Dictionary<string, string> { ["Join.JoinedOn"] = "2015-11-16" });
        var (_, page) = await organiser.SubmitAndFollowAsync(await organiser.GetPageAsync($"/Organisations/Manage/Membership/{organisationId}"), "form#leave-form",
            new Dictionary<string, string> { ["Leave.LeftOn"] = "2018-03-01", ["Leave.Reason"] = "Letter of 12 February 2018" });
        Assert.NotNull(page.QuerySelector("#periods"));
        await organiser.SubmitAndFollowAsync(await organiser.GetPageAsync($"/Organisations/Manage/Membership/{organisationId}"), "form#join-form",
            new Dictionary<string, string> { ["Join.JoinedOn"] = "2020-01-01" });
    }

    /// <summary>A statement in consultation with one amendment proposed by a delegate (still pending).</summary>
    private async Task<(int StatementId, int AmendmentId)> ProposedAmendmentAsync()
    {
        var (summitId, id) = await app.StatementAsync();
        var (member, _) = await app.DelegateAsync(summitId, "Government of Albania " + Guid.NewGuid().ToString("N")[..6]);
        await member.SubmitAndFollowAsync(await member.GetPageAsync($"/Statements/{id}/consult"), "#amendment-form", new Dictionary<string, string>
        {
            ["Proposal.Anchor"] = "government-1.b", ["Proposal.Wording"] = "Share what works, with data that protects **privacy**.", ["Proposal.Explanation"] = "Clearer.",
        });
        return (id, await app.WithDbAsync(db => db.Amendments.Where(a => a.StatementId == id).Select(a => a.Id).SingleAsync()));
    }
}
