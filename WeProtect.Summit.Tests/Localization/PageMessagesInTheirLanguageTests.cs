using System.Globalization;
using System.Text;
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

    /// <summary>The messages of attributes written without one ([Required], [EmailAddress]) and of model binding (a word
    /// in a number field) were the framework's English around a translated field name ("The الاسم field is required.");
    /// the browser-side messages of the summit form were jQuery Validation's English.</summary>
    [Theory]
    [MemberData(nameof(Languages))]
    public async Task The_frameworks_own_validation_messages_are_in_the_readers_language(string language)
    {
        using var organiser = LocalizedAppFactory.Speaking(await app.LoggedInClientAsync(Roles.Organiser), language);
        var form = await organiser.GetPageAsync("/Summits/Manage/Edit");
        var texts = new LanguageTexts(language);
        Assert.Equal(Said(language, DefaultValidationMessages.Required, texts["Name"]), form.QuerySelector("#Input_Name")!.GetAttribute("data-val-required"));
        var browserMessages = form.QuerySelector("script#validation-messages")!.GetAttribute("data-messages")!;
        Assert.Contains(Said(language, "Enter a value greater than or equal to {0}.", "{0}"), System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(browserMessages)!["min"]);

        var refused = await FormClient.ParseAsync(await organiser.SubmitAsync(form, "#summit-form", new Dictionary<string, string>
        {
            ["Input.Name"] = "", ["Input.DelegateCapacity"] = "many", ["Input.ContactEmail"] = "not an address",
        }));
        var errors = Errors(refused);
        Assert.Contains(Said(language, DefaultValidationMessages.Required, texts["Name"]), errors);
        Assert.Contains(Said(language, "The value '{0}' is not valid for {1}.", "many", texts["Delegate capacity"]), errors);
        Assert.Contains(Said(language, DefaultValidationMessages.EmailAddress, texts["Secretariat e-mail"]), errors);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task A_photo_refused_is_said_in_the_delegates_language(string language)
    {
        var summit = await app.CreateOpenSummitAsync();
        var (user, registration) = await app.ApprovedDelegateAsync(summit.Id);
        using var client = LocalizedAppFactory.Speaking(await app.LogInAsync(user), language);
        var url = AccreditationSteps.AccreditationUrl(registration.Id);

        var missing = await FormClient.ParseAsync(await client.SubmitAsync(await client.GetPageAsync(url), "form#accreditation-form", submitter: "#photo-submit"));
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

        // The one address rule (EmailAddresses.Problem) behind the staff, nomination and delegate address forms.
        var staff = await organiser.GetPageAsync($"/Registration/Manage/CheckInStaff/{summit.Id}");
        var notAddress = await FormClient.ParseAsync(await organiser.SubmitAsync(staff, "#grant-form", new Dictionary<string, string> { ["Email"] = "not an address" }));
        Assert.Contains(Said(language, "That is not an e-mail address."), Errors(notAddress));
        var noAddress = await FormClient.ParseAsync(await organiser.SubmitAsync(staff, "#grant-form", new Dictionary<string, string> { ["Email"] = "" }));
        Assert.Contains(Said(language, "The e-mail address is required."), Errors(noAddress));
    }

    /// <summary>The breakout's own rules (<c>Breakout.Validate</c>) and the programme's (<c>BreakoutSchedule</c>), a time the
    /// clocks skip (<c>SummitClock.ToUtc</c>) and the invitation file's line errors are desk texts: said in the reader's
    /// language, their values (dates, titles, line numbers) filled in.</summary>
    [Theory]
    [MemberData(nameof(Languages))]
    public async Task Breakout_rules_a_skipped_time_and_invitation_file_lines_are_said_in_the_readers_language(string language)
    {
        var summit = await app.CreateOpenSummitAsync();
        var taken = await app.CreateBreakoutAsync(summit, startHour: 15, title: "Taken " + Guid.NewGuid().ToString("N")[..6]);
        var room = await app.WithDbAsync(db => db.Rooms.SingleAsync(r => r.Id == taken.RoomId));
        using var organiser = LocalizedAppFactory.Speaking(await app.LoggedInClientAsync(Roles.Organiser), language);

        async Task<string> BreakoutErrorsAsync(DateOnly date, string start, string end, string capacity) => Errors(await FormClient.ParseAsync(
            await organiser.SubmitAsync(await organiser.GetPageAsync($"/Breakouts/Manage/Edit/{summit.Id}"), "#breakout-form", new Dictionary<string, string>
            {
                ["Input.Title"] = "Out of time", ["Input.RoomId"] = room.Id.ToString(CultureInfo.InvariantCulture),
                ["Input.Date"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["Input.StartTime"] = start, ["Input.EndTime"] = end,
                ["Input.Capacity"] = capacity,
            })));
        var outside = await BreakoutErrorsAsync(summit.EndDate.AddDays(1), "16:00", "15:00", "0");
        Assert.Contains(Said(language, "The breakout must end after it starts."), outside);
        Assert.Contains(Said(language, "The breakout must take place during the summit ({0:d MMMM} – {1:d MMMM yyyy}).", summit.StartDate, summit.EndDate), outside);
        Assert.Contains(Said(language, "The capacity must be at least 1."), outside);
        var clash = await BreakoutErrorsAsync(summit.StartDate, "15:30", "16:30", (room.Capacity + 1).ToString(CultureInfo.InvariantCulture));
        Assert.Contains(Said(language, "The room is taken at that time by \"{0}\".", taken.Title), clash);
        Assert.Contains(Said(language, "The capacity cannot be above the room's ({0:N0}).", room.Capacity), clash);

        // 01:30 on the last Sunday of March 2027 does not exist in London: the clocks go from 01:00 to 02:00.
        var edit = await organiser.GetPageAsync($"/Summits/Manage/Edit/{summit.Id}");
        var skipped = Errors(await FormClient.ParseAsync(await organiser.SubmitAsync(edit, "#summit-form", new Dictionary<string, string>
        {
            ["Input.TimeZoneId"] = "Europe/London", ["Input.RegistrationOpens"] = "2027-03-28T01:30",
        })));
        Assert.Contains(Said(language, "{0:yyyy-MM-dd HH:mm} does not exist in {1}: the clocks skip it.", new DateTime(2027, 3, 28, 1, 30, 0), "Europe/London"), skipped);

        // The invitation file: each bad line by its number, its problems in the reader's words.
        var known = await app.CreateOrganisationAsync();
        var file = $"organisation,email,quota\n{known.Id},a@example.org,1\nNo Such Ministry,b@example.org,\n{known.Id},not-an-address,x\n";
        var (_, shown) = await organiser.SubmitAndFollowAsync(await organiser.GetPageAsync($"/Invitations/Manage/Index/{summit.Id}"), "#upload-form",
            files: new Dictionary<string, (string, byte[])> { ["Upload"] = ("invitations.csv", Encoding.UTF8.GetBytes(file)) });
        // In Arabic the Latin values sit in invisible isolates (FSI…PDI, as Translations.Isolated puts them): read without.
        var lines = shown.QuerySelectorAll("#file-errors li").Select(li => li.TextContent.Trim().Replace("\u2068", "", StringComparison.Ordinal).Replace("\u2069", "", StringComparison.Ordinal)).ToList();
        var texts = new LanguageTexts(language);
        Assert.Equal(
        [
            Said(language, "Line {0}: {1}.", 3, Said(language, "\"{0}\" is not an organisation of the directory (give its formal name or id)", "No Such Ministry")),
            Said(language, "Line {0}: {1}.", 4, texts.Format("{0}; {1}", Said(language, "\"{0}\" is not an e-mail address", "not-an-address"),
                Said(language, "the quota \"{0}\" is not a whole number from 0 to 1,000", "x"))),
        ], lines);
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

    /// <summary>The accreditation's document rules, the travel form's dates and hotel, and a registration answer too
    /// long were said in English whatever the language (strings, not desk texts).</summary>
    [Theory]
    [MemberData(nameof(Languages))]
    public async Task Document_travel_and_answer_refusals_are_said_in_the_delegates_language(string language)
    {
        var summit = await app.CreateOpenSummitAsync();
        var (user, registration) = await app.ApprovedDelegateAsync(summit.Id);
        var question = await app.AddQuestionAsync(summit.Id, Data.Questions.QuestionKind.ShortText, "Frequent-flyer number", form: Data.Questions.QuestionForm.Travel);
        using var client = LocalizedAppFactory.Speaking(await app.LogInAsync(user), language);
        var culture = Data.Languages.InterfaceLanguages.FormattingCulture(language);

        var url = AccreditationSteps.AccreditationUrl(registration.Id);
        var document = await FormClient.ParseAsync(await client.SubmitAsync(await client.GetPageAsync(url), "form#accreditation-form", new Dictionary<string, string>
        {
            ["NationalityCode"] = "KE", ["DocumentNumber"] = "A1",
            ["DocumentExpiry"] = summit.EndDate.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }));
        Assert.Contains(Said(language, "A passport or ID number is {0} to {1} letters and digits.", Data.Accreditations.Accreditation.DocumentNumberMinLength,
            Data.Accreditations.Accreditation.DocumentNumberMaxLength), Errors(document));
        Assert.Contains(Said(language, "Your document expires before the summit ends: give a document valid until then."), Errors(document));

        string Local(DateOnly day, int hour) => day.ToDateTime(new TimeOnly(hour, 30)).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
        var travel = await FormClient.ParseAsync(await client.SubmitAsync(await client.GetPageAsync($"/Registration/Travel/{registration.Id}"), "#travel-form", new Dictionary<string, string>
        {
            ["Input.ArrivalLocal"] = Local(summit.EndDate.AddDays(1), 8), ["Input.DepartureLocal"] = Local(summit.EndDate.AddDays(2), 20),
            ["Input.Hotel"] = new string('h', Data.Questions.TravelDetails.HotelMaxLength + 1),
            [Data.Registrations.Registration.AnswerField(question.Id)] = new string('x', Data.Questions.AnswerRules.ShortTextMaxLength + 1),
        }));
        var errors = Errors(travel);
        Assert.Contains(Said(language, "You would arrive after the summit's last day ({0:d MMMM yyyy}).", summit.EndDate), errors);
        Assert.Contains(Said(language, "The hotel is longer than {0} characters.", Data.Questions.TravelDetails.HotelMaxLength), errors);
        Assert.Contains(Said(language, "The answer is longer than {0} characters.", Data.Questions.AnswerRules.ShortTextMaxLength), errors);
        Assert.Contains(summit.EndDate.Said("d MMMM yyyy", culture), errors);
    }
}
