using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Desks;
using WeProtect.Summit.Data.Languages;

namespace WeProtect.Summit.Data.Statements;

/// <summary>Translations of a statement's authoritative text: each one an immutable version in another language, in the
/// same grammar and with the same anchors as the authoritative version it translates (the current one: the final text
/// once final, else the latest version), refused with the first structural difference otherwise. Audited.</summary>
public sealed class TranslationDesk(SummitDbContext db, AuditTrail audit, TimeProvider clock)
{
    /// <summary>Adds a translation into <paramref name="language"/> of the authoritative version
    /// <paramref name="expectedVersionId"/> (the one the organiser saw: if the text changed since, nothing is saved).</summary>
    public async Task<DeskResult<StatementTranslation>> AddAsync(int statementId, string? language, string? text, int? expectedVersionId, AuditActor actor,
        CancellationToken ct = default)
    {
        var statement = await db.Statements.AsNoTracking().Include(s => s.Versions).FirstOrDefaultAsync(s => s.Id == statementId, ct);
        if (statement is null) return DeskResult.NotFound("There is no such statement.").With<StatementTranslation>();
        if (!InterfaceLanguages.IsSupported(language))
            return Invalid("Language", "Choose the language of the translation.");
        if (language == statement.AuthoritativeLanguage)
            return Invalid("Language", "This is the statement's authoritative language: its text is the statement's own versions, not a translation.");
        var (version, refusal) = statement.TranslatableVersion();
        if (version is null) return DeskResult.Refused($"{refusal} Nothing was saved.").With<StatementTranslation>();
        if (expectedVersionId != version.Id)
            return DeskResult.Refused($"The authoritative text changed since you opened the page: translate version {version.Number}. Nothing was saved.").With<StatementTranslation>();

        var parsed = StatementParser.Parse(text);
        if (parsed.Document is not { } translated)
        {
            if (parsed.Errors.Count == 0) return Invalid("Text", "Paste the translated text.");
            return Invalid("Text", $"The translation has errors: {DeskResult.Joined(parsed.Errors.Take(5).Select(e => (DeskText)$"Line {e.Line}: {e.Message}"))}");
        }
        if (System.Text.Encoding.UTF8.GetByteCount(parsed.Canonical) > StatementText.MaxBytes)
            return Invalid("Text", "The translation is longer than a statement may be.");
        var authoritative = StatementParser.Parse(version.Text).Document
            ?? throw new InvalidOperationException($"Version {version.Id} does not parse.");
        if (TranslationStructure.FirstDifference(authoritative, translated) is { } difference)
            return Invalid("Text", $"The translation does not have the structure of version {version.Number}: {difference} Nothing was saved.");

        var earlier = await db.StatementTranslations.AsNoTracking().Where(t => t.StatementId == statementId && t.Language == language)
            .OrderByDescending(t => t.Number).Select(t => new { t.Number, t.ContentHash, t.StatementVersionId }).FirstOrDefaultAsync(ct);
        if (earlier is not null && earlier.ContentHash == parsed.Hash && earlier.StatementVersionId == version.Id)
            return Invalid("Text", "The translation is the same as the latest one in this language: nothing to save.");
        var translation = new StatementTranslation
        {
            StatementId = statementId, StatementVersionId = version.Id, Language = language!, Number = (earlier?.Number ?? 0) + 1,
            Text = parsed.Canonical, ContentHash = parsed.Hash, AuthorUserId = actor.UserId, AuthorName = actor.Name,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.StatementTranslations.Add(translation);
        audit.Record(actor, "statement.translation-added", translation,
            $"Statement \"{statement.Title}\": translation {translation.Number} into {language} of version {version.Number} ({translation.ContentHash[..12]})");
        try { await audit.SaveChangesAsync(ct); }
        catch (DbUpdateException)
        {
            // Two saves at once: the unique (statement, language, number) index lets one of them take the number.
            db.ChangeTracker.Clear();
            return DeskResult.Conflict("this statement's translations").With<StatementTranslation>();
        }
        var name = InterfaceLanguages.Get(language).NativeName;
        return DeskResult.Done($"Translation {translation.Number} ({name}) of version {version.Number} saved.").With(translation);
    }

    /// <summary>The latest translation in each language of the authoritative version <paramref name="versionId"/>.</summary>
    public static async Task<IReadOnlyList<StatementTranslation>> LatestOfAsync(SummitDbContext db, int versionId, CancellationToken ct = default)
    {
        var all = await db.StatementTranslations.AsNoTracking().Where(t => t.StatementVersionId == versionId).ToListAsync(ct);
        return all.GroupBy(t => t.Language).Select(g => g.OrderByDescending(t => t.Number).First())
            .OrderBy(t => InterfaceLanguages.Codes.ToList().IndexOf(t.Language)).ToList();
    }

    private static DeskResult<StatementTranslation> Invalid(string field, DeskText message) =>
        DeskResult.Invalid([(field, message)]).With<StatementTranslation>();
}
