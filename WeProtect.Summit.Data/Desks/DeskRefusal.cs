namespace WeProtect.Summit.Data.Desks;

/// <summary>The refusals that callers tell apart (a full summit is answered differently from a full quota); every
/// other refusal is <see cref="NotAllowed"/> or <see cref="Invalid"/>, with its reason in the message.</summary>
public enum DeskRefusal
{
    None,
    NotAllowed,
    /// <summary>The caller holds no right to act on this at all (a page answers 403), as opposed to a rule saying no.</summary>
    Forbidden,
    /// <summary>The input breaks a rule; <see cref="DeskResult.Errors"/> names the fields where it can.</summary>
    Invalid,
    SummitFull,
    QuotaFull,
    AlreadyBooked,
    Clash,
    AlreadyEndorsed,
    TextChanged,
    /// <summary>Allowed, but only when the caller confirms it explicitly (e.g. publishing with no signatory).</summary>
    NeedsConfirmation,
}
