using WeProtect.Summit.Web.Localization;
using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using WeProtect.Summit.Data.Organisations;

namespace WeProtect.Summit.Tests.Localization;

using WeProtect.Summit.Data.Registrations; // after the namespace line: "Registration" is also a test namespace

/// <summary>Notifications are written in the recipient's saved language, not in the language of whoever caused them.</summary>
public class LettersInTheRecipientsLanguageTests(LocalizedAppFactory app) : IClassFixture<LocalizedAppFactory>
{
    private async Task<SummitUser> UserPreferringAsync(string language)
    {
        var user = await app.CreateUserAsync(fullName: "Amélie Durand");
        await app.PreferLanguageAsync(user, language);
        return user;
    }

    [Fact]
    public async Task A_French_preferring_delegate_who_registers_receives_a_French_email()
    {
        var summit = await app.CreateOpenSummitAsync();
        var organisation = await app.CreateOrganisationAsync();
        var user = await UserPreferringAsync("fr");
        using var client = await app.LogInAsync(user);
        var form = await client.GetPageAsync($"/Registration/Register/{summit.Id}");
        Assert.Equal("fr", form.DocumentElement.GetAttribute("lang"));
        Assert.Contains(form.QuerySelectorAll("#registration-form optgroup"), g => g.GetAttribute("label") == "Gouvernement");
        var (response, shown) = await client.SubmitAndFollowAsync(form, "#registration-form", new Dictionary<string, string>
        {
            ["Input.Position"] = "Ministre de la Justice",
            ["Input.OrganisationId"] = organisation.Id.ToString(CultureInfo.InvariantCulture),
            ["Input.Category"] = nameof(DelegateCategory.HeadOfDelegation),
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Votre inscription a été reçue.", shown.QuerySelector("[role=status]")!.TextContent);

        var mail = await app.WaitForMailAsync(m => m.To.Mailboxes.Any(a => a.Address == user.Email));
        Assert.Equal($"Inscription reçue : {summit.Name}", mail.Subject);
        Assert.StartsWith("Bonjour Amélie Durand,", mail.TextBody);
        Assert.Contains("Le secrétariat a bien reçu votre inscription", mail.TextBody);
        Assert.Contains("Votre inscription : http", mail.TextBody);
        Assert.Equal("fr", mail.Body!.Headers["Content-Language"]);
        Assert.Contains("lang=\"fr\" dir=\"ltr\"", mail.HtmlBody);
        Assert.DoesNotContain(MissingKeyMarker.Marker, mail.TextBody);
    }

    [Fact]
    public async Task The_decision_is_written_in_the_delegates_language_whatever_the_organiser_speaks()
    {
        var summit = await app.CreateOpenSummitAsync();
        var organisation = await app.CreateOrganisationAsync();
        var arabic = await UserPreferringAsync("ar");
        var english = await app.CreateUserAsync(fullName: "Grace Hopper");
        var toArabic = await app.RegisterAsync(arabic, summit.Id, organisation.Id);
        var toEnglish = await app.RegisterAsync(english, summit.Id, organisation.Id);

        // The organiser works in Spanish: the decisions are queued from a Spanish-speaking request's thread.
        using var organiser = LocalizedAppFactory.Speaking(await app.LoggedInClientAsync(Data.Accounts.Roles.Organiser), "es");
        var queue = await organiser.GetPageAsync($"/Registration/Manage/{summit.Id}");
        Assert.Equal("es", queue.DocumentElement.GetAttribute("lang"));
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("es");
        try
        {
            Assert.True((await app.DecideAsync(toArabic.Id, RegistrationStatus.Approved)).Succeeded);
            Assert.True((await app.DecideAsync(toEnglish.Id, RegistrationStatus.Approved)).Succeeded);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }

        var inArabic = await app.WaitForMailAsync(m => m.To.Mailboxes.Any(a => a.Address == arabic.Email) && (m.Subject ?? "").Contains("تمت الموافقة"));
        Assert.Equal($"تمت الموافقة على التسجيل: {summit.Name}", inArabic.Subject);
        Assert.Contains("lang=\"ar\" dir=\"rtl\"", inArabic.HtmlBody);
        var inEnglish = await app.WaitForMailAsync(m => m.To.Mailboxes.Any(a => a.Address == english.Email) && (m.Subject ?? "").StartsWith("Registration approved"));
        Assert.Equal($"Dear Grace Hopper,\n\nYour registration for {summit.Name} is approved. Your badge is on your registration page.", (inEnglish.TextBody ?? "").Split("\n\nYour registration:")[0]);
    }

    [Fact]
    public async Task A_booking_letter_gives_the_time_in_the_summits_zone_in_the_delegates_language()
    {
        var summit = await app.CreateOpenSummitAsync();
        var breakout = await app.CreateBreakoutAsync(summit, startHour: 14);
        var spanish = await UserPreferringAsync("es");
        var organisation = await app.CreateOrganisationAsync(sector: Sector.CivilSociety);
        var registration = await app.RegisterAsync(spanish, summit.Id, organisation.Id);
        Assert.True((await app.DecideAsync(registration.Id, RegistrationStatus.Approved)).Succeeded);
        using var client = await app.LogInAsync(spanish);
        var page = await client.GetPageAsync($"/Breakouts/Bookings/Book/{breakout.Id}");
        Assert.Equal("Reservar una plaza", page.QuerySelector($"#book-form-{breakout.Id} button")!.TextContent);
        await client.SubmitAsync(page, $"#book-form-{breakout.Id}");

        var mail = await app.WaitForMailAsync(m => m.To.Mailboxes.Any(a => a.Address == spanish.Email) && (m.Subject ?? "").StartsWith("Plaza confirmada"));
        var es = CultureInfo.GetCultureInfo("es-ES");
        var start = summit.ToLocal(breakout.StartUtc);
        Assert.Contains($"{start.Said("dddd d MMMM yyyy, HH:mm", es)}–15:00 ({summit.TimeZoneId})", mail.TextBody);
        Assert.Contains("14:00", mail.TextBody);
        Assert.Contains("Su plaza en este taller está confirmada.", mail.TextBody);
    }

    /// <summary>The booking letter's "Monday 8 June 2026, 14:00–15:00" is said with the letter's comma: Arabic's "،"
    /// (the format's literal Latin comma read "2026, 14:00" in an Arabic sentence), French's ", ".</summary>
    [Theory]
    [InlineData("fr", ", ")]
    [InlineData("ar", "، ")]
    public async Task A_booking_letters_time_is_said_with_the_letters_comma_in_the_summits_zone(string language, string comma)
    {
        var summit = await app.CreateOpenSummitAsync();
        var breakout = await app.CreateBreakoutAsync(summit, startHour: 14);
        var reader = await UserPreferringAsync(language);
        var organisation = await app.CreateOrganisationAsync(sector: Sector.CivilSociety);
        var registration = await app.RegisterAsync(reader, summit.Id, organisation.Id);
        Assert.True((await app.DecideAsync(registration.Id, RegistrationStatus.Approved)).Succeeded);
        using (var scope = app.Services.CreateScope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<Data.Breakouts.BookingDesk>().BookAsync(breakout.Id, reader.Id, new Data.Audit.AuditActor(null, "Test organiser"))).Succeeded);

        var mail = await app.WaitForMailAsync(m => m.To.Mailboxes.Any(a => a.Address == reader.Email) && (m.TextBody ?? "").Contains(breakout.Title));
        var culture = Data.Languages.InterfaceLanguages.FormattingCulture(language);
        var start = summit.ToLocal(breakout.StartUtc);
        Assert.Equal(14, start.Hour);
        Assert.Contains($"{start.ToString("dddd d MMMM yyyy", culture)}{comma}14:00–15:00 ({summit.TimeZoneId})", mail.TextBody);
        Assert.Equal(language, mail.Body!.Headers["Content-Language"]);
    }

    [Fact]
    public async Task A_breakout_cancelled_by_an_English_speaking_organiser_is_announced_in_the_delegates_language()
    {
        var summit = await app.CreateOpenSummitAsync();
        var breakout = await app.CreateBreakoutAsync(summit, startHour: 10);
        var spanish = await UserPreferringAsync("es");
        var organisation = await app.CreateOrganisationAsync();
        var registration = await app.RegisterAsync(spanish, summit.Id, organisation.Id);
        Assert.True((await app.DecideAsync(registration.Id, RegistrationStatus.Approved)).Succeeded);
        using (var scope = app.Services.CreateScope())
        {
            var actor = new Data.Audit.AuditActor(null, "Test organiser");
            Assert.True((await scope.ServiceProvider.GetRequiredService<Data.Breakouts.BookingDesk>().BookAsync(breakout.Id, spanish.Id, actor)).Succeeded);
            Assert.True((await scope.ServiceProvider.GetRequiredService<Data.Breakouts.BreakoutDesk>().CancelAsync(summit.Id, breakout.Id, null, actor)).Succeeded);
        }

        var mail = await app.WaitForMailAsync(m => m.To.Mailboxes.Any(a => a.Address == spanish.Email) && m.Subject == $"Taller cancelado: {breakout.Title}");
        Assert.StartsWith("Estimado/a Amélie Durand:", mail.TextBody);
        Assert.Contains($"Los organizadores han cancelado el taller «{breakout.Title}» de {summit.Name}, previsto para el ", mail.TextBody);
        Assert.Contains("y con él su plaza.", mail.TextBody);
        Assert.Contains("El programa: http", mail.TextBody);
        Assert.Equal("es", mail.Body!.Headers["Content-Language"]);
    }

    [Fact]
    public async Task An_invitation_is_written_in_the_summits_default_language()
    {
        var summit = await app.CreateOpenSummitAsync();
        await app.WithDbAsync(db => db.Summits.Where(s => s.Id == summit.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.DefaultLanguage, "fr")));
        var organisation = await app.CreateOrganisationAsync();
        using var organiser = await app.LoggedInClientAsync(Data.Accounts.Roles.Organiser);
        var page = await organiser.GetPageAsync($"/Invitations/Manage/{summit.Id}");
        Assert.Equal(HttpStatusCode.Redirect, (await organiser.SubmitAsync(page, "#mode-form")).StatusCode);
        var focal = $"focal-{Guid.NewGuid():N}@example.org";
        await organiser.InviteAsync(summit.Id, organisation.Id, focal, heads: 1, delegates: 2);

        var mail = await app.WaitForMailAsync(m => m.To.Mailboxes.Any(a => a.Address == focal) && m.Subject == $"Invitation à {summit.Name}");
        Assert.StartsWith($"{organisation.FormalName} est invitée à {summit.Name}, ", mail.TextBody);
        Assert.Contains("En tant que point focal de votre organisation", mail.TextBody);
        Assert.Contains("Votre délégation peut compter 1 chef de délégation et 2 délégués.", mail.TextBody);
        Assert.Contains("Ce lien vous est strictement personnel et reste valable jusqu'au ", mail.TextBody);
        Assert.Contains("Ouvrir l'invitation : http", mail.TextBody);
        Assert.Equal("fr", mail.Body!.Headers["Content-Language"]);
    }

