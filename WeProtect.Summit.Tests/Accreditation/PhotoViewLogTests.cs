using WeProtect.Summit.Web.Pages.Registration;

namespace WeProtect.Summit.Tests.Accreditation;

/// <summary>An accreditation photo is personal data: each time an organiser or the check-in staff open it, the audit
/// trail records who, whose and when, and the delegate's record lists them under "Who saw this photo"; the delegate's
/// own views and refused requests are not recorded.</summary>
public class PhotoViewLogTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    [Fact]
    public async Task Each_opening_by_staff_is_recorded_on_the_delegates_record_and_the_delegates_own_views_are_not()
    {
        var summit = await app.CreateOpenSummitAsync();
        var (user, registration) = await app.ApprovedDelegateAsync(summit.Id, "Photo Owner");
        using var client = await app.LogInAsync(user);
        var url = $"/Registration/Photo/{registration.Id}";
        var (organiser, organiserUser) = await app.LoggedInUserAsync(Roles.Organiser);
        using (organiser)
        {
            // No photo yet: the record says so, and a request for it is not a view.
            var before = await organiser.GetPageAsync($"/Registration/Manage/Delegate/{summit.Id}/{registration.Id}");
            Assert.NotNull(before.QuerySelector("#delegate-photo-none"));
            Assert.Equal(HttpStatusCode.NotFound, (await organiser.GetAsync(url)).StatusCode);
            Assert.Empty(await ViewsAsync(registration.Id));

            await client.UploadPhotoAsync(registration.Id, AccreditationSteps.Png(400, 400), "me.png");
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
            Assert.Empty(await ViewsAsync(registration.Id));

            // The organiser opens it from the record; check-in staff at the desk; a stranger is refused, unrecorded.
            var record = await organiser.GetPageAsync($"/Registration/Manage/Delegate/{summit.Id}/{registration.Id}");
            Assert.NotNull(record.QuerySelector("#delegate-photo-views-none"));
            var link = record.QuerySelector("#delegate-photo-link")!.GetAttribute("href")!;
            Assert.Equal(url, link);
            Assert.Equal(HttpStatusCode.OK, (await organiser.GetAsync(link)).StatusCode);
            var (staff, staffUser) = await app.LoggedInUserAsync();
            using (staff)
            {
                await app.WithDbAsync(async db =>
                {
                    db.CheckInStaff.Add(new Data.Registrations.CheckInStaff(summit.Id, staffUser.Id, "", app.UtcNow));
                    await db.SaveChangesAsync();
                });
                Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync(url)).StatusCode);
            }
            using (var stranger = await app.LoggedInClientAsync())
                Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(url)).StatusCode);

            var views = await ViewsAsync(registration.Id);
            Assert.Equal([staffUser.Id, organiserUser.Id], views.Select(v => v.ActorUserId));
            Assert.All(views, v =>
            {
                Assert.Equal(nameof(Data.Registrations.Registration), v.SubjectType);
                Assert.DoesNotContain("Photo Owner", v.Summary);
                Assert.DoesNotContain("@", v.Summary);
            });

            // The record lists them, latest first, by name; the history does not repeat them.
            var shown = await organiser.GetPageAsync($"/Registration/Manage/Delegate/{summit.Id}/{registration.Id}");
            var rows = shown.QuerySelectorAll("#delegate-photo-views tbody tr").Select(r => r.TextContent).ToList();
            Assert.Equal(2, rows.Count);
            Assert.Contains(staffUser.FullName, rows[0]);
            Assert.Contains(organiserUser.FullName, rows[1]);
            Assert.Null(shown.QuerySelector($"#delegate-history tr[data-action='{PhotoModel.PhotoViewAction}']"));
        }
    }

    private Task<List<Data.Audit.AuditEvent>> ViewsAsync(int registrationId) =>
        app.WithDbAsync(db => PhotoModel.ViewsOf(db, registrationId).AsNoTracking().OrderByDescending(e => e.Sequence).ToListAsync());
}
