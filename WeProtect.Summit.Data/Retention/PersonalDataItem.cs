namespace WeProtect.Summit.Data.Retention;

/// <summary>One kind of personal data and what erasure makes of it: <see cref="Rows"/> picks the rows in a scope that
/// still hold it (so a second run finds none), <see cref="Erase"/> clears them with one conditional update.</summary>
public sealed class PersonalDataItem
{
    private PersonalDataItem(string what, string becomes, Func<ErasureScope, CancellationToken, Task<int>> count,
        Func<ErasureScope, CancellationToken, Task<int>> erase) => (What, Becomes, Count, Erase) = (what, becomes, count, erase);

    /// <summary>What is held, in the organisers' words ("Access and dietary needs").</summary>
    public string What { get; }
    /// <summary>What erasure makes of it ("removed", "replaced by 'Erased delegate 12'").</summary>
    public string Becomes { get; }
    /// <summary>How many rows of the scope still hold it.</summary>
    public Func<ErasureScope, CancellationToken, Task<int>> Count { get; }
    /// <summary>Clears it in the scope; returns the rows changed.</summary>
    public Func<ErasureScope, CancellationToken, Task<int>> Erase { get; }

    public static PersonalDataItem Of<T>(string what, string becomes, Func<ErasureScope, IQueryable<T>> rows,
        Func<IQueryable<T>, CancellationToken, Task<int>> erase) =>
        new(what, becomes, (scope, ct) => rows(scope).CountAsync(ct), (scope, ct) => erase(rows(scope), ct));

    /// <summary>An item whose update needs the run's scope (its time).</summary>
    public static PersonalDataItem Of<T>(string what, string becomes, Func<ErasureScope, IQueryable<T>> rows,
        Func<IQueryable<T>, ErasureScope, CancellationToken, Task<int>> erase) =>
        new(what, becomes, (scope, ct) => rows(scope).CountAsync(ct), (scope, ct) => erase(rows(scope), scope, ct));
}
