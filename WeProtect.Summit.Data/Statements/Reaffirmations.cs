namespace WeProtect.Summit.Data.Statements;

/// <summary>Statements that reaffirm earlier ones (<see cref="Statement.ReaffirmsStatementId"/>), followed through the
/// chain: a 2026 statement reaffirming 2024's, which reaffirms 2022's, carries both. The walk stops at a statement
/// seen before, so a bad chain cannot loop.</summary>
public static class Reaffirmations
{
    /// <summary>The statement and every statement it reaffirms, directly or through others, nearest first.</summary>
    public static async Task<IReadOnlyList<int>> ChainAsync(SummitDbContext db, int statementId, CancellationToken ct = default)
    {
        var chain = new List<int> { statementId };
        int? next = statementId;
        while (next is { } id)
        {
            next = await db.Statements.AsNoTracking().Where(s => s.Id == id).Select(s => s.ReaffirmsStatementId).FirstOrDefaultAsync(ct);
            if (next is { } n && chain.Contains(n)) break;
            if (next is { } found) chain.Add(found);
        }
        return chain;
    }

    /// <summary>The statements and all they reaffirm, in the given order followed by the reaffirmed ones, each once.</summary>
    public static async Task<IReadOnlyList<int>> ClosureAsync(SummitDbContext db, IEnumerable<int> statementIds, CancellationToken ct = default)
    {
        var result = statementIds.Distinct().ToList();
        foreach (var id in result.ToList())
            foreach (var earlier in await ChainAsync(db, id, ct))
                if (!result.Contains(earlier)) result.Add(earlier);
        return result;
    }

    /// <summary>Within a set of statements (a cycle's), each statement with those of the set it reaffirms through the
    /// chain: an organisation that endorsed the first reports on all of them.</summary>
    public static IReadOnlyDictionary<int, IReadOnlyList<int>> Within(IReadOnlyDictionary<int, int?> links)
    {
        var result = new Dictionary<int, IReadOnlyList<int>>();
        foreach (var id in links.Keys)
        {
            var chain = new List<int> { id };
            var next = links[id];
            while (next is { } n && links.ContainsKey(n) && !chain.Contains(n))
            {
                chain.Add(n);
                next = links[n];
            }
            result[id] = chain;
        }
        return result;
    }
}
