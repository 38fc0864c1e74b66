using WeProtect.Summit.Data.Summits;

namespace WeProtect.Summit.Tests.Summits;

/// <summary>The summit's own rules, without the web.</summary>
public class SummitRulesTests
{
    private static Data.Summits.Summit Valid() => new()
    {
        Name = "Abu Dhabi 2015", City = "Abu Dhabi", CountryCode = "AE", TimeZoneId = "Asia/Dubai",
        StartDate = new DateOnly(2015, 11, 16), EndDate = new DateOnly(2015, 11, 17), DelegateCapacity = 400,
    };

    [Fact]
    public void A_complete_summit_is_valid() => Assert.Empty(Valid().Validate());

    /// <summary>Printed attendance belongs to a summit recorded afterwards; one run here counts its registrations.</summary>
    [Fact]
    public void Only_a_summit_recorded_afterwards_takes_printed_attendance()
    {
        var runHere = Valid();
        runHere.ReportAttendance(400, 94, 33, "Summit report");
        Assert.Contains(runHere.Validate(), e => e.Field == nameof(runHere.ReportedDelegates));
        var recorded = Valid();
        Assert.Null(recorded.RecordAfterwards());
        recorded.ReportAttendance(400, 94, 33, "  Summit\nreport ");
        Assert.Empty(recorded.Validate());
        Assert.Equal("Summit report", recorded.ReportedIn);
    }

    [Theory]
    [InlineData("end-before-start")]
    [InlineData("zone")]
    [InlineData("windows-zone")]
    [InlineData("capacity")]
    [InlineData("country")]
    [InlineData("window-order")]
    [InlineData("window-half")]
    public void Each_broken_rule_is_reported_on_its_field(string rule)
    {
        var s = Valid();
        var field = rule switch
        {
            "end-before-start" => Set(() => s.EndDate = s.StartDate.AddDays(-1), nameof(s.EndDate)),
            "zone" => Set(() => s.TimeZoneId = "Mars/Olympus_Mons", nameof(s.TimeZoneId)),
            "windows-zone" => Set(() => s.TimeZoneId = "Arabian Standard Time", nameof(s.TimeZoneId)),
            "capacity" => Set(() => s.DelegateCapacity = 0, nameof(s.DelegateCapacity)),
            "country" => Set(() => s.CountryCode = "XX", nameof(s.CountryCode)),
            "window-order" => Set(() => { s.RegistrationOpensUtc = new DateTime(2015, 10, 2, 0, 0, 0, DateTimeKind.Utc); s.RegistrationClosesUtc = new DateTime(2015, 10, 1, 0, 0, 0, DateTimeKind.Utc); }, nameof(s.RegistrationClosesUtc)),
            "window-half" => Set(() => s.RegistrationOpensUtc = new DateTime(2015, 10, 2, 0, 0, 0, DateTimeKind.Utc), nameof(s.RegistrationClosesUtc)),
            _ => throw new ArgumentOutOfRangeException(nameof(rule)),
        };
        Assert.Contains(s.Validate(), e => e.Field == field);
    }

    private static string Set(Action change, string field) { change(); return field; }

    [Fact]
    public void Status_moves_forward_only_as_allowed_and_opening_needs_a_registration_window()
    {
        var s = Valid();
        Assert.NotNull(s.MoveTo(SummitStatus.Closed));
        Assert.Contains("registration window", s.MoveTo(SummitStatus.Open)?.ToString());
        s.RegistrationOpensUtc = new DateTime(2015, 9, 1, 0, 0, 0, DateTimeKind.Utc);
        s.RegistrationClosesUtc = new DateTime(2015, 11, 1, 0, 0, 0, DateTimeKind.Utc);
        Assert.Null(s.MoveTo(SummitStatus.Open));
        Assert.NotNull(s.MoveTo(SummitStatus.Archived));
        Assert.Null(s.MoveTo(SummitStatus.Closed));
        Assert.Null(s.MoveTo(SummitStatus.Archived));
        Assert.NotNull(s.MoveTo(SummitStatus.Open));
        Assert.Equal(SummitStatus.Archived, s.Status);
    }

    [Fact]
    public void Local_times_convert_across_daylight_saving_and_a_skipped_hour_is_refused()
    {
        var london = SummitClock.FindZone("Europe/London")!;
        Assert.Equal(new DateTime(2026, 7, 1, 9, 0, 0, DateTimeKind.Utc), SummitClock.ToUtc(new DateTime(2026, 7, 1, 10, 0, 0), london).Utc);
        Assert.Equal(new DateTime(2026, 1, 15, 10, 0, 0, DateTimeKind.Utc), SummitClock.ToUtc(new DateTime(2026, 1, 15, 10, 0, 0), london).Utc);
        // 29 March 2026, 01:30 does not exist in London: clocks go from 01:00 to 02:00.
        Assert.NotNull(SummitClock.ToUtc(new DateTime(2026, 3, 29, 1, 30, 0), london).Error);
        // 25 October 2026, 01:30 happens twice: the first (summer time) instant is taken.
        Assert.Equal(new DateTime(2026, 10, 25, 0, 30, 0, DateTimeKind.Utc), SummitClock.ToUtc(new DateTime(2026, 10, 25, 1, 30, 0), london).Utc);
        Assert.Equal(new DateTime(2026, 7, 1, 10, 0, 0), SummitClock.ToLocal(new DateTime(2026, 7, 1, 9, 0, 0, DateTimeKind.Utc), london));
    }
}
