using WeProtect.Summit.Data.Desks;
using WeProtect.Summit.Data.Validation;

namespace WeProtect.Summit.Data.Invitations;

/// <summary>Title, honorific, rank and protocol order of a delegate: what protocol officers need, and what only the
/// focal point or the organisers may set (a delegate sees them, and cannot change them).</summary>
public sealed record ProtocolDetails(string? Title, string? Honorific, ProtocolRank Rank, int? Order)
{
    public const int TextMaxLength = 100;
    public const int MaxOrder = 10_000;

    public static readonly ProtocolDetails None = new(null, null, ProtocolRank.None, null);

    /// <summary>Heads of state and government and ministers: the "minister" of the badge, check-in cue and figures.</summary>
    public bool IsMinisterial => Rank is ProtocolRank.HeadOfState or ProtocolRank.HeadOfGovernment or ProtocolRank.Minister;

    /// <summary>Trimmed; blank text becomes null.</summary>
    public ProtocolDetails Normalised() => this with
    {
        Title = string.IsNullOrWhiteSpace(Title) ? null : Title.Trim(),
        Honorific = string.IsNullOrWhiteSpace(Honorific) ? null : Honorific.Trim(),
    };

    public IReadOnlyList<(string Field, DeskText Message)> Validate()
    {
        var errors = new List<(string, DeskText)>();
        if (NameRule.Problem(Title, "The title", TextMaxLength) is { } title) errors.Add((nameof(Title), title));
        if (NameRule.Problem(Honorific, "The honorific", TextMaxLength) is { } honorific) errors.Add((nameof(Honorific), honorific));
        if (!Enum.IsDefined(Rank)) errors.Add((nameof(Rank), "Choose a rank from the list."));
        if (Order is < 1 or > MaxOrder) errors.Add((nameof(Order), $"The protocol order must be from 1 to {MaxOrder:N0}."));
        return errors;
    }

    public static string RankName(ProtocolRank rank) => Vocabulary.Words.Name(rank);
}
