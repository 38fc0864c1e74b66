using WeProtect.Summit.Data.Statements;

namespace WeProtect.Summit.Web.Statements;

/// <summary>An amendment's status as the consultation shows it to delegates, each its own key: the shared "Rejected"
/// and "Accepted" are worded for registrations and letters (French "refusée", feminine), whereas an amendment takes
/// its own agreement ("l'amendement est rejeté", "la enmienda es rechazada").</summary>
public static class AmendmentStatusWords
{
    public static string Of(AmendmentStatus status) => status switch
    {
        AmendmentStatus.Accepted => "accepted by the organisers",
        AmendmentStatus.Rejected => "rejected by the organisers",
        _ => "awaiting a decision",
    };
}
