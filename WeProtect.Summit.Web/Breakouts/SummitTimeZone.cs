using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using NodaTime;

namespace WeProtect.Summit.Web.Breakouts;

/// <summary>The VTIMEZONE of a summit's feeds, written from the zone database as one observance per change of offset
/// around the summit (a year either side), so that a calendar app reading it, not its own zone data, still puts each
/// session at the right hour. Ical.Net's <c>VTimeZone.FromDateTimeZone</c> guesses yearly rules from the latest
/// changes, which is wrong where there are none: Morocco's Ramadan hour (UTC+0) came out as UTC+1 all year.</summary>
public static class SummitTimeZone
{
    public static VTimeZone For(string timeZoneId, DateOnly firstDay, DateOnly lastDay)
    {
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(timeZoneId) ?? DateTimeZoneProviders.Bcl.GetZoneOrNull(timeZoneId) ?? DateTimeZone.Utc;
        var from = Instant.FromDateTimeUtc(firstDay.AddYears(-1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        var to = Instant.FromDateTimeUtc(lastDay.AddYears(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        var vtimezone = new VTimeZone(timeZoneId);
        foreach (var interval in zone.GetZoneIntervals(from, to))
        {
            // The first observance starts where the window does, with no change; each later one at its change, on
            // the wall clock before it (RFC 5545 3.6.5).
            var onset = interval.HasStart && interval.Start > from ? interval.Start : from;
            var before = onset == from ? interval.WallOffset : zone.GetUtcOffset(onset - NodaTime.Duration.Epsilon);
            vtimezone.TimeZoneInfos.Add(new VTimeZoneInfo(interval.Savings == Offset.Zero ? Components.Standard : Components.Daylight)
            {
                TimeZoneName = interval.Name,
                OffsetFrom = new UtcOffset(before.ToTimeSpan()),
                OffsetTo = new UtcOffset(interval.WallOffset.ToTimeSpan()),
                DtStart = new CalDateTime(onset.WithOffset(before).LocalDateTime.ToDateTimeUnspecified()),
            });
        }
        return vtimezone;
    }
}
