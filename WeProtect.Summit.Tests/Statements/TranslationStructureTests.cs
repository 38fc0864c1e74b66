using WeProtect.Summit.Data.Statements;

namespace WeProtect.Summit.Tests.Statements;

/// <summary>A translation must have the structure of the authoritative text: the first difference is named.</summary>
public class TranslationStructureTests
{
    private static StatementDocument Doc(string text)
    {
        var parsed = StatementParser.Parse(text);
        Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors));
        return parsed.Document!;
    }

    [Fact]
    public void The_same_structure_in_other_words_passes_and_has_the_same_anchors()
    {
        var authoritative = Doc(SigningData.TextForAll);
        Assert.Null(TranslationStructure.FirstDifference(authoritative, Doc(TranslationData.French)));
        Assert.Null(TranslationStructure.FirstDifference(authoritative, Doc(TranslationData.Arabic)));
        Assert.Equal(authoritative.Anchors(), Doc(TranslationData.French).Anchors());
        Assert.Equal(authoritative.Anchors(), Doc(TranslationData.Arabic).Anchors());
    }

    [Theory]
    [InlineData(TranslationData.FrenchWithAnExtraCommitment, "Commitments of section 2: 1 in the authoritative text, 2 in this translation.")]
    [InlineData("# T\n\nUn.\n\nDeux.\n\n## A {audience=all}\n\n1. **P**\n   a. E.\n\n## G {audience=government}\n\n1. **L**\n   a. A.\n",
        "Blocks of the preamble (paragraphs, lists and numbered paragraphs): 1 in the authoritative text, 2 in this translation.")]
    [InlineData("# T\n\nUn.\n\n## A {audience=all}\n\n1. **P**\n   a. E.\n   b. F.\n\n## G {audience=government}\n\n1. **L**\n   a. A.\n",
        "Lettered items of commitment all-1: 1 in the authoritative text, 2 in this translation.")]
    [InlineData("# T\n\nUn.\n\n## A {audience=all}\n\n1. **P**\n   a. E.\n\n## G {audience=private-sector}\n\n1. **L**\n   a. A.\n",
        "Section 2 is addressed to government in the authoritative text and to private-sector in this translation.")]
    [InlineData("# T\n\nUn.\n\n## A {audience=all}\n\n1. **P**\n   a. E.\n",
        "Sections of the statement: 2 in the authoritative text, 1 in this translation.")]
    [InlineData("# T\n\nUn.\n\n## A {audience=all}\n\n1. **P**\n   a. E.\n\n## G {audience=government}\n\n2. **L**\n   a. A.\n",
        "Commitment 1 of section 2 is numbered 1 in the authoritative text and 2 in this translation.")]
    [InlineData("# T\n\nUn.\n\n## A {audience=all}\n\n1. **P**\n   a. E.\n\n## G {audience=government}\n\n1. **L**\n   a. A.\n\n## Ensemble {closing}\n\nNous agirons.\n",
        "This translation has a closing part and the authoritative text has none.")]
    public void A_different_structure_is_named_by_its_first_difference(string translation, string expected) =>
        Assert.Equal(expected, TranslationStructure.FirstDifference(Doc(SigningData.TextForAll), Doc(translation))?.ToString());
}
