using WeProtect.Summit.Data.Statements;

namespace WeProtect.Summit.Tests.Support;

/// <summary>Statements for tests, made through the entity's own methods: one version of the given text, then every
/// status step up to the one asked for.</summary>
public static class StatementData
{
    /// <summary>A statement of the summit with <paramref name="text"/> as version 1, moved to <paramref name="status"/>.
    /// The statement's title is its text's <c>#</c> line; a <paramref name="title"/> given replaces that line.
    /// <paramref name="configure"/> sets fields first (window, embargo…); a statement that passes through
    /// OpenForSignature without a window gets one from an hour ago to a week ahead.</summary>
    public static Task<(Statement Statement, StatementVersion Version)> CreateStatementAsync(this SummitAppFactory app, int summitId,
        StatementStatus status, string text, string? title = null, Action<Statement>? configure = null) =>
        app.WithDbAsync(async db =>
        {
            var now = app.UtcNow;
            var statement = new Statement { SummitId = summitId, Kind = StatementKind.StatementOfAction, Title = title ?? "Working title", CreatedUtc = now };
            configure?.Invoke(statement);
            if (title is not null) text = WithTitle(text, title);
            var parsed = StatementParser.Parse(text);
            Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors));
            var (version, refusal) = statement.AddVersion(parsed, null, "Drafter", "First draft", now);
            Assert.True(version is not null, refusal?.ToString());
            db.Statements.Add(statement);
            await db.SaveChangesAsync();
            foreach (var step in StepsTo(status))
            {
                if (step == StatementStatus.OpenForSignature && statement.SigningOpensUtc is null)
                    (statement.SigningOpensUtc, statement.SigningClosesUtc) = (now.AddHours(-1), now.AddDays(7));
                Assert.Null(step == StatementStatus.Closed ? statement.CloseSigning(now) : statement.MoveTo(step));
            }
            await db.SaveChangesAsync();
            return (statement, version!);
        });

    /// <summary>The text with its first "# " line made "# <paramref name="title"/>".</summary>
    public static string WithTitle(string text, string title)
    {
        var lines = text.Split('\n');
        var at = Array.FindIndex(lines, l => l.StartsWith("# ", StringComparison.Ordinal));
        Assert.True(at >= 0, "The text has no # title line");
        lines[at] = "# " + title;
        return string.Join('\n', lines);
    }

    private static IEnumerable<StatementStatus> StepsTo(StatementStatus to) => to switch
    {
        StatementStatus.Draft => [],
        StatementStatus.Consultation => [StatementStatus.Consultation],
        _ => Enum.GetValues<StatementStatus>().Where(s => s is > StatementStatus.Consultation && s <= to),
    };
}
