using System.Text.RegularExpressions;

namespace WeProtect.Summit.Data.Statements;

/// <summary>Puts new wording at one anchor of a canonical text: item text (<c>government-3.b</c>), commitment title or
/// text (<c>government-3</c>, numbered or a bullet), section heading (<c>government</c>), part or closing heading
/// (<c>part-1</c>, <c>closing</c>), section text (<c>government-text-1</c>), preamble or closing paragraph, numbered
/// paragraph or bullet list (<c>preamble-2</c>, <c>closing-1</c>).
/// Only the lines of that part are rewritten; the result is parsed again and refused unless every other part
/// (and every anchor) is exactly as before, so wording can never change the text's structure.</summary>
public static partial class StatementAmender
{
    /// <summary>The text with the new wording, parsed (<see cref="Result"/>), or why the wording was refused.</summary>
    public sealed record AmendedText(StatementParseResult? Result, string? Refusal)
    {
        public bool Succeeded => Result is not null;
    }

    /// <summary>Why an amendment proposed on <paramref name="proposedOnText"/> no longer fits <paramref name="latestText"/>:
    /// the words at its anchor changed since (another amendment, an edit, or renumbering moved the anchor), so the
    /// proposer's wording would replace words they never saw. Null when the words are the same.</summary>
    public static string? ChangedSince(string proposedOnText, string latestText, string anchor)
    {
        string? WordsAt(string text) => StatementParser.Parse(text).Document?.Parts().Where(p => p.Anchor == anchor).Select(p => p.Text).FirstOrDefault();
        var now = WordsAt(latestText);
        // A vanished anchor is Apply's to explain.
        return now is null || WordsAt(proposedOnText) == now ? null : $"the words at {anchor} changed since it was proposed; ask for a proposal on the current text.";
    }

    public static AmendedText Apply(string canonicalText, string? anchor, string? wording)
    {
        var original = StatementParser.Parse(canonicalText);
        if (original.Document is not { } document) return Refuse("The text the wording applies to has errors.");
        if (string.IsNullOrWhiteSpace(anchor)) return Refuse("Choose the part of the text the wording is for.");
        var parts = Parts(document);
        if (!parts.TryGetValue(anchor, out var target))
            return Refuse($"“{anchor}” is not a part of this version of the text: it may have been removed or renumbered.");

        var lines = Normalise(wording, out var refusal, allowLines: target.Kind == PartKind.Bullets);
        if (refusal is not null) return Refuse(refusal);

        var textLines = original.Canonical.Split('\n').ToList();
        var start = target.Line - 1;
        var end = EndOfPart(document, target, textLines); // exclusive
        if (Replacement(target, textLines[start], lines) is not { } replacement)
            return Refuse($"“{anchor}” is written in a way that cannot be amended automatically: ask an organiser to edit the text.");
        textLines.RemoveRange(start, end - start);
        textLines.InsertRange(start, replacement);

        var amended = StatementParser.Parse(string.Join("\n", textLines));
        if (amended.Document is not { } changed)
            return Refuse($"The wording would break the statement's format ({amended.Errors[0].Message}) Reword it.");
        var after = Parts(changed);
        var sameShape = after.Keys.SequenceEqual(parts.Keys)
            && parts.All(p => p.Key == anchor || after[p.Key] == p.Value with { Line = after[p.Key].Line });
        if (!sameShape || after[anchor].Kind != target.Kind)
            return Refuse("The wording would change the structure of the text (for example a line starting with #, - or a number). Reword it as plain text.");
        if (after[anchor].Text == target.Text) return Refuse("The wording is the same as the text already there: nothing would change.");
        return new AmendedText(amended, null);
    }

    private static AmendedText Refuse(string reason) => new(null, reason);

    private enum PartKind { Paragraph, Numbered, Bullets, Section, Heading, Commitment, Item }

    private sealed record Part(PartKind Kind, int Line, string Text, string Token);

