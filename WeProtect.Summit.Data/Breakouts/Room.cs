using WeProtect.Summit.Data.Desks;
namespace WeProtect.Summit.Data.Breakouts;

/// <summary>A room of the summit's venue where breakouts take place.</summary>
public class Room
{
    public const int NameMaxLength = 120;

    public int Id { get; set; }
    public int SummitId { get; set; }
    public string Name { get; set; } = "";
    /// <summary>The name as rooms are told apart (<see cref="ProgrammeName"/>); always follows <see cref="Name"/>.</summary>
    public string NameKey { get => ProgrammeName.Key(Name); private set { } }
    public int Capacity { get; set; }
    /// <summary>Floor, directions, equipment.</summary>
    public string? Notes { get; set; }
    /// <summary>Changes on every save: an edit carries the version it was opened at, so two organisers never overwrite each other.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public IReadOnlyList<(string Field, DeskText Message)> Validate()
    {
        var errors = new List<(string, DeskText)>();
        if (string.IsNullOrWhiteSpace(Name)) errors.Add((nameof(Name), "The room needs a name."));
        else if (Name.Length > NameMaxLength) errors.Add((nameof(Name), $"The name is longer than {NameMaxLength} characters."));
        if (Capacity is < 1 or > 10_000) errors.Add((nameof(Capacity), "A room holds from 1 to 10,000 people."));
        if (Notes?.Length > 1000) errors.Add((nameof(Notes), "The notes are longer than 1,000 characters."));
        return errors;
    }
}
