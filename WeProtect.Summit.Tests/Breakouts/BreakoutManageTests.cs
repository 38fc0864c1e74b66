using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Breakouts;
using WeProtect.Summit.Data.Desks;
using WeProtect.Summit.Data.Notifications;

namespace WeProtect.Summit.Tests.Breakouts;

using WeProtect.Summit.Data.Summits;

/// <summary>The organisers' breakout pages, through HTTP: programme (rooms, themes), the breakout form with every
/// rule, moving a booked breakout, attendees and their CSV.</summary>
public class BreakoutManageTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private static Dictionary<string, string> Form(params (string Key, string Value)[] values) => values.ToDictionary(v => v.Key, v => v.Value);

    private Task<Room> RoomAsync(int summitId, int capacity = 50, string? name = null) => app.WithDbAsync(async db =>
    {
        var room = new Room { SummitId = summitId, Name = name ?? $"Room {Guid.NewGuid():N}"[..12], Capacity = capacity };
        db.Rooms.Add(room);
        await db.SaveChangesAsync();
        return room;
    });

    /// <summary>A summit in Europe/London over the change to summer time (Sunday 28 March 2027).</summary>
    private Task<Summit> DstSummitAsync() => app.WithDbAsync(async db =>
    {
        var summit = SampleSummit.Create(app.UtcNow);
        summit.Name = $"Summit {Guid.NewGuid():N}";
        summit.TimeZoneId = "Europe/London";
        summit.StartDate = new DateOnly(2027, 3, 27);
        summit.EndDate = new DateOnly(2027, 3, 29);
        db.Summits.Add(summit);
        await db.SaveChangesAsync();
        return summit;
    });

    private static Dictionary<string, string> Breakout(string title, Room room, string date, string start, string end, int capacity = 20,
        string? facilitators = null) => new()
    {
        ["Input.Title"] = title, ["Input.Description"] = "Safety by design in end-to-end encrypted services.",
        ["Input.RoomId"] = room.Id.ToString(), ["Input.Date"] = date, ["Input.StartTime"] = start, ["Input.EndTime"] = end,
        ["Input.Capacity"] = capacity.ToString(), ["Input.FacilitatorEmails"] = facilitators ?? "",
    };

    private static string Errors(IHtmlDocument page) => string.Join(" | ",
        page.QuerySelectorAll(".validation-summary-errors li, .field-validation-error").Select(e => e.TextContent.Trim()));

    [Fact]
    public async Task A_breakout_is_created_through_the_form_with_times_stored_in_utc_across_the_change_to_summer_time()
    {
        var summit = await DstSummitAsync();
        var room = await RoomAsync(summit.Id);
        var organisation = await app.CreateOrganisationAsync("INTERPOL " + Guid.NewGuid().ToString("N")[..6]);
        var facilitator = await app.CreateUserAsync(fullName: "Facilitator One");
        using var client = await app.LoggedInClientAsync(Roles.Organiser);

        var form = await client.GetPageAsync($"/Breakouts/Manage/Edit/{summit.Id}");
        Assert.Contains("Europe/London", form.QuerySelector("#summit-zone")!.TextContent);
        var values = Breakout("Before the change", room, "2027-03-27", "10:00", "11:30", facilitators: facilitator.Email);
        values["Input.OrganisationIds"] = organisation.Id.ToString();
        var (response, page) = await client.SubmitAndFollowAsync(form, "#breakout-form", values);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(page.QuerySelector("#status") is not null, Errors(page));

        form = await client.GetPageAsync($"/Breakouts/Manage/Edit/{summit.Id}");
        (_, page) = await client.SubmitAndFollowAsync(form, "#breakout-form", Breakout("After the change", room, "2027-03-28", "10:00", "11:30"));
        Assert.True(page.QuerySelector("#status") is not null, Errors(page));

        var saved = await app.WithDbAsync(db => db.Breakouts.Include(b => b.FacilitatingOrganisations).Include(b => b.Facilitators)
            .Where(b => b.SummitId == summit.Id).OrderBy(b => b.StartUtc).ToListAsync());
        Assert.Equal(2, saved.Count);
        Assert.Equal(new DateTime(2027, 3, 27, 10, 0, 0), saved[0].StartUtc); // GMT = UTC
        Assert.Equal(new DateTime(2027, 3, 27, 11, 30, 0), saved[0].EndUtc);
        Assert.Equal(new DateTime(2027, 3, 28, 9, 0, 0), saved[1].StartUtc);  // BST = UTC+1
        Assert.Equal(new DateTime(2027, 3, 28, 10, 30, 0), saved[1].EndUtc);
        Assert.Equal(organisation.Id, Assert.Single(saved[0].FacilitatingOrganisations).Id);
        Assert.Equal(facilitator.Id, Assert.Single(saved[0].Facilitators).Id);
        Assert.Equal(0, saved[0].Sequence);

        // The form shows the local times back, and the programme lists both with their local times.
        var edit = await client.GetPageAsync($"/Breakouts/Manage/Edit/{summit.Id}/{saved[1].Id}");
        Assert.Equal("10:00", ((IHtmlInputElement)edit.QuerySelector("#Input_StartTime")!).Value[..5]);
        var programme = await client.GetPageAsync($"/Breakouts/Manage/Index/{summit.Id}");
        Assert.Equal(["10:00–11:30", "10:00–11:30"], programme.QuerySelectorAll(".breakout-row .time").Select(t => t.TextContent.Trim()));

        // A time the clocks skip is refused with a message.
        form = await client.GetPageAsync($"/Breakouts/Manage/Edit/{summit.Id}");
        (_, page) = await client.SubmitAndFollowAsync(form, "#breakout-form", Breakout("Skipped hour", room, "2027-03-28", "01:30", "03:00"));
        Assert.Contains("the clocks skip it", Errors(page));
        Assert.Equal(2, await app.WithDbAsync(db => db.Breakouts.CountAsync(b => b.SummitId == summit.Id)));
    }

    [Fact]
    public async Task Every_rule_gives_a_message_and_saves_nothing()
    {
        var summit = await app.CreateOpenSummitAsync();
        var day = summit.StartDate.ToString("yyyy-MM-dd");
        var room = await RoomAsync(summit.Id, capacity: 40);
        var otherSummit = await app.CreateOpenSummitAsync();
        var foreignRoom = await RoomAsync(otherSummit.Id);
        var foreignTheme = await app.WithDbAsync(async db =>
        {
            var t = new Theme { SummitId = otherSummit.Id, Name = "Technology" };
            db.Themes.Add(t);
            await db.SaveChangesAsync();
            return t;
        });
        var facilitator = await app.CreateUserAsync(fullName: "Busy Facilitator");
        // Another breakout 10:00–11:00 in the room, facilitated by the same person.
        var existing = await app.CreateBreakoutAsync(summit, startHour: 10, roomId: room.Id, title: "Law enforcement response");
        await app.WithDbAsync(async db =>
        {
            var b = await db.Breakouts.Include(x => x.Facilitators).SingleAsync(x => x.Id == existing.Id);
            b.Facilitators.Add(await db.Users.SingleAsync(u => u.Id == facilitator.Id));
            await db.SaveChangesAsync();
        });
        var otherRoom = await RoomAsync(summit.Id);
        using var client = await app.LoggedInClientAsync(Roles.Organiser);

        async Task Refused(Dictionary<string, string> values, string expected)
        {
            var form = await client.GetPageAsync($"/Breakouts/Manage/Edit/{summit.Id}");
            var response = await client.SubmitAsync(form, "#breakout-form", values);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await FormClient.ParseAsync(response);
            Assert.Contains(expected, Errors(page));
        }

        await Refused(Breakout("Too big", room, day, "14:00", "15:00", capacity: 41), "cannot be above the room's");
        await Refused(Breakout("Backwards", room, day, "15:00", "14:00"), "must end after it starts");
        await Refused(Breakout("Too early", room, summit.StartDate.AddDays(-1).ToString("yyyy-MM-dd"), "14:00", "15:00"), "must take place during the summit");
        await Refused(Breakout("Same room", room, day, "10:30", "11:30"), "The room is taken at that time by \"Law enforcement response\"");
        await Refused(Breakout("Same person", otherRoom, day, "10:30", "11:30", facilitators: facilitator.Email), "Busy Facilitator facilitates \"Law enforcement response\" at the same time");
        await Refused(Breakout("Foreign room", foreignRoom, day, "14:00", "15:00"), "Choose a room of this summit");
        var unknownTheme = Breakout("Foreign theme", room, day, "14:00", "15:00");
        var form = await client.GetPageAsync($"/Breakouts/Manage/Edit/{summit.Id}");
        // A select offers only this summit's themes: post a forged id as a browser could.
        var select = (IHtmlSelectElement)form.QuerySelector("#Input_ThemeId")!;
        var forged = (IHtmlOptionElement)form.CreateElement("option");
        forged.Value = foreignTheme.Id.ToString();
        select.AppendChild(forged);
        unknownTheme["Input.ThemeId"] = foreignTheme.Id.ToString();
        var themed = await FormClient.ParseAsync(await client.SubmitAsync(form, "#breakout-form", unknownTheme));
        Assert.Contains("Choose a theme of this summit", Errors(themed));
        await Refused(Breakout("Nobody", room, day, "14:00", "15:00", facilitators: "nobody@example.invalid"), "Nobody has an account with the address nobody@example.invalid");

        Assert.Equal(1, await app.WithDbAsync(db => db.Breakouts.CountAsync(b => b.SummitId == summit.Id)));

        // Stale version: the form was read, then someone else saved.
        var edit = await client.GetPageAsync($"/Breakouts/Manage/Edit/{summit.Id}/{existing.Id}");
        var other = await client.GetPageAsync($"/Breakouts/Manage/Edit/{summit.Id}/{existing.Id}");
        var first = await client.SubmitAsync(other, "#breakout-form", Form(("Input.Title", "Changed by a colleague")));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var stale = await FormClient.ParseAsync(await client.SubmitAsync(edit, "#breakout-form", Form(("Input.Title", "Changed by me"))));
        Assert.Contains("Someone else changed this breakout", Errors(stale));
        Assert.Equal("Changed by a colleague", await app.WithDbAsync(db => db.Breakouts.Where(b => b.Id == existing.Id).Select(b => b.Title).SingleAsync()));

        // Capacity below the seats already booked.
        await app.WithDbAsync(db => db.Breakouts.Where(b => b.Id == existing.Id).ExecuteUpdateAsync(s => s.SetProperty(b => b.ConfirmedCount, 5)));
        edit = await client.GetPageAsync($"/Breakouts/Manage/Edit/{summit.Id}/{existing.Id}");
        var lower = await FormClient.ParseAsync(await client.SubmitAsync(edit, "#breakout-form", Form(("Input.Capacity", "4"))));
        Assert.Contains("5 seats are already booked", Errors(lower));
    }

    private async Task<Booking> BookAsync(int breakoutId, SummitUser user)
    {
        using var scope = app.Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<BookingDesk>().BookAsync(breakoutId, user.Id, new AuditActor(user.Id, user.FullName));
        Assert.True(result.Succeeded, result.Message);
        return result.Value!;
    }

    [Fact]
    public async Task Moving_a_booked_breakout_emails_its_delegates_and_raises_the_sequence_but_a_new_description_does_not()
    {
        var summit = await app.CreateOpenSummitAsync();
        var breakout = await app.CreateBreakoutAsync(summit, capacity: 1, startHour: 10, title: "Thorn: detecting grooming");
        var (seated, _) = await app.ApprovedDelegateAsync(summit.Id, "Seated Delegate");
        var (waiting, _) = await app.ApprovedDelegateAsync(summit.Id, "Waiting Delegate");
        var (cancelled, _) = await app.ApprovedDelegateAsync(summit.Id, "Gone Delegate");
        Assert.Equal(BookingStatus.Confirmed, (await BookAsync(breakout.Id, seated)).Status);
        Assert.Equal(BookingStatus.Waitlisted, (await BookAsync(breakout.Id, waiting)).Status);
        var gone = await BookAsync(breakout.Id, cancelled);
        await app.WithDbAsync(db => db.Bookings.Where(b => b.Id == gone.Id).ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, BookingStatus.Cancelled)));
        using var client = await app.LoggedInClientAsync(Roles.Organiser);

        // The description only: no message, same sequence.
        var edit = await client.GetPageAsync($"/Breakouts/Manage/Edit/{summit.Id}/{breakout.Id}");
        var (_, page) = await client.SubmitAndFollowAsync(edit, "#breakout-form", Form(("Input.Description", "Now with a case study.")));
        Assert.Contains("saved", page.QuerySelector("#status")!.TextContent);
        Assert.Equal(0, await app.WithDbAsync(db => db.Breakouts.Where(b => b.Id == breakout.Id).Select(b => b.Sequence).SingleAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.Kind == NotificationKinds.BreakoutMoved && n.CreatedUtc > app.UtcNow.AddMinutes(-5)
            && db.Bookings.Any(b => b.Id == n.SubjectId && b.BreakoutId == breakout.Id))));

        // Moved to 14:30 local: both the seated and the waiting delegate are told; the cancelled one is not.
        edit = await client.GetPageAsync($"/Breakouts/Manage/Edit/{summit.Id}/{breakout.Id}");
        (_, page) = await client.SubmitAndFollowAsync(edit, "#breakout-form", Form(("Input.StartTime", "14:30"), ("Input.EndTime", "15:45")));
        Assert.Contains("2 delegates will be told", page.QuerySelector("#status")!.TextContent);
        var moved = await app.WithDbAsync(db => db.Breakouts.SingleAsync(b => b.Id == breakout.Id));
        Assert.Equal(1, moved.Sequence);
        Assert.Equal("14:30", summit.ToLocal(moved.StartUtc).ToString("HH:mm"));

        foreach (var user in new[] { seated, waiting })
        {
            var mail = await app.WaitForMailAsync(m => m.To.Mailboxes.Any(a => a.Address == user.Email) && (m.Subject ?? "").Contains("Breakout moved"));
            Assert.Contains("14:30–15:45 (Asia/Dubai)", mail.TextBody);
            Assert.Contains($"/Breakouts/Session/{breakout.Id}", mail.TextBody + mail.HtmlBody);
        }
        var told = await app.WithDbAsync(db => db.Notifications.Where(n => n.Kind == NotificationKinds.BreakoutMoved)
            .Select(n => n.SubjectId).ToListAsync());
        Assert.DoesNotContain(gone.Id, told);
        Assert.Contains("breakout.moved", await app.WithDbAsync(db => db.AuditEvents.Where(e => e.Summary.Contains("Thorn: detecting grooming")).Select(e => e.Action).ToListAsync()));
        Assert.Contains("breakout.updated", await app.WithDbAsync(db => db.AuditEvents.Where(e => e.Summary.Contains("Thorn: detecting grooming")).Select(e => e.Action).ToListAsync()));

        // Into another room: moved again.
        var room = await RoomAsync(summit.Id, name: "Plenary hall " + Guid.NewGuid().ToString("N")[..4]);
        edit = await client.GetPageAsync($"/Breakouts/Manage/Edit/{summit.Id}/{breakout.Id}");
        await client.SubmitAndFollowAsync(edit, "#breakout-form", Form(("Input.RoomId", room.Id.ToString())));
        Assert.Equal(2, await app.WithDbAsync(db => db.Breakouts.Where(b => b.Id == breakout.Id).Select(b => b.Sequence).SingleAsync()));
        await app.WaitForMailAsync(m => m.To.Mailboxes.Any(a => a.Address == waiting.Email) && (m.TextBody ?? "").Contains(room.Name));
        Assert.DoesNotContain(app.SentMail(), m => m.To.Mailboxes.Any(a => a.Address == cancelled.Email) && (m.Subject ?? "").Contains("Breakout moved"));
    }

    [Fact]
    public async Task Raising_the_capacity_gives_the_new_seats_to_the_waiting_list_in_order()
    {
        var summit = await app.CreateOpenSummitAsync();
        var breakout = await app.CreateBreakoutAsync(summit, capacity: 1, startHour: 10);
        var seated = (await app.ApprovedDelegateAsync(summit.Id, "Seated")).User;
        var first = (await app.ApprovedDelegateAsync(summit.Id, "First In Line")).User;
        var second = (await app.ApprovedDelegateAsync(summit.Id, "Second In Line")).User;
        var third = (await app.ApprovedDelegateAsync(summit.Id, "Third In Line")).User;
        foreach (var user in new[] { seated, first, second, third }) await BookAsync(breakout.Id, user);

        using var client = await app.LoggedInClientAsync(Roles.Organiser);
        var edit = await client.GetPageAsync($"/Breakouts/Manage/Edit/{summit.Id}/{breakout.Id}");
        var (_, page) = await client.SubmitAndFollowAsync(edit, "#breakout-form", Form(("Input.Capacity", "3")));
        Assert.Contains("2 delegates moved from the waiting list", page.QuerySelector("#status")!.TextContent);

        var statuses = await app.WithDbAsync(db => db.Bookings.Where(b => b.BreakoutId == breakout.Id)
            .Select(b => new { b.Registration.UserId, b.Status }).ToListAsync());
        Assert.Equal(BookingStatus.Confirmed, statuses.Single(s => s.UserId == first.Id).Status);
        Assert.Equal(BookingStatus.Confirmed, statuses.Single(s => s.UserId == second.Id).Status);
        Assert.Equal(BookingStatus.Waitlisted, statuses.Single(s => s.UserId == third.Id).Status);
        Assert.Equal(3, await app.WithDbAsync(db => db.Breakouts.Where(b => b.Id == breakout.Id).Select(b => b.ConfirmedCount).SingleAsync()));
        await app.WaitForMailAsync(m => m.To.ToString().Contains(second.Email!) && (m.Subject ?? "").StartsWith("A seat is yours"));
    }

    [Fact]
    public async Task An_empty_programme_says_the_next_step_add_rooms_first_then_add_a_breakout()
    {
        var summit = await app.CreateOpenSummitAsync();
        using var client = await app.LoggedInClientAsync(Roles.Organiser);
        var url = $"/Breakouts/Manage/Index/{summit.Id}";

        var empty = (await client.GetPageAsync(url)).QuerySelector("#breakouts-empty")!.TextContent;
        Assert.Contains("No breakouts yet.", empty);
        Assert.Contains("Add rooms (and themes) below first.", empty);

        await RoomAsync(summit.Id, name: "Africa Hall");
        empty = (await client.GetPageAsync(url)).QuerySelector("#breakouts-empty")!.TextContent;
        Assert.Contains("No breakouts yet.", empty);
        Assert.DoesNotContain("Add rooms", empty);
        Assert.Contains("Add a breakout with the button above.", empty);
    }

    [Fact]
    public async Task Each_new_theme_starts_with_the_next_unused_colour_of_the_palette()
    {
        var summit = await app.CreateOpenSummitAsync();
        using var client = await app.LoggedInClientAsync(Roles.Organiser);
        var page = await client.GetPageAsync($"/Breakouts/Manage/Index/{summit.Id}");

        // The organiser types only names and keeps the colour the form offers.
        foreach (var name in new[] { "Technology", "Law enforcement", "Safeguarding" })
            (_, page) = await client.SubmitAndFollowAsync(page, "#theme-add", Form(("name", name)));
        var colours = await app.WithDbAsync(db => db.Themes.Where(t => t.SummitId == summit.Id).OrderBy(t => t.Id).Select(t => t.Colour).ToListAsync());
        Assert.Equal(ThemePalette.Colours.Take(3), colours);
        Assert.Equal(ThemePalette.Colours[3], page.QuerySelector<IHtmlInputElement>("#theme-colour-new")!.Value);

        // A colour freed by a change is offered again; with the palette used up, the least used comes back.
        var first = await app.WithDbAsync(db => db.Themes.SingleAsync(t => t.SummitId == summit.Id && t.Name == "Technology"));
        (_, page) = await client.SubmitAndFollowAsync(page, $"#theme-edit-{first.Id}", Form(("colour", "#ff00ff")));
        Assert.Equal(ThemePalette.Colours[0], page.QuerySelector<IHtmlInputElement>("#theme-colour-new")!.Value);
        Assert.Equal(ThemePalette.Colours[0], ThemePalette.Next([.. ThemePalette.Colours, .. ThemePalette.Colours.Skip(1)]));
    }

    [Fact]
    public async Task Rooms_and_themes_are_added_and_duplicates_and_rooms_in_use_are_refused()
    {
        var summit = await app.CreateOpenSummitAsync();
        using var client = await app.LoggedInClientAsync(Roles.Organiser);
        var url = $"/Breakouts/Manage/Index/{summit.Id}";

        var page = await client.GetPageAsync(url);
        (_, page) = await client.SubmitAndFollowAsync(page, "#room-add", Form(("name", "Africa Hall"), ("capacity", "120"), ("notes", "Ground floor")));
        Assert.Contains("Africa Hall", page.QuerySelector("#status")!.TextContent);
        (_, page) = await client.SubmitAndFollowAsync(page, "#room-add", Form(("name", "africa hall"), ("capacity", "30")));
        Assert.Contains("already has a room called", Errors(page));
        (_, page) = await client.SubmitAndFollowAsync(page, "#room-add", Form(("name", "Tiny"), ("capacity", "0")));
        Assert.Contains("A room holds from 1 to 10,000 people", Errors(page));
        var rooms = await app.WithDbAsync(db => db.Rooms.Where(r => r.SummitId == summit.Id).ToListAsync());
        var hall = Assert.Single(rooms);
        Assert.Equal(("Africa Hall", 120, "Ground floor"), (hall.Name, hall.Capacity, hall.Notes));

        (_, page) = await client.SubmitAndFollowAsync(page, "#theme-add", Form(("name", "Technology"), ("colour", "#0078D4")));
        Assert.Contains("Technology", page.QuerySelector("#status")!.TextContent);
        (_, page) = await client.SubmitAndFollowAsync(page, "#theme-add", Form(("name", "Law enforcement"), ("colour", "#003366")));
        (_, page) = await client.SubmitAndFollowAsync(page, "#theme-add", Form(("name", "TECHNOLOGY"), ("colour", "#ff0000")));
        Assert.Contains("already has a theme called", Errors(page));
        (_, page) = await client.SubmitAndFollowAsync(page, "#theme-add", Form(("name", "Safeguarding"), ("colour", "red")));
        Assert.Contains("#rrggbb", Errors(page));
        var themes = await app.WithDbAsync(db => db.Themes.Where(t => t.SummitId == summit.Id).OrderBy(t => t.Name).ToListAsync());
        Assert.Equal(["Law enforcement", "Technology"], themes.Select(t => t.Name));
        Assert.Equal("#0078d4", themes[1].Colour);

        // Renaming a theme to another's name is refused too.
        (_, page) = await client.SubmitAndFollowAsync(page, $"#theme-edit-{themes[0].Id}", Form(("name", "Technology")));
        Assert.Contains("already has a theme called", Errors(page));

        // In use: refused with a message; unused: removed.
        await app.CreateBreakoutAsync(summit, roomId: hall.Id, title: "UNICEF: safeguarding children");
        page = await client.GetPageAsync(url);
        (_, page) = await client.SubmitAndFollowAsync(page, $"#room-remove-{hall.Id}");
        Assert.Contains("cannot be removed: a breakout takes place there", Errors(page));
        Assert.True(await app.WithDbAsync(db => db.Rooms.AnyAsync(r => r.Id == hall.Id)));
        (_, page) = await client.SubmitAndFollowAsync(page, $"#room-edit-{hall.Id}", Form(("name", "Africa Hall (main)")));
        Assert.Contains("saved", page.QuerySelector("#status")!.TextContent);
        (_, page) = await client.SubmitAndFollowAsync(page, "#room-add", Form(("name", "Spare"), ("capacity", "10")));
        var spare = await app.WithDbAsync(db => db.Rooms.SingleAsync(r => r.SummitId == summit.Id && r.Name == "Spare"));
        (_, page) = await client.SubmitAndFollowAsync(page, $"#room-remove-{spare.Id}");
        Assert.Contains("removed", page.QuerySelector("#status")!.TextContent);
        Assert.False(await app.WithDbAsync(db => db.Rooms.AnyAsync(r => r.Id == spare.Id)));
        (_, page) = await client.SubmitAndFollowAsync(page, $"#theme-remove-{themes[1].Id}");
        Assert.False(await app.WithDbAsync(db => db.Themes.AnyAsync(t => t.Id == themes[1].Id)));

        // The programme lists the breakout with its room and seats.
        var row = page.QuerySelector(".breakout-row")!;
        Assert.Contains("Africa Hall (main)", row.QuerySelector(".room")!.TextContent);
        Assert.Equal("0 / 30", row.QuerySelector(".seats")!.TextContent.Trim());
    }

    [Fact]
    public async Task Attendees_page_and_csv_list_the_confirmed_and_waitlisted_delegates_in_order()
    {
        var summit = await app.CreateOpenSummitAsync();
        var breakout = await app.CreateBreakoutAsync(summit, capacity: 1, title: "ECPAT: survivors' voices");
        var names = new[] { "Amina Seated", "Bruno First-in-line", "=HYPERLINK(\"x\") Second" };
        var users = new List<SummitUser>();
        foreach (var name in names) users.Add((await app.ApprovedDelegateAsync(summit.Id, name)).User);
        foreach (var user in users) await BookAsync(breakout.Id, user);
        var (_, cancelledRegistration) = await app.ApprovedDelegateAsync(summit.Id, "Cancelled Person");
        await app.WithDbAsync(async db =>
        {
            var booking = new Booking { BreakoutId = breakout.Id, RegistrationId = cancelledRegistration.Id, RequestedUtc = app.UtcNow };
            db.Bookings.Add(booking);
            await db.SaveChangesAsync();
            // A cancelled booking, as the desk leaves it (its status moves only by the desk's conditional updates).
            await db.Bookings.Where(b => b.Id == booking.Id).ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, BookingStatus.Cancelled));
        });
        using var client = await app.LoggedInClientAsync(Roles.Organiser);

        var page = await client.GetPageAsync($"/Breakouts/Manage/Attendees/{breakout.Id}");
        Assert.Equal(["Amina Seated"], page.QuerySelectorAll("#confirmed-table .name").Select(n => n.TextContent));
        Assert.Equal([names[1], names[2]], page.QuerySelectorAll("#waitlist-table .name").Select(n => n.TextContent));
        Assert.Equal(["1", "2"], page.QuerySelectorAll("#waitlist-table .place").Select(n => n.TextContent));
        Assert.DoesNotContain("Cancelled Person", page.Body!.TextContent);

        var csvLink = page.QuerySelector("#attendees-csv")!.GetAttribute("href")!;
        var response = await client.GetAsync(csvLink);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("Status,Place in queue,Name", lines[0]);
        Assert.StartsWith("Confirmed,,Amina Seated,", lines[1]);
        Assert.StartsWith("On the waiting list,1,Bruno First-in-line,", lines[2]);
        // The formula is escaped with a leading quote.
        Assert.StartsWith("On the waiting list,2,\"'=HYPERLINK", lines[3]);
        Assert.DoesNotContain("Cancelled Person", string.Join("\n", lines));
    }

    [Fact]
    public async Task A_delegate_is_denied_every_page_and_unknown_ids_are_not_found()
    {
        var summit = await app.CreateOpenSummitAsync();
        var breakout = await app.CreateBreakoutAsync(summit);
        var urls = new[]
        {
            $"/Breakouts/Manage/Index/{summit.Id}", $"/Breakouts/Manage/Edit/{summit.Id}", $"/Breakouts/Manage/Edit/{summit.Id}/{breakout.Id}",
            $"/Breakouts/Manage/Attendees/{breakout.Id}", $"/Breakouts/Manage/Attendees/{breakout.Id}?handler=Csv",
        };
        using (var delegateClient = await app.LoggedInClientAsync())
        {
            foreach (var url in urls)
            {
                var response = await delegateClient.GetAsync(url);
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.Contains("/Account/AccessDenied", response.Headers.Location!.OriginalString);
            }
        }
        using var client = await app.LoggedInClientAsync(Roles.Organiser);
        foreach (var url in urls) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
        var other = await app.CreateOpenSummitAsync();
        foreach (var url in new[]
        {
            "/Breakouts/Manage/Index/987654", "/Breakouts/Manage/Edit/987654", $"/Breakouts/Manage/Edit/{summit.Id}/987654",
            $"/Breakouts/Manage/Edit/{other.Id}/{breakout.Id}", "/Breakouts/Manage/Attendees/987654", "/Breakouts/Manage/Attendees/987654?handler=Csv",
        })
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);

        // A posted handler on an unknown room or theme is a 404 too, not a 500.
        var page = await client.GetPageAsync($"/Breakouts/Manage/Index/{summit.Id}");
        var remove = await client.SubmitAsync(page, "#room-add", Form(("name", "X"), ("capacity", "5")));
        Assert.Equal(HttpStatusCode.Redirect, remove.StatusCode);
        var room = await app.WithDbAsync(db => db.Rooms.SingleAsync(r => r.SummitId == summit.Id && r.Name == "X"));
        page = await client.GetPageAsync($"/Breakouts/Manage/Index/{summit.Id}");
        var form = page.QuerySelector($"#room-remove-{room.Id}")!;
        ((IHtmlInputElement)form.QuerySelector("input[name=roomId]")!).Value = "987654";
        Assert.Equal(HttpStatusCode.NotFound, (await client.SubmitAsync(page, $"#room-remove-{room.Id}")).StatusCode);
    }
}
