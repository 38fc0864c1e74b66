using WeProtect.Summit.Data.Statements;

namespace WeProtect.Summit.Web.Statements;

/// <summary>One language version of a statement's text as a reader can choose it: the authoritative version
/// (<see cref="TranslationId"/> null) or the latest translation of it into a language.</summary>
public sealed record StatementLanguageVersion(string Language, string Hash, int? TranslationId, int? TranslationNumber, StatementDocument Document)
{
    public string NativeName => Data.Languages.InterfaceLanguages.Get(Language).NativeName;

    public bool IsRightToLeft => Data.Languages.InterfaceLanguages.Get(Language).IsRightToLeft;
}
