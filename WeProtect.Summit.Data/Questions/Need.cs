namespace WeProtect.Summit.Data.Questions;

/// <summary>An access or dietary need a delegate can tick (stored by name). Anything else goes in the note
/// (<see cref="Registrations.Registration.AccessNeeds"/>).</summary>
public enum Need
{
    WheelchairAccess,
    StepFreeAccess,
    SignLanguage,
    HearingLoop,
    Captioning,
    LargePrint,
    Braille,
    AccessibleParking,
    QuietRoom,
    PersonalAssistant,
    Vegetarian,
    Vegan,
    Halal,
    Kosher,
    GlutenFree,
    LactoseFree,
    NutAllergy,
    ShellfishAllergy,
}
