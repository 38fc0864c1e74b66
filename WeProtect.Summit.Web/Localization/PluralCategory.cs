namespace WeProtect.Summit.Web.Localization;

/// <summary>The CLDR plural categories a language sorts counts into (English and Spanish use One and Other, French
/// counts 0 as One, Arabic uses all six).</summary>
public enum PluralCategory
{
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}
