using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using WeProtect.Summit.Data.Desks;
using WeProtect.Summit.Web;
using WeProtect.Summit.Web.Localization;

namespace WeProtect.Summit.Tests.Localization;

/// <summary>A date is said as the language says it: Spanish puts "de" between the day, the month and the year ("8 de
/// junio de 2026"), French and English do not ("8 juin 2026", "8 June 2026"). The format is written once, in English
/// order, in pages, letters and desk messages alike; the language's own day-and-month pattern comes from its resources.</summary>
public partial class DatesInTheirLanguageTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    [GeneratedRegex(@"\b\d{1,2} (enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre) \d{4}")]
    private static partial Regex SpanishDateWithoutDe();

    [GeneratedRegex(@"\b\d{1,2} de (enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre) de \d{4}")]
    private static partial Regex SpanishDate();

    [Fact]
    public async Task A_summits_dates_read_as_Spanish_in_Spanish_and_unchanged_in_French_and_English()
    {
        var summit = await app.CreateOpenSummitAsync();
        var url = $"/Summits/Details/{summit.Id}";

        var spanish = (await LocalizedAppFactory.Speaking(app.CreateFormClient(), "es").GetPageAsync(url)).QuerySelector("main")!.TextContent;
        Assert.Matches(SpanishDate(), spanish);
        Assert.DoesNotMatch(SpanishDateWithoutDe(), spanish);
        // The summit's days (its facts) and the registration window (a date and a time) alike.
        Assert.Contains($"{summit.StartDate.Day} de ", spanish);
        Assert.Matches(@"\d{1,2} de \w+ de \d{4}, \d{2}:\d{2}", spanish);

        var french = (await LocalizedAppFactory.Speaking(app.CreateFormClient(), "fr").GetPageAsync(url)).QuerySelector("main")!.TextContent;
        Assert.Contains(summit.StartDate.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("fr")), french);
        Assert.DoesNotContain(" de juin de ", french);
        var english = (await app.CreateFormClient().GetPageAsync(url)).QuerySelector("main")!.TextContent;
        Assert.Contains(summit.StartDate.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en")), english);
    }

    [Fact]
    public void A_desk_message_with_a_date_in_it_says_the_date_as_its_translation_does()
    {
        var localizer = app.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var opens = new DateTime(2026, 6, 8, 9, 0, 0);
        DeskText Message() => $"Registration opens on {opens:d MMMM yyyy, HH:mm} ({"Europe/Madrid"}).";
        var (culture, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("es");
            Assert.Equal("La inscripción se abre el 8 de junio de 2026, 09:00 (Europe/Madrid).", Translations.Of(localizer, Message()));
            Assert.Equal("8 de junio de 2026", opens.Said("d MMMM yyyy"));
            Assert.Equal("lunes 8 de junio", opens.Said("dddd d MMMM"));
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr");
            Assert.Equal("8 juin 2026", opens.Said("d MMMM yyyy"));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, ui);
        }
    }
}
