using Microsoft.Extensions.Localization;

namespace WeProtect.Summit.Web.Localization;

/// <summary>A localizer that answers the key itself where there is no translation, whatever the localizer behind it
/// does for a missing key: for texts that come from everywhere (labels, desk messages), of which only some are
/// translated yet.</summary>
public sealed class LenientLocalizer(IStringLocalizer inner) : IStringLocalizer
{
    public LocalizedString this[string name] => Found(inner[name], name);

    public LocalizedString this[string name, params object[] arguments] =>
        inner[name] is { ResourceNotFound: false } found
            ? new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, found.Value, arguments))
            : new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, name, arguments), true);

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures);

    private static LocalizedString Found(LocalizedString result, string name) =>
        result.ResourceNotFound ? new LocalizedString(name, name, true) : result;
}
