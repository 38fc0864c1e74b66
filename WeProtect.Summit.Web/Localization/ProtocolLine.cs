using System.Text.RegularExpressions;
using WeProtect.Summit.Data.Invitations;

namespace WeProtect.Summit.Web.Localization;

/// <summary>A delegate as protocol offices write them, in one language: the form of address ("H.E. Ms Jane Doe": the
/// honorific, then the name), the office under it ("Minister of Interior, Republic of X": the title, else the position,
/// then the organisation), the rank by its name where a list needs it, and the protocol order. The one formatter of every
/// place that prints protocol details (the delegate's and the nominee's pages, the delegate record, the vetting queue,
/// the delegation page, badges and the participant list), so that they read alike. An empty field leaves no separator
/// behind; a field that already holds the next (the honorific typed into the name, the organisation into the title) is
/// not said twice; separators are the language's ("{0}, {1}": the Arabic comma in Arabic).</summary>
public sealed partial class ProtocolLine
{
    private readonly LanguageTexts texts;

    private ProtocolLine(LanguageTexts texts, bool isEmpty, string? address, string? designation, string? office, string? rank, int? order)
    {
        this.texts = texts;
        (IsEmpty, Address, Designation, Office, Rank, Order) = (isEmpty, address, designation, office, rank, order);
    }

    /// <param name="fullName">The delegate's name; null for a nominee not yet registered (the address is then the honorific alone).</param>
    /// <param name="position">The position the delegate gave: said when no title is set.</param>
    /// <param name="organisation">The organisation's formal name ("Republic of X"), after the title.</param>
    public static ProtocolLine Of(ProtocolDetails protocol, string? fullName, string? position, string? organisation, LanguageTexts texts)
    {
        protocol = protocol.Normalised();
        var name = Clean(fullName);
        var honorific = Clean(protocol.Honorific);
        var address = honorific is null ? name
            : name is null ? honorific
            : name.StartsWith(honorific + " ", StringComparison.CurrentCultureIgnoreCase) ? name
            : honorific + " " + name;
        var designation = Clean(protocol.Title) ?? Clean(position);
        var where = Clean(organisation);
        var office = designation is null ? where
            : where is null || designation.Contains(where, StringComparison.CurrentCultureIgnoreCase) ? designation
            : texts.Format("{0}, {1}", designation, where);
        var rank = protocol.Rank == ProtocolRank.None ? null : texts[ProtocolDetails.RankName(protocol.Rank)];
        return new ProtocolLine(texts, protocol == ProtocolDetails.None, address, designation, office, rank, protocol.Order);
    }

    /// <summary>No protocol detail is set (title, honorific, rank and order all empty).</summary>
    public bool IsEmpty { get; }

    /// <summary>"H.E. Ms Jane Doe"; null when neither honorific nor name is known.</summary>
    public string? Address { get; }

    /// <summary>"Minister of Interior": the title, else the position (a badge's line under the name).</summary>
    public string? Designation { get; }

    /// <summary>"Minister of Interior, Republic of X".</summary>
    public string? Office { get; }

    /// <summary>The rank's name in the language; null for none.</summary>
    public string? Rank { get; }

    public int? Order { get; }

    /// <summary>"Minister (protocol order 2)", "Minister", "(protocol order 2)" or null.</summary>
    public string? RankAndOrder => (Rank, Order) switch
    {
        ({ } rank, { } order) => texts.Format("{0} (protocol order {1})", rank, order),
        ({ } rank, null) => rank,
        (null, { } order) => texts.Format("(protocol order {0})", order),
        _ => null,
    };

    /// <summary>The address and the office on one line: "H.E. Ms Jane Doe, Minister of Interior, Republic of X".</summary>
    public string Text => Join(Address, Office) ?? "";

    /// <summary>An entry of a list of people: "H.E. Jane Doe (Minister) — Minister of Interior, Republic of X". The rank
    /// is named when set; without one, a registration marked ministerial says "Minister".</summary>
    public string ListEntry(bool isMinister)
    {
        var label = Rank ?? (isMinister ? texts[ProtocolDetails.RankName(ProtocolRank.Minister)] : null);
        var who = Address ?? "";
        return (label, Office) switch
        {
            ({ } l, { } office) => texts.Format("{0} ({1}) — {2}", who, l, office),
            (null, { } office) => texts.Format("{0} — {1}", who, office),
            ({ } l, null) => texts.Format("{0} ({1})", who, l),
            _ => who,
        };
    }

    private string? Join(string? first, string? second) =>
        first is null ? second : second is null ? first : texts.Format("{0}, {1}", first, second);

    /// <summary>Trimmed, inner runs of spaces made one; blank is null.</summary>
    private static string? Clean(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : Spaces().Replace(text.Trim(), " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
