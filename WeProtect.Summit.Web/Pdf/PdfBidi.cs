namespace WeProtect.Summit.Web.Pdf;

/// <summary>The Unicode Bidirectional Algorithm (UAX #9) for one line of a PDF: the embedding level of every UTF-16
/// unit (rules W1–W7, N0–N2, I1–I2 and L1) and the visual order of the line (L2). The paragraph level is given by the
/// document (the higher-level protocol of UAX #9, HL1): 0 for the app's English documents, so an Arabic name inside
/// an English line is one right-to-left run where the line reads left to right.
///
/// Written here because no served package has it: ICU4N 60.1.0-alpha.440 (the only ICU port on the registry) ships
/// no Bidi class, and .NET keeps its bidi data internal. Not implemented, because the app's texts do not carry them:
/// explicit embeddings, overrides and isolates (LRE, RLE, LRO, RLO, PDF, LRI, RLI, FSI, PDI are treated as boundary
/// neutrals and take their neighbour's level). Bracket pairs (N0) are resolved, so that an Arabic name ending in
/// brackets inside an English line keeps them around its last word. The bidi classes come from <see cref="ClassOf"/>, which follows UnicodeData.txt for the scripts the shipped fonts cover (Latin, Greek,
/// Cyrillic, Arabic) and Hebrew.</summary>
public static class PdfBidi
{
    public enum Class : byte { L, R, AL, EN, ES, ET, AN, CS, NSM, BN, B, S, WS, ON }

    /// <summary>True when the text needs the algorithm at all: it holds a right-to-left letter or an Arabic digit.
    /// Text without one is drawn as it always was (a single left-to-right run).</summary>
    public static bool NeedsBidi(string text)
    {
        foreach (var c in text)
            if (c >= 0x0590 && ClassOf(c) is Class.R or Class.AL or Class.AN) return true;
        return false;
    }

    /// <summary>The direction of a paragraph of its own (UAX #9, P2–P3, as <c>dir="auto"</c> on a page): true for
    /// right-to-left when its first strong letter is Arabic or Hebrew, false when it is any other letter, null when it
    /// has none (digits and punctuation only).</summary>
    public static bool? FirstStrongIsRightToLeft(string text)
    {
        foreach (var rune in text.EnumerateRunes())
            switch (ClassOf(rune.Value))
            {
                case Class.L: return false;
                case Class.R or Class.AL: return true;
            }
        return null;
    }

