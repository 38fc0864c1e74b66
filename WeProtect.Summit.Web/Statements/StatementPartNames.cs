using Microsoft.Extensions.Localization;
using WeProtect.Summit.Data.Organisations;
using WeProtect.Summit.Data.Statements;
using WeProtect.Summit.Data.Vocabulary;
using WeProtect.Summit.Web.Localization;

namespace WeProtect.Summit.Web.Statements;

/// <summary>What readers call each anchored part of a statement ("Private sector 3(b)", "Preamble, paragraph 2"),
/// read from the document's structure: anchors ("private-sector-3.b", "preamble-2") are for links and form values,
/// never shown to delegates. The one place anchors become names.</summary>
public static class StatementPartNames
{
    /// <summary>The names as written in lists and headings ("Private sector 3(b)").</summary>
    public static IReadOnlyDictionary<string, string> Of(StatementDocument document, IStringLocalizer l) =>
        Names(document, (key, values) => l[key, values].Value, spoken: false);

    /// <summary><see cref="Of(StatementDocument, IStringLocalizer)"/> in a language named explicitly (a download whose
    /// headings and words are English whatever the page's language).</summary>
    public static IReadOnlyDictionary<string, string> Of(StatementDocument document, LanguageTexts words) =>
        Names(document, words.Format, spoken: false);

    /// <summary>The names as said, for a screen reader's label ("Private sector, commitment 3 b"): a citation's
    /// "3(b)" read aloud is "three left paren b".</summary>
    public static IReadOnlyDictionary<string, string> Spoken(StatementDocument document, IStringLocalizer l) =>
        Names(document, (key, values) => l[key, values].Value, spoken: true);

    /// <summary><see cref="Spoken(StatementDocument, IStringLocalizer)"/> in a language named explicitly (an export in
    /// the document's own language).</summary>
    public static IReadOnlyDictionary<string, string> Spoken(StatementDocument document, LanguageTexts words) =>
        Names(document, words.Format, spoken: true);

    private static Dictionary<string, string> Names(StatementDocument document, Func<string, object[], string> say, bool spoken)
    {
        var names = new Dictionary<string, string>();
        int preamble = 0, closing = 0;
        foreach (var block in document.Body())
        {
            switch (block)
            {
                case PreambleBlock p when document.Closing.Contains(p):
                    names[p.Anchor] = say("Closing, paragraph {0}", [++closing]);
                    break;
                case PreambleBlock p:
                    names[p.Anchor] = say("Preamble, paragraph {0}", [++preamble]);
                    break;
                case PartHeading h:
                    names[h.Anchor] = say("Heading", []);
                    break;
                case StatementSection s:
                    var sector = say(SectorName(s.Audience), []);
                    names[s.Anchor] = sector;
                    var texts = 0;
                    foreach (var part in s.Content())
                    {
                        if (part is SectionText t) names[t.Anchor] = say("{0}, paragraph {1}", [sector, ++texts]);
                        else if (part is StatementCommitment c)
                        {
                            names[c.Anchor] = say(spoken ? "{0}, commitment {1}" : "{0} {1}", [sector, c.Number]);
                            foreach (var i in c.Items)
                                names[i.Anchor] = say(spoken ? "{0}, commitment {1} {2}" : "{0} {1}({2})", [sector, c.Number, i.Letter]);
                        }
                    }
                    break;
            }
        }
        return names;
    }

    /// <summary>A section's audience named as the app names sectors ("Private sector"); the whole membership as such.</summary>
    private static string SectorName(StatementAudience audience) => audience switch
    {
        StatementAudience.Government => Sector.Government.Name(),
        StatementAudience.InternationalOrganisation => Sector.InternationalOrganisation.Name(),
        StatementAudience.PrivateSector => Sector.PrivateSector.Name(),
        StatementAudience.CivilSociety => Sector.CivilSociety.Name(),
        _ => audience.Name(),
    };
}
