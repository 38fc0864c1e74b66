using DocumentFormat.OpenXml.Wordprocessing;

namespace WeProtect.Summit.Data.Statements.Import;

/// <summary>Word's automatic numbering (numbering.xml), counted the way Word displays it: each list instance
/// (<c>w:num</c>) points at a definition (<c>w:abstractNum</c>) whose levels say the format and start; instances of
/// one definition continue each other's count unless an instance restarts a level (<c>w:lvlOverride</c> with a
/// <c>w:startOverride</c>: "Restart at 1"); an item resets the levels below it.</summary>
internal sealed class DocxNumbering
{
    public sealed record Label(int List, int Level, string Format, int Value);

    private sealed record Definition(string Format, int Start);

    private sealed record Instance(
        int AbstractId, Dictionary<int, int> StartOverrides, Dictionary<int, Definition> LevelOverrides);

    private const int Levels = 9;
    private readonly Dictionary<int, Dictionary<int, Definition>> abstracts = [];
    private readonly Dictionary<int, Instance> instances = [];
    private readonly Dictionary<int, int?[]> counters = [];
    private readonly HashSet<int> started = [];

    public DocxNumbering(Numbering? numbering)
    {
        if (numbering is null) return;
        foreach (var abstractNum in numbering.Elements<AbstractNum>())
        {
            if (abstractNum.AbstractNumberId?.Value is not { } id) continue;
            abstracts.TryAdd(id, Read(abstractNum.Elements<Level>()));
        }
        foreach (var num in numbering.Elements<NumberingInstance>())
        {
            if (num.NumberID?.Value is not { } numId || num.AbstractNumId?.Val?.Value is not { } abstractId) continue;
            var starts = new Dictionary<int, int>();
            var levels = new Dictionary<int, Definition>();
            foreach (var over in num.Elements<LevelOverride>())
            {
                if (over.LevelIndex?.Value is not { } level) continue;
                if (over.StartOverrideNumberingValue?.Val?.Value is { } start) starts[level] = start;
                if (over.Level is { } lvl) foreach (var (l, d) in Read([lvl])) levels[l] = d;
            }
            instances.TryAdd(numId, new Instance(abstractId, starts, levels));
        }
    }

    private static Dictionary<int, Definition> Read(IEnumerable<Level> levels)
    {
        var result = new Dictionary<int, Definition>();
        foreach (var level in levels)
        {
            if (level.LevelIndex?.Value is not { } index || index is < 0 or >= Levels) continue;
            var format = level.NumberingFormat?.Val?.InnerText ?? "decimal";
            result.TryAdd(index, new Definition(format, level.StartNumberingValue?.Val?.Value ?? 1));
        }
        return result;
    }

    /// <summary>The next label of list <paramref name="numId"/> at <paramref name="level"/>, or null when the
    /// paragraph is not numbered after all (numId 0, or a list the file does not define).</summary>
    public Label? Next(int numId, int level)
    {
        if (numId <= 0 || level is < 0 or >= Levels || !instances.TryGetValue(numId, out var instance)) return null;
        var definition = instance.LevelOverrides.GetValueOrDefault(level)
            ?? abstracts.GetValueOrDefault(instance.AbstractId)?.GetValueOrDefault(level);
        if (definition is null) return null;
        if (!counters.TryGetValue(instance.AbstractId, out var count))
            counters[instance.AbstractId] = count = new int?[Levels];
        if (started.Add(numId))
            foreach (var (l, start) in instance.StartOverrides)
                if (l is >= 0 and < Levels) count[l] = start - 1;
        var value = count[level] is { } current ? current + 1 : definition.Start;
        count[level] = value;
        for (var deeper = level + 1; deeper < Levels; deeper++) count[deeper] = null;
        return new Label(instance.AbstractId, level, definition.Format, value);
    }
}
