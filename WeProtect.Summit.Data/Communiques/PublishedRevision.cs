namespace WeProtect.Summit.Data.Communiques;

/// <summary>One published revision of a statement's communiqué, without its PDF bytes.</summary>
public sealed record PublishedRevision(int Id, int Revision, DateTime PublishedUtc, DateTime? ListAsOfUtc, string Sha256,
    string? SignatoryListSha256, int SignatoryCount);
