using Microsoft.Extensions.Configuration;
using WeProtect.Summit.Web.Jobs;

namespace WeProtect.Summit.Tests.Jobs;

/// <summary>The sweeps' schedule from <c>Jobs:SweepSeconds</c>: every minute unless told otherwise, a divisor of 60
/// as a seconds schedule, anything else refused at start-up with the setting's name.</summary>
public class JobSettingsTests
{
    private static IConfiguration With(string? seconds) => new ConfigurationBuilder()
        .AddInMemoryCollection(seconds is null ? [] : [new(JobSettings.SweepSecondsKey, seconds)]).Build();

    [Theory]
    [InlineData(null, "* * * * *")]
    [InlineData("60", "* * * * *")]
    [InlineData("5", "*/5 * * * * *")]
    [InlineData("30", "*/30 * * * * *")]
    public void The_sweeps_run_every_minute_or_every_divisor_of_a_minute(string? seconds, string cron) =>
        Assert.Equal(cron, JobSettings.SweepCron(With(seconds)));

    [Theory]
    [InlineData("7")]
    [InlineData("120")]
    [InlineData("0")]
    [InlineData("soon")]
    public void Any_other_period_stops_the_start_with_the_settings_name(string seconds) =>
        Assert.Contains(JobSettings.SweepSecondsKey, Assert.Throws<InvalidOperationException>(() => JobSettings.SweepCron(With(seconds))).Message);
}
