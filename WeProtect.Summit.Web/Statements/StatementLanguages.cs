using System.Globalization;
using WeProtect.Summit.Data.Languages;
using WeProtect.Summit.Data.Statements;

namespace WeProtect.Summit.Web.Statements;

/// <summary>The language versions of one authoritative version (itself and the latest translation into each other
/// language) and the one shown: the language asked for (<c>?lang=</c>) when it exists, else the reader's interface
/// language when a version exists in it, else the authoritative text. The statement and signing pages use it.</summary>
public sealed record StatementLanguages(string Authoritative, StatementLanguageVersion Shown, IReadOnlyList<StatementLanguageVersion> Available)
{
    public bool ShowsTranslation => Shown.TranslationId is not null;

    /// <summary>"The English text is authoritative.", as a key of the shared resources (one per language).</summary>
    public string AuthoritativeNote => AuthoritativeNoteOf(Authoritative);

    public static string AuthoritativeNoteOf(string language) => language switch
    {
        "fr" => "The French text is authoritative.",
        "es" => "The Spanish text is authoritative.",
        "ar" => "The Arabic text is authoritative.",
        _ => "The English text is authoritative.",
    };

    /// <summary>Null when <paramref name="version"/> does not parse (the pages then answer 404 as before).</summary>
    public static async Task<StatementLanguages?> LoadAsync(SummitDbContext db, Statement statement, StatementVersion version, string? requested,
        CancellationToken ct)
    {
        if (StatementParser.Parse(version.Text).Document is not { } document) return null;
        var available = new List<StatementLanguageVersion> { new(statement.AuthoritativeLanguage, version.ContentHash, null, null, document) };
        foreach (var t in await TranslationDesk.LatestOfAsync(db, version.Id, ct))
            if (t.Language != statement.AuthoritativeLanguage && StatementParser.Parse(t.Text).Document is { } translated)
                available.Add(new(t.Language, t.ContentHash, t.Id, t.Number, translated));
        var wanted = InterfaceLanguages.Match(requested) ?? InterfaceLanguages.Match(CultureInfo.CurrentUICulture.Name);
        var shown = available.FirstOrDefault(v => v.Language == wanted) ?? available[0];
        return new StatementLanguages(statement.AuthoritativeLanguage, shown, available);
    }
}
