using WeProtect.Summit.Data.Desks;
namespace WeProtect.Summit.Data.Breakouts;

/// <summary>A thread of the programme (technology, law enforcement, safeguarding children…), with its colour.</summary>
public class Theme
{
    public int Id { get; set; }
    public int SummitId { get; set; }
    public string Name { get; set; } = "";
    /// <summary>The name as themes are told apart (<see cref="ProgrammeName"/>); always follows <see cref="Name"/>.</summary>
    public string NameKey { get => ProgrammeName.Key(Name); private set { } }
    /// <summary>"#rrggbb".</summary>
    public string Colour { get; set; } = ThemePalette.Colours[0];
    /// <summary>Changes on every save: an edit carries the version it was opened at, so two organisers never overwrite each other.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public IReadOnlyList<(string Field, DeskText Message)> Validate()
    {
        var errors = new List<(string, DeskText)>();
        if (string.IsNullOrWhiteSpace(Name)) errors.Add((nameof(Name), "The theme needs a name."));
        else if (Name.Length > Room.NameMaxLength) errors.Add((nameof(Name), $"The name is longer than {Room.NameMaxLength} characters."));
        if (!System.Text.RegularExpressions.Regex.IsMatch(Colour ?? "", "^#[0-9a-fA-F]{6}$"))
            errors.Add((nameof(Colour), "The colour must be written #rrggbb."));
        return errors;
    }
}
