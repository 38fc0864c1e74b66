using AngleSharp.Html.Dom;
using WeProtect.Summit.Data.Organisations;

namespace WeProtect.Summit.Tests.Registration;

using WeProtect.Summit.Data.Registrations; // after the namespace line: "Registration" is also this namespace

/// <summary>Organisers write to a filtered set of delegates: preview, placeholders, one notification per recipient,
/// each e-mailed once, and the history of who received what.</summary>
public class MessagesTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private static string Messages(int summitId, string query = "") => $"/Registration/Manage/Messages/{summitId}{query}";

    /// <summary>Posts the message form through one of its buttons, as a browser does (the button's formaction).</summary>
    internal static Task<HttpResponseMessage> PressAsync(FormClient client, IHtmlDocument page, string button, Dictionary<string, string> values)
    {
        var form = page.QuerySelector("#message-form")!;
        form.SetAttribute("action", page.QuerySelector(button)!.GetAttribute("formaction")!);
        return client.SubmitAsync(page, "#message-form", values);
    }

    [Fact]
    public async Task An_organiser_previews_and_sends_to_the_filtered_delegates_each_once_with_placeholders_filled_in()
    {
        var summit = await app.CreateOpenSummitAsync();
        var government = await app.CreateOrganisationAsync($"Government {Guid.NewGuid():N}"[..20], Sector.Government, "KE");
        var company = await app.CreateOrganisationAsync($"Company {Guid.NewGuid():N}"[..17], Sector.PrivateSector, "US");
        var users = new List<(SummitUser User, Data.Registrations.Registration Registration)>();
        foreach (var (name, organisation, approve) in new[] { ("Amina Government", government, true), ("Brian Government", government, true),
                     ("Chen Company", company, true), ("Dana Pending", government, false) })
        {
            var user = await app.CreateUserAsync(fullName: name);
            var registration = await app.RegisterAsync(user, summit.Id, organisation.Id);
            if (approve) Assert.True((await app.DecideAsync(registration.Id, RegistrationStatus.Approved)).Succeeded);
            users.Add((user, registration));
        }
        using var client = await app.LoggedInClientAsync(Roles.Organiser);

        var page = await client.GetPageAsync(Messages(summit.Id, "?status=Approved&sector=Government"));
        Assert.Contains("2 delegates match", page.QuerySelector("#recipient-count")!.TextContent);

        // An unknown placeholder is a clear error, and nothing is sent.
        var typo = await FormClient.ParseAsync(await PressAsync(client, page, "#send-button", new()
        {
            ["Subject"] = "Welcome, {Fulname}", ["Body"] = "See you in {City}.",
        }));
        Assert.Contains("Unknown placeholder {Fulname}", typo.QuerySelector("#message-form")!.TextContent);
        Assert.Equal(0, await app.WithDbAsync(db => db.DelegateMessages.CountAsync(m => m.SummitId == summit.Id)));

        var values = new Dictionary<string, string>
        {
            ["Subject"] = "Your badge for {SummitName}",
            ["Body"] = "Dear {FullName},\nYour badge: {BadgeLink}\nSee you in {City}.",
        };
        var preview = await FormClient.ParseAsync(await PressAsync(client, page, "#preview-button", values));
        Assert.Contains("Amina Government", preview.QuerySelector("#preview-to")!.TextContent);
        Assert.Equal($"Your badge for {summit.Name}", preview.QuerySelector("#preview-subject")!.TextContent.Trim());
        Assert.Contains($"/Registration/Badge/{users[0].Registration.Id}", preview.QuerySelector("#preview-body")!.TextContent);
        Assert.Contains("Dear Amina Government,", preview.QuerySelector("#preview-body")!.TextContent);

        var sent = await PressAsync(client, preview, "#send-button", values);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        // The same form posted again (a double click, a retry): still one message.
        var again = await PressAsync(client, preview, "#send-button", values);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);

        var message = await app.WithDbAsync(db => db.DelegateMessages.AsNoTracking().SingleAsync(m => m.SummitId == summit.Id));
        Assert.Equal(2, message.RecipientCount);
        Assert.Equal("Approved · Government", message.Audience);
        var notifications = await app.WithDbAsync(db => db.DelegateMessageRecipients.Where(r => r.MessageId == message.Id)
            .Select(r => r.NotificationId).ToListAsync());
        Assert.Equal(2, notifications.Distinct().Count(id => id != null));
        foreach (var (user, registration) in users.Take(2))
        {
            var mail = await app.WaitForMailAsync(m => m.Subject == $"Your badge for {summit.Name}" && m.To.ToString().Contains(user.Email!));
            Assert.Contains($"Dear {user.FullName},", mail.TextBody);
            Assert.Contains($"/Registration/Badge/{registration.Id}", mail.TextBody);
        }
        Assert.DoesNotContain(app.SentMail(), m => m.Subject == $"Your badge for {summit.Name}"
            && (m.To.ToString().Contains(users[2].User.Email!) || m.To.ToString().Contains(users[3].User.Email!)));

        // The history: who received what and when.
        for (var i = 0; i < 100 && await app.WithDbAsync(db => db.Notifications.CountAsync(n => notifications.Contains(n.Id) && n.SentUtc != null)) < 2; i++)
            await Task.Delay(100);
        var history = await client.GetPageAsync(Messages(summit.Id));
        var row = history.QuerySelector($"#message-history tr[data-message='{message.Id}']")!;
        Assert.Contains("Approved · Government", row.TextContent);
        var detail = await client.GetPageAsync(sent.Location());
        Assert.Equal(2, detail.QuerySelectorAll("#message-recipients tbody tr").Length);
        Assert.DoesNotContain("Waiting to be sent", detail.QuerySelector("#message-recipients")!.TextContent);
        Assert.Contains("Amina Government", detail.QuerySelector("#message-recipients")!.TextContent);
        Assert.Contains("Approved · Government", detail.QuerySelector("#message-facts")!.TextContent);

        // A message written before its filter was kept says the words it was stored with.
        await app.WithDbAsync(db => db.DelegateMessages.Where(m => m.Id == message.Id).ExecuteUpdateAsync(u => u.SetProperty(m => m.Filter, (string?)null)));
        Assert.Contains("Approved · Government", (await client.GetPageAsync(Messages(summit.Id))).QuerySelector($"#message-history tr[data-message='{message.Id}']")!.TextContent);
    }

    [Fact]
    public async Task The_filter_starts_at_the_approved_delegates_and_the_count_follows_the_chosen_filter()
    {
        var summit = await app.CreateOpenSummitAsync();
        var amina = (await app.ApprovedDelegateAsync(summit.Id, "Amina Approved")).Registration;
        await app.ApprovedDelegateAsync(summit.Id, "Brian Approved");
        await app.RegisterAsync(await app.CreateUserAsync(fullName: "Dana Pending"), summit.Id, (await app.CreateOrganisationAsync()).Id);
        using var client = await app.LoggedInClientAsync(Roles.Organiser);

        // By default the approved delegates, not everyone who ever registered.
        var page = await client.GetPageAsync(Messages(summit.Id));
        Assert.Equal("Approved", page.QuerySelector("#to-status option[selected]")?.GetAttribute("value"));
        Assert.Contains("2 delegates match", page.QuerySelector("#recipient-count")!.TextContent);

        // With htmx, each change of a filter control asks the fieldset's handler for the count of the filter as chosen.
        var fieldset = page.QuerySelector("fieldset#message-to")!;
        Assert.Equal("change", fieldset.GetAttribute("hx-trigger"));
        Assert.Equal("this", fieldset.GetAttribute("hx-include"));
        Assert.Equal("#recipient-count", fieldset.GetAttribute("hx-target"));
        async Task<AngleSharp.Html.Dom.IHtmlDocument> CountAsync(string query)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, fieldset.GetAttribute("hx-get") + query);
            request.Headers.Add("HX-Request", "true");
            var response = await client.Http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await FormClient.ParseAsync(response);
        }
        var pending = await CountAsync("&status=Pending&sector=&organisation=&country=&category=&breakout=&checkedin=&reads=");
        Assert.Equal("1 delegate matches this filter.", pending.QuerySelector("#recipient-count")!.TextContent.Trim());
        Assert.Null(pending.QuerySelector("#message-form"));
        // The count by language beside the versions follows too (out of band).
        Assert.Equal("true", pending.QuerySelector("#readers-by-language")?.GetAttribute("hx-swap-oob"));
        Assert.Equal("3 delegates match this filter.", (await CountAsync("&status=any")).QuerySelector("#recipient-count")!.TextContent.Trim());
        Assert.Equal("2 delegates match this filter.", (await CountAsync("&status=")).QuerySelector("#recipient-count")!.TextContent.Trim());
        Assert.Equal("1 delegate matches this filter.", (await CountAsync($"&organisation={amina.OrganisationId}")).QuerySelector("#recipient-count")!.TextContent.Trim());

        // Without JavaScript: "Count the recipients" shows the form again as written, with the count of the chosen filter.
        var counted = await FormClient.ParseAsync(await PressAsync(client, page, "#count-button", new()
        {
            ["status"] = "Pending", ["Subject"] = "Your registration", ["Body"] = "Dear {FullName}",
        }));
        Assert.Equal("1 delegate matches this filter.", counted.QuerySelector("#recipient-count")!.TextContent.Trim());
        Assert.Equal("Pending", counted.QuerySelector("#to-status option[selected]")?.GetAttribute("value"));
        Assert.Equal("Your registration", counted.QuerySelector("#message-subject")?.GetAttribute("value"));
        Assert.Null(counted.QuerySelector(".validation-summary-errors"));
        Assert.Equal(0, await app.WithDbAsync(db => db.DelegateMessages.CountAsync(m => m.SummitId == summit.Id)));

        // Sent as the page first offered it: to the two approved delegates, as counted.
        var sent = await PressAsync(client, page, "#send-button", new() { ["Subject"] = "Welcome", ["Body"] = "Dear {FullName}" });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var message = await app.WithDbAsync(db => db.DelegateMessages.AsNoTracking().SingleAsync(m => m.SummitId == summit.Id));
        Assert.Equal(2, message.RecipientCount);
        Assert.Equal("Approved", message.Audience);
    }

    [Fact]
    public async Task A_message_of_another_summit_or_an_unknown_one_is_not_found_and_an_empty_filter_sends_nothing()
    {
        var summit = await app.CreateOpenSummitAsync();
        var other = await app.CreateOpenSummitAsync();
        using var client = await app.LoggedInClientAsync(Roles.Organiser);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Registration/Manage/Message/{other.Id}/424242")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Messages(424242))).StatusCode);

        var page = await client.GetPageAsync(Messages(summit.Id));
        var shown = await FormClient.ParseAsync(await PressAsync(client, page, "#send-button", new() { ["Subject"] = "Hello", ["Body"] = "Hello {FullName}" }));
        Assert.Contains("No delegate matches", shown.QuerySelector("#message-form")!.TextContent);
        Assert.Equal(0, await app.WithDbAsync(db => db.DelegateMessages.CountAsync(m => m.SummitId == summit.Id)));
    }

    /// <summary>A filter value the form never writes (a hand-edited address or post) filters nothing: the page says so,
    /// and a send with it is refused instead of going to everyone the other parts match.</summary>
    [Fact]
    public async Task A_filter_value_the_app_does_not_know_is_said_and_sends_nothing()
    {
        var summit = await app.CreateOpenSummitAsync();
        await app.ApprovedDelegateAsync(summit.Id, "Only Approved");
        await app.RegisterAsync(await app.CreateUserAsync(fullName: "Still Pending"), summit.Id, (await app.CreateOrganisationAsync()).Id);
        using var client = await app.LoggedInClientAsync(Roles.Organiser);

        var page = await client.GetPageAsync(Messages(summit.Id, "?status=Bogus&country=XX"));
        Assert.Contains("status, country", page.QuerySelector("#filter-unread")!.TextContent);
        Assert.NotNull(page.QuerySelector($"#message-form select[name=country] option[value='{Data.Registrations.RegistrationFilter.NoCountry}']"));
        var refused = await FormClient.ParseAsync(await PressAsync(client, page, "#send-button",
            new() { ["status"] = "Bogus", ["Subject"] = "Hello", ["Body"] = "Hello {FullName}" }));
        Assert.Contains("does not know (status)", refused.QuerySelector("#message-form")!.TextContent);
        Assert.Equal(0, await app.WithDbAsync(db => db.DelegateMessages.CountAsync(m => m.SummitId == summit.Id)));

        // The registrations list says it too, and "decide all matching" is refused.
        var list = await client.GetPageAsync($"/Registration/Manage/{summit.Id}?status=Bogus");
        Assert.Contains("status", list.QuerySelector("#filter-unread")!.TextContent);
        var bulk = await FormClient.ParseAsync(await client.SubmitAsync(list, "#bulk-form",
            new Dictionary<string, string> { ["scope"] = "all", ["bulkDecision"] = "Approved" }));
        Assert.Contains("nothing was decided", bulk.Body!.TextContent);
        Assert.Equal(1, await app.WithDbAsync(db => db.Registrations.CountAsync(r => r.SummitId == summit.Id && r.Status == RegistrationStatus.Pending)));
    }
}
