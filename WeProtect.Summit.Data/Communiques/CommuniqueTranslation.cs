namespace WeProtect.Summit.Data.Communiques;

/// <summary>The communiqué in one more language: the latest translation of the signed version, rendered and signed by
/// the same job run as the communiqué (<see cref="Communique"/>, whose PDF is the authoritative text) and stored in the
/// same transaction, so that a run twice publishes each language once. The Verify page knows it by <see cref="Sha256"/>.</summary>
public class CommuniqueTranslation
{
    public int Id { get; set; }
    public int CommuniqueId { get; set; }
    public Communique Communique { get; set; } = null!;
    public string Language { get; set; } = "";
    public int StatementTranslationId { get; set; }
    /// <summary>SHA-256 of the translation's canonical text.</summary>
    public string ContentHash { get; set; } = "";
    public byte[] Pdf { get; set; } = [];
    /// <summary>SHA-256 (lowercase hex) of <see cref="Pdf"/>.</summary>
    public string Sha256 { get; set; } = "";
}
