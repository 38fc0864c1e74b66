using System.Text.RegularExpressions;

namespace WeProtect.Summit.Data.Statements;

/// <summary>Puts new wording at one anchor of a canonical text: item text (<c>government-3.b</c>), commitment title
/// (<c>government-3</c>), section heading (<c>government</c>), preamble paragraph or bullet list (<c>preamble-2</c>).
/// Only the lines of that part are rewritten; the result is parsed again and refused unless every other part
/// (and every anchor) is exactly as before, so wording can never change the text's structure.</summary>
public static partial class StatementAmender
{
    public sealed record Outcome(StatementParseResult? Result, string? Refusal)
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

    public static Outcome Apply(string canonicalText, string? anchor, string? wording)
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
        return new Outcome(amended, null);
    }

    private static Outcome Refuse(string reason) => new(null, reason);

    private enum PartKind { Paragraph, Bullets, Section, Commitment, Item }

    private sealed record Part(PartKind Kind, int Line, string Text, string Token);

    /// <summary>Every anchored part in reading order, with what wording would replace.</summary>
    private static Dictionary<string, Part> Parts(StatementDocument d)
    {
        var parts = new Dictionary<string, Part>(StringComparer.Ordinal);
        foreach (var p in d.Preamble)
            parts[p.Anchor] = p.Kind == PreambleBlockKind.BulletList
                ? new Part(PartKind.Bullets, p.Line, string.Join("\n", p.Bullets), "")
                : new Part(PartKind.Paragraph, p.Line, p.Text, "");
        foreach (var s in d.Sections)
        {
            parts[s.Anchor] = new Part(PartKind.Section, s.Line, s.Heading, s.Audience.Token());
            foreach (var c in s.Commitments)
            {
                parts[c.Anchor] = new Part(PartKind.Commitment, c.Line, c.Title, "");
                foreach (var i in c.Items) parts[i.Anchor] = new Part(PartKind.Item, i.Line, i.Text, "");
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
        if (target.Kind is PartKind.Section or PartKind.Commitment) return start + 1;
        var next = Parts(d).Values.Select(p => p.Line - 1).Where(l => l > start).DefaultIfEmpty(lines.Count).Min();
        var end = start + 1;
        while (end < next && end < lines.Count && (lines[end].Length > 0 || target.Kind != PartKind.Paragraph))
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
                return [$"## {wording[0]} {{audience={target.Token}}}"];
            case PartKind.Commitment:
                var number = CommitmentLine().Match(firstLine);
                return number.Success ? [$"{number.Groups["prefix"].Value}**{wording[0]}**"] : null;
            default:
                var item = ItemLine().Match(firstLine);
                return item.Success ? [$"{item.Groups["prefix"].Value} {wording[0]}"] : null;
        }
    }

    [GeneratedRegex(@"^[-+*][ \t]+")]
    private static partial Regex BulletMarker();

    [GeneratedRegex(@"^(?<prefix>[ \t]*\d{1,9}[.)][ \t]+)\*\*.*\*\*$")]
    private static partial Regex CommitmentLine();

    [GeneratedRegex(@"^(?<prefix>[ \t]*[a-z]\.)")]
    private static partial Regex ItemLine();
}
