using System.Globalization;
using UglyToad.PdfPig;
using WeProtect.Summit.Data.Geography;
using WeProtect.Summit.Data.Organisations;
using WeProtect.Summit.Web.Localization;
using WeProtect.Summit.Tests.Pdf;
using WeProtect.Summit.Web.Pdf;

namespace WeProtect.Summit.Tests.Localization;

/// <summary>Issue 19: the PDFs besides the communiqué are in the language a secretariat would choose, read back with
/// PdfPig and pdftotext. An organiser's own documents (the participant list, the evidence report, the signatory list
/// before publication) follow the organiser's interface; the list signed at publication stays in the statement's
/// authoritative language; badges and visa letters follow the summit's default language whoever downloads them. An Arabic
/// document is laid out right to left and its words are shaped, and read back in logical order.</summary>
public class PdfsInTheirLanguageTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    // A4 with 20 mm margins, as PdfFlow lays it out.
    private const double RightMargin = (210 - 20) / 25.4 * 72;

    /// <summary>The translation of <paramref name="key"/>, which must differ from the English (else the test proves nothing).</summary>
    private static string Said(string language, string key, params object[] values)
    {
        var said = new LanguageTexts(language).Format(key, values);
        Assert.NotEqual(new LanguageTexts("en").Format(key, values), said);
        return said;
    }

    /// <summary>Asserts that a reader finds every phrase in the PDF: PdfPig with the lines' replacement text (each shaped line
    /// exactly, in logical order), and pdftotext word by word (its directional marks removed, without spaces, and without
    /// the punctuation and vowel marks that its own reordering moves at a change of script: see DEVELOPERS.md). Numbers are
    /// left to PdfPig: in a right-to-left line "4–5" or "2026-12-03" stands as a browser shows it, and pdftotext gives its
    /// parts in the order they stand.</summary>
    private static async Task AssertReadsAsync(byte[] pdf, params string[] phrases)
    {
        string pig;
        using (var document = PdfDocument.Open(pdf, new ParsingOptions { UseActualText = true }))
            pig = string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        var poppler = Bare(await Poppler.PdftotextAsync(pdf));
        foreach (var phrase in phrases)
        {
            Assert.True(pig.Contains(phrase, StringComparison.Ordinal), $"PdfPig does not read \"{phrase}\" in:\n{pig}");
            foreach (var word in phrase.Split(' ').Select(Bare).Where(w => w.Length > 0 && !w.Any(char.IsDigit)))
                Assert.True(poppler.Contains(word, StringComparison.Ordinal), $"pdftotext does not read \"{word}\" of \"{phrase}\" in:\n{poppler}");
        }
    }

    private static string Bare(string text) => new(text.Where(c => !char.IsWhiteSpace(c) && c is < '\u202A' or > '\u202E'
        && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && !":،,.()".Contains(c)).ToArray());

    private static async Task AssertDoesNotReadAsync(byte[] pdf, params string[] phrases)
    {
        var text = await Poppler.PdftotextAsync(pdf);
        foreach (var phrase in phrases) Assert.DoesNotContain(phrase, text, StringComparison.Ordinal);
    }

    private static string NoSpaces(string text) => new(text.Where(c => !char.IsWhiteSpace(c)).ToArray());

    /// <summary>An Arabic document stands against the right margin: the word's right edge is at the margin.</summary>
    private static async Task AssertAgainstTheRightMarginAsync(byte[] pdf, string word)
    {
        var boxes = (await Poppler.WordBoxesAsync(pdf)).Select(b => b with { Text = new string(b.Text.Reverse().ToArray()) }).ToList();
        var found = boxes.Where(b => b.Text == word).ToList();
        Assert.True(found.Count > 0, $"No word \"{word}\" in: {string.Join(' ', boxes.Select(b => b.Text))}");
        Assert.Contains(found, b => Math.Abs(b.XMax - RightMargin) < 1.5);
    }

    private static async Task<byte[]> PdfAsync(FormClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private Task SetSummitLanguageAsync(int summitId, string language) =>
        app.WithDbAsync(db => db.Summits.Where(s => s.Id == summitId).ExecuteUpdateAsync(s => s.SetProperty(x => x.DefaultLanguage, language)));

    /// <summary>Three participants from three countries: Arabic's "few" form of both counts (Plurals), not the form for
    /// eleven and more.</summary>
    [Fact]
    public async Task The_participant_list_counts_in_the_Arabic_form_of_its_numbers()
    {
        var summit = await app.CreateOpenSummitAsync();
        var tag = Guid.NewGuid().ToString("N")[..6];
        foreach (var (name, country) in new[] { ("Karl Huber", "AT"), ("Ines Weber", "DE"), ("Ana Silva", "PT") })
        {
            var organisation = await app.CreateOrganisationAsync($"Government {country} {tag}", Sector.Government, country);
            var registration = await app.RegisterAsync(await app.CreateUserAsync(fullName: name), summit.Id, organisation.Id);
            Assert.True((await app.DecideAsync(registration.Id, Data.Registrations.RegistrationStatus.Approved)).Succeeded);
        }
        using var organiser = LocalizedAppFactory.Speaking(await app.LoggedInClientAsync(Roles.Organiser), "ar");

        var page = await organiser.GetPageAsync($"/Registration/Manage/Dashboard/{summit.Id}");
        var pdf = await PdfAsync(organiser, page.QuerySelector("#participants-pdf")!.GetAttribute("href")!);

        await AssertReadsAsync(pdf, Said("ar", "{0} · {1} · for the organisers, not for publication", "3 مشاركين", "3 دول ممثَّلة"));
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("ar")]
    public async Task The_participant_list_is_in_the_organisers_language(string language)
    {
        var summit = await app.CreateOpenSummitAsync();
        var tag = Guid.NewGuid().ToString("N")[..6];
        var austria = await app.CreateOrganisationAsync("Republic of Austria " + tag, Sector.Government, "AT");
        var unicef = await app.CreateOrganisationAsync("UNICEF " + tag, Sector.InternationalOrganisation, country: null);
        foreach (var (name, organisation, minister) in new[] { ("Karl Huber", austria, true), ("Ines Weber", unicef, false) })
        {
            var registration = await app.RegisterAsync(await app.CreateUserAsync(fullName: name), summit.Id, organisation.Id, minister: minister);
            Assert.True((await app.DecideAsync(registration.Id, Data.Registrations.RegistrationStatus.Approved)).Succeeded);
        }
        using var organiser = LocalizedAppFactory.Speaking(await app.LoggedInClientAsync(Roles.Organiser), language);

        var page = await organiser.GetPageAsync($"/Registration/Manage/Dashboard/{summit.Id}");
        var pdf = await PdfAsync(organiser, page.QuerySelector("#participants-pdf")!.GetAttribute("href")!);

        var texts = new LanguageTexts(language);
        Assert.NotEqual(Countries.NameOf("AT"), Countries.NameOf("AT", language));
        await AssertReadsAsync(pdf,
            Said(language, "{0} · {1} · for the organisers, not for publication", texts.Format(Plurals.Key(2, "{0:N0} participant", "{0:N0} participants", texts.Culture), 2),
                texts.Format("{0:N0} country represented", 1)),
            texts.Format("{0} ({1})", Countries.NameOf("AT", language), 1),
            texts.Format("{0} ({1})", Said(language, "No country (international)"), 1),
            Said(language, "International organisations"),
            Said(language, "Governments"),
            // As ProtocolLine writes an entry: the rank ("Minister") in the language, the comma the language's.
            texts.Format("{0} ({1}) — {2}", "Karl Huber", Said(language, "Minister"), texts.Format("{0}, {1}", "Director", austria.FormalName)),
            Said(language, "Page {0} of {1}", 1, 1));
        await AssertDoesNotReadAsync(pdf, "Governments", "participants from", "(Minister)", "Austria (1)");
        Assert.Equal(language, PdfStructure.Read(pdf).Language);
        if (language == "ar") await AssertAgainstTheRightMarginAsync(pdf, texts["Governments"]);
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("ar")]
    public async Task The_signatory_list_and_the_evidence_report_are_in_the_organisers_language_and_the_published_list_in_the_statements(string language)
    {
        var closed = await app.ClosedStatementAsync();
        using var organiser = LocalizedAppFactory.Speaking(await app.LoggedInClientAsync(Roles.Organiser), language);
        var texts = new LanguageTexts(language);

        // Before publication the list is rendered for the organiser who asks, in their language.
        var draft = await PdfAsync(organiser, $"/Communiques/Signatories/{closed.StatementId}/pdf");
        Assert.Contains("Signature is Valid.", await PdfTools.PdfsigAsync(draft));
        // The app's clock stands still: the list is "of" this minute, its date in the language's words.
        // Arabic says the day and the time with its own comma.
        var now = app.UtcNow.ToString(language == "ar" ? "d MMMM yyyy'، 'HH:mm" : "d MMMM yyyy, HH:mm", texts.Culture);
        await AssertReadsAsync(draft, texts["Governments"], texts["Civil society"], Said(language, "Text SHA-256: {0}", closed.ContentHash),
            Said(language, "Signatories: {0} · list of {1} UTC", closed.Organisations.Count, now));
        Assert.Equal(language, PdfStructure.Read(draft).Language);
        await AssertDoesNotReadAsync(draft, "Governments", "Text SHA-256");
        if (language == "ar") await AssertAgainstTheRightMarginAsync(draft, texts["Governments"]);

        var communique = await app.PublishedAsync(closed.StatementId);
        var report = await PdfAsync(organiser, (await organiser.GetPageAsync($"/Communiques/Manage/{closed.StatementId}"))
            .QuerySelector("a#evidence-report")!.GetAttribute("href")!);
        Assert.Contains("Signature is Valid.", await PdfTools.PdfsigAsync(report));
        var signed = await app.WithDbAsync(db => db.Endorsements.AsNoTracking().Where(e => e.StatementId == closed.StatementId && e.WithdrawnUtc == null)
            .OrderBy(e => e.Id).Select(e => new { e.PrintedName, e.SignedUtc }).FirstAsync());
        var zone = (await app.WithDbAsync(db => db.Summits.AsNoTracking().SingleAsync(s => s.Id == closed.SummitId))).Zone;
        string Stamp(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        var when = texts.Format("{0} UTC ({1} {2})", Stamp(signed.SignedUtc), Stamp(TimeZoneInfo.ConvertTimeFromUtc(signed.SignedUtc, zone)), zone.Id);
        await AssertReadsAsync(report,
            Said(language, "Endorsements"),
            Said(language, "Communiqué SHA-256: {0}", communique.Sha256!),
            Said(language, "Signed by {0}, {1}, {2}", signed.PrintedName, "Minister", when),
            Said(language, "Withdrawal: {0}", texts[EvidenceReport.WithdrawalProof]));
        await AssertDoesNotReadAsync(report, "Endorsements", "Signed by", "Identity:");
        Assert.Equal(language, PdfStructure.Read(report).Language);
        if (language == "ar") await AssertAgainstTheRightMarginAsync(report, texts["Endorsements"]);

        // The list signed at publication goes with the authoritative (English) communiqué, whoever downloads it.
        var published = await PdfAsync(organiser, $"/Communiques/Signatories/{closed.StatementId}/pdf");
        await AssertReadsAsync(published, "Governments", $"Text SHA-256: {closed.ContentHash}");
        Assert.Equal("en-GB", PdfStructure.Read(published).Language);
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("ar")]
    public async Task Badges_are_in_the_summits_language_whoever_prints_them(string language)
    {
        var summit = await app.CreateOpenSummitAsync();
        await SetSummitLanguageAsync(summit.Id, language);
        var (user, registration) = await app.ApprovedDelegateAsync(summit.Id, "Amina Diallo");
        var texts = new LanguageTexts(language);
        var category = Said(language, "Delegate").ToUpper(texts.Culture);
        var country = Countries.NameOf("GB", language);
        Assert.NotEqual(Countries.NameOf("GB"), country);

        // The organiser reads the interface in English, the delegate in the other language: the badges read alike.
        using var organiser = LocalizedAppFactory.Speaking(await app.LoggedInClientAsync(Roles.Organiser), "en");
        var page = await organiser.GetPageAsync($"/Registration/Manage/Badges/{summit.Id}");
        var all = await PdfAsync(organiser, page.QuerySelector("#download-all")!.GetAttribute("href")!);
        using var delegateClient = LocalizedAppFactory.Speaking(await app.LogInAsync(user), language == "fr" ? "ar" : "fr");
        var own = await PdfAsync(delegateClient, $"/Registration/Badge/{registration.Id}");
        foreach (var pdf in new[] { all, own })
        {
            await AssertReadsAsync(pdf, "Amina Diallo", category, country, BadgePdf.WhenWhere((await app.WithDbAsync(db => db.Summits.SingleAsync(s => s.Id == summit.Id))), language));
            await AssertDoesNotReadAsync(pdf, "DELEGATE", "United Kingdom");
            Assert.Equal(language, PdfStructure.Read(pdf).Language);
        }
        Assert.Contains(texts.Format("QR code of the badge code {0}", Data.Registrations.BadgeCodes.Display(registration.BadgeCode)),
            PdfStructure.Read(own).OfType("Figure").Select(f => f.Alt));
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("ar")]
    public async Task A_visa_letter_is_in_the_summits_language_signed_and_verifiable(string language)
    {
        var summit = await app.CreateOpenSummitAsync();
        await SetSummitLanguageAsync(summit.Id, language);
        // A summit whose day is not UTC's at this hour (UTC+14 after 10:00 UTC, UTC−11 before): the letter is dated
        // with the summit's day, and the Verify page gives its time in the summit's zone.
        var zone = app.UtcNow.Hour >= 10 ? "Pacific/Kiritimati" : "Pacific/Pago_Pago";
        await app.WithDbAsync(db => db.Summits.Where(s => s.Id == summit.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.TimeZoneId, zone)));
        var (user, registration) = await app.ApprovedDelegateAsync(summit.Id, "Wanjiru Kamau");
        using var client = LocalizedAppFactory.Speaking(await app.LogInAsync(user), "en");
        var number = await app.CompleteAccreditationAsync(client, registration.Id);
        await client.SubmitAndFollowAsync(await client.GetPageAsync(AccreditationSteps.AccreditationUrl(registration.Id)), "form#visa-letter-form");
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        await organiser.SubmitAndFollowAsync(await organiser.GetPageAsync($"/Registration/Manage/VisaLetters/{summit.Id}"), "form.approve-form");
        var letterId = await app.WithDbAsync(db => db.VisaLetters.Where(v => v.RegistrationId == registration.Id).Select(v => v.Id).SingleAsync());
        await VisaLetterSteps.IssueAsync(app, letterId);

        var link = (await client.GetPageAsync(AccreditationSteps.AccreditationUrl(registration.Id))).QuerySelector("#visa-letter-download")!.GetAttribute("href")!;
        var pdf = await PdfAsync(client, link);
        Assert.Contains("Signature is Valid.", await PdfTools.PdfsigAsync(pdf));
        var texts = new LanguageTexts(language);
        // The app's default wording in the letter's language (the organisers wrote none of their own).
        var wording = Said(language, Data.Accreditations.VisaLetterSettings.DefaultWording);
        await AssertReadsAsync(pdf, Said(language, "Letter of invitation"), Said(language, "To whom it may concern,"), Said(language, "Nationality"),
            Countries.NameOf("KE", language), Said(language, "Passport or ID number"), number, Said(language, "Reference: {0}", VisaLetterPdf.Reference(letterId)),
            wording.Split(' ')[0] + " " + wording.Split(' ')[1]);
        await AssertDoesNotReadAsync(pdf, "Letter of invitation", "Nationality", "To whom");
        Assert.Equal(language, PdfStructure.Read(pdf).Language);
        if (language == "ar") await AssertAgainstTheRightMarginAsync(pdf, texts["Nationality"]);
        var issuedUtc = await app.WithDbAsync(db => db.VisaLetters.Where(v => v.Id == letterId).Select(v => v.IssuedUtc!.Value).SingleAsync());
        var issuedLocal = Data.Summits.SummitClock.ToLocal(issuedUtc, Data.Summits.SummitClock.FindZone(zone)!);
        Assert.NotEqual(issuedUtc.Date, issuedLocal.Date);
        await AssertReadsAsync(pdf, issuedLocal.ToString("d MMMM yyyy", texts.Culture));
        using (var document = PdfDocument.Open(pdf, new ParsingOptions { UseActualText = true }))
            Assert.DoesNotContain(issuedUtc.ToString("d MMMM yyyy", texts.Culture), string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text)));

        using var anonymous = app.CreateFormClient();
        var (_, verified) = await anonymous.VerifyAsync(pdf, "letter.pdf");
        Assert.Equal("visa-letter", verified.QuerySelector("#verdict")!.GetAttribute("data-kind"));
        var english = Data.Languages.InterfaceLanguages.FormattingCulture("en");
        Assert.Contains($"issued here on {issuedLocal.ToString("d MMMM yyyy", english)},", verified.QuerySelector("#verdict")!.TextContent);
        Assert.Equal($"Yes: the letter of invitation {VisaLetterPdf.Reference(letterId)} for {summit.Name}, issued {issuedLocal.ToString("d MMMM yyyy, HH:mm", english)} " +
            $"({zone}; {issuedUtc.ToString("d MMMM yyyy, HH:mm", english)} UTC).", string.Join(' ', verified.QuerySelector("#published-here")!.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
        Assert.Equal(zone, verified.QuerySelector("#published-here bdi")!.TextContent);
    }
}
