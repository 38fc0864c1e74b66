namespace WeProtect.Summit.Tests.Registration;

/// <summary>Test classes whose apps enqueue registration notifications run one after another. Hangfire keeps its
/// storage in a process-wide static (JobStorage.Current), so apps started side by side in one test process share one
/// in-memory queue and one app's server may run another app's notification job against the wrong database: the e-mail
/// a test waits for never comes. Until the app gives each host its own storage, these classes do not overlap.</summary>
[CollectionDefinition(Name)]
public sealed class RegistrationCollection
{
    public const string Name = "registration desk";
}
