using System.Globalization;
using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Breakouts;
using WeProtect.Summit.Data.Organisations;

namespace WeProtect.Summit.Tests.Registration;

using WeProtect.Summit.Data.Registrations; // after the namespace line: "Registration" is also this namespace

/// <summary>What a cancelled registration gives back (summit place, breakout seats) and to whom: issue 14's bugs.</summary>
public class CancellationAndWaitingListTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private static Dictionary<string, string> Answers(int organisationId) => new()
    {
        ["Input.Position"] = "Director of Child Protection",
        ["Input.OrganisationId"] = organisationId.ToString(CultureInfo.InvariantCulture),
        ["Input.Category"] = nameof(DelegateCategory.Delegate),
    };

    private Task<Data.Registrations.Registration> RowAsync(int id) =>
        app.WithDbAsync(db => db.Registrations.AsNoTracking().SingleAsync(r => r.Id == id));

    private Task<Booking> BookingAsync(int id) => app.WithDbAsync(db => db.Bookings.AsNoTracking().SingleAsync(b => b.Id == id));

    /// <summary>A breakout with one seat, held by an approved delegate, and a second approved delegate waiting for it.</summary>
    private async Task<(SummitUser Holder, Data.Registrations.Registration Held, SummitUser Next, Breakout Breakout, Booking Seat, Booking Queued)>
        OneSeatAndOneWaitingAsync(string holderName, string nextName)
    {
        var summit = await app.CreateOpenSummitAsync();
        var breakout = await app.CreateBreakoutAsync(summit, capacity: 1);
        var (holder, held) = await app.ApprovedDelegateAsync(summit.Id, holderName);
        var (next, _) = await app.ApprovedDelegateAsync(summit.Id, nextName);
        var seat = (await app.BookAsync(breakout.Id, holder)).Value!;
        var queued = (await app.BookAsync(breakout.Id, next)).Value!;
        Assert.Equal(BookingStatus.Confirmed, seat.Status);
        Assert.Equal(BookingStatus.Waitlisted, queued.Status);
        return (holder, held, next, breakout, seat, queued);
    }

    [Fact]
    public async Task Cancelling_a_registration_gives_its_breakout_seats_to_the_waiting_lists_and_tells_who_gets_them()
    {
        var (holder, held, next, breakout, seat, queued) = await OneSeatAndOneWaitingAsync("Cancelling Later", "Next For The Seat");
        using var client = await app.LogInAsync(holder);

        var details = await client.GetPageAsync($"/Registration/Details/{held.Id}");
        var (response, _) = await client.SubmitAndFollowAsync(details, "#cancel-form");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(BookingStatus.Cancelled, (await BookingAsync(seat.Id)).Status);
        Assert.Equal(BookingStatus.Confirmed, (await BookingAsync(queued.Id)).Status);
        Assert.Equal(1, await app.WithDbAsync(db => db.Breakouts.Where(b => b.Id == breakout.Id).Select(b => b.ConfirmedCount).SingleAsync()));
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "booking.released" && e.SubjectId == seat.Id.ToString())));
        await app.WaitForMailAsync(m => m.Subject == $"A seat is yours: {breakout.Title}" && m.To.ToString().Contains(next.Email!));
    }

    [Fact]
    public async Task Rejecting_an_approved_delegate_also_gives_up_their_seats()
    {
        var (_, registration, _, _, seat, queued) = await OneSeatAndOneWaitingAsync("Rejected Later", "Waiting For A Seat");

        Assert.True((await app.DecideAsync(registration.Id, RegistrationStatus.Rejected, "Not a delegate of this government.")).Succeeded);

        Assert.Equal(BookingStatus.Cancelled, (await BookingAsync(seat.Id)).Status);
        Assert.Equal(BookingStatus.Confirmed, (await BookingAsync(queued.Id)).Status);
    }

    [Fact]
    public async Task A_cancellation_promotes_only_those_waitlisted_for_want_of_a_place_never_one_the_organisers_held_back()
    {
        var summit = await app.CreateOpenSummitAsync(capacity: 2);
        var organisation = await app.CreateOrganisationAsync();
        var first = await app.RegisterAsync(await app.CreateUserAsync(), summit.Id, organisation.Id);
        var heldBack = await app.RegisterAsync(await app.CreateUserAsync(fullName: "Held Back"), summit.Id, organisation.Id);
        var second = await app.RegisterAsync(await app.CreateUserAsync(), summit.Id, organisation.Id);
        var waitingForPlace = await app.RegisterAsync(await app.CreateUserAsync(fullName: "Waiting For A Place"), summit.Id, organisation.Id);
        Assert.True((await app.DecideAsync(first.Id, RegistrationStatus.Approved)).Succeeded);
        // A place is still free: waitlisting now is the organisers' choice, not the summit's capacity.
        Assert.True((await app.DecideAsync(heldBack.Id, RegistrationStatus.Waitlisted)).Succeeded);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True((await app.DecideAsync(second.Id, RegistrationStatus.Approved)).Succeeded);
        Assert.True((await app.DecideAsync(waitingForPlace.Id, RegistrationStatus.Waitlisted)).Succeeded);

        using (var scope = app.Services.CreateScope())
        {
            var user = await app.WithDbAsync(db => db.Users.SingleAsync(u => u.Id == first.UserId));
            Assert.True((await scope.ServiceProvider.GetRequiredService<RegistrationDesk>()
                .CancelAsync(first.Id, first.UserId, new AuditActor(user.Id, user.FullName))).Succeeded);
        }

        Assert.Equal(RegistrationStatus.Waitlisted, (await RowAsync(heldBack.Id)).Status);
        Assert.Equal(RegistrationStatus.Approved, (await RowAsync(waitingForPlace.Id)).Status);
    }

    [Fact]
    public async Task The_head_of_a_waiting_list_who_holds_a_clashing_seat_keeps_their_place_and_is_told_why_the_seat_went_on()
    {
        var summit = await app.CreateOpenSummitAsync();
        var wanted = await app.CreateBreakoutAsync(summit, capacity: 1, startHour: 10, title: $"Wanted {Guid.NewGuid():N}"[..14]);
        var other = await app.CreateBreakoutAsync(summit, capacity: 5, startHour: 10, title: $"Other {Guid.NewGuid():N}"[..13]);
        var (holder, _) = await app.ApprovedDelegateAsync(summit.Id, "Seat Holder");
        var (clashing, _) = await app.ApprovedDelegateAsync(summit.Id, "Clashing Delegate");
        var (free, _) = await app.ApprovedDelegateAsync(summit.Id, "Free Delegate");
        var seat = (await app.BookAsync(wanted.Id, holder)).Value!;
        var first = (await app.BookAsync(wanted.Id, clashing)).Value!;
        Assert.Equal(BookingStatus.Confirmed, (await app.BookAsync(other.Id, clashing)).Booked()); // allowed: the first is only a place in line
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var second = (await app.BookAsync(wanted.Id, free)).Value!;

        Assert.True((await app.CancelBookingAsync(seat.Id, holder)).Succeeded);

        Assert.Equal(BookingStatus.Waitlisted, (await BookingAsync(first.Id)).Status);
        Assert.Equal(BookingStatus.Confirmed, (await BookingAsync(second.Id)).Status);
        var mail = await app.WaitForMailAsync(m => m.Subject == $"A seat was free: {wanted.Title}" && m.To.ToString().Contains(clashing.Email!));
        Assert.Contains(other.Title, mail.TextBody);
        Assert.Contains("keep your place", mail.TextBody);
        Assert.Equal(1, await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.Kind == "booking.passed-over" && n.SubjectId == first.Id)));
    }

    [Fact]
    public async Task A_cancelled_registration_can_register_again_with_a_new_badge()
    {
        var summit = await app.CreateOpenSummitAsync();
        var organisation = await app.CreateOrganisationAsync();
        var (client, user) = await app.LoggedInUserAsync();
        using var _ = client;
        var first = await app.RegisterAsync(user, summit.Id, organisation.Id);
        Assert.True((await app.DecideAsync(first.Id, RegistrationStatus.Approved)).Succeeded);
        var details = await client.GetPageAsync($"/Registration/Details/{first.Id}");
        // The warning says what happens: the delegate may register again, not that they never can.
        Assert.Contains("While registration is open you may register again", details.QuerySelector("#cancel")!.TextContent);
        var (cancelled, cancelledPage) = await client.SubmitAndFollowAsync(details, "#cancel-form");
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Null(cancelledPage.QuerySelector("#consent-form"));
        var oldBadge = (await RowAsync(first.Id)).BadgeCode;

        var summitPage = await client.GetPageAsync($"/Summits/Details/{summit.Id}");
        Assert.NotNull(summitPage.QuerySelector("#register-link"));
        var form = await client.GetPageAsync($"/Registration/Register/{summit.Id}");
        Assert.Null(form.QuerySelector("#already-registered"));
        var response = await client.SubmitAsync(form, "#registration-form", Answers(organisation.Id));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/Registration/Details/{first.Id}", response.Location());
        var again = await RowAsync(first.Id);
        Assert.Equal(RegistrationStatus.Pending, again.Status);
        Assert.Equal("Director of Child Protection", again.Position);
        Assert.Null(again.CancelledUtc);
        Assert.NotEqual(oldBadge, again.BadgeCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Summits.Where(s => s.Id == summit.Id).Select(s => s.ApprovedCount).SingleAsync()));
        // Still one row per person per summit; a second try while pending is refused.
        var twice = await client.GetPageAsync($"/Registration/Register/{summit.Id}");
        Assert.NotNull(twice.QuerySelector("#already-registered"));
    }

    [Fact]
    public async Task A_badge_printed_before_a_cancellation_leaves_the_new_badge_of_the_registration_made_again_to_print()
    {
        var summit = await app.CreateOpenSummitAsync();
        var organisation = await app.CreateOrganisationAsync();
        var (client, user) = await app.LoggedInUserAsync();
        using var _ = client;
        var first = await app.RegisterAsync(user, summit.Id, organisation.Id);
        Assert.True((await app.DecideAsync(first.Id, RegistrationStatus.Approved)).Succeeded);
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var badges = $"/Registration/Manage/Badges/{summit.Id}";
        var page = await organiser.GetPageAsync(badges);
        Assert.Equal("1 badge not yet printed", page.QuerySelector("#badge-not-printed")?.TextContent.Trim());
        Assert.Equal(HttpStatusCode.OK, (await organiser.FollowAsync(await organiser.SubmitAsync(page, "form#print-new"))).StatusCode);
        var oldBadge = (await RowAsync(first.Id)).BadgeCode;

        app.Clock.Advance(TimeSpan.FromHours(1));
        await client.SubmitAndFollowAsync(await client.GetPageAsync($"/Registration/Details/{first.Id}"), "#cancel-form");
        app.Clock.Advance(TimeSpan.FromHours(1));
        var response = await client.SubmitAsync(await client.GetPageAsync($"/Registration/Register/{summit.Id}"), "#registration-form", Answers(organisation.Id));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True((await app.DecideAsync(first.Id, RegistrationStatus.Approved)).Succeeded);
        var newBadge = (await RowAsync(first.Id)).BadgeCode;
        Assert.NotEqual(oldBadge, newBadge);

        // The new code has never been printed: counted, shown as not yet (the old print said to be a previous badge's).
        page = await organiser.GetPageAsync(badges);
        Assert.Equal("1 badge not yet printed", page.QuerySelector("#badge-not-printed")?.TextContent.Trim());
        var printed = page.QuerySelector($"#badge-table tr[data-id='{first.Id}'] td.printed")!;
        Assert.StartsWith("not yet", printed.TextContent.Trim());
        Assert.Contains("the badge held before a cancellation was printed", printed.QuerySelector(".previous-badge")?.TextContent);
        var pdf = await organiser.FollowAsync(await organiser.SubmitAsync(page, "form#print-new"));
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var text = string.Join("\n", BadgePdfReader.PageTexts(await pdf.Content.ReadAsByteArrayAsync()));
        Assert.Contains(BadgeCodes.Display(newBadge), text);
        Assert.DoesNotContain(BadgeCodes.Display(oldBadge), text);

        page = await organiser.GetPageAsync(badges);
        Assert.Equal("0 badges not yet printed", page.QuerySelector("#badge-not-printed")?.TextContent.Trim());
        printed = page.QuerySelector($"#badge-table tr[data-id='{first.Id}'] td.printed")!;
        Assert.DoesNotContain("not yet", printed.TextContent);
        Assert.Null(printed.QuerySelector(".previous-badge"));
        var firstPrints = await app.WithDbAsync(db => db.BadgePrints.Where(p => p.RegistrationId == first.Id).OrderBy(p => p.Id).Select(p => p.FirstPrintOf).ToListAsync());
        Assert.Equal(new int?[] { null, first.Id }, firstPrints);
    }

    [Fact]
    public async Task Countries_represented_counts_governments_and_the_table_keeps_a_government_apart_from_companies()
    {
        var summit = await app.CreateOpenSummitAsync();
        var kenya = await app.CreateOrganisationAsync($"Government of Kenya {Guid.NewGuid():N}"[..26], Sector.Government, "KE");
        var kenyanCharity = await app.CreateOrganisationAsync($"Childline Kenya {Guid.NewGuid():N}"[..22], Sector.CivilSociety, "KE");
        var company = await app.CreateOrganisationAsync($"Tech Co {Guid.NewGuid():N}"[..14], Sector.PrivateSector, "US");
        foreach (var organisation in new[] { kenya, kenyanCharity, company })
        {
            var registration = await app.RegisterAsync(await app.CreateUserAsync(), summit.Id, organisation.Id);
            Assert.True((await app.DecideAsync(registration.Id, RegistrationStatus.Approved)).Succeeded);
        }
        using var client = await app.LoggedInClientAsync(Roles.Organiser);

        var page = await client.GetPageAsync($"/Registration/Manage/Dashboard/{summit.Id}");

        Assert.StartsWith("3 delegates from 1 country,", page.QuerySelector("#attendance-headline")!.TextContent.Trim());
        Assert.Equal("1", page.QuerySelector("[data-figure=countries] .figure-number")!.TextContent.Trim());
        var rows = page.QuerySelectorAll("#countries-table tbody tr").Select(r => string.Join("|", r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()))).ToList();
        Assert.Equal(["Kenya|Government|1|—", "Kenya|Other organisations|1|—", "United States|Other organisations|1|—"],
            rows.OrderBy(r => r, StringComparer.Ordinal).ToArray());
    }
}
