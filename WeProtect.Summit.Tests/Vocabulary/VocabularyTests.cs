using System.Text.RegularExpressions;
using System.Xml.Linq;
using WeProtect.Summit.Data.Desks;
using WeProtect.Summit.Data.Organisations;
using WeProtect.Summit.Data.Registrations;
using WeProtect.Summit.Data.Statements;
using WeProtect.Summit.Data.Vocabulary;

namespace WeProtect.Summit.Tests.Vocabulary;

/// <summary>The one vocabulary (<see cref="Words"/>): every value people read has its words, the plurals exist,
/// and status sentences are grammatical.</summary>
public class VocabularyTests
{
    /// <summary>Enums of the data model that people never read (internal states of the code).</summary>
    private static readonly Type[] Internal =
    [
        typeof(Data.Desks.DeskAnswer), typeof(Data.Desks.DeskRefusal), typeof(PreambleBlockKind), typeof(BadgeDesk.CheckInOutcome),
        typeof(BadgeDesk.SearchMatch), // said through its own phrases ("found by e-mail address"), not a name
    ];

    [Fact]
    public void Every_value_of_every_user_facing_enum_has_its_user_facing_name()
    {
        var missing = Words.UserFacing.SelectMany(type => Enum.GetValues(type).Cast<Enum>())
            .Where(value => !Words.Has(value)).Select(value => $"{value.GetType().Name}.{value}").ToList();
        Assert.True(missing.Count == 0, "No user-facing name for: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_public_enum_of_the_model_is_either_user_facing_or_named_internal()
    {
        var enums = typeof(Data.SummitDbContext).Assembly.GetTypes().Where(t => t.IsEnum && t.IsVisible);
        var undecided = enums.Except(Words.UserFacing).Except(Internal).Select(t => t.FullName).ToList();
        Assert.True(undecided.Count == 0, "Add these enums to Words.UserFacing (with their names) or to the internal list here: " + string.Join(", ", undecided));
    }

    [Fact]
    public void Every_kind_of_letter_has_a_name_the_organisers_read()
    {
        var kinds = typeof(Data.Notifications.NotificationKinds).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();
        Assert.True(kinds.Count > 20, $"{kinds.Count} kinds");
        Assert.DoesNotContain(kinds, kind => Data.Notifications.NotificationKinds.Label(kind) == kind);
        Assert.Equal(kinds.Count, kinds.Select(Data.Notifications.NotificationKinds.Label).Distinct().Count());
    }

    [Fact]
    public void Names_are_words_not_code_identifiers()
    {
        foreach (var value in Words.UserFacing.SelectMany(type => Enum.GetValues(type).Cast<Enum>()))
        {
            var name = typeof(Words).GetMethod(nameof(Words.Name))!.MakeGenericMethod(value.GetType()).Invoke(null, [value]) as string;
            Assert.False(string.IsNullOrWhiteSpace(name), $"{value.GetType().Name}.{value}");
            // "OpenForSignature", "HeadOfDelegation": an identifier shown as it is would have a capital inside a word.
            // (Brand names spelt with an inner capital are the exception.)
            Assert.DoesNotMatch(@"\p{Ll}\p{Lu}", name!.Replace("PowerPoint", "", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Sectors_and_categories_have_a_singular_and_a_plural()
    {
        Assert.Equal(["Government", "International organisation", "Private sector", "Civil society"], Enum.GetValues<Sector>().Select(s => s.Name()));
        Assert.Equal(["Governments", "International organisations", "Private sector", "Civil society"], Enum.GetValues<Sector>().Select(s => s.Plural()));
        Assert.Equal("Heads of delegation", DelegateCategory.HeadOfDelegation.Plural());
        Assert.All(Enum.GetValues<DelegateCategory>(), c => Assert.False(string.IsNullOrWhiteSpace(c.Plural())));
        // The older helpers read the same words.
        Assert.All(Enum.GetValues<Sector>(), s => Assert.Equal((s.Name(), s.Plural()), (s.DisplayName(), s.Heading())));
        Assert.All(Enum.GetValues<DelegateCategory>(), c => Assert.Equal(c.Name(), c.DisplayName()));
        Assert.Equal(("Administrator", "Organiser"), (Words.RoleName(Roles.Admin), Words.RoleName(Roles.Organiser)));
    }

    [Theory]
    [InlineData(StatementStatus.Draft, "The statement is now a draft.")]
    [InlineData(StatementStatus.Consultation, "The statement is now in consultation.")]
    [InlineData(StatementStatus.Final, "The statement is now final.")]
    [InlineData(StatementStatus.OpenForSignature, "The statement is now open for signature.")]
    [InlineData(StatementStatus.Closed, "The statement is now closed.")]
    [InlineData(StatementStatus.Published, "The statement is now published.")]
    public void Status_sentences_are_grammatical(StatementStatus status, string sentence) =>
        Assert.Equal(sentence, $"The statement is now {status.InSentence()}.");

    /// <summary>Words for the second step of a log-in that the product does not use: the English (an id such as
    /// "needs-two-factor" or a page name such as "LoginWith2fa" is code, not words, and does not match), and each
    /// translation's rendering of "two-factor authentication".</summary>
    private static readonly Dictionary<string, Regex> NotTwoStep = new()
    {
        [""] = new(@"(?<![\w-])two[\s-]+factor(?![\w-])|(?<![\w.-])2fa(?![\w-])", RegexOptions.IgnoreCase),
        ["fr"] = new("deux facteurs|double authentification", RegexOptions.IgnoreCase),
        ["es"] = new("dos factores|autenticación en dos pasos", RegexOptions.IgnoreCase),
        ["ar"] = new("المصادقة الثنائية|ثنائية العامل"),
    };

    /// <summary>How each translation says "two-step verification" (SharedResource.*.resx, "Two-step verification").</summary>
    private static readonly Dictionary<string, string> TwoStepIn = new() { ["fr"] = "deux étapes", ["es"] = "dos pasos", ["ar"] = "بخطوتين" };

    [Fact]
    public void Two_step_verification_is_the_one_name_of_the_second_step_in_pages_messages_letters_and_PDFs()
    {
        Assert.Equal("Two-step verification", Words.TwoStepVerification);
        Assert.Equal(Words.TwoStepVerification, Words.TwoStepVerificationInSentence, StringComparer.OrdinalIgnoreCase);
        Assert.EndsWith(Words.TwoStepVerification, Words.TwoStepVerificationPlace);
        var root = WeProtect.Summit.Tests.Statements.StatementExample.RepositoryRoot();
        var files = new[] { "WeProtect.Summit.Web", "WeProtect.Summit.Data" }
            .SelectMany(project => Directory.EnumerateFiles(Path.Combine(root, project), "*", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")
                && !f.Contains($"{Path.DirectorySeparatorChar}lib{Path.DirectorySeparatorChar}"))
            .Where(f => Path.GetExtension(f) is ".cs" or ".cshtml" or ".js" or ".html" or ".txt")
            .ToList();
        Assert.Contains(files, f => f.EndsWith("Report.cshtml", StringComparison.Ordinal)); // the scan sees the pages
        var found = new List<string>();
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            // Comments are for developers; what is left (markup, string literals, identifiers) is what can reach people.
            text = Regex.Replace(text, @"@\*.*?\*@|<!--.*?-->", "", RegexOptions.Singleline);
            var lines = text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var code = Regex.Replace(lines[i], @"^\s*//.*$", "");
                if (NotTwoStep[""].Match(code) is { Success: true } m)
                    found.Add($"{Path.GetRelativePath(root, file)}:{i + 1}: {m.Value}");
            }
        }
        foreach (var resx in Directory.EnumerateFiles(Path.Combine(root, "WeProtect.Summit.Web", "Localization"), "SharedResource*.resx"))
        {
            var language = Path.GetFileNameWithoutExtension(resx) is var name && name.Contains('.') ? name[(name.IndexOf('.') + 1)..] : "";
            foreach (var data in XDocument.Load(resx).Root!.Elements("data"))
            {
                var key = (string)data.Attribute("name")!;
                var value = (string?)data.Element("value") ?? "";
                if (NotTwoStep[""].IsMatch(key)) found.Add($"{Path.GetFileName(resx)}: the key \"{key}\"");
                if (NotTwoStep.GetValueOrDefault(language) is { } other && other.IsMatch(value)) found.Add($"{Path.GetFileName(resx)}: \"{value}\"");
                // Every translated sentence about it uses the translation's one term.
                if (TwoStepIn.GetValueOrDefault(language) is { } term && key.Contains("two-step verification", StringComparison.OrdinalIgnoreCase)
                    && !value.Contains(term, StringComparison.OrdinalIgnoreCase))
                    found.Add($"{Path.GetFileName(resx)}: \"{key}\" is translated without \"{term}\": \"{value}\"");
            }
        }
        Assert.True(found.Count == 0, $"Say \"{Words.TwoStepVerificationInSentence}\" (Words.TwoStepVerification) instead:\n" + string.Join("\n", found));
    }

    [Fact]
    public void The_check_for_the_other_term_catches_it_and_spares_code()
    {
        var english = NotTwoStep[""];
        Assert.Matches(english, "Turn on two-factor authentication before signing.");
        Assert.Matches(english, "Two factor authentication");
        Assert.Matches(english, "confirmed · 2FA");
        Assert.DoesNotMatch(english, "<p id=\"needs-two-factor\">");
        Assert.DoesNotMatch(english, "RedirectToPage(\"./LoginWith2fa\")");
        Assert.DoesNotMatch(english, "<a id=\"disable-2fa-link\">");
        Assert.DoesNotMatch(english, "\"account.2fa-enabled\"");
        Assert.Matches(NotTwoStep["fr"], "l'authentification à deux facteurs");
    }

    [Fact]
    public void A_refused_step_is_worded_with_the_vocabulary()
    {
        var statement = new Statement { Title = "T", SummitId = 1 };
        var refusal = statement.MoveTo(StatementStatus.Published);
        Assert.Equal("The statement is a draft: it cannot move to “Published”.", refusal?.ToString());
        // The status and the step are values of their own, each said by its label's key.
        Assert.Equal("{0}: it cannot move to “{1}”.", refusal!.Template);
        Assert.Equal(["The statement is a draft", "Published"], refusal.Arguments.Select(a => ((DeskText)a!).Template));
    }
}
