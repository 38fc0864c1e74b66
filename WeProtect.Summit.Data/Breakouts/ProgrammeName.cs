namespace WeProtect.Summit.Data.Breakouts;

/// <summary>How a summit's rooms and themes are told apart by name: "Africa Hall" and "africa hall" are one room. The
/// key is stored beside the name (<see cref="Room.NameKey"/>, <see cref="Theme.NameKey"/>) under a unique index per
/// summit, so two organisers adding the same name at once in different cases cannot both pass the desk's check: an
/// index on the name itself compares case by case.</summary>
public static class ProgrammeName
{
    public static string Key(string name) => name.ToUpperInvariant();
}
