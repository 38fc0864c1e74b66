using Microsoft.AspNetCore.DataProtection;

namespace WeProtect.Summit.Data.Accreditations;

/// <summary>Encrypts passport and ID numbers at rest with ASP.NET Core data protection (keys encrypted at rest too),
/// under a purpose of their own: a protector for anything else cannot read them, nor they anything else.</summary>
public sealed class DocumentNumberProtector(IDataProtectionProvider provider)
{
    public const string Purpose = "WeProtect.Summit.Accreditation.DocumentNumber.v1";
    private readonly IDataProtector protector = provider.CreateProtector(Purpose);

    public string Protect(string number) => protector.Protect(number);

    /// <summary>No catch: with the keys lost, a failure is better than a wrong number on a letter.</summary>
    public string Unprotect(string protectedNumber) => protector.Unprotect(protectedNumber);

    public string? Masked(string? protectedNumber) => protectedNumber is null ? null : DocumentNumbers.Mask(Unprotect(protectedNumber));
}
