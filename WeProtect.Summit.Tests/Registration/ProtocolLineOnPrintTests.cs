using WeProtect.Summit.Data.Invitations;
using WeProtect.Summit.Data.Organisations;

namespace WeProtect.Summit.Tests.Registration;

/// <summary>Where protocol details are printed, they read as protocol offices write them (ProtocolLine): on the badge
/// the form of address on the name line and the title on the next; in the participant list one entry with its
/// separators; on the delegate's record, the vetting queue and the delegate's own page the same words, never run
/// together.</summary>
public class ProtocolLineOnPrintTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private static string Words(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ").Trim();

    [Fact]
    public async Task The_badge_the_participant_list_and_the_pages_show_the_address_and_the_office_properly_separated()
    {
        var summit = await app.CreateOpenSummitAsync();
        var tag = Guid.NewGuid().ToString("N")[..5];
        var country = await app.CreateOrganisationAsync("Republic of X " + tag, Sector.Government, "KE");
        var user = await app.CreateUserAsync(fullName: "Jane Doe");
        var registration = await app.RegisterAsync(user, summit.Id, country.Id);
        Assert.True((await app.DecideAsync(registration.Id, Data.Registrations.RegistrationStatus.Approved)).Succeeded);
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var protocol = await organiser.GetPageAsync($"/Invitations/Manage/Protocol/{summit.Id}/{registration.Id}");
        Assert.Equal(HttpStatusCode.Redirect, (await organiser.SubmitAsync(protocol, "#protocol-form", new Dictionary<string, string>
        {
            ["Input.Title"] = "Minister of Interior", ["Input.Honorific"] = "H.E. Ms", ["Input.Rank"] = nameof(ProtocolRank.Minister), ["Input.Order"] = "1",
        })).StatusCode);
        var office = $"Minister of Interior, Republic of X {tag}";

        // The participant list: one entry, its parts separated.
        var dashboard = await organiser.GetPageAsync($"/Registration/Manage/Dashboard/{summit.Id}");
        var list = await PdfAsync(organiser, dashboard.QuerySelector("#participants-pdf")!.GetAttribute("href")!);
        var listText = Words(await Poppler.PdftotextAsync(list));
        Assert.Contains($"H.E. Ms Jane Doe (Minister) — {office}", listText);
        Assert.DoesNotContain("H.E.Ms", listText);
        Assert.DoesNotContain("Jane DoeMinister", listText);

        // The badge: the form of address is the name line, the title the line under it (not the position given).
        var badge = await PdfAsync(organiser, $"/Registration/Badge/{registration.Id}");
        var lines = (await Poppler.PdftotextAsync(badge)).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        var name = lines.IndexOf("H.E. Ms Jane Doe");
        Assert.True(name >= 0, string.Join(" | ", lines));
        Assert.Equal("Minister of Interior", lines[name + 1]);
        Assert.DoesNotContain("Director", lines);

        // The delegate's record, the vetting queue and the delegate's own page: the same words, each part its own line.
        var record = await organiser.GetPageAsync($"/Registration/Manage/Delegate/{summit.Id}/{registration.Id}");
        Assert.Equal("H.E. Ms Jane Doe", record.QuerySelector("#delegate-protocol [data-field='address']")!.TextContent);
        Assert.Equal(office, record.QuerySelector("#delegate-protocol [data-field='office']")!.TextContent);
        Assert.Equal("Minister (protocol order 1)", record.QuerySelector("#delegate-protocol [data-field='rank']")!.TextContent);
        var queue = await organiser.GetPageAsync($"/Registration/Manage/{summit.Id}");
        Assert.Equal($"H.E. Ms Jane Doe, {office} (protocol order 1)", Words(queue.QuerySelector($"tr[data-id='{registration.Id}'] .protocol-line")!.TextContent));
        using var own = await app.LogInAsync(user);
        var details = await own.GetPageAsync($"/Registration/Details/{registration.Id}");
        Assert.Equal(["H.E. Ms Jane Doe", office, "Minister (protocol order 1)"],
            details.QuerySelectorAll("#protocol [data-field]").Select(e => e.TextContent));
    }

    private static async Task<byte[]> PdfAsync(FormClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }
}
