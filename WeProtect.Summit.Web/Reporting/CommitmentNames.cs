using Microsoft.Extensions.Localization;
using WeProtect.Summit.Data.Reporting;
using WeProtect.Summit.Data.Statements;
using WeProtect.Summit.Web.Localization;
using WeProtect.Summit.Web.Statements;

namespace WeProtect.Summit.Web.Reporting;

/// <summary>What the reporting pages and downloads call a commitment: its part's name as the statement prints it
/// ("Government 1(b)", <see cref="StatementPartNames"/>), read from its statement's agreed text, and that statement's
/// title, for a page that mixes several statements. Made once per request from texts parsed once (a cycle's
/// <see cref="CycleScope.Texts"/>, or <see cref="LoadAsync"/>); anchors stay what ids, addresses and form values carry.</summary>
public sealed class CommitmentNames
{
    private readonly IReadOnlyList<CycleScope.AgreedText> texts;
    private readonly Dictionary<int, IReadOnlyDictionary<string, string>> names;
    private readonly Dictionary<(int StatementId, string Anchor), int> readingOrder;

    private CommitmentNames(IReadOnlyList<CycleScope.AgreedText> texts, Func<StatementDocument, IReadOnlyDictionary<string, string>> name)
    {
        this.texts = texts;
        names = texts.ToDictionary(t => t.Id, t => t.Document is { } document ? name(document) : new Dictionary<string, string>());
        readingOrder = texts.SelectMany(t => t.Document is { } document ? TrackedCommitments.Of(t.Id, document) : [])
            .Select((c, i) => (Key: (c.StatementId, c.Anchor), i)).DistinctBy(c => c.Key).ToDictionary(c => c.Key, c => c.i);
    }

    /// <summary>No statement: every anchor its own name (a page whose cycle is gone).</summary>
    public static readonly CommitmentNames None = new([], _ => new Dictionary<string, string>());

    /// <summary>The names of a cycle's commitments in the page's language, from the texts its scope already parsed.</summary>
    public static CommitmentNames Of(CycleScope scope, IStringLocalizer l) => new(scope.Texts, d => StatementPartNames.Of(d, l));

    /// <summary>The names of the statements' commitments in the page's language, each agreed text read and parsed once.</summary>
    public static async Task<CommitmentNames> LoadAsync(SummitDbContext db, IEnumerable<int> statementIds, IStringLocalizer l, CancellationToken ct = default) =>
        new(await TrackedCommitments.AgreedTextsAsync(db, statementIds.Distinct().ToList(), ct), d => StatementPartNames.Of(d, l));

    /// <summary>The same statements named in a language given explicitly (a download's English), without reading them again.</summary>
    public CommitmentNames In(LanguageTexts words) => new(texts, d => StatementPartNames.Of(d, words));

    /// <summary>"Government 1(b)"; the anchor itself only for a part its statement's text does not have (never for
    /// a commitment a cycle tracks, which is read from that text).</summary>
    public string Name(int statementId, string anchor) =>
        names.GetValueOrDefault(statementId)?.GetValueOrDefault(anchor) ?? anchor;

    /// <summary>Where the part stands in reading order (statement by statement, as the texts are listed): "all-2" before
    /// "all-10", which sorting the anchors as text would not do. A part the texts do not have comes last.</summary>
    public int ReadingOrder(int statementId, string anchor) => readingOrder.GetValueOrDefault((statementId, anchor), int.MaxValue);

    public string Title(int statementId) => texts.FirstOrDefault(t => t.Id == statementId)?.Title ?? "";

    /// <summary>Several statements: a commitment's name alone does not say which of them it belongs to.</summary>
    public bool Mixed => texts.Count > 1;
}
