using System.Text.RegularExpressions;

namespace WeProtect.Summit.Tests.Statements;

/// <summary>The statement texts of Statements/Corpus (copied to the test output), one per shape of the grammar and
/// mixtures, each with its expected anchors (<c>.anchors</c>), warnings (<c>.warnings</c>) and HTML (<c>.html</c>)
/// beside it. An expectation that differs (or is missing) fails the test and leaves what was found as
/// <c>NAME.KIND.actual</c> next to the expected file in the source folder, to be read and, when right, renamed.</summary>
internal static partial class StatementCorpus
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Statements", "Corpus");

    public static IReadOnlyList<string> Names =>
        Directory.GetFiles(Folder, "*.md").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal).ToArray();

    public static TheoryData<string> Theory => new(Names);

    public static string Text(string name) => File.ReadAllText(Path.Combine(Folder, name + ".md"));

    /// <summary>Compares each (kind, actual) with its expected file; fails once, after leaving every difference.</summary>
    public static void Expect(string name, params (string Kind, string Actual)[] found)
    {
        var failures = new List<string>();
        foreach (var (kind, actual) in found)
        {
            var expectedPath = Path.Combine(Folder, $"{name}.{kind}");
            var expected = File.Exists(expectedPath) ? File.ReadAllText(expectedPath) : null;
            if (expected == actual) continue;
            if (SourceFolder() is { } source) File.WriteAllText(Path.Combine(source, $"{name}.{kind}.actual"), actual);
            failures.Add(expected is null
                ? $"{name}.{kind} is missing; what was found is in {name}.{kind}.actual:\n{actual}"
                : $"{name}.{kind} differs from what was found ({name}.{kind}.actual):\nexpected:\n{expected}\nactual:\n{actual}");
        }
        if (failures.Count > 0) Assert.Fail(string.Join("\n\n", failures));
    }

    /// <summary>HTML with one element per line, white space collapsed: stable to compare and readable to review.</summary>
    public static string Normalise(string html)
    {
        var collapsed = Whitespace().Replace(html, " ").Replace("> <", "><").Trim();
        return BlockStart().Replace(collapsed, "\n$0").TrimStart('\n') + "\n";
    }

    private static string? SourceFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "WeProtect.Summit.Tests", "Statements", "Corpus");
            if (Directory.Exists(candidate)) return candidate;
            if (dir.Name == "WeProtect.Summit.Tests" && Directory.Exists(Path.Combine(dir.FullName, "Statements", "Corpus")))
                return Path.Combine(dir.FullName, "Statements", "Corpus");
        }
        return null;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"<(?:article|section|h[23]|p|ul|ol|li|div|/article|/section|/ul|/ol)\b")]
    private static partial Regex BlockStart();
}
