using WeProtect.Summit.Data.Endorsements;

namespace WeProtect.Summit.Tests.Statements;

/// <summary>An "Agreed by" list pasted as it is printed is read into the register's names: commas that belong to a name
/// stay in it, a final "and" and full stop are taken off, what the register does not hold is kept as written.</summary>
public class PrintedListTests
{
    private static readonly HashSet<string> Register = new(StringComparer.OrdinalIgnoreCase)
    {
        "Albania", "Australia", "Korea, Republic of", "Trinidad and Tobago", "Kenya", "Zambia", "UAE",
        "Trinité-et-Tobago", "Émirats arabes unis", "Italia", "الأردن", "المغرب",
    };

    [Theory]
    [InlineData("Albania, Australia, Korea, Republic of, Kenya and Zambia.", new[] { "Albania", "Australia", "Korea, Republic of", "Kenya", "Zambia" })]
    [InlineData("Albania\nkorea, republic of\n\nTrinidad and Tobago\n", new[] { "Albania", "korea, republic of", "Trinidad and Tobago" })]
    [InlineData("Australia; UAE; and Zambia", new[] { "Australia", "UAE", "Zambia" })]
    [InlineData("Albania, Atlantis and Zambia", new[] { "Albania", "Atlantis and Zambia" })]
    [InlineData("Korea, Albania, Albania", new[] { "Korea", "Albania" })]
    [InlineData(" , ;\n", new string[0])]
    [InlineData("Albania, Trinité-et-Tobago et Émirats arabes unis.", new[] { "Albania", "Trinité-et-Tobago", "Émirats arabes unis" })]
    [InlineData("Albania, Kenya y Zambia", new[] { "Albania", "Kenya", "Zambia" })]
    [InlineData("Albania, Kenya e Italia", new[] { "Albania", "Kenya", "Italia" })]
    [InlineData("الأردن، Kenya و المغرب.", new[] { "الأردن", "Kenya", "المغرب" })]
    [InlineData("Kenya y Atlantis", new[] { "Kenya y Atlantis" })]
    public void A_printed_list_is_read_into_names(string text, string[] expected) =>
        Assert.Equal(expected, PrintedList.Names(text, Register.Contains));
}
