namespace WeProtect.Summit.Data.Questions;

/// <summary>The words for each need, and which are the caterer's (dietary) rather than the venue's (access).</summary>
public static class NeedNames
{
    public static IReadOnlyList<Need> Access { get; } = Enum.GetValues<Need>().Where(n => !n.IsDietary()).ToList();
    public static IReadOnlyList<Need> Dietary { get; } = Enum.GetValues<Need>().Where(n => n.IsDietary()).ToList();

    public static bool IsDietary(this Need need) => need >= Need.Vegetarian;

    public static string DisplayName(this Need need) => Vocabulary.Words.Name(need);

    /// <summary>Needs posted by a form, or the first value that is not one (a tampered or outdated form).</summary>
    public static (IReadOnlyList<Need> Needs, string? Error) Parse(IEnumerable<string>? posted)
    {
        var needs = new List<Need>();
        foreach (var value in posted ?? [])
        {
            if (string.IsNullOrWhiteSpace(value)) continue;
            if (!Enum.TryParse<Need>(value, ignoreCase: false, out var need) || !Enum.IsDefined(need) || int.TryParse(value, out _))
                return ([], "Choose needs from the list.");
            if (!needs.Contains(need)) needs.Add(need);
        }
        return (needs, null);
    }
}
