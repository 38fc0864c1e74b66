using Microsoft.Extensions.Localization;
using WeProtect.Summit.Data.Communiques;

namespace WeProtect.Summit.Web.Localization;

/// <summary>How one communiqué revision stands among the published ones ("revision 1 of 3, superseded on …" or "the
/// current revision"), in the reader's language: one key per case, the date in the current culture.</summary>
public static class CommuniqueRevisionText
{
    public static string Describe(IStringLocalizer localizer, IReadOnlyList<PublishedRevision> revisions, int revision) =>
        CommuniqueRevisions.SupersededUtc(revisions, revision) is { } superseded
            ? localizer["revision {0} of {1}, superseded on {2} UTC", revision, revisions.Count, superseded.Said("d MMMM yyyy, HH:mm")]
            : localizer["revision {0} of {1}, the current revision", revision, revisions.Count];
}
