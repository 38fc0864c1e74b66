namespace WeProtect.Summit.Web.Infrastructure.RateLimits;

/// <summary>Put on a page model: its form posts (or, for <see cref="RateLimitedAction.Download"/>, its GET
/// handlers such as <c>?handler=Pdf</c>; for <see cref="RateLimitedAction.InvitationLink"/>, every request; for
/// <see cref="RateLimitedAction.NominationLink"/>, every request with a token) count against the action's limits per
/// client address and, for the account forms, per account.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RateLimitedAttribute(RateLimitedAction action) : Attribute
{
    public RateLimitedAction Action { get; } = action;

    /// <summary>For <see cref="RateLimitedAction.Download"/>: the page is itself the file (a document, an
    /// attachment), so every GET counts, not only its handlers.</summary>
    public bool EveryGet { get; init; }

    /// <summary>Whether this request counts: a form post, or a download handler.</summary>
    public bool Counts(HttpRequest request) => Action switch
    {
        RateLimitedAction.Download => HttpMethods.IsGet(request.Method) && (EveryGet || !string.IsNullOrEmpty(Handler(request))),
        // A secret link is tried by opening it: every request counts, whatever the token.
        RateLimitedAction.InvitationLink => true,
        // The registration page without a token is an ordinary form: only a nomination link's requests count.
        RateLimitedAction.NominationLink => !string.IsNullOrEmpty(request.Query["nomination"]),
        // A page with an upload also has other forms (remove a photo, save a report): only a post with a file counts.
        RateLimitedAction.Upload => HttpMethods.IsPost(request.Method) && request.ContentType is { } type
            && type.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase),
        _ => HttpMethods.IsPost(request.Method),
    };

    private static string? Handler(HttpRequest request) =>
        request.RouteValues.TryGetValue("handler", out var value) && value is string { Length: > 0 } routed ? routed : request.Query["handler"].ToString();
}
