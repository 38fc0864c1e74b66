namespace WeProtect.Summit.Data.Desks;

/// <summary>How a desk answered: what the page does next depends only on this (see <see cref="DeskResult"/>).</summary>
public enum DeskAnswer
{
    /// <summary>The change was made; the message says what happened.</summary>
    Done,
    /// <summary>A rule said no; the message is the reason, shown as it is.</summary>
    Refused,
    /// <summary>The thing asked for does not exist (a 404 on a page).</summary>
    NotFound,
    /// <summary>Someone else changed the row first; nothing was saved.</summary>
    Conflict,
}
