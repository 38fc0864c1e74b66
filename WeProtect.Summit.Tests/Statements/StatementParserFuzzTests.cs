using System.Text;
using WeProtect.Summit.Data.Statements;

namespace WeProtect.Summit.Tests.Statements;

/// <summary>Generated and mutated texts, with a fixed seed: the parser returns a document or errors, never throws.</summary>
public class StatementParserFuzzTests
{
    private static readonly string[] Audiences =
        ["all", "government", "international-organisation", "private-sector", "civil-society", "", "Government", "other", " all ", "all}", "{"];

    private static readonly string[] Fragments =
    [
        "", " ", "\t", "    ", "#", "##", "###", "####### x", "# ", "## x {audience=all}", "{audience=", "}", "1.", "1)", "2.",
        "999999999.", "1234567890.", "a.", "z.", "a)", "A.", "**", "****", "**x", "- ", "* ", "+", "> ", ">>>>>>>>>>", "```", "~~~",
        "<div>", "</div>", "<!--", "---", "===", "***", "[x]: /y", "|a|b|", "\\", "`", "é", "e\u0301", "\u200F", "\u202E", "\0", "\uFEFF",
        "\uD800", "\uDC00", "\U0001F600", "\u2028", "\u0085", "\r", "\r\n", "\n", "\f", "\v", "ﬁ", "Å", "\u1100\u1161", "一", "العربية",
    ];

    [Fact]
    public void Never_throws_on_generated_and_mutated_texts()
    {
        var random = new Random(6_2024);
        int valid = 0, invalid = 0;
        const int count = 1500;
        for (var n = 0; n < count; n++)
        {
            var text = n switch
            {
                0 => "",
                1 => new string('x', 200_000),
                2 => "# T\n## S {audience=all}\n1. **A**\n   a. " + new string('é', 100_000) + "\n",
                3 => new string('>', 5_000) + " deep",
                4 => string.Concat(Enumerable.Repeat("- ", 2_000)) + "x",
                5 => string.Concat(Enumerable.Repeat("1. ", 2_000)) + "**x**",
                6 => "\n\n\n",
                7 => "# T\n" + new string('[', 50_000) + new string('*', 50_000),
                8 => "# T\n## S {audience=all}\n1. **" + string.Concat(Enumerable.Repeat("*a _b `c ", 20_000)) + "**\n",
                9 => string.Join("\n", Enumerable.Range(0, 2_000).Select(i => new string(' ', i * 2) + "- x")),
                10 => string.Join("\n", Enumerable.Range(0, 2_000).Select(i => new string(' ', i * 3) + "1. **x**")),
                _ => Mutate(random, Generate(random)),
            };

            StatementParseResult result;
            try
            {
                result = StatementParser.Parse(text);
            }
            catch (Exception e)
            {
                Assert.Fail($"Text {n} threw {e.GetType().Name}: {e.Message}\n--- text ---\n{Truncate(text)}");
                return;
            }

            Assert.NotNull(result);
            Assert.Equal(StatementText.Canonicalise(text), result.Canonical);
            var lineCount = Math.Max(1, result.Canonical.Count(c => c == '\n'));
            if (result.Document is { } doc)
            {
                valid++;
                Assert.Empty(result.Errors);
                Assert.Equal(doc.Anchors().Count(), doc.Anchors().Distinct().Count());
                Assert.NotEmpty(doc.Sections);
                Assert.All(doc.Sections, s => Assert.NotEmpty(s.Commitments));
            }
            else
            {
                invalid++;
                Assert.NotEmpty(result.Errors);
                Assert.All(result.Errors, e =>
                {
                    Assert.InRange(e.Line, 1, lineCount);
                    Assert.False(string.IsNullOrWhiteSpace(e.Message.ToString()));
                });
            }
        }

        Assert.Equal(count, valid + invalid);
        Assert.True(valid >= 100, $"only {valid} valid texts: the generator should make more");
        Assert.True(invalid >= 500, $"only {invalid} invalid texts: the mutations should break more");
    }

