using AngleSharp.Html.Dom;
using WeProtect.Summit.Data.Accreditations;
using WeProtect.Summit.Data.Notifications;
using WeProtect.Summit.Data.Organisations;
using WeProtect.Summit.Web.Jobs;
using WeProtect.Summit.Web.Mail;

namespace WeProtect.Summit.Tests.Mail;

using WeProtect.Summit.Data.Registrations; // after the namespace line: "Registration" is also a test namespace

/// <summary>The secretariat's mail as production sends it (the desks' notifications, the Hangfire job, a real SMTP
/// server with STARTTLS and AUTH): invitations and their reminders, nominations, visa letters, invitations and
/// reminders to report, messages to delegates. What arrives: one envelope recipient, the right one; the subject and the
/// body in the recipient's language (or the summit's, for an address that may have no account); the link, which
/// opens the right page for that recipient and not for another; nothing about anyone else. And when the server is
/// down: each of them waits, is retried after its back-off, and arrives once.</summary>
public class SecretariatMailOverSmtpTests(SmtpAppFactory app) : IClassFixture<SmtpAppFactory>
{
    private TestSmtpServer Smtp => app.Smtp;

    private static string NewEmail(string who) => $"{who}-{Guid.NewGuid():N}@example.org";

    private static IReadOnlyList<TestSmtpServer.Received> To(IEnumerable<TestSmtpServer.Received> messages, string email) =>
        messages.Where(m => m.Recipients.Contains(email, StringComparer.OrdinalIgnoreCase)
            || m.Message.To.Mailboxes.Any(a => string.Equals(a.Address, email, StringComparison.OrdinalIgnoreCase))).ToList();

    /// <summary>Waits for the message to <paramref name="email"/> whose subject is <paramref name="subject"/>, then
    /// checks it is the only one, went encrypted and authenticated, and to that address alone: one envelope
    /// recipient, one To, no Cc or Bcc.</summary>
    private async Task<MimeKit.MimeMessage> OnlyMailAsync(string email, string subject)
    {
        for (var waited = 0; waited < 60_000 && !To(Smtp.Messages, email).Any(m => m.Message.Subject == subject); waited += 100)
            await Task.Delay(100);
        var received = Assert.Single(To(Smtp.Messages, email), m => m.Message.Subject == subject);
        Assert.True(received.Secure, "the message went without STARTTLS");
        Assert.Equal(TestSmtpServer.User, received.User);
        Assert.Equal([email], received.Recipients, StringComparer.OrdinalIgnoreCase);
        Assert.Equal(email, Assert.Single(received.Message.To.Mailboxes).Address, ignoreCase: true);
        Assert.Empty(received.Message.Cc);
        Assert.Empty(received.Message.Bcc);
        return received.Message;
    }

    /// <summary>The language the message declares (Content-Language, and the HTML part's lang).</summary>
    private static void AssertLanguage(MimeKit.MimeMessage message, string language)
    {
        Assert.Equal(language, message.Body!.Headers["Content-Language"]);
        Assert.Contains($"lang=\"{language}\"", message.HtmlBody);
    }

