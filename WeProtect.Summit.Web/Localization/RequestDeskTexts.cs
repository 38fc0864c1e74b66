using Microsoft.Extensions.Localization;
using WeProtect.Summit.Data.Desks;

namespace WeProtect.Summit.Web.Localization;

/// <summary>The request's <see cref="IDeskTextTranslator"/>: <see cref="Translations.Of(IStringLocalizer, DeskText)"/>
/// with the shared resources, in the request's culture.</summary>
public sealed class RequestDeskTexts(IStringLocalizer<SharedResource> localizer) : IDeskTextTranslator
{
    public string Translate(DeskText text) => Translations.Of(localizer, text);
}
