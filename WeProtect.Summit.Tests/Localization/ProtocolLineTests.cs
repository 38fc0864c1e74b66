using WeProtect.Summit.Data.Invitations;
using WeProtect.Summit.Web.Localization;

namespace WeProtect.Summit.Tests.Localization;

/// <summary>The one formatter of protocol details: the form of address then the office, the rank by its name, nothing
/// doubled or run together when a field is empty or repeats another, the language's separators.</summary>
public class ProtocolLineTests
{
    private static readonly LanguageTexts English = new("en");

    [Fact]
    public void Every_field_set_reads_as_protocol_offices_write_it()
    {
        var line = ProtocolLine.Of(new ProtocolDetails("Minister of Interior", "H.E. Ms", ProtocolRank.Minister, 2), "Jane Doe", "Adviser", "Republic of X", English);

        Assert.False(line.IsEmpty);
        Assert.Equal("H.E. Ms Jane Doe", line.Address);
        Assert.Equal("Minister of Interior", line.Designation);
        Assert.Equal("Minister of Interior, Republic of X", line.Office);
        Assert.Equal("Minister", line.Rank);
        Assert.Equal("Minister (protocol order 2)", line.RankAndOrder);
        Assert.Equal("H.E. Ms Jane Doe, Minister of Interior, Republic of X", line.Text);
        Assert.Equal("H.E. Ms Jane Doe (Minister) — Minister of Interior, Republic of X", line.ListEntry(isMinister: false));
    }

    [Fact]
    public void Empty_fields_leave_no_separator_and_no_double_space()
    {
        var none = ProtocolLine.Of(ProtocolDetails.None, "  Jane   Doe ", "  ", null, English);
        Assert.True(none.IsEmpty);
        Assert.Equal("Jane Doe", none.Address);
        Assert.Null(none.Office);
        Assert.Null(none.RankAndOrder);
        Assert.Equal("Jane Doe", none.Text);
        Assert.Equal("Jane Doe", none.ListEntry(isMinister: false));
        Assert.Equal("Jane Doe (Minister)", none.ListEntry(isMinister: true));

        // A blank honorific and title: the position stands in, the organisation after it.
        var blank = ProtocolLine.Of(new ProtocolDetails("", " ", ProtocolRank.None, null), "Jane Doe", "Adviser", "UNICEF", English);
        Assert.True(blank.IsEmpty);
        Assert.Equal(("Jane Doe", "Adviser, UNICEF"), (blank.Address, blank.Office));
        Assert.Equal("Jane Doe — Adviser, UNICEF", blank.ListEntry(isMinister: false));

        // Only an order; only an organisation; a nominee with no name yet: the honorific alone.
        Assert.Equal("(protocol order 7)", ProtocolLine.Of(new ProtocolDetails(null, null, ProtocolRank.None, 7), "Jane Doe", null, null, English).RankAndOrder);
        Assert.Equal("UNICEF", ProtocolLine.Of(ProtocolDetails.None, "Jane Doe", null, "UNICEF", English).Office);
        var nominee = ProtocolLine.Of(new ProtocolDetails("Ambassador to Kenya", "H.E.", ProtocolRank.Ambassador, null), null, null, "Republic of X", English);
        Assert.Equal(("H.E.", "Ambassador to Kenya, Republic of X", "Ambassador"), (nominee.Address, nominee.Office, nominee.RankAndOrder));
        Assert.Equal("H.E., Ambassador to Kenya, Republic of X", nominee.Text);

        foreach (var line in new[] { none, blank, nominee })
            foreach (var text in new[] { line.Text, line.ListEntry(true), line.ListEntry(false) })
            {
                Assert.DoesNotContain("  ", text);
                Assert.DoesNotContain(", ,", text);
                Assert.False(text.StartsWith(' ') || text.EndsWith(' ') || text.EndsWith(','), text);
            }
    }

    [Fact]
    public void A_field_that_already_holds_the_next_is_not_said_twice()
    {
        var line = ProtocolLine.Of(new ProtocolDetails("Minister of Interior, Republic of X", "H.E.", ProtocolRank.Minister, null),
            "H.E. Jane Doe", null, "Republic of X", English);
        Assert.Equal("H.E. Jane Doe", line.Address);
        Assert.Equal("Minister of Interior, Republic of X", line.Office);
    }

    [Fact]
    public void Arabic_separates_with_the_arabic_comma_and_names_the_rank_in_arabic()
    {
        var arabic = new LanguageTexts("ar");
        var line = ProtocolLine.Of(new ProtocolDetails("وزيرة الداخلية", "معالي", ProtocolRank.Minister, 3), "جين دو", null, "جمهورية س", arabic);

        Assert.Equal("معالي جين دو", line.Address);
        Assert.Equal("وزيرة الداخلية، جمهورية س", line.Office);
        Assert.Equal(arabic["Minister"], line.Rank);
        Assert.NotEqual("Minister", line.Rank);
        Assert.Equal($"معالي جين دو، وزيرة الداخلية، جمهورية س", line.Text);
        Assert.Contains(arabic.Format("(protocol order {0})", 3)[1..^1], line.RankAndOrder);
        Assert.DoesNotContain(",", line.Text + line.ListEntry(false));
        Assert.Equal($"معالي جين دو ({arabic["Minister"]}) — وزيرة الداخلية، جمهورية س", line.ListEntry(false));
    }

    [Fact]
    public void French_names_the_rank_and_the_order_in_french()
    {
        var french = new LanguageTexts("fr");
        var line = ProtocolLine.Of(new ProtocolDetails(null, null, ProtocolRank.HeadOfGovernment, 1), "Jean Dupont", "Premier ministre", "République X", french);
        Assert.Equal(french["Head of Government"], line.Rank);
        Assert.NotEqual("Head of Government", line.Rank);
        Assert.Equal($"{french["Head of Government"]} (ordre protocolaire 1)", line.RankAndOrder);
    }
}
