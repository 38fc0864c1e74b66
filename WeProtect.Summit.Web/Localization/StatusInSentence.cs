using WeProtect.Summit.Data.Statements;

namespace WeProtect.Summit.Web.Localization;

/// <summary>A statement's status after "is" ("this one is a draft", "… is in consultation") in the reader's language:
/// the status's name in lower case, "a draft" for a draft. Resource keys ignore case, so the lower-case words cannot
/// be keys of their own beside the names.</summary>
public static class StatusInSentence
{
    public static string Of(StatementStatus status, Func<string, string> translate) => status == StatementStatus.Draft
        ? translate("a draft")
        : translate(Data.Vocabulary.Words.Name(status)).ToLower(CultureInfo.CurrentCulture);
}
