using System.Globalization;
using System.Text;
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

    /// <summary>Every code has its line in every language's file, and no two codes share a name, even one differing
    /// only by case, accents or the word for islands (iso-codes' Arabic named Moldova "المالديف" beside the Maldives'
    /// "جزر المالديف"); French names start with a capital as the French ISO list writes them.</summary>
    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_country_has_its_own_name_in_every_language(string language)
    {
        Assert.True(Countries.HasNamesIn(language), $"no country names in {language}");
        var names = Countries.NamesIn(language);
        Assert.Empty(Countries.All.Keys.Except(names.Keys));
        Assert.Empty(names.Keys.Except(Countries.All.Keys));
        Assert.All(names, n => Assert.False(string.IsNullOrWhiteSpace(n.Value), $"{n.Key} has no {language} name"));
        var shared = names.GroupBy(n => Comparable(n.Value)).Where(g => g.Count() > 1).Select(g => string.Join(" = ", g.Select(n => $"{n.Key} {n.Value}")));
        Assert.Empty(shared);
        if (language == "fr")
            Assert.All(names, n => Assert.True(char.IsUpper(n.Value[0]), $"{n.Key} {n.Value}"));
    }

    [Theory]
    [InlineData("TR", "Türkiye", "Turquie", "Turquía", "تركيا")]
    [InlineData("MD", "Moldova", "Moldavie", "Moldavia", "مولدوفا")]
    [InlineData("GL", "Greenland", "Groenland", "Groenlandia", "غرينلاند")]
    [InlineData("BV", "Bouvet Island", "Île Bouvet", "Isla Bouvet", "جزيرة بوفي")]
    [InlineData("CK", "Cook Islands", "Îles Cook", "Islas Cook", "جزر كوك")]
    public void A_country_is_named_as_each_language_usually_names_it(string code, string english, string french, string spanish, string arabic)
    {
        Assert.Equal(english, Countries.NameOf(code, "en"));
        Assert.Equal(french, Countries.NameOf(code, "fr"));
        Assert.Equal(spanish, Countries.NameOf(code, "es"));
        Assert.Equal(arabic, Countries.NameOf(code, "ar"));
    }

    /// <summary>A name without case, accents, Arabic vowel marks or the word for island(s).</summary>
    private static string Comparable(string name)
    {
        var bare = string.Concat(name.Normalize(NormalizationForm.FormD).Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark));
        var words = bare.ToLowerInvariant().Split([' ', ',', '،'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w is not ("island" or "islands" or "ile" or "iles" or "isla" or "islas" or "جزر" or "جزيرة" or "the" or "les" or "la" or "las"));
        return string.Join(' ', words);
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
