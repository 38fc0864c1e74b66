using System.Collections;
using System.Globalization;
using System.Resources;
using WeProtect.Summit.Data.Desks;
using WeProtect.Summit.Data.Languages;
using WeProtect.Summit.Data.Registrations;

namespace WeProtect.Summit.Tests.Localization;

/// <summary>Every message a desk can answer (<see cref="DeskText"/> templates, read from the compiled Data assembly by
/// <see cref="DeskTemplates"/>, the labels <see cref="DeskWords"/> puts into them, and the accreditation's missing parts) has a translation in every
/// language, with the same placeholders: a desk message added in English only fails here.</summary>
public class DeskTextsTranslatedTests
{
    private static readonly ResourceManager Resources =
        new("WeProtect.Summit.Web.Localization.SharedResource", typeof(Program).Assembly);

    public static TheoryData<string> Translated() => [.. InterfaceLanguages.Codes.Where(c => c != InterfaceLanguages.Default)];

    /// <summary>The templates, and the words that go into them as values.</summary>
    public static IReadOnlyList<string> Keys() =>
    [
        .. DeskTemplates.All(typeof(DeskResult).Assembly).Where(t => t.Length > 0),
        .. DeskTemplates.All(typeof(Program).Assembly).Where(t => t.Length > 0),
        .. Enum.GetValues<DelegateCategory>().Select(c => DeskWords.Category(c).Template),
        Data.Accreditations.Accreditation.NothingGiven, "your nationality and travel document", "your photo",
    ];

    [Fact]
    public void The_templates_are_read_from_the_desks_with_their_placeholders()
    {
        var templates = DeskTemplates.All(typeof(DeskResult).Assembly);
        Assert.True(templates.Count > 300, $"only {templates.Count} templates");
        Assert.Contains("{0}'s registration has no proposed organisation to confirm.", templates);
        Assert.Contains("Someone else changed {0} meanwhile — reload and try again. Nothing was saved.", templates);
        Assert.Contains("{0} is a member from {1:d MMMM yyyy}.", templates);
        Assert.Contains("There is no such summit.", templates);
        Assert.Contains("The summit is now open.", templates);
        Assert.Contains("1 new badge to print.", templates);
        Assert.Contains("The statement is now in consultation.", templates);
        Assert.Contains("{0}'s registration is pending", templates);
        // Nothing formatted in English before it reaches the page: no template is a value filled in already.
        Assert.DoesNotContain(templates, t => t.Contains("{0}{1}", StringComparison.Ordinal));
    }

    [Fact]
    public void No_text_is_formatted_in_English_before_it_becomes_a_desk_text()
    {
        // A conditional of two interpolated strings is a string: return each one on its own, or cast each to DeskText.
        var formatted = DeskTemplates.FormattedBeforeConversion(typeof(DeskResult).Assembly)
            .Concat(DeskTemplates.FormattedBeforeConversion(typeof(Program).Assembly)).Distinct().ToList();
        Assert.True(formatted.Count == 0, "formatted before translation in:\n" + string.Join("\n", formatted));
        // The check finds the mistake where it is made.
        Assert.Equal([$"{typeof(DeskTextsTranslatedTests).FullName}.{nameof(FormattedFirst)}"],
            DeskTemplates.FormattedBeforeConversion(typeof(DeskTextsTranslatedTests).Assembly));
    }

    /// <summary>The mistake the check looks for: a conditional of interpolated strings, formatted before it is a DeskText.</summary>
    private static DeskText FormattedFirst(int count) => count == 1 ? $"{count} place" : $"{count} places";

    [Fact]
    public void A_desk_text_is_English_until_translated_and_a_value_that_is_a_desk_text_is_translated_with_it()
    {
        var name = "Ana Lima";
        var conflict = DeskResult.Conflict($"{name}'s registration");
        Assert.Equal("Someone else changed Ana Lima's registration meanwhile — reload and try again. Nothing was saved.", conflict.Message);
        var said = conflict.Text.Render((template, values) => $"[{template}]" + string.Join("|", values));
        Assert.Equal("[Someone else changed {0} meanwhile — reload and try again. Nothing was saved.][{0}'s registration]Ana Lima", said);

        // A label inside a sentence is the label's key, said in lower case in English and in the translation.
        var category = DeskWords.Category(DelegateCategory.HeadOfDelegation);
        Assert.Equal("Head of delegation", category.Template);
        Assert.Equal("head of delegation", category.ToString());
        Assert.Equal("chef de délégation", category.Render((_, _) => "Chef de délégation"));
    }

    [Theory]
    [MemberData(nameof(Translated))]
    public void Every_desk_text_has_a_translation(string language)
    {
        var translated = Resources.GetResourceSet(CultureInfo.GetCultureInfo(language), createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? "");
        var missing = Keys().Distinct().Where(k => !translated.TryGetValue(k, out var value) || string.IsNullOrWhiteSpace(value)).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} desk texts without a translation in {language} (add them to SharedResource.resx and " +
            $"SharedResource.{language}.resx):\n" + string.Join("\n", missing));
    }
}
