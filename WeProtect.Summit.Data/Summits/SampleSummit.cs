namespace WeProtect.Summit.Data.Summits;

/// <summary>A ready-made summit for demonstrations, modelled on the Alliance's Abu Dhabi summits.</summary>
public static class SampleSummit
{
    public const string HostFormalName = "United Arab Emirates";

    /// <summary>The day the sample host joins the membership register when the sample creates it (the year the
    /// directory used to show for it; no day was known).</summary>
    public static readonly DateOnly HostJoinedOn = new(2015, 1, 1);

    public static Summit Create(DateTime nowUtc)
    {
        var zone = SummitClock.FindZone("Asia/Dubai")!;
        var today = DateOnly.FromDateTime(SummitClock.ToLocal(nowUtc, zone));
        var start = today.AddDays(90);
        var summit = new Summit
        {
            Name = $"WePROTECT Global Alliance Summit {start.Year} (sample)",
            Theme = "Tackling child sexual exploitation online: a global response",
            Description = "Ministers and leaders from governments, international organisations, technology companies and " +
                "civil society meet to agree a Statement of Action.\n\nDelegates are accredited by the secretariat after registration. " +
                "Bring the passport or national identity card named in your registration; badges are collected at the venue.",
            City = "Abu Dhabi",
            CountryCode = "AE",
            Venue = "Emirates Palace, West Corniche Road",
            StartDate = start,
            EndDate = start.AddDays(1),
            TimeZoneId = zone.Id,
            CreatedUtc = nowUtc,
            RegistrationOpensUtc = nowUtc.AddMinutes(-1),
            RegistrationClosesUtc = SummitClock.ToUtc(start.AddDays(-7).ToDateTime(new TimeOnly(18, 0)), zone).Utc,
            DelegateCapacity = 400,
            ContactEmail = "secretariat@weprotect-summit.invalid",
        };
        return summit;
    }
}
