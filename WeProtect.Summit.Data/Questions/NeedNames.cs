namespace WeProtect.Summit.Data.Questions;

/// <summary>The words for each need, and which are the caterer's (dietary) rather than the venue's (access).</summary>
public static class NeedNames
{
    public static IReadOnlyList<Need> Access { get; } = Enum.GetValues<Need>().Where(n => !n.IsDietary()).ToList();
    public static IReadOnlyList<Need> Dietary { get; } = Enum.GetValues<Need>().Where(n => n.IsDietary()).ToList();

    public static bool IsDietary(this Need need) => need >= Need.Vegetarian;

    public static string DisplayName(this Need need) => need switch
    {
        Need.WheelchairAccess => "Wheelchair access",
        Need.StepFreeAccess => "Step-free access",
        Need.SignLanguage => "Sign-language interpretation",
        Need.HearingLoop => "Hearing loop",
        Need.Captioning => "Live captioning",
        Need.LargePrint => "Large print",
        Need.Braille => "Braille",
        Need.AccessibleParking => "Accessible parking",
        Need.QuietRoom => "Quiet room",
        Need.PersonalAssistant => "Personal assistant or companion",
        Need.Vegetarian => "Vegetarian",
        Need.Vegan => "Vegan",
        Need.Halal => "Halal",
        Need.Kosher => "Kosher",
        Need.GlutenFree => "Gluten-free",
        Need.LactoseFree => "Lactose-free",
        Need.NutAllergy => "Nut allergy",
        Need.ShellfishAllergy => "Shellfish allergy",
        _ => need.ToString(),
    };

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
