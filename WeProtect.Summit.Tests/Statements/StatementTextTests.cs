using System.Diagnostics;
using System.Text;
using WeProtect.Summit.Data.Statements;

namespace WeProtect.Summit.Tests.Statements;

public class StatementTextTests
{
    [Theory]
    [InlineData("a\r\nb\r\n", "a\nb\n")]
    [InlineData("a\rb\r", "a\nb\n")]
    [InlineData("a\r\n\rb", "a\n\nb\n")]
    [InlineData("a  \t\nb \n", "a\nb\n")]
    [InlineData("  indented stays  \n", "  indented stays\n")]
    [InlineData("no final newline", "no final newline\n")]
    [InlineData("extra\n\n\n", "extra\n")]
    [InlineData("extra\n  \n\t\n \r\n", "extra\n")]
    [InlineData("a\n\n\nb\n", "a\n\n\nb\n")]
    [InlineData("a\n   \nb", "a\n\nb\n")]
    [InlineData("", "")]
    [InlineData("\n\n", "")]
    [InlineData(" \t \r\n", "")]
    [InlineData("\uFEFF# Title\n", "# Title\n")]
    [InlineData("a\u00A0\n", "a\u00A0\n")] // only spaces and tabs are trimmed
    public void Canonicalises(string raw, string expected)
    {
        Assert.Equal(expected, StatementText.Canonicalise(raw));
    }

    [Fact]
    public void Composes_to_NFC()
    {
        var nfd = "Cr\u0065\u0301che\n"; // e + combining acute
        var canonical = StatementText.Canonicalise(nfd);
        Assert.Equal("Cr\u00E9che\n", canonical);
        Assert.True(canonical.IsNormalized(NormalizationForm.FormC));
        Assert.Equal(StatementText.Hash("Cr\u00E9che\n"), StatementText.Hash(canonical));
    }

    [Fact]
    public void Replaces_a_lone_surrogate_instead_of_throwing()
    {
        Assert.Equal("a\uFFFDb\n", StatementText.Canonicalise("a\uD800b"));
        Assert.Equal("\U0001F600\n", StatementText.Canonicalise("\U0001F600"));
    }

    [Theory]
    [InlineData("a\r\nb  \r\n\r\n")]
    [InlineData("  \u0065\u0301\t\r\r\n x")]
    [InlineData("\uFEFF\uFEFF x \n")]
    [InlineData("\u1100\u1161\u11A8 \n\u0301")] // Hangul jamo compose; a combining mark after a line break
    [InlineData("\uD83D")]
    public void Is_idempotent(string raw)
    {
        var once = StatementText.Canonicalise(raw);
        Assert.Equal(once, StatementText.Canonicalise(once));
        Assert.True(StatementText.IsCanonical(once));
    }

    [Fact]
    public void Is_idempotent_on_random_text()
    {
        var random = new Random(20241107);
        const string alphabet = "ab \t\r\n\u0301\u0065\u00E9\u1100\u1161\uFEFF\uD800\uDC00#*-1.";
        for (var n = 0; n < 2000; n++)
        {
            var chars = new char[random.Next(0, 40)];
            for (var i = 0; i < chars.Length; i++) chars[i] = alphabet[random.Next(alphabet.Length)];
            var once = StatementText.Canonicalise(new string(chars));
            Assert.Equal(once, StatementText.Canonicalise(once));
        }
    }

    [Fact]
    public void Hash_is_lowercase_sha256_hex_of_the_utf8_bytes()
    {
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", StatementText.Hash(""));
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", StatementText.Hash("abc"));
    }

    [Fact]
    public void The_docs_example_is_canonical_and_its_hash_is_the_documented_one()
    {
        Assert.True(StatementText.IsCanonical(StatementExample.Canonical));
        Assert.Equal(StatementExample.Hash, StatementText.Hash(StatementExample.Canonical));

        var doc = File.ReadAllText(Path.Combine(StatementExample.RepositoryRoot(), "docs", "statement-format.md"));
        Assert.Contains(StatementExample.Hash, doc);
        Assert.Contains(StatementExample.Canonical, doc.Replace("\r\n", "\n"));
    }

    [Fact]
    public void The_hash_equals_sha256sum_of_the_exported_file()
    {
        var file = Path.Combine(Path.GetTempPath(), $"statement-{Guid.NewGuid():N}.md");
        // The export writes the canonical text as UTF-8 without a byte order mark.
        File.WriteAllText(file, StatementExample.Canonical, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        try
        {
            string expected;
            if (Executable("sha256sum") is { } sha256sum)
            {
                using var process = Process.Start(new ProcessStartInfo(sha256sum, [file]) { RedirectStandardOutput = true })!;
                var output = process.StandardOutput.ReadToEnd();
                process.WaitForExit();
                Assert.Equal(0, process.ExitCode);
                expected = output.Split(' ')[0];
                Assert.Equal(StatementExample.Hash, expected); // and so the doc is right too
            }
            else
            {
                expected = StatementExample.Hash; // no sha256sum here: the constant checked in the doc
            }
            Assert.Equal(expected, StatementText.Hash(File.ReadAllText(file)));
            Assert.Equal(expected, StatementParser.Parse(StatementExample.Canonical.Replace("\n", "\r\n")).Hash);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string? Executable(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
