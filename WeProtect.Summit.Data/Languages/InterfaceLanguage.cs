using System.Globalization;

namespace WeProtect.Summit.Data.Languages;

/// <summary>One language of the interface: its ISO 639-1 code, its name in itself, the culture that formats for it.</summary>
public sealed record InterfaceLanguage(string Code, string NativeName, string FormattingCulture)
{
    public bool IsRightToLeft => CultureInfo.GetCultureInfo(Code).TextInfo.IsRightToLeft;
}
