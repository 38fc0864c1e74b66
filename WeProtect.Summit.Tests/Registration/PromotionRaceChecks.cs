using AngleSharp.Html.Dom;

namespace WeProtect.Summit.Tests.Registration;

using WeProtect.Summit.Data.Registrations; // after the namespace line: "Registration" is also this namespace

/// <summary>A full summit's only delegate cancels, which promotes the first delegate waiting for a place, while that
/// waiting registration is being decided otherwise at the same moment: the organisers reject it, or its delegate
/// withdraws it. Whichever commits first, the end is one of the two orders played one after the other: never a rejected
/// or withdrawn delegate approved, never the place lost or given twice, and the counter matches the rows. Two defences
/// hold it: every change of status takes the summit's lock, and the promotion confirms only a registration still
/// waiting (a conditional update). Either alone is enough; with both taken out, the PostgreSQL run approves the
/// rejected delegate within a few rounds (checked by hand). Run on SQLite (<see cref="PromotionRaceTests"/>) and
/// PostgreSQL (<see cref="PromotionRaceOnPostgresTests"/>).</summary>
public abstract class PromotionRaceChecks(SummitAppFactory app)
{
    private const int Rounds = 6;

    private static string Status(IHtmlDocument page) => page.QuerySelector("#status")?.TextContent ?? "";

    [Theory]
    [InlineData("rejected by the organisers")]
    [InlineData("withdrawn by its delegate")]
    public async Task A_waiting_registration_decided_while_a_cancellation_promotes_it_ends_one_way_or_the_other(string race)
    {
        var organiserRejects = race.StartsWith("rejected", StringComparison.Ordinal);
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        for (var round = 0; round < Rounds; round++)
        {
            var summit = await app.CreateOpenSummitAsync(capacity: 1);
            var organisation = await app.CreateOrganisationAsync();
            var (holder, held) = await app.ApprovedDelegateAsync(summit.Id, "Leaving Delegate");
            var waitingUser = await app.CreateUserAsync(fullName: "First In Line");
            var waiting = await app.RegisterAsync(waitingUser, summit.Id, organisation.Id);
            var next = await app.RegisterAsync(await app.CreateUserAsync(fullName: "Second In Line"), summit.Id, organisation.Id);
            foreach (var r in new[] { waiting, next })
                Assert.True((await app.DecideAsync(r.Id, RegistrationStatus.Waitlisted)).Succeeded);
            Assert.All(await app.WithDbAsync(db => db.Registrations.Where(r => r.Id == waiting.Id || r.Id == next.Id).ToListAsync()),
                r => Assert.True(r.WaitingForPlace));   // waiting for want of a place: the ones a cancellation promotes

            using var holderClient = await app.LogInAsync(holder);
            using var waitingClient = await app.LogInAsync(waitingUser);
            var holderPage = await holderClient.GetPageAsync($"/Registration/Details/{held.Id}");
            var decisionPage = organiserRejects
                ? await organiser.GetPageAsync($"/Registration/Manage/Index/{summit.Id}")
                : await waitingClient.GetPageAsync($"/Registration/Details/{waiting.Id}");

            var start = new TaskCompletionSource();
            var cancel = Task.Run(async () =>
            {
                await start.Task;
                return await holderClient.SubmitAndFollowAsync(holderPage, "#cancel-form");
            });
            var decide = Task.Run(async () =>
            {
                await start.Task;
                if (!organiserRejects) return await waitingClient.SubmitAndFollowAsync(decisionPage, "#cancel-form");
                var response = await organiser.SubmitAsync(decisionPage, $"#decide-{waiting.Id}",
                    new Dictionary<string, string> { ["reason"] = "Not accredited by the government." }, submitter: $"#reject-{waiting.Id}");
                return (response, await FormClient.ParseAsync(response));
            });
            start.SetResult();
            var (cancelled, cancelledPage) = await cancel;
            var (decided, decidedPage) = await decide;

            Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
            Assert.Contains("Your registration is cancelled.", Status(cancelledPage));
            Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
            var answer = organiserRejects ? decidedPage.QuerySelector("#decision-report")?.TextContent ?? "" : Status(decidedPage);
            var decisionTook = answer.Contains(organiserRejects ? "First In Line: rejected." : "Your registration is cancelled.");
            Assert.True(decisionTook || answer.Contains("Someone else changed"), $"round {round}: {answer}");

            var (rows, approvedCount, promoted) = await app.WithDbAsync(async db => (
                await db.Registrations.AsNoTracking().Where(r => r.SummitId == summit.Id).ToDictionaryAsync(r => r.Id, r => r.Status),
                await db.Summits.Where(s => s.Id == summit.Id).Select(s => s.ApprovedCount).SingleAsync(),
                await db.AuditEvents.Where(e => e.Action == "registration.promoted"
                    && (e.SubjectId == waiting.Id.ToString() || e.SubjectId == next.Id.ToString())).Select(e => e.SubjectId).ToListAsync()));
            var outcome = organiserRejects ? RegistrationStatus.Rejected : RegistrationStatus.Cancelled;
            Assert.Equal(RegistrationStatus.Cancelled, rows[held.Id]);
            // The one place is held by exactly one delegate, and the counter says so.
            Assert.Single(rows.Values, s => s == RegistrationStatus.Approved);
            Assert.Equal(1, approvedCount);
            if (decisionTook)
            {
                // The decision stands: the first in line is not approved. Either it came first and the place went to the
                // second in line, or the promotion came first and the withdrawal of an approved delegate passed the
                // place on again (a rejection from the page is refused then: the organiser saw the waiting version).
                Assert.Equal(outcome, rows[waiting.Id]);
                Assert.Equal(RegistrationStatus.Approved, rows[next.Id]);
                Assert.Contains(next.Id.ToString(), promoted);
            }
            else
            {
                // The promotion came first; the decision, made on the waiting version, was refused and changed nothing.
                Assert.Equal(RegistrationStatus.Approved, rows[waiting.Id]);
                Assert.Equal(RegistrationStatus.Waitlisted, rows[next.Id]);
                Assert.Equal([waiting.Id.ToString()], promoted);
            }
        }
    }
}
