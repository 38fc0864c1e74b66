using WeProtect.Summit.Data.Questions;

namespace WeProtect.Summit.Data.Registrations;

/// <summary>What the secretariat may correct in a registration (<see cref="Registration.Correct"/>): the name and position
/// printed on the badge, the ticked needs and the needs note. Not the organisation, the category or the consent to the
/// public list: the first two move quotas and go through a new registration, the last is the delegate's alone.</summary>
public sealed record RegistrationCorrection(string? FullName, string? Position, IReadOnlyList<Need> Needs, string? NeedsNote);
