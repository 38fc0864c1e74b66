using WeProtect.Summit.Web.Localization;
using WeProtect.Summit.Data.Desks;
using WeProtect.Summit.Data.Reporting;

namespace WeProtect.Summit.Web.Reporting;

/// <summary>How the reporting pages word statuses and show times (in the summit's zone, the zone named).</summary>
public static class ReportingView
{
    /// <summary>In the language being spoken (the request's or a letter's), the summit's clock.</summary>
    public static string InZone(Data.Summits.Summit summit, DateTime utc) =>
        $"{summit.ToLocal(utc).Said("dddd d MMMM yyyy, HH:mm")} ({summit.TimeZoneId})";

    public static string Words(CommitmentStatus status) => Data.Vocabulary.Words.Name(status);

    public static string Words(ReportReview review) => Data.Vocabulary.Words.Name(review);

    public static string Words(ReportPublication publication) => Data.Vocabulary.Words.Name(publication);

    /// <summary>A file's size as people read it: "840 KB", "2.4 MB" ("2,4 Mo" in French): the number a value, the unit
    /// a translation.</summary>
    public static DeskText Size(long bytes)
    {
        if (bytes < 1024 * 1024) return $"{Math.Max(1, (bytes + 1023) / 1024)} KB";
        return $"{bytes / (1024.0 * 1024):0.0} MB";
    }
}
