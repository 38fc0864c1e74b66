using System.Collections.Concurrent;

namespace WeProtect.Summit.Web.Localization;

/// <summary>Each summit's default language, as <see cref="SummitCultureProvider"/> asks for it on a request that names a
/// summit and says nothing of its own language (no preference, cookie or Accept-Language: crawlers, feeds, scripts).
/// Looked up once, not on every such request: the culture is chosen before the output cache answers, so a query here
/// cost every cached public page of a summit a database round trip. Forgotten whenever public data changes (the
/// same moment <see cref="Infrastructure.PublicPageCache"/> evicts the pages) and after the pages' lifetime anyway.</summary>
public sealed class SummitLanguages(TimeProvider clock)
{
    private readonly ConcurrentDictionary<int, (string? Language, DateTimeOffset Until)> known = new();

    public async ValueTask<string?> DefaultOfAsync(int summitId, Func<int, Task<string?>> read)
    {
        var now = clock.GetUtcNow();
        if (known.TryGetValue(summitId, out var entry) && entry.Until > now) return entry.Language;
        var language = await read(summitId);
        known[summitId] = (language, now + Infrastructure.PublicPageCache.Lifetime);
        return language;
    }

    public void Forget() => known.Clear();
}