    [Fact]
    public async Task An_organisers_message_written_in_French_is_sent_as_French_with_the_placeholders_words_in_French()
    {
        var summit = await app.CreateOpenSummitAsync();
        var organisation = await app.CreateOrganisationAsync();
        // Whatever the delegate reads, the organisers' words reach them as written, and the mail says in which language.
        var delegateUser = await UserPreferringAsync("es");
        var registration = await app.RegisterAsync(delegateUser, summit.Id, organisation.Id);
        Assert.True((await app.DecideAsync(registration.Id, RegistrationStatus.Approved)).Succeeded);
        using var organiser = await app.LoggedInClientAsync(Data.Accounts.Roles.Organiser);
        var page = await organiser.GetPageAsync($"/Registration/Manage/Messages/{summit.Id}?organisation={organisation.Id}");
        Assert.Equal(summit.DefaultLanguage, page.QuerySelector<IHtmlSelectElement>("#message-language")!.Value);
        var values = new Dictionary<string, string>
        {
            ["Language"] = "fr",
            ["Subject"] = "Votre statut pour {SummitName}",
            ["Body"] = "Bonjour {FullName},\nVotre inscription est {Status} pour le sommet du {SummitDates}.",
        };

        var unknown = await FormClient.ParseAsync(await Tests.Registration.MessagesTests.PressAsync(organiser, page, "#send-button", new(values) { ["Language"] = "xx" }));
        Assert.Contains("Say which language the message is written in.", unknown.QuerySelector("#message-form")!.TextContent);
        Assert.Equal(0, await app.WithDbAsync(db => db.DelegateMessages.CountAsync(m => m.SummitId == summit.Id)));

        var preview = await FormClient.ParseAsync(await Tests.Registration.MessagesTests.PressAsync(organiser, page, "#preview-button", values));
        var frenchDate = summit.EndDate.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("fr-FR"));
        Assert.Contains($"Votre inscription est Approuvée pour le sommet du ", preview.QuerySelector("#preview-body")!.TextContent);
        Assert.Contains(frenchDate, preview.QuerySelector("#preview-body")!.TextContent);
        Assert.Equal("fr", preview.QuerySelector("#preview-body")!.GetAttribute("lang"));
        Assert.Equal("fr", preview.QuerySelector<IHtmlSelectElement>("#message-language")!.Value);
        Assert.Equal(HttpStatusCode.Redirect, (await Tests.Registration.MessagesTests.PressAsync(organiser, preview, "#send-button", values)).StatusCode);

