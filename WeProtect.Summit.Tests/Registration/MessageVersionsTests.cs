using System.Globalization;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using WeProtect.Summit.Web.Jobs;

namespace WeProtect.Summit.Tests.Registration;

using WeProtect.Summit.Data.Registrations; // after the namespace line: "Registration" is also this namespace

/// <summary>One message written in several languages, as pretix's mails are: each delegate receives the version in
/// the language they read (their own choice, else the summit's), everyone else the message as written; a version is
/// checked like the message, previewed for one of its readers, kept while a message waits, and shown in the history.
/// (Erased with the message: RetentionSweepTests.)</summary>
public class MessageVersionsTests(LocalizedAppFactory app) : IClassFixture<LocalizedAppFactory>
{
    private static string Messages(int summitId, string query = "") => $"/Registration/Manage/Messages/{summitId}{query}";

    private static readonly Dictionary<string, string> English = new()
    {
        ["Language"] = "en",
        ["Subject"] = "Shuttle for {FullName}",
        ["Body"] = "Dear {FullName},\nYour registration is {Status}. A shuttle meets every flight.",
    };

    /// <summary>The form's values with a French version in the row the page gave French.</summary>
    private static Dictionary<string, string> WithFrench(IHtmlDocument page, string subject, string body)
    {
        var row = page.QuerySelector(".message-version[data-language='fr'] input[type=hidden]")!.GetAttribute("name")!.Replace(".Language", "");
        return new Dictionary<string, string>(English) { [$"{row}.Subject"] = subject, [$"{row}.Body"] = body };
    }

    private async Task<(Data.Summits.Summit Summit, int Organisation, SummitUser English, SummitUser French, SummitUser Spanish)> SummitWithReadersAsync()
    {
        var summit = await app.CreateOpenSummitAsync();
        var organisation = await app.CreateOrganisationAsync();
        var english = await app.CreateUserAsync(fullName: "Anna English");   // no choice: the summit's language
        var french = await app.CreateUserAsync(fullName: "Béatrice Français");
        var spanish = await app.CreateUserAsync(fullName: "Carlos Español"); // reads Spanish, for which no version is written
        await app.PreferLanguageAsync(french, "fr");
        await app.PreferLanguageAsync(spanish, "es");
        foreach (var user in new[] { english, french, spanish })
            Assert.True((await app.DecideAsync((await app.RegisterAsync(user, summit.Id, organisation.Id)).Id, RegistrationStatus.Approved)).Succeeded);
        return (summit, organisation.Id, english, french, spanish);
    }

