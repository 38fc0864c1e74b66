using WeProtect.Summit.Data.Reporting;

namespace WeProtect.Summit.Tests.Reporting;

/// <summary>A submission's hash: the SHA-256 of one canonical form, whatever the order of its entries.</summary>
public class ReportHashTests
{
    private static ProgressEntry Entry(int statement, string anchor, CommitmentStatus status, string narrative = "", string links = "")
    {
        var entry = new ProgressEntry(statement, anchor);
        Assert.Null(entry.Set(status, narrative, links));
        return entry;
    }

    [Fact]
    public void The_hash_is_the_sha256_of_the_canonical_form_in_statement_and_anchor_order()
    {
        var a = Entry(1, "all-1", CommitmentStatus.Achieved, "Done **well**.", "https://example.org/a");
        var b = Entry(1, "all-1.a", CommitmentStatus.InProgress);
        var canonical = ReportHash.Canonical(3, 4, 1, [b, a]);
        Assert.Equal("[3,4,1,[[1,\"all-1\",\"Achieved\",\"Done **well**.\",[\"https://example.org/a\"]],[1,\"all-1.a\",\"InProgress\",\"\",[]]]]", canonical);
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(canonical)));
        Assert.Equal(expected, ReportHash.Of(3, 4, 1, [a, b]));
        Assert.Equal(ReportHash.Of(3, 4, 1, [a, b]), ReportHash.Of(3, 4, 1, [b, a]));
    }

    [Fact]
    public void Any_change_of_status_narrative_link_or_submission_number_changes_the_hash()
    {
        var hash = ReportHash.Of(1, 1, 1, [Entry(1, "all-1", CommitmentStatus.Achieved, "x", "https://example.org")]);
        Assert.NotEqual(hash, ReportHash.Of(1, 1, 1, [Entry(1, "all-1", CommitmentStatus.InProgress, "x", "https://example.org")]));
        Assert.NotEqual(hash, ReportHash.Of(1, 1, 1, [Entry(1, "all-1", CommitmentStatus.Achieved, "y", "https://example.org")]));
        Assert.NotEqual(hash, ReportHash.Of(1, 1, 1, [Entry(1, "all-1", CommitmentStatus.Achieved, "x", "https://example.org/2")]));
        Assert.NotEqual(hash, ReportHash.Of(1, 1, 2, [Entry(1, "all-1", CommitmentStatus.Achieved, "x", "https://example.org")]));
    }

    [Fact]
    public void Narratives_are_hashed_in_NFC_and_links_must_be_web_addresses()
    {
        Assert.Equal(ReportHash.Of(1, 1, 1, [Entry(1, "all-1", CommitmentStatus.Achieved, "Cafe\u0301")]),
            ReportHash.Of(1, 1, 1, [Entry(1, "all-1", CommitmentStatus.Achieved, "Caf\u00e9")]));
        var entry = new ProgressEntry(1, "all-1");
        Assert.Contains("not a web address", entry.Set(CommitmentStatus.Achieved, "", "javascript:alert(1)"));
        Assert.Contains("not a web address", entry.Set(CommitmentStatus.Achieved, "", "example.org/report"));
        Assert.Equal(CommitmentStatus.NotStarted, entry.Status);
    }
}
