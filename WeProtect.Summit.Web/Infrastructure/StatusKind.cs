namespace WeProtect.Summit.Web.Infrastructure;

/// <summary>What a status line reports: something done, or nothing done because it was refused or because someone
/// else's change came first (<see cref="Data.Desks.DeskAnswer"/>). Decides how the line looks and how loudly a screen
/// reader announces it (<see cref="StatusLine"/>).</summary>
public enum StatusKind { Done, Refused, Conflict }
