namespace WeProtect.Summit.Web.Infrastructure;

/// <summary>A status line to show (<see cref="StatusMessage"/>), rendered by Pages/Shared/_Status.cshtml.</summary>
public sealed record StatusLine(string Message, StatusKind Kind)
{
    /// <summary>Green for done; a refusal or a conflict must not look like a success.</summary>
    public string Css => Kind switch
    {
        StatusKind.Done => "alert-success",
        StatusKind.Conflict => "alert-danger",
        _ => "alert-warning",
    };

    /// <summary>"status" (polite) for done; "alert" (assertive) when nothing was done, so that a screen reader
    /// announces it at once rather than leaving the user to think the step succeeded.</summary>
    public string Role => Kind == StatusKind.Done ? "status" : "alert";
}
