namespace WeProtect.Summit.Data.Configurations;

/// <summary>The SQL of filtered (partial) unique indexes, written once for the three providers. A filter is raw SQL:
/// PostgreSQL folds an unquoted name to lower case (<c>RevokedUtc</c> becomes the unknown column <c>revokedutc</c>),
/// so the column is quoted the ANSI way, which SQLite and PostgreSQL read as an identifier and SQL Server too with
/// QUOTED_IDENTIFIER ON — a setting SQL Server requires for creating a filtered index anyway.</summary>
internal static class IndexFilters
{
    /// <summary>Rows whose <paramref name="column"/> is NULL (the live ones: not revoked, not withdrawn).</summary>
    public static string IsNull(string column) => $"\"{column}\" IS NULL";

    /// <summary>Rows whose <paramref name="column"/> holds a value (SQL Server's unique indexes count NULLs as equal).</summary>
    public static string IsNotNull(string column) => $"\"{column}\" IS NOT NULL";

    /// <summary>Rows that meet every one of <paramref name="filters"/>.</summary>
    public static string All(params string[] filters) => string.Join(" AND ", filters);
}
