namespace WeProtect.Summit.Tests.Support;

/// <summary>Tests that fire a hundred requests at once (or run app processes of their own) run alone, after the
/// others: on a 2-core CI machine they would otherwise starve the browser tests running beside them into timeouts.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LoadCollection
{
    public const string Name = "load: runs alone";
}
