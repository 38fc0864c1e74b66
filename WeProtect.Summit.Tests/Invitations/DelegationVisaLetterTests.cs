using System.Globalization;
using AngleSharp.Html.Dom;
using WeProtect.Summit.Data.Accreditations;
using WeProtect.Summit.Data.Invitations;
using WeProtect.Summit.Data.Notifications;

namespace WeProtect.Summit.Tests.Invitations;

using WeProtect.Summit.Data.Registrations;

/// <summary>A focal point asks for a letter of invitation on behalf of a member of their own delegation (the same
/// request as the delegate's own, the same rules), sees where it stands, and is told with the delegate when it is
/// issued; another delegation's member is out of reach.</summary>
public class DelegationVisaLetterTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    /// <summary>A nominee of the invitation who registered (linked to the nomination) and was approved.</summary>
    private async Task<(SummitUser User, Registration Registration, int NominationId)> ApprovedMemberAsync(Invitation invitation, SummitUser focal, string name)
    {
        var email = $"member-{Guid.NewGuid():N}@example.org";
        var nominated = await app.NominateAsync(invitation, focal, email);
        Assert.True(nominated.Succeeded, nominated.Message);
        var user = await app.CreateUserAsync(email, name);
        var registration = await app.RegisterAsync(user, invitation.SummitId, invitation.OrganisationId);
        var nominationId = await app.WithDbAsync(async db =>
        {
            var nomination = await db.Nominations.SingleAsync(n => n.NormalisedEmail == EmailAddresses.Normalise(email));
            nomination.Completed(registration.Id); // as the nominee's registration through the link does
            await db.SaveChangesAsync();
            return nomination.Id;
        });
        Assert.True((await app.DecideAsync(registration.Id, RegistrationStatus.Approved)).Succeeded);
        return (user, registration, nominationId);
    }

    private static IHtmlElement Row(IHtmlDocument page, int nominationId) =>
        (IHtmlElement)(page.QuerySelector($"#nominees tr[data-nomination-id='{nominationId}']") ?? throw new Xunit.Sdk.XunitException("No row for the nominee"));

    [Fact]
    public async Task The_focal_point_asks_for_a_members_letter_sees_its_status_and_both_are_told_once_when_it_is_issued()
    {
        var summit = await app.CreateOpenSummitAsync();
        var (invitation, focal) = await app.AcceptedInvitationAsync(summit.Id);
        var (member, registration, nominationId) = await ApprovedMemberAsync(invitation, focal, "Amara Okafor");
        using var focalClient = await app.LogInAsync(focal);
        var delegation = $"/Invitations/Delegation/{invitation.Id}";

        // Not before the member's accreditation is complete.
        var early = await focalClient.GetPageAsync(delegation);
        Assert.Null(Row(early, nominationId).QuerySelector("form.visa-letter-form"));
        // Approved already: only the accreditation is missing, and the page says which part.
        var why = Row(early, nominationId).QuerySelector(".visa-letter-unavailable")!.TextContent;
        // Said about the member, to the focal point: not "first give your photo", which is the delegate's own page.
        Assert.Equal("The delegate has still to give their nationality, travel document and photo.", why.Trim());

        using var memberClient = await app.LogInAsync(member);
        var number = await app.CompleteAccreditationAsync(memberClient, registration.Id);
        var page = await focalClient.GetPageAsync(delegation);
        var (_, asked) = await focalClient.SubmitAndFollowAsync(page, $"#nominees tr[data-nomination-id='{nominationId}'] form.visa-letter-form");
        Assert.Contains("Amara Okafor", asked.QuerySelector("[role=status]")!.TextContent);
        Assert.Equal(nameof(VisaLetterStatus.Requested), Row(asked, nominationId).QuerySelector("td.visa-letter")!.GetAttribute("data-status"));
        var letter = await app.WithDbAsync(db => db.VisaLetters.AsNoTracking().SingleAsync(v => v.RegistrationId == registration.Id));
        Assert.Equal(focal.Id, letter.RequestedByUserId);
        // The delegate sees the same request on their own page.
        var mine = await memberClient.GetPageAsync(AccreditationSteps.AccreditationUrl(registration.Id));
        Assert.Equal(nameof(VisaLetterStatus.Requested), mine.QuerySelector("#visa-letter")!.GetAttribute("data-status"));
        // Asking twice is refused, nothing changes.
        var again = await focalClient.GetPageAsync(delegation);
        Assert.Null(Row(again, nominationId).QuerySelector("form.visa-letter-form"));

        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var queue = await organiser.GetPageAsync($"/Registration/Manage/VisaLetters/{summit.Id}");
        await organiser.SubmitAndFollowAsync(queue, "form.approve-form");
        await VisaLetterSteps.IssueAsync(app, letter.Id);
        await VisaLetterSteps.IssueAsync(app, letter.Id); // a second run issues nothing and tells nobody again
        await app.WaitForAllMailAsync();

        var issued = await focalClient.GetPageAsync(delegation);
        Assert.Equal(nameof(VisaLetterStatus.Issued), Row(issued, nominationId).QuerySelector("td.visa-letter")!.GetAttribute("data-status"));
        Assert.Equal(2, await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.Kind == NotificationKinds.VisaLetterIssued && n.SubjectId == letter.Id)));
        var toMember = app.SentMail().Where(m => m.To.ToString().Contains(member.Email!) && (m.Subject ?? "").Contains("Letter of invitation issued")).ToList();
        var toFocal = app.SentMail().Where(m => m.To.ToString().Contains(focal.Email!) && (m.Subject ?? "").Contains("Letter of invitation issued")).ToList();
        Assert.Single(toMember);
        Assert.Single(toFocal);
        Assert.Contains($"/Registration/Accreditation/{registration.Id}", toMember[0].TextBody);
        Assert.Contains("Amara Okafor", toFocal[0].TextBody);
        Assert.Contains($"/Invitations/Delegation/{invitation.Id}", toFocal[0].TextBody);
        foreach (var mail in toMember.Concat(toFocal)) Assert.DoesNotContain(number, mail.TextBody + mail.HtmlBody);
    }

    [Fact]
    public async Task A_focal_point_cannot_ask_for_a_letter_for_another_delegations_member()
    {
        var summit = await app.CreateOpenSummitAsync();
        var (mine, focal) = await app.AcceptedInvitationAsync(summit.Id);
        var (theirs, otherFocal) = await app.AcceptedInvitationAsync(summit.Id);
        var (member, registration, nominationId) = await ApprovedMemberAsync(theirs, otherFocal, "Other Member");
        using (var memberClient = await app.LogInAsync(member)) await app.CompleteAccreditationAsync(memberClient, registration.Id);

        using var focalClient = await app.LogInAsync(focal);
        var page = await focalClient.GetPageAsync($"/Invitations/Delegation/{mine.Id}");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        Task<HttpResponseMessage> PostAsync(int invitationId) => focalClient.Http.PostAsync(
            $"/Invitations/Delegation/{invitationId}?handler=VisaLetter",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("nominationId", nominationId.ToString(CultureInfo.InvariantCulture))]));

        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(mine.Id)).StatusCode); // not a member of their delegation
        var denied = await PostAsync(theirs.Id);                                      // not their delegation: 403, as the app answers it
        Assert.Contains("/Account/AccessDenied", denied.Headers.Location?.OriginalString ?? "");
        Assert.False(await app.WithDbAsync(db => db.VisaLetters.AnyAsync(v => v.RegistrationId == registration.Id)));

        // The desk says the same to anyone who calls it.
        using var scope = app.Services.CreateScope();
        var desk = scope.ServiceProvider.GetRequiredService<VisaLetterDesk>();
        var result = await desk.RequestForMemberAsync(theirs.Id, nominationId, focal.Id, new Data.Audit.AuditActor(focal.Id, focal.FullName));
        Assert.Equal(Data.Desks.DeskRefusal.Forbidden, result.Refusal);
    }
}