    /// <summary>None of these values (another person's address or name, another organisation) anywhere in the message,
    /// headers included.</summary>
    private static void AssertNothingOf(MimeKit.MimeMessage message, params string[] others)
    {
        var whole = message.ToString();
        foreach (var value in others)
        {
            Assert.DoesNotContain(value, whole, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(value, message.TextBody ?? "", StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(value, message.HtmlBody ?? "", StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>The path and query of the letter's action link, on the line its (localized) label starts; the HTML part
    /// links the same address.</summary>
    private static string ActionLink(MimeKit.MimeMessage message, string label)
    {
        // "Label: url", in French "Label : url".
        var line = Assert.Single((message.TextBody ?? "").Split('\n'), l => l.StartsWith(label + ": ", StringComparison.Ordinal) || l.StartsWith(label + " : ", StringComparison.Ordinal));
        var url = line[label.Length..].TrimStart(' ', ':').Trim();
        Assert.StartsWith(SummitAppFactory.PublicBaseUrl + "/", url);
        Assert.Contains($"href=\"{System.Net.WebUtility.HtmlEncode(url)}\"", message.HtmlBody);
        return new Uri(url).PathAndQuery;
    }

    private async Task PreferAsync(SummitUser user, string language) => await app.WithDbAsync(async db =>
    {
        var row = await db.Users.SingleAsync(u => u.Id == user.Id);
        Assert.Null(row.PreferLanguage(language));
        await db.SaveChangesAsync();
    });

    private Task SpeakAsync(int summitId, string language) =>
        app.WithDbAsync(db => db.Summits.Where(s => s.Id == summitId).ExecuteUpdateAsync(s => s.SetProperty(x => x.DefaultLanguage, language)));

    private async Task<FormClient> ByInvitationAsync(int summitId)
    {
        var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var page = await organiser.GetPageAsync($"/Invitations/Manage/{summitId}");
        Assert.Equal(HttpStatusCode.Redirect, (await organiser.SubmitAsync(page, "#mode-form")).StatusCode);
        return organiser;
    }

    /// <summary>Posts the delegate-message form through its send button, as a browser does (the button's formaction).</summary>
    private static Task<HttpResponseMessage> SendMessageAsync(FormClient organiser, IHtmlDocument page, string subject, string body)
    {
        page.QuerySelector("#message-form")!.SetAttribute("action", page.QuerySelector("#send-button")!.GetAttribute("formaction")!);
        return organiser.SubmitAsync(page, "#message-form", new Dictionary<string, string> { ["Subject"] = subject, ["Body"] = body });
    }

    [Fact]
    public async Task An_invitation_and_its_reminder_go_to_the_invited_address_alone_in_the_summits_language_and_open_for_it_only()
    {
        var summit = await app.CreateOpenSummitAsync();
        await SpeakAsync(summit.Id, "fr");
        var invited = await app.CreateOrganisationAsync();
        var other = await app.CreateOrganisationAsync();
        using var organiser = await ByInvitationAsync(summit.Id);
        var (focalEmail, otherEmail) = (NewEmail("focal"), NewEmail("other"));
        await organiser.InviteAsync(summit.Id, invited.Id, focalEmail, heads: 1, delegates: 2);
        await organiser.InviteAsync(summit.Id, other.Id, otherEmail);

        var invitation = await OnlyMailAsync(focalEmail, $"Invitation à {summit.Name}");
        AssertLanguage(invitation, "fr");
        Assert.StartsWith($"{invited.FormalName} est invitée à {summit.Name}, ", invitation.TextBody);
        Assert.Contains("Votre délégation peut compter 1 chef de délégation et 2 délégués.", invitation.TextBody);
        // The link grants the invitation: marked so (the Outbox hides such messages' bodies).
        Assert.Equal("yes", invitation.Headers[Mailer.SensitiveHeader]);
        AssertNothingOf(invitation, otherEmail, other.FormalName);
        var link = ActionLink(invitation, "Ouvrir l'invitation");
        Assert.StartsWith("/Invitations/Accept/", link);

        // Opened by the invited address: the invitation of its organisation, to accept. By anyone else: refused.
        using var focal = await app.LogInAsync(await app.CreateUserAsync(focalEmail, "Focal Point"));
        var opened = await focal.GetPageAsync(link);
        Assert.NotNull(opened.QuerySelector("#accept-form"));
        Assert.Contains(invited.FormalName, opened.QuerySelector("main")!.TextContent);
        var (stranger, _) = await app.LoggedInUserAsync();
        using (stranger)
        {
            var refused = await stranger.GetPageAsync(link);
            Assert.Null(refused.QuerySelector("#accept-form"));
            Assert.NotNull(refused.QuerySelector("#invitation-refused"));
        }

        // A reminder to each unanswered address, with the same link; the other's is theirs alone.
        var manage = await organiser.GetPageAsync($"/Invitations/Manage/{summit.Id}");
        await organiser.SubmitAndFollowAsync(manage, "#remind-form");
        var reminder = await OnlyMailAsync(focalEmail, $"Rappel : Invitation à {summit.Name}");
        AssertLanguage(reminder, "fr");
        Assert.Equal(link, ActionLink(reminder, "Ouvrir l'invitation"));
        AssertNothingOf(reminder, otherEmail, other.FormalName);
        var otherReminder = await OnlyMailAsync(otherEmail, $"Rappel : Invitation à {summit.Name}");
        Assert.NotEqual(link, ActionLink(otherReminder, "Ouvrir l'invitation"));
        AssertNothingOf(otherReminder, focalEmail, invited.FormalName);
        Assert.Empty(invitation.Attachments);
    }

    [Fact]
    public async Task A_nomination_goes_to_the_nominee_alone_in_the_summits_language_and_its_link_opens_their_registration()
    {
        var summit = await app.CreateOpenSummitAsync();
        await SpeakAsync(summit.Id, "es");
        var (invitation, focalUser) = await app.AcceptedInvitationAsync(summit.Id, heads: 1, delegates: 2);
        var organisation = await app.WithDbAsync(db => db.Organisations.AsNoTracking().SingleAsync(o => o.Id == invitation.OrganisationId));
        using var focal = await app.LogInAsync(focalUser);
        var (nomineeEmail, otherEmail) = (NewEmail("nominee"), NewEmail("colleague"));
        var delegation = $"/Invitations/Delegation/{invitation.Id}";
        Assert.Equal(HttpStatusCode.OK, (await focal.NominateAsync(delegation, nomineeEmail, nameof(DelegateCategory.HeadOfDelegation))).Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await focal.NominateAsync(delegation, otherEmail, nameof(DelegateCategory.Delegate))).Response.StatusCode);

        var mail = await OnlyMailAsync(nomineeEmail, $"Designación como miembro de la delegación: {summit.Name}");
        AssertLanguage(mail, "es");
        Assert.Contains(organisation.FormalName, mail.TextBody);
        Assert.Equal("yes", mail.Headers[Mailer.SensitiveHeader]);
        // Neither the focal point nor the other nominee.
        AssertNothingOf(mail, otherEmail, focalUser.Email!, focalUser.FullName);
        var link = ActionLink(mail, "Completar su inscripción");
        Assert.StartsWith($"/Registration/Register/{summit.Id}?nomination=", link);
        Assert.NotEqual(link, ActionLink(await OnlyMailAsync(otherEmail, mail.Subject!), "Completar su inscripción"));

        // The nominee's link opens their registration, for the organisation that nominated them; for anyone else, nothing.
        using var nominee = await app.LogInAsync(await app.CreateUserAsync(nomineeEmail, "Nadia Nominee"));
        var form = await nominee.GetPageAsync(link);
        Assert.NotNull(form.QuerySelector("#registration-form"));
        Assert.Contains(organisation.FormalName, form.QuerySelector("#nominated-by")!.TextContent);
        var (stranger, _) = await app.LoggedInUserAsync();
        using (stranger)
        {
            var refused = await stranger.GetPageAsync(link);
            Assert.Null(refused.QuerySelector("#registration-form"));
            Assert.NotNull(refused.QuerySelector("#registration-closed"));
        }
        Assert.Empty(mail.Attachments);
    }

    [Fact]
    public async Task A_revoked_invitation_tells_its_focal_point_in_their_language_and_each_nominee_in_the_summits()
    {
        var summit = await app.CreateOpenSummitAsync();
        await SpeakAsync(summit.Id, "fr");
        var (invitation, focalUser) = await app.AcceptedInvitationAsync(summit.Id, heads: 1, delegates: 2);
        await PreferAsync(focalUser, "es");
        var nomineeEmail = NewEmail("nominee");
        Assert.True((await app.NominateAsync(invitation, focalUser, nomineeEmail)).Succeeded);
        await OnlyMailAsync(nomineeEmail, $"Désignation au sein de la délégation : {summit.Name}");

        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var manage = await organiser.GetPageAsync($"/Invitations/Manage/{summit.Id}");
        var confirm = await organiser.GetPageAsync(manage.QuerySelector($"tr[data-invitation-id='{invitation.Id}'] a.revoke-link")!.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.Redirect, (await organiser.SubmitAsync(confirm, "#revoke-form")).StatusCode);

        var toFocal = await OnlyMailAsync(focalUser.Email!, $"Invitación retirada: {summit.Name}");
        AssertLanguage(toFocal, "es");
        Assert.StartsWith($"Los organizadores de {summit.Name} han retirado la invitación de ", toFocal.TextBody);
        AssertNothingOf(toFocal, nomineeEmail);
        var toNominee = await OnlyMailAsync(nomineeEmail, $"Désignation retirée : {summit.Name}");
        AssertLanguage(toNominee, "fr");
        Assert.Contains("Votre désignation au sein de la délégation de ", toNominee.TextBody);
        AssertNothingOf(toNominee, focalUser.Email!, focalUser.FullName);
        var link = ActionLink(toNominee, "Le sommet");
        Assert.Equal(link, ActionLink(toFocal, "La cumbre"));
        using var nominee = await app.LogInAsync(await app.CreateUserAsync(nomineeEmail, "Nadia Nominee"));
        Assert.Contains(summit.Name, (await nominee.GetPageAsync(link)).QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task An_issued_visa_letter_is_announced_to_the_delegate_alone_in_their_language_without_the_letter_or_passport_number()
    {
        var summit = await app.CreateOpenSummitAsync();
        var (user, registration) = await app.ApprovedDelegateAsync(summit.Id, "Élodie Voyageuse");
        var (otherUser, _) = await app.ApprovedDelegateAsync(summit.Id, "Oscar Autre");
        await PreferAsync(user, "fr");
        using var client = await app.LogInAsync(user);
        var number = await app.CompleteAccreditationAsync(client, registration.Id);
        await client.SubmitAndFollowAsync(await client.GetPageAsync(AccreditationSteps.AccreditationUrl(registration.Id)), "form#visa-letter-form");
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        await organiser.SubmitAndFollowAsync(await organiser.GetPageAsync($"/Registration/Manage/VisaLetters/{summit.Id}"), "form.approve-form");
        var letterId = await app.WithDbAsync(db => db.VisaLetters.Where(v => v.RegistrationId == registration.Id).Select(v => v.Id).SingleAsync());
        await VisaLetterSteps.IssueAsync(app, letterId);

        var mail = await OnlyMailAsync(user.Email!, $"Lettre d’invitation émise : {summit.Name}");
        AssertLanguage(mail, "fr");
        Assert.StartsWith("Bonjour Élodie Voyageuse,", mail.TextBody);
        // The letter carries the passport number: it is downloaded signed in, never attached.
        Assert.Empty(mail.Attachments);
        Assert.DoesNotContain(mail.BodyParts, p => p.ContentType.MimeType == "application/pdf");
        AssertNothingOf(mail, number, otherUser.Email!, otherUser.FullName);

        var link = ActionLink(mail, "Votre accréditation");
        Assert.Equal(AccreditationSteps.AccreditationUrl(registration.Id), link);
        var page = await client.GetPageAsync(link);
        Assert.NotNull(page.QuerySelector("#visa-letter-download"));
        using var other = await app.LogInAsync(otherUser);
        Assert.NotEqual(HttpStatusCode.OK, (await other.GetAsync(link)).StatusCode);
        Assert.DoesNotContain(To(Smtp.Messages, otherUser.Email!), m => m.Message.Subject?.Contains("Letter of invitation") == true);
    }

    [Fact]
    public async Task Invitations_and_reminders_to_report_go_to_each_focal_point_alone_in_their_language_and_open_their_own_report()
    {
        var government = await app.CreateOrganisationAsync();
        var company = await app.CreateOrganisationAsync(sector: Sector.PrivateSector);
        var statement = await app.PublishedStatementAsync([government, company]);
        var (elena, elenaClient, _) = await app.FocalPointAsync(government.Id, twoFactor: false, fullName: "Elena Española");
        var (olga, olgaClient, _) = await app.FocalPointAsync(company.Id, twoFactor: false, fullName: "Olga Officer");
        await PreferAsync(elena, "es");
        var cycle = await app.CycleAsync(statement.SummitId, [statement.Id]);

        var toElena = await OnlyMailAsync(elena.Email!, $"Invitación a informar sobre los compromisos de {government.FormalName}: {cycle.Title}");
        AssertLanguage(toElena, "es");
        Assert.StartsWith("Estimado/a Elena Española:", toElena.TextBody);
        AssertNothingOf(toElena, olga.Email!, olga.FullName, company.FormalName);
        var toOlga = await OnlyMailAsync(olga.Email!, $"Invitation to report on {company.FormalName}'s commitments: {cycle.Title}");
        AssertLanguage(toOlga, "en");
        AssertNothingOf(toOlga, elena.Email!, elena.FullName, government.FormalName);

        // Each link opens that focal point's own report; the other's is refused to them.
        var elenaReport = ActionLink(toElena, "Abrir el informe");
        var olgaReport = ActionLink(toOlga, "Open the report");
        Assert.Equal(ReportingData.ReportUrl(cycle.Id, government.Id), elenaReport);
        Assert.Equal(ReportingData.ReportUrl(cycle.Id, company.Id), olgaReport);
        Assert.Contains(government.FormalName, (await elenaClient.GetPageAsync(elenaReport)).QuerySelector("main")!.TextContent);
        Assert.Contains(company.FormalName, (await olgaClient.GetPageAsync(olgaReport)).QuerySelector("main")!.TextContent);
        Assert.NotEqual(HttpStatusCode.OK, (await olgaClient.GetAsync(elenaReport)).StatusCode);

        // The secretariat reminds those that have not submitted: each once, in their language, to their report.
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var progress = await organiser.GetPageAsync($"/Reporting/Manage/Cycle/{cycle.Id}");
        await organiser.SubmitAndFollowAsync(progress, "form#remind-form");
        var reminder = await OnlyMailAsync(elena.Email!, $"Recordatorio: informe de progreso de {government.FormalName} para {cycle.Title}");
        AssertLanguage(reminder, "es");
        Assert.Equal(elenaReport, ActionLink(reminder, "Abrir el informe"));
        AssertNothingOf(reminder, olga.Email!, olga.FullName, company.FormalName);
        var olgaReminder = await OnlyMailAsync(olga.Email!, $"Reminder: {company.FormalName}'s progress report for {cycle.Title}");
        Assert.Equal(olgaReport, ActionLink(olgaReminder, "Open the report"));
        Assert.Empty(reminder.Attachments);
    }

    [Fact]
    public async Task A_message_from_the_secretariat_reaches_each_delegate_alone_with_their_own_details_and_link()
    {
        var summit = await app.CreateOpenSummitAsync();
        var (amina, aminaRegistration) = await app.ApprovedDelegateAsync(summit.Id, "Amina Addressee");
        var (brian, brianRegistration) = await app.ApprovedDelegateAsync(summit.Id, "Brian Bystander");
        await PreferAsync(amina, "fr");
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var page = await organiser.GetPageAsync($"/Registration/Manage/Messages/{summit.Id}?status=Approved");
        var subject = $"Practical details {Guid.NewGuid():N}"[..30];
        Assert.Equal(HttpStatusCode.Redirect, (await SendMessageAsync(organiser, page, subject + " for {FullName}",
            "Dear {FullName},\n\nYour badge: {BadgeLink}\n\nSee you in {City}.")).StatusCode);

        var toAmina = await OnlyMailAsync(amina.Email!, $"{subject} for Amina Addressee");
        var toBrian = await OnlyMailAsync(brian.Email!, $"{subject} for Brian Bystander");
        Assert.StartsWith("Dear Amina Addressee,", toAmina.TextBody);
        Assert.Contains($"{SummitAppFactory.PublicBaseUrl}/Registration/Badge/{aminaRegistration.Id}", toAmina.TextBody);
        AssertNothingOf(toAmina, brian.Email!, brian.FullName, $"/Registration/Badge/{brianRegistration.Id}", $"/Registration/Details/{brianRegistration.Id}");
        AssertNothingOf(toBrian, amina.Email!, amina.FullName, $"/Registration/Badge/{aminaRegistration.Id}", $"/Registration/Details/{aminaRegistration.Id}");

        // The organiser's words stay as written, in the language they were written in (the summit's, by default): the
        // link's label and the mail's language say the same, whatever the delegate reads.
        var link = ActionLink(toAmina, "Your registration");
        AssertLanguage(toAmina, "en");
        Assert.Equal($"/Registration/Details/{aminaRegistration.Id}", link);
        Assert.Equal($"/Registration/Details/{brianRegistration.Id}", ActionLink(toBrian, "Your registration"));
        using var aminaClient = await app.LogInAsync(amina);
        Assert.Contains(summit.Name, (await aminaClient.GetPageAsync(link)).QuerySelector("main")!.TextContent);
        using var brianClient = await app.LogInAsync(brian);
        Assert.NotEqual(HttpStatusCode.OK, (await brianClient.GetAsync(link)).StatusCode);
        Assert.Empty(toAmina.Attachments);
    }

    [Fact]
    public async Task With_the_server_down_every_secretariat_mail_waits_is_retried_after_its_back_off_and_arrives_once()
    {
        // The people and pages first, while mail flows; then the server goes down and the secretariat acts.
        var summit = await app.CreateOpenSummitAsync();
        var (delegateUser, registration) = await app.ApprovedDelegateAsync(summit.Id, "Dana Delegate");
        using var delegateClient = await app.LogInAsync(delegateUser);
        await app.CompleteAccreditationAsync(delegateClient, registration.Id);
        await delegateClient.SubmitAndFollowAsync(await delegateClient.GetPageAsync(AccreditationSteps.AccreditationUrl(registration.Id)), "form#visa-letter-form");
        var (invitation, focalUser) = await app.AcceptedInvitationAsync(summit.Id, heads: 1, delegates: 2);
        var government = await app.CreateOrganisationAsync();
        var statement = await app.PublishedStatementAsync([government]);
        var (reporter, _, _) = await app.FocalPointAsync(government.Id, twoFactor: false, fullName: "Rita Reporter");
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var messages = await organiser.GetPageAsync($"/Registration/Manage/Messages/{summit.Id}?status=Approved");
        var visaLetters = await organiser.GetPageAsync($"/Registration/Manage/VisaLetters/{summit.Id}");
        await app.WaitForAllMailAsync();
        var before = await app.WithDbAsync(db => db.Notifications.MaxAsync(n => (long?)n.Id)) ?? 0;

        await Smtp.StopAsync();
        try
        {
            var invitedEmail = NewEmail("invited");
            await organiser.InviteAsync(summit.Id, (await app.CreateOrganisationAsync()).Id, invitedEmail);
            var nomineeEmail = NewEmail("nominee");
            Assert.True((await app.NominateAsync(invitation, focalUser, nomineeEmail)).Succeeded);
            await organiser.SubmitAndFollowAsync(visaLetters, "form.refuse-form", new Dictionary<string, string> { ["Reason"] = "No visa is needed." });
            var cycle = await app.CycleAsync(statement.SummitId, [statement.Id]);
            var subject = $"Down {Guid.NewGuid():N}"[..20];
            Assert.Equal(HttpStatusCode.Redirect, (await SendMessageAsync(organiser, messages, subject, "Dear {FullName}, see you soon.")).StatusCode);

            var kinds = new[]
            {
                NotificationKinds.InvitationSent, NotificationKinds.NominationSent, NotificationKinds.VisaLetterRefused,
                NotificationKinds.ReportingInvitation, NotificationKinds.DelegateMessage,
            };
            Task<List<Notification>> RowsAsync() => app.WithDbAsync(db => db.Notifications.AsNoTracking()
                .Where(n => n.Id > before && kinds.Contains(n.Kind)).OrderBy(n => n.Id).ToListAsync());
            await WaitAsync(async () => (await RowsAsync()).Count == kinds.Length && (await RowsAsync()).All(n => n.LastError is not null),
                "each notification's failed attempt is recorded");
            var failed = await RowsAsync();
            Assert.Equal(kinds.Order(), failed.Select(n => n.Kind).Order());
            Assert.All(failed, n =>
            {
                Assert.Null(n.SentUtc);
                Assert.Null(n.FailedUtc);
                Assert.Equal(1, n.Attempts);
                Assert.Contains("could not be reached", n.LastError);
                Assert.Equal(app.UtcNow + Notification.Backoff(1), n.NextAttemptUtc!.Value, TimeSpan.FromMilliseconds(1));
            });
            Assert.DoesNotContain(Smtp.Messages, m => IsOneOf(m, failed));

            // The organiser sees each waiting.
            var outbox = await organiser.GetPageAsync("/Outbox");
            Assert.All(failed, n => Assert.Contains("Retrying after", outbox.QuerySelector($"#undelivered tr[data-notification='{n.Id}']")?.TextContent ?? ""));

            // Before the back-off is over, neither the sweep nor a stray job tries again.
            await SweepAsync();
            await SendAgainAsync(failed);
            Assert.All(await RowsAsync(), n => Assert.Equal(1, n.Attempts));

            Smtp.Start();
            app.Clock.Advance(Notification.Backoff(1) + TimeSpan.FromSeconds(1));
            await SweepAsync();
            await WaitAsync(async () => (await RowsAsync()).All(n => n.SentUtc is not null), "every notification is sent once the server is back");
            // A second sweep and a stray job for each (another node's, a retried one): nothing goes twice.
            await SweepAsync();
            await SendAgainAsync(failed);
            await Task.Delay(500);

            var sent = await RowsAsync();
            Assert.All(sent, n =>
            {
                Assert.Equal(2, n.Attempts);
                Assert.Null(n.LastError);
                Assert.Single(Smtp.Messages, m => m.Message.MessageId == NotificationJob.MessageIdOf(n));
            });
            Assert.Single(To(Smtp.Messages, invitedEmail), m => m.Message.Subject == $"Invitation to {summit.Name}");
            Assert.Single(To(Smtp.Messages, nomineeEmail), m => m.Message.Subject == $"Nominated to the delegation: {summit.Name}");
            Assert.Single(To(Smtp.Messages, delegateUser.Email!), m => m.Message.Subject == $"Letter of invitation refused: {summit.Name}");
            Assert.Single(To(Smtp.Messages, delegateUser.Email!), m => m.Message.Subject == subject);
            Assert.Single(To(Smtp.Messages, reporter.Email!), m => m.Message.Subject == $"Invitation to report on {government.FormalName}'s commitments: {cycle.Title}");
            Assert.Equal(VisaLetterStatus.Refused, await app.WithDbAsync(db => db.VisaLetters.Where(v => v.RegistrationId == registration.Id).Select(v => v.Status).SingleAsync()));
        }
        finally { Smtp.Start(); }
    }

    private static bool IsOneOf(TestSmtpServer.Received message, IEnumerable<Notification> notifications) =>
        notifications.Any(n => message.Message.MessageId == NotificationJob.MessageIdOf(n));

    private async Task SweepAsync()
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<NotificationSweep>().RunAsync(CancellationToken.None);
    }

    /// <summary>Runs the job for each notification again, as a stray or repeated Hangfire job would.</summary>
    private async Task SendAgainAsync(IEnumerable<Notification> notifications)
    {
        foreach (var n in notifications)
        {
            using var scope = app.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<NotificationJob>().SendAsync(n.Id, CancellationToken.None);
        }
    }

    private static async Task WaitAsync(Func<Task<bool>> condition, string what)
    {
        for (var waited = 0; waited < 60_000; waited += 100)
        {
            if (await condition()) return;
            await Task.Delay(100);
        }
        throw new Xunit.Sdk.XunitException($"Not within 60 s: {what}");
    }
}
