namespace WeProtect.Summit.Web.Infrastructure;

/// <summary>The app stops at start-up with this message: see <see cref="DatabaseFromAnotherBuild"/>.</summary>
public sealed class DatabaseFromAnotherBuildException(string message) : Exception(message);
