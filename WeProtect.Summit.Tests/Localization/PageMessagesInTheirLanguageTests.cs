using System.Globalization;
using AngleSharp.Html.Dom;
using WeProtect.Summit.Web.Accreditation;
using WeProtect.Summit.Web.Localization;

namespace WeProtect.Summit.Tests.Localization;

/// <summary>What page models, the photo reader and the model binder say when they refuse a form (an upload missing,
/// too large or not a photo, a box not ticked, a theme or organisation not of the summit, a yes/no that is neither)
/// reaches the reader in their language, values filled in: each message is compared with its translation and must
/// differ from the English.</summary>
public class PageMessagesInTheirLanguageTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    public static TheoryData<string> Languages() => EnglishLeft.Languages();

    private static string Errors(IHtmlDocument page) => string.Join(" | ",
        page.QuerySelectorAll(".validation-summary-errors li, .field-validation-error").Select(e => e.TextContent.Trim()));

    /// <summary>The message of <paramref name="key"/> in <paramref name="language"/>, which must be translated.</summary>
    private static string Said(string language, string key, params object[] values)
    {
        var texts = new LanguageTexts(language);
        var said = texts.Format(key, values);
        Assert.NotEqual(string.Format(CultureInfo.GetCultureInfo("en-GB"), key, values), said);
        return said;
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task A_photo_refused_is_said_in_the_delegates_language(string language)
    {
        var summit = await app.CreateOpenSummitAsync();
        var (user, registration) = await app.ApprovedDelegateAsync(summit.Id);
        using var client = LocalizedAppFactory.Speaking(await app.LogInAsync(user), language);
        var url = AccreditationSteps.AccreditationUrl(registration.Id);

        var missing = await FormClient.ParseAsync(await client.SubmitAsync(await client.GetPageAsync(url), "form#photo-form"));
        Assert.Contains(Said(language, "Choose a photo (JPEG or PNG)."), Errors(missing));
        foreach (var (bytes, name, expected) in new[]
                 {
                     (new byte[PhotoReader.MaxBytes + 1], "camera-original.png", Said(language, "{0} is larger than {1} MB: make the photo smaller and upload it again.", "camera-original.png", 10)),
                     ("just some text, not an image\n"u8.ToArray(), "photo.png", Said(language, PhotoReader.NotAnImage)),
                     (AccreditationSteps.Png(120, 90), "tiny.png", Said(language, "This image is {0} × {1} pixels: a photo needs at least {2} pixels on each side.", 120, 90, PhotoReader.MinSide)),
                 })
        {
            var (_, page) = await client.UploadPhotoAsync(registration.Id, bytes, name);
            Assert.Contains(expected, Errors(page));
        }
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task Refusals_of_the_erasure_the_breakout_and_the_invitations_forms_are_said_in_the_readers_language(string language)
    {
        using (var delegateClient = LocalizedAppFactory.Speaking(await app.LoggedInClientAsync(), language))
        {
            var erase = await FormClient.ParseAsync(await delegateClient.SubmitAsync(await delegateClient.GetPageAsync("/Profile/Data"), "form#erasure-form"));
            Assert.Contains(Said(language, "Tick the box to confirm that you want your data erased and your account closed."), Errors(erase));
        }

        var summit = await app.CreateOpenSummitAsync();
        var room = await app.CreateRoomAsync(summit.Id, "Hall", 50);
        using var organiser = LocalizedAppFactory.Speaking(await app.LoggedInClientAsync(Roles.Organiser), language);
        var form = await organiser.GetPageAsync($"/Breakouts/Manage/Edit/{summit.Id}");
        // A theme and an organisation that the lists do not offer, posted as a browser could.
        var refused = await FormClient.ParseAsync(await organiser.SubmitAsync(form, "#breakout-form", new Dictionary<string, string>
        {
            ["Input.Title"] = "Forgot the seats", ["Input.RoomId"] = room.Id.ToString(CultureInfo.InvariantCulture),
            ["Input.Date"] = summit.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["Input.StartTime"] = "15:00", ["Input.EndTime"] = "16:00",
            ["Input.Capacity"] = "", ["Input.ThemeId"] = "999999", ["Input.OrganisationIds"] = "999999",
        }));
        var errors = Errors(refused);
        Assert.Contains(Said(language, "Give the number of seats."), errors);
        Assert.Contains(Said(language, "Choose a theme of this summit (or none)."), errors);
        Assert.Contains(Said(language, "A chosen organisation is not in the directory."), errors);

        var invitations = $"/Invitations/Manage/Index/{summit.Id}";
        var noFile = await FormClient.ParseAsync(await organiser.SubmitAsync(await organiser.GetPageAsync(invitations), "#upload-form"));
        Assert.Contains(Said(language, "Choose a CSV file of invitations."), Errors(noFile));
        var (_, tooLarge) = await organiser.SubmitAndFollowAsync(await organiser.GetPageAsync(invitations), "#upload-form",
            files: new Dictionary<string, (string, byte[])> { ["Upload"] = ("everyone.csv", new byte[Data.Invitations.InvitationCsv.MaxFileBytes + 1]) });
        Assert.Contains(Said(language, "{0} is larger than {1} KB. Split it into smaller files.", "everyone.csv", 512), Errors(tooLarge));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task A_yes_or_no_that_is_neither_is_said_in_the_readers_language(string language)
    {
        var summit = await app.CreateOpenSummitAsync();
        var organisation = await app.CreateOrganisationAsync();
        using var client = LocalizedAppFactory.Speaking(await app.LoggedInClientAsync(), language);
        var form = await client.GetPageAsync($"/Registration/Register/{summit.Id}");
        var refused = await FormClient.ParseAsync(await client.SubmitAsync(form, "#registration-form", new Dictionary<string, string>
        {
            ["Input.Position"] = "Director", ["Input.OrganisationId"] = organisation.Id.ToString(CultureInfo.InvariantCulture),
            ["Input.Category"] = "Delegate", ["Input.ConsentToPublicList"] = "maybe",
        }));
        var label = new LanguageTexts(language)["List me in the public list of participants"];
        Assert.Contains(Said(language, "Choose yes or no for {0}.", label), Errors(refused));
    }
}
