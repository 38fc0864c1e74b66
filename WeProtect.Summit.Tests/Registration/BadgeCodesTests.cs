namespace WeProtect.Summit.Tests.Registration;

using WeProtect.Summit.Data.Registrations; // after the namespace line: "Registration" is also this namespace

/// <summary>The badge code format: typable, case-insensitive, and a slip is never another valid code.</summary>
public class BadgeCodesTests
{
    [Fact]
    public void A_new_code_uses_only_the_unambiguous_alphabet_and_reads_back_as_itself()
    {
        for (var i = 0; i < 200; i++)
        {
            var code = BadgeCodes.New();
            Assert.Equal(BadgeCodes.Length, code.Length);
            Assert.All(code, c => Assert.Contains(c, BadgeCodes.Alphabet));
            Assert.Equal(code, BadgeCodes.Normalise(code));
        }
        Assert.DoesNotContain(BadgeCodes.Alphabet, c => "01ILOU".Contains(c));
    }

    [Fact]
    public void Case_spaces_and_dashes_do_not_matter()
    {
        var code = BadgeCodes.New();
        var printed = BadgeCodes.Display(code);
        Assert.Matches("^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$", printed);
        Assert.Equal(code, BadgeCodes.Normalise(printed.ToLowerInvariant()));
        Assert.Equal(code, BadgeCodes.Normalise(" " + string.Join(' ', printed.Split('-')) + " "));
        Assert.Equal(code, BadgeCodes.Normalise(code.ToLowerInvariant()));
    }

    [Fact]
    public void Every_single_mistyped_character_is_not_a_badge_code()
    {
        var code = BadgeCodes.New();
        for (var position = 0; position < code.Length; position++)
            foreach (var other in BadgeCodes.Alphabet.Where(c => c != code[position]))
            {
                var typo = code[..position] + other + code[(position + 1)..];
                Assert.Null(BadgeCodes.Normalise(typo));
            }
    }

    [Fact]
    public void Swapped_neighbours_are_caught_but_for_the_one_pair_Luhn_cannot_see()
    {
        var code = BadgeCodes.New();
        for (var i = 0; i < code.Length - 1; i++)
        {
            if (code[i] == code[i + 1] || (code[i] is '2' or 'Z' && code[i + 1] is '2' or 'Z')) continue;
            var swapped = code[..i] + code[i + 1] + code[i] + code[(i + 2)..];
            Assert.Null(BadgeCodes.Normalise(swapped));
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ABCD")]
    [InlineData("Qk3xYz9_aB-cDeFgHiJkLm")]
    [InlineData("OOOO-1111-IIII")]
    public void Other_shapes_are_not_badge_codes(string? typed) => Assert.Null(BadgeCodes.Normalise(typed));
}
