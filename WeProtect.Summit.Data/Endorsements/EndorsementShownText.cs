namespace WeProtect.Summit.Data.Endorsements;

/// <summary>A language version of the statement's text shown to the signatory when they signed: the authoritative text
/// (<see cref="StatementTranslationId"/> null) or a translation, with its SHA-256. The endorsement itself binds the
/// authoritative hash; these rows record what the signatory read. Written with the endorsement, never changed.</summary>
public class EndorsementShownText
{
    public int Id { get; set; }
    public int EndorsementId { get; set; }
    public Endorsement Endorsement { get; set; } = null!;
    public string Language { get; set; } = "";
    public string ContentHash { get; set; } = "";
    public int? StatementTranslationId { get; set; }
}
