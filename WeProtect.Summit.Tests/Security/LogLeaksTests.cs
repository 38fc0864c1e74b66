namespace WeProtect.Summit.Tests.Security;

/// <summary>The rule every test app applies to all it logged (see <see cref="LogLeaks"/>) catches what it is for.</summary>
public class LogLeaksTests
{
    [Theory]
    [InlineData("Information Summit: registration 12 approved for delegate anna.example@gov.example.org")]
    [InlineData("Warning Summit: passport AB1234567 rejected")]
    [InlineData("Warning Summit: bad input \u001b[31m")]
    [InlineData("Information Summit: signed by Minister Anna Example")]
    public void A_line_with_personal_data_or_an_escape_is_a_leak(string line) =>
        Assert.Single(LogLeaks.In([line, "Information Summit: registration 12 approved"], ["Minister Anna Example"]));

    [Fact]
    public void Ids_and_short_values_are_not_leaks() =>
        Assert.Empty(LogLeaks.In(["Information Summit: registration 12 approved by user 7f3c", "Warning Summit: booking 4 waits"], ["Ann", "7f3c"]));
}
