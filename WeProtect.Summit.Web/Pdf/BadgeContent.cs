using PdfSharp.Drawing;
using PdfSharp.Pdf;
using QRCoder;
using WeProtect.Summit.Data.Geography;

namespace WeProtect.Summit.Web.Pdf;

using WeProtect.Summit.Data.Registrations; // after the namespace line: see DEVELOPERS.md, "namespace-vs-type quirk"
using WeProtect.Summit.Data.Summits;

/// <summary>What one badge shows. Built from a registration with <see cref="BadgePdf.ContentOf"/>;
/// <see cref="Photo"/> is the accreditation photo (square JPEG), printed beside the QR code when there is one. The fixed
/// words (category, "Minister", the dates) are in <see cref="Language"/>, an interface language's code, as are
/// <see cref="SummitWhenWhere"/> and <see cref="CountryName"/>. <see cref="Position"/> is the line under the name: the
/// protocol title when one is set, else the position the delegate gave.</summary>
public sealed record BadgeContent(
    string SummitName,
    string SummitWhenWhere,
    string FullName,
    string Position,
    string OrganisationName,
    string? CountryName,
    DelegateCategory Category,
    bool IsMinister,
    string Code,
    byte[]? Photo = null,
    string Language = Data.Languages.InterfaceLanguages.Default,
    string? FormOfAddress = null)
{
    /// <summary>The name line: the form of address (<see cref="Localization.ProtocolLine.Address"/>, "H.E. Ms Jane Doe")
    /// when the protocol gives one, else the full name.</summary>
    public string NameLine => string.IsNullOrWhiteSpace(FormOfAddress) ? FullName : FormOfAddress;
}
