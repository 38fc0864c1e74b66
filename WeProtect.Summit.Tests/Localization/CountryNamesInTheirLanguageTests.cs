using System.Globalization;
using AngleSharp.Html.Dom;
using WeProtect.Summit.Data.Geography;
using WeProtect.Summit.Data.Languages;
using WeProtect.Summit.Data.Questions;

namespace WeProtect.Summit.Tests.Localization;

using WeProtect.Summit.Data.Registrations; // after the namespace line: "Registration" is also a test namespace

/// <summary>Country names on pages and in lists are in the page's language ("Émirats arabes unis" in French), and a
/// list of countries is sorted as that language sorts. The sample summit is in the United Arab Emirates, whose name
/// differs in every language.</summary>
public class CountryNamesInTheirLanguageTests(LocalizedAppFactory app) : IClassFixture<LocalizedAppFactory>
{
    public static TheoryData<string> Languages() => EnglishLeft.Languages();

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task A_delegate_reads_country_names_in_the_pages_language(string language)
    {
        var summit = await app.CreateOpenSummitAsync();
        var (user, approved) = await app.ApprovedDelegateAsync(summit.Id);
        var other = await app.CreateOpenSummitAsync();
        var residence = await app.AddQuestionAsync(other.Id, QuestionKind.Country, "Country of residence");
        var organisation = await app.CreateOrganisationAsync();
        using var client = LocalizedAppFactory.Speaking(await app.LogInAsync(user), language);

        var form = await client.GetPageAsync($"/Registration/Register/{other.Id}");
        AssertEveryCountry(form, "select[name='Input.ProposedCountryCode']", language);
        AssertEveryCountry(form, $"select[name='{Registration.AnswerField(residence.Id)}']", language);
        var registered = await client.SubmitAsync(form, "#registration-form", new Dictionary<string, string>
        {
            ["Input.Position"] = "Director",
            ["Input.OrganisationId"] = organisation.Id.ToString(CultureInfo.InvariantCulture),
            ["Input.Category"] = nameof(DelegateCategory.Delegate),
            [Registration.AnswerField(residence.Id)] = "DE",
        });
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        var details = await client.GetPageAsync(registered.Headers.Location!.OriginalString);
        Assert.Contains(Countries.NameOf("DE", language), details.QuerySelector("#registration-question-answers")!.TextContent);

        var accreditation = await client.GetPageAsync($"/Registration/Accreditation/{approved.Id}");
        AssertEveryCountry(accreditation, "select#NationalityCode", language);
        foreach (var url in new[] { "/Summits", $"/Summits/Details/{summit.Id}", $"/Registration/Details/{approved.Id}", $"/Registration/Accreditation/{approved.Id}" })
            AssertNamesTheSummitsCountry(url, await client.GetPageAsync(url), language);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task An_organiser_reads_country_names_in_the_pages_language(string language)
    {
        var summit = await app.CreateOpenSummitAsync();
        var organisation = await app.CreateOrganisationAsync(country: "AE");
        var user = await app.CreateUserAsync();
        await app.RegisterAsync(user, summit.Id, organisation.Id);
        using var organiser = LocalizedAppFactory.Speaking(await app.LoggedInClientAsync(Roles.Organiser), language);

        AssertEveryCountry(await organiser.GetPageAsync("/Organisations/Manage/Create"), "select[name='Input.CountryCode']", language, (code, name) => $"{name} ({code})");
        AssertEveryCountry(await organiser.GetPageAsync($"/Summits/Manage/Edit/{summit.Id}"), "select[name='Input.CountryCode']", language);
        foreach (var (url, filter) in new[] { ("/Organisations", "select[name='country']"), ($"/Registration/Manage/Index/{summit.Id}", "select[name='country']") })
        {
            var page = await organiser.GetPageAsync(url);
            AssertNamesTheSummitsCountry(url, page, language);
            AssertSorted(url, Options(page, filter).Select(o => o.Name).ToList(), language);
        }
    }

    /// <summary>The page names the United Arab Emirates in its language, nowhere in English.</summary>
    private static void AssertNamesTheSummitsCountry(string url, IHtmlDocument page, string language)
    {
        var main = page.QuerySelector("main")!;
        var text = main.TextContent + string.Concat(main.QuerySelectorAll("option").Select(o => o.TextContent));
        Assert.True(text.Contains(Countries.NameOf("AE", language), StringComparison.Ordinal), $"{url} in {language} does not name {Countries.NameOf("AE", language)}");
        Assert.False(text.Contains(Countries.NameOf("AE"), StringComparison.Ordinal), $"{url} in {language} says {Countries.NameOf("AE")}");
    }

    /// <summary>The list offers every country, named in the language and in its alphabetical order.</summary>
    private static void AssertEveryCountry(IHtmlDocument page, string selector, string language, Func<string, string, string>? text = null)
    {
        var options = Options(page, selector);
        var expected = Countries.All.Keys.Select(code => (Code: code, Name: Countries.NameOf(code, language)))
            .OrderBy(c => c.Name, Order(language)).ToList();
        Assert.Equal(expected.Select(c => (c.Code, text?.Invoke(c.Code, c.Name) ?? c.Name)), options);
    }

    private static void AssertSorted(string where, IReadOnlyList<string> names, string language)
    {
        Assert.True(names.Count > 0, $"{where}: no country");
        Assert.True(names.SequenceEqual(names.Order(Order(language))), $"{where}: not in {language} order: {string.Join(", ", names)}");
    }

    private static StringComparer Order(string language) => StringComparer.Create(InterfaceLanguages.FormattingCulture(language), ignoreCase: true);

    private static List<(string Code, string Name)> Options(IHtmlDocument page, string selector)
    {
        var select = page.QuerySelector(selector);
        Assert.True(select is not null, $"no {selector}");
        return select!.QuerySelectorAll("option").OfType<IHtmlOptionElement>().Where(o => o.Value is { Length: 2 })
            .Select(o => (o.Value, o.TextContent.Trim())).ToList();
    }
}
