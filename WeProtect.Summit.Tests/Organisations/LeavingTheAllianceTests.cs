using System.Globalization;
using WeProtect.Summit.Data.Organisations;
using WeProtect.Summit.Tests.Signing;

namespace WeProtect.Summit.Tests.Organisations;

/// <summary>A standing statement lists the Alliance's members: recording that an organisation left ends its endorsement
/// of every standing statement in the same step (withdrawn now, by the organiser, the day it left as the reason, its
/// signatories told), so it leaves the list and the commitments it reports on; its endorsements of summit statements,
/// which record a past meeting, stay.</summary>
public class LeavingTheAllianceTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    [Fact]
    public async Task Leaving_ends_the_standing_endorsements_and_keeps_the_summit_ones()
    {
        var (standing, standingFinal) = await app.StandingStatementAsync();
        var (summitStatement, summitFinal) = await app.OpenStatementAsync();
        var member = await app.OrganisationAsync(Sector.Government, $"Leaving Republic {Guid.NewGuid():N}"[..27]);
        var signatory = await app.SignatoryAsync(member.Id);
        var onStanding = await app.EndorseAsync(standing, standingFinal, member);
        var onSummit = await app.EndorseAsync(summitStatement, summitFinal, member);

        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var membership = $"/Organisations/Manage/Membership/{member.Id}";
        await organiser.SubmitAndFollowAsync(await organiser.GetPageAsync(membership), "form#join-form", new Dictionary<string, string> { ["Join.JoinedOn"] = "2019-12-11" });
        var before = await organiser.GetPageAsync(membership);
        // The organiser is told what leaving ends before recording it.
        Assert.Equal([standing.Title], before.QuerySelectorAll("#standing-endorsements li").Select(li => li.TextContent).ToList());

        var leftOn = DateOnly.FromDateTime(app.UtcNow).AddDays(-3);
        var (_, left) = await organiser.SubmitAndFollowAsync(before, "form#leave-form",
            new Dictionary<string, string> { ["Leave.LeftOn"] = leftOn.ToString("yyyy-MM-dd"), ["Leave.Reason"] = "Letter of withdrawal" });
        Assert.Contains("its endorsement of the standing statements (1) ended with its membership", left.QuerySelector("[role=status]")!.TextContent);

        var ended = (await app.EndorsementsAsync(standing.Id)).Single(e => e.Id == onStanding.Id);
        Assert.False(ended.IsLive);
        // The reason is the day, not English words: each reader is told it in their language.
        Assert.Equal((leftOn, (string?)null), (ended.LeftAllianceOn, ended.WithdrawalReason));
        Assert.Equal(app.UtcNow, ended.WithdrawnUtc!.Value, TimeSpan.FromMilliseconds(1));
        Assert.True((await app.EndorsementsAsync(summitStatement.Id)).Single(e => e.Id == onSummit.Id).IsLive);
        Assert.Equal(["endorsement.signed", "endorsement.withdrawn"], await app.AuditActionsAsync("Endorsement", onStanding.Id));

        using var visitor = app.CreateFormClient();
        var agreed = await visitor.GetPageAsync($"/Statements/{standing.Id}/agreed-by");
        Assert.DoesNotContain(agreed.QuerySelectorAll(".agreed-by-sector"), s => s.TextContent.Contains(member.FormalName));
        Assert.Contains(agreed.QuerySelectorAll("#withdrawn li"), li => li.TextContent.StartsWith($"{member.FormalName}: endorsement withdrawn on "));
        var notice = await app.WaitForMailAsync(m => m.To.Mailboxes.Any(a => a.Address == signatory.User.Email) && (m.Subject ?? "") == $"Endorsement withdrawn: {standing.Title}");
        Assert.Contains($"Reason given: Left the Alliance on {leftOn.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}.", notice.TextBody);
        var inFrench = await LocalizedAppFactory.Speaking(signatory.Client, "fr").GetPageAsync(SigningData.SignUrl(standing.Id, member.Id));
        Assert.Contains($"« A quitté l'Alliance le {leftOn.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("fr"))}. »", inFrench.QuerySelector("#withdrawals")!.TextContent);
        Assert.Null(before.QuerySelector("#join-form"));
        Assert.Null(left.QuerySelector("#standing-endorsements"));
    }
}