    [Fact]
    public async Task Each_delegate_receives_the_version_in_the_language_they_read_and_the_others_the_message_as_written()
    {
        var (summit, organisation, english, french, spanish) = await SummitWithReadersAsync();
        using var client = await app.LoggedInClientAsync(Roles.Organiser);
        var page = await client.GetPageAsync(Messages(summit.Id, $"?organisation={organisation}"));
        // Who reads what, before writing: one field pair per language other than the one written in.
        Assert.Contains("English 1 · Français 1 · Español 1", page.QuerySelector("#readers-by-language")!.TextContent);
        Assert.Equal(["fr", "es", "ar"], page.QuerySelectorAll(".message-version").Select(f => f.GetAttribute("data-language")));
        Assert.Null(page.QuerySelector("#message-versions")!.GetAttribute("open"));

        // Half a version is an error in its place, and what was typed stays.
        var half = await FormClient.ParseAsync(await MessagesTests.PressAsync(client, page, "#send-button", WithFrench(page, "Navette pour {FullName}", "")));
        Assert.Contains("Write the message of the Français version.", half.QuerySelector(".message-version[data-language='fr']")!.TextContent);
        Assert.Equal("Navette pour {FullName}", half.QuerySelector<IHtmlInputElement>("#version-subject-fr")!.Value);
        Assert.NotNull(half.QuerySelector("#message-versions")!.GetAttribute("open"));
        var typo = await FormClient.ParseAsync(await MessagesTests.PressAsync(client, page, "#send-button", WithFrench(page, "Navette", "Bonjour {NomComplet}")));
        Assert.Contains("Unknown placeholder {NomComplet}", typo.QuerySelector(".message-version[data-language='fr']")!.TextContent);
        // A version in the language the message is written in would leave two texts for the same readers.
        var same = await FormClient.ParseAsync(await MessagesTests.PressAsync(client, page, "#send-button",
            new Dictionary<string, string>(WithFrench(page, "Navette", "Bonjour")) { ["Language"] = "fr" }));
        Assert.Contains("The message above is written in Français: leave the Français version empty",
            same.QuerySelector(".message-version[data-language='fr']")!.TextContent);
        Assert.Equal(0, await app.WithDbAsync(db => db.DelegateMessages.CountAsync(m => m.SummitId == summit.Id)));

        var values = WithFrench(page, "Navette pour {FullName}", "Bonjour {FullName},\nVotre inscription est {Status}. Une navette attend chaque vol.");
        var preview = await FormClient.ParseAsync(await MessagesTests.PressAsync(client, page, "#preview-button", values));
        // The message as written, for one of those without a version of their own (English and Spanish readers)…
        Assert.Contains("for 2 of the 3 recipients", preview.QuerySelector("#preview-heading")!.TextContent);
        Assert.Contains("Anna English", preview.QuerySelector("#preview-to")!.TextContent);
        Assert.Equal("Shuttle for Anna English", preview.QuerySelector("#preview-subject")!.TextContent);
        // …and the French version for a French reader, the placeholders' words in French.
        var frenchPreview = preview.QuerySelector("#preview-fr")!;
        Assert.Contains("for 1 of the recipients", frenchPreview.QuerySelector("h2")!.TextContent);
        Assert.Contains("Béatrice Français", frenchPreview.QuerySelector(".preview-to")!.TextContent);
        Assert.Equal("Navette pour Béatrice Français", frenchPreview.QuerySelector(".preview-subject")!.TextContent);
        Assert.Contains("Votre inscription est Approuvée.", frenchPreview.QuerySelector(".preview-body")!.TextContent);
        Assert.Equal("fr", frenchPreview.QuerySelector(".preview-body")!.GetAttribute("lang"));

        var sent = await MessagesTests.PressAsync(client, preview, "#send-button", values);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        await app.WaitForAllMailAsync();
        // The one letter of this message each delegate received, whichever text it is.
        MimeKit.MimeMessage LetterTo(SummitUser user) => Assert.Single(app.SentMail(),
            m => m.To.Mailboxes.Any(a => a.Address == user.Email) && ((m.Subject ?? "").StartsWith("Navette", StringComparison.Ordinal) || (m.Subject ?? "").StartsWith("Shuttle", StringComparison.Ordinal)));
        var frenchMail = LetterTo(french);
        Assert.Equal("Navette pour Béatrice Français", frenchMail.Subject);
        Assert.StartsWith("Bonjour Béatrice Français,\nVotre inscription est Approuvée.", frenchMail.TextBody);
        Assert.Equal("fr", frenchMail.Body!.Headers["Content-Language"]);
        foreach (var (user, name) in new[] { (english, "Anna English"), (spanish, "Carlos Español") })
        {
            var mail = LetterTo(user);
            Assert.Equal($"Shuttle for {name}", mail.Subject);
            Assert.Contains("Your registration is Approved.", mail.TextBody);
            Assert.Equal("en", mail.Body!.Headers["Content-Language"]);
        }

        // The record says it: the history, the message page, and the French reader's own data.
        var message = await app.WithDbAsync(db => db.DelegateMessages.AsNoTracking().SingleAsync(m => m.SummitId == summit.Id));
        var history = await client.GetPageAsync(Messages(summit.Id));
        Assert.Contains("Also in Français", history.QuerySelector($"#message-history tr[data-message='{message.Id}'] .message-also-in")!.TextContent);
        var shown = await client.GetPageAsync(sent.Location());
        Assert.Contains("Written in English, and also in Français", shown.QuerySelector("#message-language")!.TextContent);
        Assert.Equal("Navette pour {FullName}", shown.QuerySelector(".message-version[data-language='fr'] .version-subject")!.TextContent.Trim());
        using var reader = await app.LogInAsync(french);
        var data = await reader.GetPageAsync("/Profile/Data");
        using var json = JsonDocument.Parse(await (await reader.GetAsync(data.QuerySelector("#download-data")!.GetAttribute("href")!)).Content.ReadAsStringAsync());
        Assert.Equal("Navette pour {FullName}", Assert.Single(json.RootElement.GetProperty("MessagesToYou").EnumerateArray()).GetProperty("Subject").GetString());
    }

    [Fact]
    public async Task A_scheduled_message_keeps_its_versions_until_it_goes()
    {
        var (summit, organisation, english, french, _) = await SummitWithReadersAsync();
        using var client = await app.LoggedInClientAsync(Roles.Organiser);
        var page = await client.GetPageAsync(Messages(summit.Id, $"?organisation={organisation}"));
        var sendAtUtc = app.UtcNow.AddHours(1);
        sendAtUtc = sendAtUtc.AddTicks(-(sendAtUtc.Ticks % TimeSpan.TicksPerMinute));
        var values = new Dictionary<string, string>(WithFrench(page, "Rappel pour {FullName}", "Bonjour {FullName}, à demain."))
        {
            ["Subject"] = "Reminder for {FullName}", ["Body"] = "Dear {FullName}, see you tomorrow.",
            ["SendAt"] = summit.ToLocal(sendAtUtc).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
        };
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(page, "#message-form", values, submitter: "#schedule-button")).StatusCode);
        var message = await app.WithDbAsync(db => db.DelegateMessages.AsNoTracking().Include(m => m.Versions).SingleAsync(m => m.SummitId == summit.Id));
        Assert.Equal("fr", Assert.Single(message.Versions).Language);

        app.Clock.Advance(TimeSpan.FromHours(1).Add(TimeSpan.FromMinutes(1)));
        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<ScheduledMessageSweep>().RunAsync(CancellationToken.None);
        await app.WaitForAllMailAsync();
        string[] Subjects(SummitUser user) => [.. app.SentMail().Where(m => m.To.Mailboxes.Any(a => a.Address == user.Email)
            && ((m.Subject ?? "").StartsWith("Rappel", StringComparison.Ordinal) || (m.Subject ?? "").StartsWith("Reminder", StringComparison.Ordinal))).Select(m => m.Subject ?? "")];
        Assert.Equal(["Rappel pour Béatrice Français"], Subjects(french));
        Assert.Equal(["Reminder for Anna English"], Subjects(english));
    }
}
