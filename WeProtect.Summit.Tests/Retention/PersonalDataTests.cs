using System.Globalization;
using System.Text.Json;
using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Organisations;
using WeProtect.Summit.Data.Retention;

namespace WeProtect.Summit.Tests.Retention;

using WeProtect.Summit.Data.Registrations; // after the namespace line: "Registration" is also a test namespace

/// <summary>A user downloads their own data (and nobody else's), asks for erasure; an administrator carries it out with
/// the catalogue's rules: the account pseudonymised and closed, endorsements and the audit chain kept.</summary>
public class PersonalDataTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private async Task<(SummitUser User, Registration Registration)> DelegateWithMessageAsync(Data.Summits.Summit summit, string name, string needs)
    {
        var organisation = await app.CreateOrganisationAsync($"Ministry {Guid.NewGuid():N}"[..18], Sector.Government, "NO");
        var user = await app.CreateUserAsync(fullName: name);
        var registration = await app.DetailedRegistrationAsync(user, summit.Id, organisation, needs);
        Assert.True((await app.DecideAsync(registration.Id, RegistrationStatus.Approved)).Succeeded);
        return (user, registration);
    }

    [Fact]
    public async Task A_user_downloads_their_own_data_and_nobody_elses()
    {
        var summit = await app.CreateOpenSummitAsync();
        var (ingrid, _) = await DelegateWithMessageAsync(summit, "Ingrid Solberg", "Gluten-free meals");
        var (other, _) = await DelegateWithMessageAsync(summit, "Olav Otherperson", "Hearing loop");
        using (var scope = app.Services.CreateScope())
        {
            var sent = await scope.ServiceProvider.GetRequiredService<Data.Messages.MessageDesk>().SendAsync(summit.Id, Guid.NewGuid(),
                "Programme for {FullName}", "Dear {FullName}, the programme is attached.", "en", [], new RegistrationFilter(), new AuditActor(null, "Organiser"));
            Assert.True(sent.Succeeded, sent.Message);
        }
        await app.PreferLanguageAsync(ingrid, "es");
        using var client = await app.LogInAsync(ingrid);
        var page = await client.GetPageAsync("/Profile/Data");
        var response = await client.GetAsync(page.QuerySelector("#download-data")!.GetAttribute("href")!);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;
        Assert.Equal(ingrid.Email, root.GetProperty("Account").GetProperty("Email").GetString());
        var registration = Assert.Single(root.GetProperty("Registrations").EnumerateArray());
        Assert.Equal("Ingrid Solberg", registration.GetProperty("FullName").GetString());
        Assert.Equal("Gluten-free meals", registration.GetProperty("AccessNeeds").GetString());
        Assert.Equal("Approved", registration.GetProperty("Status").GetString());
        Assert.Contains(root.GetProperty("MessagesToYou").EnumerateArray(), m => m.GetProperty("Subject").GetString() == "Programme for {FullName}");
        Assert.Equal("es", root.GetProperty("Account").GetProperty("Language").GetString());
        // The app's own e-mails to them are listed too: which and when, as their text is not kept.
        Assert.Contains(root.GetProperty("EmailsToYou").EnumerateArray(), m => m.GetProperty("Kind").GetString() == Data.Notifications.NotificationKinds.RegistrationDecision);
        Assert.DoesNotContain("Olav", text);
        Assert.DoesNotContain(other.Email!, text);
        Assert.DoesNotContain("Hearing loop", text);
        Assert.DoesNotContain(other.Id, text);
    }

    [Fact]
    public async Task An_administrator_carries_out_a_request_the_account_is_closed_the_public_record_and_the_chain_are_kept()
    {
        var summit = await app.CreateOpenSummitAsync();
        var (freya, registration) = await DelegateWithMessageAsync(summit, "Freya Forgetme", "Step-free route");
        var (stays, staysRegistration) = await DelegateWithMessageAsync(summit, "Sven Stays", "None");
        // An endorsement Freya signed for her organisation: public record, kept.
        var (statement, final) = await app.OpenStatementAsync();
        var endorsementId = await app.WithDbAsync(async db =>
        {
            var endorsement = new Data.Endorsements.Endorsement
            {
                StatementId = statement.Id, OrganisationId = registration.OrganisationId!.Value, StatementVersionId = final.Id, ContentHash = final.ContentHash,
                SignerUserId = freya.Id, PrintedName = "Freya Forgetme", PrintedPosition = "Minister", SignedUtc = app.UtcNow,
            };
            db.Endorsements.Add(endorsement);
            await db.SaveChangesAsync();
            return endorsement.Id;
        });
        await app.WaitForAllMailAsync();
        Assert.Contains(app.SentMail(), m => m.To.Mailboxes.Any(x => x.Address == freya.Email));

        using var client = await app.LogInAsync(freya);
        var page = await client.GetPageAsync("/Profile/Data");
        var unconfirmed = await FormClient.ParseAsync(await client.SubmitAsync(page, "#erasure-form"));
        Assert.Contains("Tick the box", unconfirmed.QuerySelector(".alert-danger")!.TextContent);
        Assert.Equal(0, await app.WithDbAsync(db => db.ErasureRequests.CountAsync(r => r.UserId == freya.Id)));
        var (_, requested) = await client.SubmitAndFollowAsync(page, "#erasure-form", new Dictionary<string, string> { ["Confirm"] = "true" });
        Assert.Contains("Your request is recorded", requested.QuerySelector("[role=status]")!.TextContent);
        Assert.NotNull(requested.QuerySelector("#erasure-requested"));
        // Asking twice makes one request.
        var (_, again) = await client.SubmitAndFollowAsync(page, "#erasure-form", new Dictionary<string, string> { ["Confirm"] = "true" });
        Assert.Contains("already asked", again.QuerySelector(".alert-danger")!.TextContent);
        var request = await app.WithDbAsync(db => db.ErasureRequests.AsNoTracking().SingleAsync(r => r.UserId == freya.Id));

        using var admin = await app.LoggedInClientAsync(Roles.Admin);
        var queue = await admin.GetPageAsync("/Admin/Erasure");
        var row = queue.QuerySelector($"tr[data-request-id='{request.Id}']")!;
        Assert.Contains("Freya Forgetme", row.TextContent);
        var (_, carried) = await admin.SubmitAndFollowAsync(queue, $"tr[data-request-id='{request.Id}'] form", new Dictionary<string, string> { ["confirm"] = "true" });
        Assert.Contains("pseudonymised and closed", carried.QuerySelector("[role=status]")!.TextContent);
        Assert.DoesNotContain("Freya", carried.QuerySelector("#erasure-requests")!.TextContent);

        var account = await app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == freya.Id));
        Assert.Equal(PersonalDataCatalogue.FormerUser, account.FullName);
        Assert.Equal($"erased-{freya.Id}@erased.invalid", account.Email);
        Assert.Null(account.PasswordHash);
        Assert.Equal(DateTimeOffset.MaxValue, account.LockoutEnd);
        Assert.NotEqual(freya.SecurityStamp, account.SecurityStamp);
        var erased = await app.WithDbAsync(db => db.Registrations.AsNoTracking().SingleAsync(r => r.Id == registration.Id));
        Assert.Equal($"Erased delegate {registration.Id}", erased.FullName);
        Assert.Null(erased.AccessNeeds);
        // Her summit is still to come: her place there is given up (a summit over keeps the status it had).
        Assert.Equal(RegistrationStatus.Cancelled, erased.Status);
        // Somebody else's data, and the public record, stay.
        var other = await app.WithDbAsync(db => db.Registrations.AsNoTracking().SingleAsync(r => r.Id == staysRegistration.Id));
        Assert.Equal(("Sven Stays", "None"), (other.FullName, other.AccessNeeds));
        Assert.Equal("Freya Forgetme", await app.WithDbAsync(db => db.Endorsements.Where(e => e.Id == endorsementId).Select(e => e.PrintedName).SingleAsync()));
        // Her mail copies are gone from the pick-up folder; Sven's stay.
        Assert.DoesNotContain(app.SentMail(), m => m.To.Mailboxes.Any(x => x.Address == freya.Email));
        Assert.Contains(app.SentMail(), m => m.To.Mailboxes.Any(x => x.Address == stays.Email));

        // The session she had ends, and she cannot log in again.
        var signedOut = await client.GetAsync("/Profile/Data");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Contains("/Account/Login", signedOut.Headers.Location!.ToString());
        using var fresh = app.CreateFormClient();
        var login = await fresh.GetPageAsync("/Account/Login");
        var attempt = await fresh.SubmitAsync(login, "#login", new Dictionary<string, string> { ["Input.Email"] = freya.Email!, ["Input.Password"] = SummitAppFactory.Password });
        Assert.NotEqual(System.Net.HttpStatusCode.Redirect, attempt.StatusCode);

        var verdict = await app.VerifyAuditAsync();
        Assert.True(verdict.IsIntact, verdict.Problem);
        var events = await app.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.Action == "account.erased" || e.Action == "account.erasure-requested")
            .Where(e => e.SubjectId == request.Id.ToString(CultureInfo.InvariantCulture)).ToListAsync());
        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.DoesNotContain("Freya", e.Summary + e.ActorName));

        // Carrying it out again changes nothing.
        var before = await app.WithDbAsync(db => db.AuditEvents.CountAsync());
        using var scope = app.Services.CreateScope();
        var twice = await scope.ServiceProvider.GetRequiredService<ErasureDesk>().CarryOutAsync(request.Id, new AuditActor(null, "Admin"));
        Assert.False(twice.Succeeded);
        Assert.Equal(before, await app.WithDbAsync(db => db.AuditEvents.CountAsync()));
    }
}
