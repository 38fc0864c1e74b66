using WeProtect.Summit.Data;
using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Desks;
using WeProtect.Summit.Data.Statements;

namespace WeProtect.Summit.Tests.Support;

/// <summary>Translations of <see cref="SigningData.TextForAll"/> (same structure, hence the same anchors) and a way to
/// add one through <see cref="TranslationDesk"/>, as an organiser does on the Translations page.</summary>
internal static class TranslationData
{
    public const string French =
        "# Déclaration d'action\n\nNous, les membres, sommes unis.\n\n" +
        "## Tous les membres s'engagent à {audience=all}\n\n1. **Placer les enfants au premier plan**\n   a. Écouter les enfants.\n\n" +
        "## Les délégués gouvernementaux s'engagent à {audience=government}\n\n1. **Légiférer**\n   a. Adopter des lois.\n";

    /// <summary>The Arabic preamble: one all-Arabic line, without punctuation, that a reader must give in logical order.</summary>
    public const string ArabicPreamble = "نحن الأعضاء متحدون";

    public const string Arabic =
        "# بيان العمل\n\n" + ArabicPreamble + "\n\n" +
        "## يلتزم جميع الأعضاء بما يلي {audience=all}\n\n1. **وضع الأطفال أولا**\n   a. الاستماع إلى الأطفال\n\n" +
        "## يتعهد مندوبو الحكومات بما يلي {audience=government}\n\n1. **التشريع**\n   a. سن القوانين\n";

    /// <summary>The French text with a second commitment in the governments' section: a different structure.</summary>
    public const string FrenchWithAnExtraCommitment =
        "# Déclaration d'action\n\nNous, les membres, sommes unis.\n\n" +
        "## Tous les membres s'engagent à {audience=all}\n\n1. **Placer les enfants au premier plan**\n   a. Écouter les enfants.\n\n" +
        "## Les délégués gouvernementaux s'engagent à {audience=government}\n\n1. **Légiférer**\n   a. Adopter des lois.\n\n2. **Financer**\n   a. Payer.\n";

    /// <summary>Adds a translation of the statement's current authoritative version through the desk.</summary>
    public static async Task<DeskResult<StatementTranslation>> TranslateAsync(this SummitAppFactory app, int statementId, string language, string text)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SummitDbContext>();
        var statement = await db.Statements.AsNoTracking().Include(s => s.Versions).SingleAsync(s => s.Id == statementId);
        var (version, _) = statement.TranslatableVersion();
        return await scope.ServiceProvider.GetRequiredService<TranslationDesk>()
            .AddAsync(statementId, language, text, version?.Id, new AuditActor(null, "Test organiser"));
    }
}
