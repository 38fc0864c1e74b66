namespace WeProtect.Summit.Data.Registrations;

/// <summary>How badges are laid out on paper: one A6 card per badge, four A6 badges on an A4 sheet (cut along the
/// middle lines), or eight A7 badges on a landscape A4 sheet (the same badge at 71 %, for small pouches).</summary>
public enum BadgeLayout
{
    A6Single,
    A4Four,
    A4Eight,
}
