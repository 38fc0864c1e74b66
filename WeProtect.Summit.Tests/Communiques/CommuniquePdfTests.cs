using System.Globalization;
using WeProtect.Summit.Data.Endorsements;
using WeProtect.Summit.Data.Organisations;
using WeProtect.Summit.Data.Statements;
using WeProtect.Summit.Tests.Statements;
using WeProtect.Summit.Web.Infrastructure;
using WeProtect.Summit.Web.Pdf;

namespace WeProtect.Summit.Tests.Communiques;

/// <summary>The communiqué PDF itself, rendered and signed outside the app: read back by PdfPig, checked by pdfsig
/// and by the in-process verifier.</summary>
public sealed class CommuniquePdfTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "weprotect-pdf-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }

    private SigningCertificates Certificates() => new(
        new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build(), new DataFolder(folder));

    /// <summary>Names from every sector, with the diacritics the fonts must carry, listed out of order.</summary>
    internal static IReadOnlyList<Signatory> Signatories(int extra = 0)
    {
        var list = new List<Signatory>();
        void Add(string formal, string sort, Sector sector) =>
            list.Add(new Signatory(list.Count + 1, formal, sort, sector, list.Count + 1, new DateTime(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc), "Printed Name", "Minister"));
        Add("Türkiye", "Türkiye", Sector.Government);
        Add("Republic of Côte d'Ivoire", "Côte d'Ivoire", Sector.Government);
        Add("Democratic Republic of São Tomé and Príncipe", "São Tomé and Príncipe", Sector.Government);
        Add("People's Republic of China", "China", Sector.Government);
        Add("Kingdom of Norway", "Norway", Sector.Government);
        Add("International Criminal Police Organization (INTERPOL)", "INTERPOL", Sector.InternationalOrganisation);
        Add("United Nations Children's Fund (UNICEF)", "UNICEF", Sector.InternationalOrganisation);
        Add("Zeta Online Services Ltd", "Zeta Online Services", Sector.PrivateSector);
        Add("Ärzte für Kinderschutz e.V.", "Ärzte für Kinderschutz", Sector.CivilSociety);
        Add("ECPAT International", "ECPAT International", Sector.CivilSociety);
        for (var i = 0; i < extra; i++) Add($"Ministry Number{i:D4} of Examplestan", $"Examplestan {i:D4}", Sector.Government);
        return AgreedBy.Order(list, CultureInfo.InvariantCulture.CompareInfo);
    }

    internal static CommuniqueContent Content(string text, IReadOnlyList<Signatory> signatories)
    {
        var parsed = StatementParser.Parse(text);
        Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors));
        return new CommuniqueContent("Global Summit to Tackle Online Child Sexual Exploitation", "11–12 December 2024 · Abu Dhabi, United Arab Emirates",
            parsed.Document!, 3, parsed.Hash, signatories, new DateTime(2026, 11, 24, 10, 30, 0, DateTimeKind.Utc),
            TimeZoneInfo.FindSystemTimeZoneById("Asia/Dubai"));
    }

    /// <summary>The 2024-shaped text with every item made several lines long and more sections: many pages.</summary>
    internal static string LongText()
    {
        var lines = new List<string> { "# A Very Long Call to Action", "", "Preamble paragraph " + string.Join(" ", Enumerable.Range(1, 120).Select(i => $"word{i}")) + ".", "" };
        for (var s = 1; s <= 4; s++)
        {
            lines.Add($"## Section {s} delegates pledge to {{audience=all}}");
            lines.Add("");
            for (var c = 1; c <= 8; c++)
            {
                lines.Add($"{c}. **Commitment S{s}C{c} with a title**");
                for (var i = 0; i < 4; i++)
                    lines.Add($"   {(char)('a' + i)}. Item S{s}C{c}{(char)('a' + i)} begins " + string.Join(" ", Enumerable.Range(1, 45).Select(w => $"w{s}{c}{i}x{w}")) + $" ends S{s}C{c}{(char)('a' + i)}.");
            }
            lines.Add("");
        }
        return string.Join("\n", lines) + "\n";
    }

    [Fact]
    public async Task A_signed_communique_is_valid_for_pdfsig_and_lists_every_signatory_once_in_order()
    {
        var signatories = Signatories();
        var content = Content(StatementExample.CallToAction2024, signatories);
        using var certificate = Certificates().Current();
        var pdf = PdfSigner.Sign(CommuniquePdf.Render(content), certificate);

        var report = await PdfTools.PdfsigAsync(pdf);
        Assert.Contains("Signature is Valid.", report);
        Assert.Contains("WeProtect Summit development signing", report);
        Assert.Contains("Total document signed", report);
        Assert.Contains("Certificate Validation: Certificate issuer is unknown.", report); // self-signed: untrusted, as expected
        Assert.DoesNotContain("Certificate is Trusted", report);

        var words = PdfTools.Words(pdf);
        var positions = signatories.Select(s =>
        {
            Assert.True(PdfTools.CountPhrase(words, s.FormalName) == 1, $"\"{s.FormalName}\" should appear exactly once");
            return PdfTools.PositionOf(words, s.FormalName);
        }).ToList();
        Assert.Equal(positions.Order(), positions);
        Assert.Contains(content.ContentHash, words);
        Assert.Contains("Agreed by:", words);
        foreach (var heading in new[] { "Governments", "International organisations", "Private sector", "Civil society" })
            Assert.Contains(heading, words);
        Assert.True(words.IndexOf("Governments", StringComparison.Ordinal) < words.IndexOf("International organisations", StringComparison.Ordinal));
        Assert.Contains("Signatories: 10", words);
        Assert.Contains("Statement version: 3", words);
        Assert.Contains("24 November 2026, 10:30 UTC (24 November 2026, 14:30 Asia/Dubai)", words);
        Assert.Contains("Global Summit to Tackle Online Child Sexual Exploitation", words);
        Assert.Contains("Abu Dhabi, United Arab Emirates", words);

        var check = PdfSignatureVerifier.Verify(pdf);
        Assert.True(check.IsValid, check.Problem);
        Assert.Equal(certificate.Thumbprint, check.SignerThumbprint);
    }

    [Fact]
    public void A_long_text_flows_over_many_pages_with_nothing_cut_off_and_numbered_pages()
    {
        var content = Content(LongText(), Signatories(extra: 150));
        var pdf = CommuniquePdf.Render(content);
        var pages = PdfTools.PageCount(pdf);
        Assert.True(pages >= 8, $"{pages} pages");
        var footers = PdfTools.Footers(pdf);
        for (var i = 0; i < pages; i++) Assert.EndsWith($"Page {i + 1} of {pages}", footers[i]);

        var body = PdfTools.BodyWords(pdf);
        foreach (var section in content.Document.Sections)
        {
            Assert.Equal(1, PdfTools.CountPhrase(body, section.Heading));
            foreach (var commitment in section.Commitments)
            {
                Assert.Contains($"{commitment.Number}. {commitment.Title}", body);
                foreach (var item in commitment.Items)
                    Assert.True(PdfTools.CountPhrase(body, $"{item.Letter}. {item.Text}") == 1, $"item {item.Text[..20]} should be printed whole, once");
            }
        }
        foreach (var s in content.Signatories) Assert.Equal(1, PdfTools.CountPhrase(body, s.FormalName));
    }

    [Fact]
    public void The_development_certificate_is_created_once_outside_the_repository_and_reused()
    {
        var certificates = Certificates();
        using var first = certificates.Current();
        using var second = certificates.Current();
        Assert.True(first.SelfSigned);
        Assert.Equal(first.Thumbprint, second.Thumbprint);
        Assert.Equal(SigningCertificates.DevelopmentSubject, first.Subject);
        Assert.True(first.Certificate.HasPrivateKey);
        Assert.Equal(3072, System.Security.Cryptography.X509Certificates.RSACertificateExtensions.GetRSAPublicKey(first.Certificate)!.KeySize);
        var usage = first.Certificate.Extensions.OfType<System.Security.Cryptography.X509Certificates.X509KeyUsageExtension>().Single();
        Assert.True(usage.KeyUsages.HasFlag(System.Security.Cryptography.X509Certificates.X509KeyUsageFlags.DigitalSignature));
        Assert.StartsWith(folder, certificates.DevelopmentPfxPath);
        Assert.True(File.Exists(certificates.DevelopmentPfxPath));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(certificates.DevelopmentPfxPath));
        // A new instance (a restart) reuses the stored certificate.
        using var afterRestart = Certificates().Current();
        Assert.Equal(first.Thumbprint, afterRestart.Thumbprint);
    }

    [Fact]
    public void The_verifier_reports_tampering_truncation_and_garbage_without_throwing()
    {
        using var certificate = Certificates().Current();
        var pdf = PdfSigner.Sign(CommuniquePdf.Render(Content(StatementExample.Canonical, Signatories())), certificate);
        Assert.True(PdfSignatureVerifier.Verify(pdf).IsValid);

        // One byte changed in the signed range (the middle of the file's first half).
        var tampered = (byte[])pdf.Clone();
        tampered[pdf.Length / 4] ^= 0x01;
        var check = PdfSignatureVerifier.Verify(tampered);
        Assert.False(check.IsValid);
        Assert.NotNull(check.Problem);

        var truncated = pdf[..(pdf.Length * 3 / 4)];
        Assert.False(PdfSignatureVerifier.Verify(truncated).IsValid);

        var appended = pdf.Concat("\n% appended\n"u8.ToArray()).ToArray();
        var appendedCheck = PdfSignatureVerifier.Verify(appended);
        Assert.False(appendedCheck.IsValid);
        Assert.False(appendedCheck.CoversWholeFile);

        Assert.False(PdfSignatureVerifier.Verify("hello, world"u8.ToArray()).LooksLikePdf);
        Assert.False(PdfSignatureVerifier.Verify([]).IsValid);
        Assert.False(PdfSignatureVerifier.Verify(CommuniquePdf.Render(Content(StatementExample.Canonical, []))).SignaturePresent);
        var random = new byte[5000];
        new Random(8).NextBytes(random);
        "%PDF-"u8.CopyTo(random);
        Assert.False(PdfSignatureVerifier.Verify(random).IsValid);
    }
}