    public static Class ClassOf(int c)
    {
        switch (c)
        {
            case 0x200E: return Class.L;   // LEFT-TO-RIGHT MARK
            case 0x200F: return Class.R;   // RIGHT-TO-LEFT MARK
            case 0x061C: return Class.AL;  // ARABIC LETTER MARK
            case '\n' or '\r' or 0x1C or 0x1D or 0x1E or 0x85 or 0x2029: return Class.B;
            case '\t' or 0x0B or 0x1F: return Class.S;
            case ' ' or 0x0C or 0x2028: return Class.WS;
            case '+' or '-' or 0x207A or 0x207B or 0x208A or 0x208B or 0x2212 or 0xFB29 or 0xFE62 or 0xFE63 or 0xFF0B or 0xFF0D: return Class.ES;
            case '#' or '$' or '%' or 0xB0 or 0xB1 or 0x0609 or 0x060A or 0x066A or 0x212E or 0x2213 or 0xFE5F or 0xFE69 or 0xFE6A or 0xFF03 or 0xFF04 or 0xFF05:
                return Class.ET;
            case ',' or '.' or '/' or ':' or 0xA0 or 0x060C or 0x202F or 0x2044 or 0xFE50 or 0xFE52 or 0xFE55 or 0xFF0C or 0xFF0E or 0xFF0F or 0xFF1A:
                return Class.CS;
        }
        if (c is >= '0' and <= '9' or >= 0x06F0 and <= 0x06F9 or 0xB2 or 0xB3 or 0xB9 or >= 0x2070 and <= 0x2079 or >= 0x2080 and <= 0x2089 or >= 0xFF10 and <= 0xFF19)
            return Class.EN;
        if (c is >= 0x0660 and <= 0x0669 or 0x066B or 0x066C or >= 0x0600 and <= 0x0605 or 0x06DD or 0x08E2 or >= 0x10E60 and <= 0x10E7E)
            return Class.AN;
        if (c is >= 0x202A and <= 0x202E or >= 0x2066 and <= 0x2069) return Class.BN; // explicit formatting: see the summary
        var category = c <= 0xFFFF ? CharUnicodeInfo.GetUnicodeCategory((char)c) : CharUnicodeInfo.GetUnicodeCategory(c);
        if (category == UnicodeCategory.CurrencySymbol) return Class.ET;
        if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark) return Class.NSM;
        if (category is UnicodeCategory.Control or UnicodeCategory.Format) return Class.BN;
        if (category == UnicodeCategory.SpaceSeparator) return Class.WS;
        if (c is >= 0x0590 and <= 0x05FF or >= 0x07C0 and <= 0x085F or >= 0xFB1D and <= 0xFB4F or >= 0x10800 and <= 0x10FFF or >= 0x1E800 and <= 0x1EFFF)
            return Class.R;
        if (c is >= 0x0600 and <= 0x07BF or >= 0x0860 and <= 0x08FF or >= 0xFB50 and <= 0xFDCF or >= 0xFDF0 and <= 0xFDFF or >= 0xFE70 and <= 0xFEFE)
            return Class.AL;
        return category switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter
                or UnicodeCategory.OtherLetter or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.DecimalDigitNumber
                or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber or UnicodeCategory.PrivateUse or UnicodeCategory.Surrogate => Class.L,
            _ => Class.ON,
        };
    }

    /// <summary>The resolved embedding level of each UTF-16 unit of <paramref name="text"/> (one line) in a
    /// paragraph of <paramref name="paragraphLevel"/>. A surrogate pair has its code point's class on both halves.</summary>
    public static byte[] Levels(string text, byte paragraphLevel = 0)
    {
        var n = text.Length;
        var types = new Class[n];
        for (var i = 0; i < n; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < n && char.IsLowSurrogate(text[i + 1]))
            {
                types[i] = types[i + 1] = ClassOf(char.ConvertToUtf32(text[i], text[i + 1]));
                i++;
            }
            else types[i] = ClassOf(text[i]);
        }
        var original = (Class[])types.Clone();
        var sos = paragraphLevel % 2 == 0 ? Class.L : Class.R;

        // X9 (as far as this subset goes): boundary neutrals take the class of what precedes them, like NSM.
        // W1: a non-spacing mark takes the class of the character before it (sos at the start).
        for (var i = 0; i < n; i++)
            if (types[i] is Class.NSM or Class.BN) types[i] = i == 0 ? sos : types[i - 1];
        // W2: European digits after Arabic letters are Arabic digits.
        var strong = sos;
        for (var i = 0; i < n; i++)
        {
            if (types[i] is Class.L or Class.R or Class.AL) strong = types[i];
            else if (types[i] == Class.EN && strong == Class.AL) types[i] = Class.AN;
        }
        // W3: Arabic letters are right to left.
        for (var i = 0; i < n; i++) if (types[i] == Class.AL) types[i] = Class.R;
        // W4: a single separator between two numbers of the same kind joins them.
        for (var i = 1; i < n - 1; i++)
        {
            if (types[i] == Class.ES && types[i - 1] == Class.EN && types[i + 1] == Class.EN) types[i] = Class.EN;
            else if (types[i] == Class.CS && types[i - 1] == Class.EN && types[i + 1] == Class.EN) types[i] = Class.EN;
            else if (types[i] == Class.CS && types[i - 1] == Class.AN && types[i + 1] == Class.AN) types[i] = Class.AN;
        }
        // W5: terminators next to European numbers are part of them.
        for (var i = 0; i < n; i++)
        {
            if (types[i] != Class.ET) continue;
            var end = i;
            while (end < n && types[end] == Class.ET) end++;
            var joins = (i > 0 && types[i - 1] == Class.EN) || (end < n && types[end] == Class.EN);
            if (joins) for (var j = i; j < end; j++) types[j] = Class.EN;
            i = end - 1;
        }
        // W6: remaining separators and terminators are neutral.
        for (var i = 0; i < n; i++) if (types[i] is Class.ES or Class.ET or Class.CS) types[i] = Class.ON;
        // W7: European numbers after left-to-right text (or at the start of a left-to-right line) are left to right.
        strong = sos;
        for (var i = 0; i < n; i++)
        {
            if (types[i] is Class.L or Class.R) strong = types[i];
            else if (types[i] == Class.EN && strong == Class.L) types[i] = Class.L;
        }
        // N0: a pair of brackets takes the direction of what it encloses, so that "(…)" around a name stays together.
        ResolveBracketPairs(text, types, original, sos, paragraphLevel % 2 == 0 ? Class.L : Class.R);
        // N1/N2: a run of neutrals between two strong directions that agree takes that direction (numbers count as
        // right to left), otherwise the paragraph's direction.
        var embedding = paragraphLevel % 2 == 0 ? Class.L : Class.R;
        for (var i = 0; i < n; i++)
        {
            if (types[i] is not (Class.B or Class.S or Class.WS or Class.ON)) continue;
            var end = i;
            while (end < n && types[end] is Class.B or Class.S or Class.WS or Class.ON) end++;
            var before = i == 0 ? sos : Direction(types[i - 1]);
            var after = end == n ? sos : Direction(types[end]);
            var resolved = before == after ? before : embedding;
            for (var j = i; j < end; j++) types[j] = resolved;
            i = end - 1;
        }
        // I1/I2: implicit levels.
        var levels = new byte[n];
        for (var i = 0; i < n; i++)
        {
            var level = paragraphLevel;
            if (level % 2 == 0) level += types[i] switch { Class.R => 1, Class.AN or Class.EN => 2, _ => 0 };
            else level += types[i] is Class.L or Class.EN or Class.AN ? (byte)1 : (byte)0;
            levels[i] = level;
        }
        // L1: white space (and boundary neutrals) at the end of the line, and before a segment or paragraph
        // separator, go back to the paragraph level.
        var trailing = true;
        for (var i = n - 1; i >= 0; i--)
        {
            var t = original[i];
            if (t is Class.S or Class.B) { levels[i] = paragraphLevel; trailing = true; }
            else if (trailing && t is Class.WS or Class.BN) levels[i] = paragraphLevel;
            else trailing = false;
        }
        return levels;
    }

    /// <summary>The bracket pairs of UAX #9 (Bidi_Paired_Bracket, BidiBrackets.txt) for the scripts the app draws:
    /// each opening bracket with its closing one.</summary>
    private static readonly Dictionary<char, char> ClosingOf = new()
    {
        ['('] = ')', ['['] = ']', ['{'] = '}', ['\u2045'] = '\u2046', ['\u207D'] = '\u207E', ['\u208D'] = '\u208E',
        ['\u3008'] = '\u3009', ['\u27E6'] = '\u27E7', ['\u27E8'] = '\u27E9', ['\u2983'] = '\u2984',
        ['\uFE59'] = '\uFE5A', ['\uFE5B'] = '\uFE5C', ['\uFF08'] = '\uFF09', ['\uFF3B'] = '\uFF3D', ['\uFF5B'] = '\uFF5D',
    };

    /// <summary>BD16 and N0. Pairs are found with a stack of at most 63 open brackets (BD16 stops at the 64th); each
    /// pair, in the order of its opening bracket, takes the embedding direction when it encloses a strong type of that
    /// direction; else, when it encloses only the other direction, that direction if the text before it has it too,
    /// otherwise the embedding direction; a pair enclosing no strong type is left to N1. A pair resolved here counts
    /// as strong for the pairs after it, and marks after a bracket follow it (W1 had made them neutral).</summary>
    private static void ResolveBracketPairs(string text, Class[] types, Class[] original, Class sos, Class embedding)
    {
        var pairs = new List<(int Open, int Close)>();
        var stack = new List<(char Closing, int Position)>();
        for (var i = 0; i < text.Length; i++)
        {
            if (types[i] != Class.ON) continue;
            // U+2329/U+232A and U+3008/U+3009 are canonically equivalent: either closes either.
            var c = text[i] switch { '\u2329' => '\u3008', '\u232A' => '\u3009', var other => other };
            if (ClosingOf.TryGetValue(c, out var closing))
            {
                if (stack.Count == 63) break;
                stack.Add((closing, i));
                continue;
            }
            for (var k = stack.Count - 1; k >= 0; k--)
            {
                if (stack[k].Closing != c) continue;
                pairs.Add((stack[k].Position, i));
                stack.RemoveRange(k, stack.Count - k);
                break;
            }
        }
        pairs.Sort((a, b) => a.Open.CompareTo(b.Open));
        foreach (var (open, close) in pairs)
        {
            var (same, opposite) = (false, false);
            for (var i = open + 1; i < close; i++)
            {
                if (StrongDirection(types[i]) is not { } direction) continue;
                if (direction == embedding) same = true; else opposite = true;
            }
            if (!same && !opposite) continue;
            var resolved = embedding;
            if (!same)
            {
                var before = sos;
                for (var i = open - 1; i >= 0; i--)
                    if (StrongDirection(types[i]) is { } direction) { before = direction; break; }
                if (before != embedding) resolved = before;
            }
            foreach (var bracket in new[] { open, close })
            {
                types[bracket] = resolved;
                for (var i = bracket + 1; i < text.Length && original[i] is Class.NSM or Class.BN; i++) types[i] = resolved;
            }
        }
    }

    /// <summary>L or R for a strong type, numbers counting as R (as N0 and N1 read them); null for a neutral.</summary>
    private static Class? StrongDirection(Class type) => type switch
    {
        Class.L => Class.L,
        Class.R or Class.AL or Class.EN or Class.AN => Class.R,
        _ => null,
    };

    private static Class Direction(Class type) => type is Class.L ? Class.L : Class.R; // R, EN and AN act as R for N1

    /// <summary>L2: the logical indices of the line in visual order, left to right: from the highest level down to
    /// the lowest odd level, every run at that level or higher is reversed.</summary>
    public static int[] VisualOrder(byte[] levels)
    {
        var order = Enumerable.Range(0, levels.Length).ToArray();
        if (levels.Length == 0) return order;
        var highest = levels.Max();
        var lowestOdd = levels.Where(l => l % 2 == 1).DefaultIfEmpty((byte)(highest + 1)).Min();
        for (var level = highest; level >= lowestOdd && level > 0; level--)
        {
            for (var i = 0; i < order.Length; i++)
            {
                if (levels[order[i]] < level) continue;
                var end = i;
                while (end < order.Length && levels[order[end]] >= level) end++;
                Array.Reverse(order, i, end - i);
                i = end;
            }
        }
        return order;
    }
}
