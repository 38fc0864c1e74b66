using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;

namespace WeProtect.Summit.Tests.Jobs;

/// <summary>The app whose job queue refuses new jobs while <see cref="Down"/> is set, as Hangfire's storage does when
/// its connections are all in use: creating a job throws <see cref="BackgroundJobClientException"/>.</summary>
public sealed class QueueDownApp : SummitAppFactory
{
    public volatile bool Down;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            var real = services.Last(d => d.ServiceType == typeof(IBackgroundJobClient));
            services.Remove(real);
            services.AddSingleton<IBackgroundJobClient>(provider => new Refusing(this, (IBackgroundJobClient)(real.ImplementationFactory is { } factory
                ? factory(provider) : real.ImplementationInstance ?? ActivatorUtilities.CreateInstance(provider, real.ImplementationType!))));
        });
    }

    private sealed class Refusing(QueueDownApp app, IBackgroundJobClient inner) : IBackgroundJobClient
    {
        public string Create(Job job, IState state) => app.Down
            ? throw new BackgroundJobClientException("Background job creation failed.", new TimeoutException("The connection pool has been exhausted."))
            : inner.Create(job, state);

        public bool ChangeState(string jobId, IState state, string expectedState) => inner.ChangeState(jobId, state, expectedState);
    }
}
