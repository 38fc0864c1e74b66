using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace WeProtect.Summit.Tests.Support;

/// <summary>The app's resource localizers, except that a key found in no resource (ResourceNotFound) comes out as
/// <see cref="Marker"/> followed by the key, so that a page walk finds every text a view asks for and nobody wrote.
/// Texts read leniently (labels, desk messages: <c>Localization.LenientLocalizer</c>) stay in English as in the app.</summary>
public sealed class MissingKeyMarker(IOptions<LocalizationOptions> options, ILoggerFactory loggers) : IStringLocalizerFactory
{
    public const string Marker = "MISSING-TRANSLATION:";

    private readonly ResourceManagerStringLocalizerFactory inner = new(options, loggers);

    public IStringLocalizer Create(Type resourceSource) => new Marking(inner.Create(resourceSource));

    public IStringLocalizer Create(string baseName, string location) => new Marking(inner.Create(baseName, location));

    private sealed class Marking(IStringLocalizer inner) : IStringLocalizer
    {
        public LocalizedString this[string name] => Mark(inner[name]);

        public LocalizedString this[string name, params object[] arguments] => Mark(inner[name, arguments]);

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures);

        private static LocalizedString Mark(LocalizedString found) =>
            found.ResourceNotFound ? new LocalizedString(found.Name, Marker + found.Name, true) : found;
    }
}
