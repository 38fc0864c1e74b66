using System.Text;
using WeProtect.Summit.Data.Desks;
using WeProtect.Summit.Data.Languages;

namespace WeProtect.Summit.Data.Statements;

/// <summary>Whether a text's letters run the way its language does. The language of a statement decides how its text is
/// laid out (an Arabic communiqué reads from the right) and what its translations are of; a text typed in Arabic under
/// English, or the reverse, is laid out against its own letters. Said as a warning beside the editor, never a refusal:
/// a text quotes names and words of other scripts.</summary>
public static class StatementScript
{
    /// <summary>Fewer letters than this say too little to judge by.</summary>
    private const int EnoughLetters = 20;

    /// <summary>What to check when most of the letters of <paramref name="text"/> run the other way from
    /// <paramref name="language"/>; null when they agree, or the text is too short to tell.</summary>
    public static DeskText? Mismatch(string? text, string language)
    {
        int rightToLeft = 0, leftToRight = 0;
        foreach (var rune in (text ?? "").EnumerateRunes())
        {
            if (!Rune.IsLetter(rune)) continue;
            if (rune.Value is >= 0x0590 and <= 0x08FF or >= 0xFB1D and <= 0xFDFF or >= 0xFE70 and <= 0xFEFF) rightToLeft++;
            else leftToRight++;
        }
        if (rightToLeft + leftToRight < EnoughLetters) return null;
        var named = InterfaceLanguages.Get(language);
        if (named.IsRightToLeft == rightToLeft > leftToRight) return null;
        // Each wording on its own (a ?: would format it before it could be translated).
        if (named.IsRightToLeft)
            return $"Most of the text is written left to right, but its language is set to {named.NativeName}: choose the language it is written in (Settings), so that it is laid out and translated as written.";
        return $"Most of the text is written right to left, but its language is set to {named.NativeName}: choose the language it is written in (Settings), so that it is laid out and translated as written.";
    }
}
