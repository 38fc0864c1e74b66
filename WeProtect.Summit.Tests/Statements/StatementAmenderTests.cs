using WeProtect.Summit.Data.Statements;

namespace WeProtect.Summit.Tests.Statements;

public class StatementAmenderTests
{
    private static StatementDocument Amend(string anchor, string wording, string? text = null)
    {
        var outcome = StatementAmender.Apply(text ?? StatementExample.Canonical, anchor, wording);
        Assert.True(outcome.Succeeded, outcome.Refusal);
        return outcome.Result!.Document!;
    }

    private static string Refusal(string anchor, string? wording, string? text = null)
    {
        var outcome = StatementAmender.Apply(text ?? StatementExample.Canonical, anchor, wording);
        Assert.False(outcome.Succeeded);
        Assert.Null(outcome.Result);
        return outcome.Refusal!;
    }

    private static readonly StatementDocument Before = StatementParser.Parse(StatementExample.Canonical).Document!;

    [Fact]
    public void An_item_takes_the_new_wording_and_nothing_else_changes()
    {
        var outcome = StatementAmender.Apply(StatementExample.Canonical, "government-1.b", "Share what works, openly and safely.");
        var after = outcome.Result!.Document!;
        Assert.Equal("Share what works, openly and safely.", after.Sections[0].Commitments[0].Items[1].Text);
        Assert.Equal(Before.Anchors(), after.Anchors());
        Assert.Equal(Before.Sections[0].Commitments[0].Items[0], after.Sections[0].Commitments[0].Items[0]);
        Assert.Equal(Before.Sections[0].Commitments[1].Items.Select(i => i.Text), after.Sections[0].Commitments[1].Items.Select(i => i.Text));
        Assert.Equal(Before.Preamble.Select(p => p.Text + string.Join("|", p.Bullets)), after.Preamble.Select(p => p.Text + string.Join("|", p.Bullets)));
        Assert.Contains("   b. Share what works, openly and safely.\n", outcome.Result.Canonical);
        Assert.True(StatementText.IsCanonical(outcome.Result.Canonical));
    }

    [Fact]
    public void A_multi_line_item_becomes_one_line_and_the_next_item_stays()
    {
        var text = StatementExample.Canonical.Replace("   b. Share what works, with", "   b. Share what works,\n      with");
        Assert.Contains("Share what works, with data", StatementParser.Parse(text).Document!.Sections[0].Commitments[0].Items[1].Text);
        var after = Amend("government-1.a", "Work together\nacross borders.", text);
        Assert.Equal("Work together across borders.", after.Sections[0].Commitments[0].Items[0].Text);
        Assert.Equal(Before.Sections[0].Commitments[0].Items[1].Text, after.Sections[0].Commitments[0].Items[1].Text);
        after = Amend("government-1.b", "Share evidence.", text);
        Assert.Equal("Share evidence.", after.Sections[0].Commitments[0].Items[1].Text);
        Assert.Equal("Support victims and survivors", after.Sections[0].Commitments[1].Title);
    }

    [Fact]
    public void A_commitment_title_a_heading_and_preamble_blocks_can_be_amended()
    {
        Assert.Equal("Strengthen *international* cooperation", Amend("government-1", "Strengthen *international* cooperation").Sections[0].Commitments[0].Title);
        var section = Amend("government", "Governments commit to").Sections[0];
        Assert.Equal(("Governments commit to", StatementAudience.Government, "government"), (section.Heading, section.Audience, section.Anchor));
        Assert.Equal("We recognise a global crime.", Amend("preamble-1", "We recognise a global crime.").Preamble[0].Text);
        var bullets = Amend("preamble-2", "- It crosses borders.\n- It grows.\nNo one can end it alone.").Preamble[1];
        Assert.Equal(["It crosses borders.", "It grows.", "No one can end it alone."], bullets.Bullets);
    }

    [Fact]
    public void The_last_item_of_the_last_commitment_is_amended_at_the_end_of_the_text()
    {
        var outcome = StatementAmender.Apply(StatementExample.Canonical, "government-2.a", "Fund survivor-led services.");
        Assert.EndsWith("   a. Fund survivor-led services.\n", outcome.Result!.Canonical);
    }

    [Theory]
    [InlineData("government-9.z", "Anything", "not a part of this version")]
    [InlineData("", "Anything", "Choose the part")]
    [InlineData("government-1.a", "", "Write the new wording")]
    [InlineData("government-1.a", "   \n  ", "Write the new wording")]
    [InlineData("government-1.a", "One.\n\nTwo.", "one paragraph")]
    [InlineData("preamble-1", "# A second title", "break the statement's format")]
    [InlineData("preamble-1", "- now a list", "structure")]
    [InlineData("preamble-1", "1. **Numbered**", "structure")]
    [InlineData("preamble-1", "## Not a section", "break the statement's format")]
    [InlineData("government-1.a", "Advance national, regional and international collaboration.", "same as the text")]
    public void Bad_wording_or_a_missing_anchor_is_refused_with_a_reason(string anchor, string wording, string reason)
    {
        Assert.Contains(reason, Refusal(anchor, wording));
    }

    [Fact]
    public void Wording_longer_than_the_limit_is_refused()
    {
        Assert.Contains("longer than", Refusal("government-1.a", new string('x', Amendment.WordingMaxLength + 1)));
    }

    [Fact]
    public void Inline_markup_in_wording_stays_text_and_never_throws()
    {
        foreach (var wording in new[] { "<script>alert(1)</script>", "**bold** and _it_", "a. b. c.", "}{audience=x}", "`code`", "[x](javascript:alert(1))" })
        foreach (var anchor in Before.Anchors())
        {
            var outcome = StatementAmender.Apply(StatementExample.Canonical, anchor, wording);
            Assert.True(outcome.Succeeded || outcome.Refusal is { Length: > 0 });
            if (outcome.Succeeded) Assert.Equal(Before.Anchors(), outcome.Result!.Document!.Anchors());
        }
    }

    [Fact]
    public void Every_anchor_of_a_call_to_action_takes_new_wording_and_keeps_every_other_part()
    {
        var before = StatementParser.Parse(StatementExample.CallToAction2024);
        Assert.True(before.IsValid);
        var anchors = before.Document!.Anchors().ToList();
        foreach (var anchor in anchors)
        {
            var list = before.Document.Preamble.Any(p => p.Anchor == anchor && p.Kind == PreambleBlockKind.BulletList);
            var wording = (list ? "- " : "") + "New wording for " + anchor;
            var outcome = StatementAmender.Apply(before.Canonical, anchor, wording);
            Assert.True(outcome.Succeeded, $"{anchor}: {outcome.Refusal}");
            Assert.Equal(anchors, outcome.Result!.Document!.Anchors());
            Assert.Contains("New wording for " + anchor, outcome.Result.Canonical);
        }
    }
}
