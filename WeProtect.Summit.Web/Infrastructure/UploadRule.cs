namespace WeProtect.Summit.Web.Infrastructure;

/// <summary>What a page accepts as an upload and what it says when a file is missing, empty or too large
/// (<paramref name="TooLarge"/> is given the file's name).</summary>
public sealed record UploadRule(long MaxBytes, string Missing, string Empty, Func<string, string> TooLarge);
