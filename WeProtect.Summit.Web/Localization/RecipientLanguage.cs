using WeProtect.Summit.Data.Languages;

namespace WeProtect.Summit.Web.Localization;

/// <summary>Speaks a recipient's language while a letter is written, whatever the request or job thread speaks
/// (Hangfire may carry the culture of the request that queued the job): the preference saved on their profile, else
/// the summit's default, else English. Dispose to restore the thread's culture.</summary>
public sealed class RecipientLanguage : IDisposable
{
    private readonly CultureInfo culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo uiCulture = CultureInfo.CurrentUICulture;

    private RecipientLanguage(string language)
    {
        CultureInfo.CurrentCulture = InterfaceLanguages.FormattingCulture(language);
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(InterfaceLanguages.Get(language).Code);
    }

    public static RecipientLanguage Speak(string? preference, string? summitDefault = null) =>
        new(InterfaceLanguages.ReaderLanguage(preference, summitDefault));

    public void Dispose()
    {
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = uiCulture;
    }
}