    /// <summary>A statement in the grammar, with random sizes and (mostly valid) audiences.</summary>
    private static List<string> Generate(Random random)
    {
        var lines = new List<string> { "# " + Words(random, 1, 6) };
        for (var p = random.Next(0, 3); p > 0; p--)
        {
            lines.Add("");
            if (random.Next(3) == 0)
                for (var b = random.Next(1, 4); b > 0; b--) lines.Add("- " + Words(random, 1, 8));
            else lines.Add(Words(random, 3, 20));
        }
        for (var s = random.Next(1, 5); s > 0; s--)
        {
            lines.Add("");
            var audience = random.Next(8) == 0 ? Audiences[random.Next(Audiences.Length)] : Audiences[random.Next(5)];
            lines.Add($"## {Words(random, 1, 5)} {{audience={audience}}}");
            lines.Add("");
            for (var c = 1; c <= random.Next(1, 8); c++)
            {
                lines.Add($"{c}. **{Words(random, 1, 4)}**");
                for (var i = 0; i < random.Next(0, 5); i++)
                {
                    lines.Add($"   {(char)('a' + i)}. {Words(random, 2, 15)}");
                    if (random.Next(6) == 0) lines.Add("      " + Words(random, 2, 6));
                }
            }
        }
        return lines;
    }

    private static string Mutate(Random random, List<string> lines)
    {
        var mutations = random.Next(4) == 0 ? 0 : random.Next(1, 6);
        for (var m = 0; m < mutations && lines.Count > 0; m++)
        {
            var i = random.Next(lines.Count);
            switch (random.Next(10))
            {
                case 0: lines.RemoveAt(i); break;
                case 1: lines.Insert(i, lines[i]); break;
                case 2:
                    var j = random.Next(lines.Count);
                    (lines[i], lines[j]) = (lines[j], lines[i]);
                    break;
                case 3: lines[i] = new string('#', random.Next(0, 8)) + " " + lines[i].TrimStart('#', ' '); break;
                case 4: lines[i] = lines[i].Replace("audience=", "audience=" + Audiences[random.Next(Audiences.Length)] + " "); break;
                case 5: lines[i] = lines[i].Insert(random.Next(lines[i].Length + 1), RandomUnicode(random)); break;
                case 6: lines[i] += new string((char)random.Next(0x20, 0x3000), random.Next(1_000, 20_000)); break;
                case 7: lines.Insert(i, Fragments[random.Next(Fragments.Length)] + Fragments[random.Next(Fragments.Length)]); break;
                case 8: lines[i] = new string(' ', random.Next(0, 9)) + lines[i]; break;
                default: lines[i] = lines[i].Length > 0 ? lines[i][..random.Next(lines[i].Length)] : lines[i]; break;
            }
        }
        var newline = random.Next(4) switch { 0 => "\r\n", 1 => "\r", _ => "\n" };
        return string.Join(newline, lines) + (random.Next(2) == 0 ? newline : "");
    }

    private static string RandomUnicode(Random random)
    {
        var sb = new StringBuilder();
        for (var k = random.Next(1, 12); k > 0; k--)
            sb.Append(random.Next(3) == 0 ? Fragments[random.Next(Fragments.Length)] : ((char)random.Next(0, 0x10000)).ToString());
        return sb.ToString();
    }

    private static string Words(Random random, int min, int max)
    {
        string[] words = ["children", "online", "safety", "protect", "survivors", "cooperation", "Å", "données", "共同", "act", "law", "data"];
        return string.Join(' ', Enumerable.Range(0, random.Next(min, max + 1)).Select(_ => words[random.Next(words.Length)]));
    }

    private static string Truncate(string text) => text.Length <= 2_000 ? text : text[..2_000] + "…";
}