    /// <summary>Every anchored part in reading order, with what wording would replace.</summary>
    private static Dictionary<string, Part> Parts(StatementDocument d)
    {
        var parts = new Dictionary<string, Part>(StringComparer.Ordinal);
        foreach (var block in d.Body())
        {
            switch (block)
            {
                case PreambleBlock p:
                    parts[p.Anchor] = new Part(p.Kind switch
                    {
                        PreambleBlockKind.BulletList => PartKind.Bullets,
                        PreambleBlockKind.Numbered => PartKind.Numbered,
                        _ => PartKind.Paragraph,
                    }, p.Line, p.Words, p.Number.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    break;
                case PartHeading h:
                    parts[h.Anchor] = new Part(PartKind.Heading, h.Line, h.Text, h.Anchor == "closing" ? "{closing}" : "{part}");
                    break;
                case StatementSection s:
                    parts[s.Anchor] = new Part(PartKind.Section, s.Line, s.Heading, s.TitleAudience ? "{commitments}" : $"{{audience={s.Audience.Token()}}}");
                    foreach (var t in s.Texts) parts[t.Anchor] = new Part(PartKind.Paragraph, t.Line, t.Text, "");
                    foreach (var c in s.Commitments)
                    {
                        // The token says how the commitment is written: its words are replaced the same way.
                        parts[c.Anchor] = new Part(PartKind.Commitment, c.Line, c.Words, c.Title.Length == 0 ? "text" : c.Text.Length == 0 ? "title" : "both");
                        foreach (var i in c.Items) parts[i.Anchor] = new Part(PartKind.Item, i.Line, i.Text, "");
                    }
                    break;
            }
        }
        return parts;
    }

    /// <summary>The wording as lines: canonical, no blank line inside; one line unless a bullet list is amended.</summary>
    private static List<string> Normalise(string? wording, out string? refusal, bool allowLines)
    {
        refusal = null;
        var canonical = StatementText.Canonicalise(wording).Trim('\n');
        var lines = canonical.Split('\n').Select(l => l.Trim()).ToList();
        if (canonical.Trim().Length == 0) refusal = "Write the new wording.";
        else if (canonical.Length > Amendment.WordingMaxLength) refusal = $"The wording is longer than {Amendment.WordingMaxLength} characters.";
        else if (lines.Any(l => l.Length == 0)) refusal = "The wording must be one paragraph: remove the blank lines.";
        else if (!allowLines) lines = [string.Join(" ", lines)];
        return lines;
    }

    /// <summary>The first line after the part (exclusive end): one line for headings and titles; up to the next part
    /// (or a blank line, for a paragraph) for the rest, without trailing blank lines.</summary>
    private static int EndOfPart(StatementDocument d, Part target, List<string> lines)
    {
        var start = target.Line - 1;
        if (target.Kind is PartKind.Section or PartKind.Heading || target is { Kind: PartKind.Commitment, Token: "title" }) return start + 1;
        var next = Parts(d).Values.Select(p => p.Line - 1).Where(l => l > start).DefaultIfEmpty(lines.Count).Min();
        var end = start + 1;
        // A marker or heading line belongs to no part's words, though it is not a part itself.
        while (end < next && end < lines.Count && (lines[end].Length > 0 || target.Kind != PartKind.Paragraph)
               && !lines[end].StartsWith('#') && !lines[end].StartsWith('{'))
            end++;
        while (end > start + 1 && lines[end - 1].Length == 0) end--;
        return end;
    }

    private static List<string>? Replacement(Part target, string firstLine, List<string> wording)
    {
        switch (target.Kind)
        {
            case PartKind.Paragraph:
                return [wording[0]];
            case PartKind.Bullets:
                return wording.Select(l => "- " + BulletMarker().Replace(l, "")).ToList();
            case PartKind.Section:
            case PartKind.Heading:
                return firstLine.StartsWith("##", StringComparison.Ordinal) ? [$"## {wording[0]} {target.Token}"] : null;
            case PartKind.Numbered:
                var paragraph = MarkerPrefix().Match(firstLine);
                return paragraph.Success ? [$"{paragraph.Groups["prefix"].Value}{wording[0]}"] : null;
            case PartKind.Commitment:
                var number = MarkerPrefix().Match(firstLine);
                return !number.Success ? null : target.Token switch
                {
                    "title" => [$"{number.Groups["prefix"].Value}**{wording[0]}**"],
                    "text" => [$"{number.Groups["prefix"].Value}{wording[0]}"],
                    _ => null, // a bold title and text: which words are the title is not for wording to decide
                };
            default:
                var item = ItemLine().Match(firstLine);
                return item.Success ? [$"{item.Groups["prefix"].Value} {wording[0]}"] : null;
        }
    }

    [GeneratedRegex(@"^[-+*][ \t]+")]
    private static partial Regex BulletMarker();

    [GeneratedRegex(@"^(?<prefix>[ \t]*(?:\d{1,9}[.)]|[-+*])[ \t]+)")]
    private static partial Regex MarkerPrefix();

    [GeneratedRegex(@"^(?<prefix>[ \t]*[a-z]\.)")]
    private static partial Regex ItemLine();
}
