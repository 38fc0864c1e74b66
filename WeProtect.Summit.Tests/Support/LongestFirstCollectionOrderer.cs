using Xunit.Abstractions;
using WeProtect.Summit.Tests.Accessibility;
using WeProtect.Summit.Tests.Admin;
using WeProtect.Summit.Tests.Browser;
using WeProtect.Summit.Tests.Registration;
using WeProtect.Summit.Tests.Security;

[assembly: TestCollectionOrderer("WeProtect.Summit.Tests.Support.LongestFirstCollectionOrderer", "WeProtect.Summit.Tests")]

namespace WeProtect.Summit.Tests.Support;

/// <summary>Starts the longest test collections first. xunit runs two collections at once (one per core) and starts
/// the next in this order whenever one ends; a long serial collection that happens to start late runs on alone at
/// the end while the other core idles (in CI the browser journeys, about 140 s, ran alone after everything else).
/// Longest first leaves only short collections for the end, where they fill both cores. <see cref="LoadCollection"/>
/// (about 190 s) is ranked after the malformed-input sweep instead of by its length, so that it starts once the browser
/// collections are done, beside HTTP tests only.</summary>
public sealed class LongestFirstCollectionOrderer : ITestCollectionOrderer
{
    private const string ClassCollectionPrefix = "Test collection for ";

    /// <summary>Summed test seconds of the longest collections in a CI run (2 cores); an unlisted collection is short
    /// and keeps its place after these. Only the order matters, not the figures' accuracy.</summary>
    private static readonly Dictionary<string, int> Seconds = new(StringComparer.Ordinal)
    {
        [AccessibilityCollection.Name] = 650,
        [BrowserCollection.Name] = 140,
        [KeyOf(typeof(MalformedInputTests))] = 44,
        [LoadCollection.Name] = 40,
        [KeyOf(typeof(OrganiserPagesOverSmtpTests))] = 35,
        [KeyOf(typeof(AuditTrailOnPostgresTests))] = 27,
        [KeyOf(typeof(OrganiserPagesOnPostgresTests))] = 21,
        [KeyOf(typeof(RegistrationAnswersTests))] = 21,
        [FirstAdminCollection.Name] = 9,
    };

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderByDescending(c => Seconds.GetValueOrDefault(KeyOf(c))); // stable: the rest keep their order

    private static string KeyOf(Type testClass) => testClass.FullName!;

    /// <summary>A named collection's name, or the class of a class's own collection ("Test collection for
    /// WeProtect.Summit.Tests.Security.MalformedInputTests").</summary>
    private static string KeyOf(ITestCollection collection) =>
        collection.DisplayName.StartsWith(ClassCollectionPrefix, StringComparison.Ordinal)
            ? collection.DisplayName[ClassCollectionPrefix.Length..].Split(' ')[0]
            : collection.DisplayName;
}
