namespace WeProtect.Summit.Data.Registrations;

/// <summary>One badge in a <see cref="BadgeBatch"/>.</summary>
public class BadgePrint
{
    public int Id { get; set; }
    public int BatchId { get; set; }
    public BadgeBatch Batch { get; set; } = null!;
    public int RegistrationId { get; set; }
    public Registration Registration { get; set; } = null!;
}