        var mail = await app.WaitForMailAsync(m => m.To.Mailboxes.Any(a => a.Address == delegateUser.Email) && m.Subject == $"Votre statut pour {summit.Name}");
        Assert.StartsWith("Bonjour Amélie Durand,\nVotre inscription est Approuvée pour le sommet du ", mail.TextBody);
        Assert.Contains(frenchDate, mail.TextBody);
        Assert.Contains("Votre inscription : http", mail.TextBody);
        Assert.Equal("fr", mail.Body!.Headers["Content-Language"]);
        Assert.DoesNotContain(MissingKeyMarker.Marker, mail.TextBody);

        var message = await app.WithDbAsync(db => db.DelegateMessages.AsNoTracking().SingleAsync(m => m.SummitId == summit.Id));
        Assert.Equal("fr", message.Language);
        var shown = await organiser.GetPageAsync($"/Registration/Manage/Message/{summit.Id}/{message.Id}");
        Assert.Contains("Written in Français", shown.QuerySelector("#message-language")!.TextContent);
        Assert.Equal("fr", shown.QuerySelector("#message-body")!.GetAttribute("lang"));
    }

    [Fact]
    public async Task One_message_per_language_reaches_the_delegates_who_read_it_their_own_choice_or_else_the_summits_language()
    {
        var summit = await app.CreateOpenSummitAsync();
        var organisation = await app.CreateOrganisationAsync();
        var french = await UserPreferringAsync("fr");
        var spanish = await UserPreferringAsync("es");
        var unsaid = await app.CreateUserAsync(fullName: "Noor Haddad"); // no choice: the summit's language
        foreach (var user in new[] { french, spanish, unsaid })
            Assert.True((await app.DecideAsync((await app.RegisterAsync(user, summit.Id, organisation.Id)).Id, RegistrationStatus.Approved)).Succeeded);
        using var organiser = await app.LoggedInClientAsync(Data.Accounts.Roles.Organiser);

        async Task SendAsync(string reads, string subject)
        {
            var page = await organiser.GetPageAsync($"/Registration/Manage/Messages/{summit.Id}?organisation={organisation.Id}&reads={reads}");
            // Writing to one language's readers: the message is in that language unless the organiser says otherwise.
            Assert.Equal(reads, page.QuerySelector<IHtmlSelectElement>("#to-reads")!.Value);
            Assert.Equal(reads, page.QuerySelector<IHtmlSelectElement>("#message-language")!.Value);
            Assert.Contains("1 delegate matches this filter.", page.QuerySelector("#recipient-count")!.TextContent);
            var values = new Dictionary<string, string> { ["Subject"] = subject, ["Body"] = "{FullName}: " + subject };
            Assert.Equal(HttpStatusCode.Redirect, (await Tests.Registration.MessagesTests.PressAsync(organiser, page, "#send-button", values)).StatusCode);
        }
        Assert.Equal("en", summit.DefaultLanguage);
        await SendAsync("fr", "Navette depuis l'aéroport");
        await SendAsync("en", "Shuttle from the airport");

        await app.WaitForAllMailAsync();
        string[] To(string subject) => [.. app.SentMail().Where(m => m.Subject == subject).SelectMany(m => m.To.Mailboxes.Select(a => a.Address))];
        Assert.Equal([french.Email!], To("Navette depuis l'aéroport"));
        Assert.Equal([unsaid.Email!], To("Shuttle from the airport"));
        Assert.DoesNotContain(app.SentMail(), m => m.To.Mailboxes.Any(a => a.Address == spanish.Email) && (m.Subject ?? "").Contains("airport", StringComparison.Ordinal));
        var audiences = await app.WithDbAsync(db => db.DelegateMessages.Where(m => m.SummitId == summit.Id).OrderBy(m => m.Id).Select(m => m.Audience).ToListAsync());
        Assert.Equal(2, audiences.Count);
        Assert.Contains("reading Français", audiences[0]);
        Assert.Contains("reading English", audiences[1]);
    }
}
