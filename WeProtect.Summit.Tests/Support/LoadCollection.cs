namespace WeProtect.Summit.Tests.Support;

/// <summary>Tests that fire a hundred requests at once (or run app processes of their own), one after another. They
/// start after the browser collections (<see cref="LongestFirstCollectionOrderer"/>): beside a browser on a 2-core CI
/// machine their bursts starved pages into timeouts. Beside the short HTTP tests they only share the cores; run alone
/// at the end they left one idle while they set up their data.</summary>
[CollectionDefinition(Name)]
public sealed class LoadCollection
{
    public const string Name = "load: bursts and app processes";
}
