using Microsoft.Extensions.Configuration;
using WeProtect.Summit.Web.Jobs;

namespace WeProtect.Summit.Tests.Jobs;

/// <summary>The reminder lead times (<c>Signing:</c>, <c>Reporting:</c>, <c>Invitations:ReminderBefore</c>): unset or
/// a positive time span starts; anything else stops the start with the setting's name, instead of failing every run
/// of its sweep.</summary>
public class ReminderLeadTests
{
    private static IConfiguration With(string key, string? value) => new ConfigurationBuilder()
        .AddInMemoryCollection(value is null ? [] : [new(key, value)]).Build();

    public static TheoryData<string> Keys() => new(ReminderLead.Keys);

    [Theory]
    [MemberData(nameof(Keys))]
    public void Unset_blank_or_a_positive_time_span_starts_and_is_read(string key)
    {
        Assert.Null(ReminderLead.Refusal(With(key, null)));
        Assert.Null(ReminderLead.Refusal(With(key, "")));
        Assert.Null(ReminderLead.Refusal(With(key, "2.00:00:00")));
        Assert.Equal(TimeSpan.FromHours(6), ReminderLead.Read(With(key, "06:00:00"), key, TimeSpan.FromDays(1)));
        Assert.Equal(TimeSpan.FromDays(1), ReminderLead.Read(With(key, null), key, TimeSpan.FromDays(1)));
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Anything_else_stops_the_start_with_the_settings_name_and_an_example(string key)
    {
        foreach (var value in new[] { "two days", "48h", "-01:00:00", "00:00:00" })
        {
            var refusal = ReminderLead.Refusal(With(key, value));
            Assert.NotNull(refusal);
            Assert.Contains($"{key} is '{value}'", refusal);
            Assert.Contains("06:00:00 for six hours", refusal);
        }
    }
}
