namespace WeProtect.Summit.Data.Summits;

/// <summary>Converts between UTC (how times are stored) and a summit's IANA time zone (how people enter and read
/// them), refusing local times that do not exist because clocks jump forward.</summary>
public static class SummitClock
{
    public static TimeZoneInfo? FindZone(string? ianaId)
    {
        if (string.IsNullOrWhiteSpace(ianaId)) return null;
        try
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(ianaId);
            // Accept IANA ids only, so that the stored id means the same on Linux and Windows servers.
            return zone.HasIanaId ? zone : null;
        }
        catch (TimeZoneNotFoundException) { return null; }
        catch (InvalidTimeZoneException) { return null; }
    }

    /// <summary>IANA zone ids offered in forms, sorted.</summary>
    public static IReadOnlyList<string> ZoneIds { get; } = TimeZoneInfo.GetSystemTimeZones()
        .Select(z => z.HasIanaId ? z.Id : TimeZoneInfo.TryConvertWindowsIdToIanaId(z.Id, out var iana) ? iana : null)
        .OfType<string>()
        .Append("UTC")
        .Distinct()
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>The UTC instant of a wall-clock time in the zone, or an error when that time does not exist
    /// there (the hour skipped when daylight saving starts), said in the reader's language by the page. An ambiguous
    /// time takes the earlier instant.</summary>
    public static (DateTime Utc, DeskText? Error) ToUtc(DateTime local, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(unspecified))
        {
            DeskText skipped = $"{unspecified:yyyy-MM-dd HH:mm} does not exist in {zone.Id}: the clocks skip it.";
            return (default, skipped);
        }
        if (zone.IsAmbiguousTime(unspecified))
        {
            var offset = zone.GetAmbiguousTimeOffsets(unspecified).Max();
            return (DateTime.SpecifyKind(unspecified - offset, DateTimeKind.Utc), null);
        }
        return (TimeZoneInfo.ConvertTimeToUtc(unspecified, zone), null);
    }

    public static DateTime ToLocal(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
}
