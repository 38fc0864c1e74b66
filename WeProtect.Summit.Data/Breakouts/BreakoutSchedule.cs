namespace WeProtect.Summit.Data.Breakouts;

/// <summary>The rules that need the whole programme: no two breakouts in one room at once, and no facilitator in
/// two breakouts at once. Only breakouts that still take place count.</summary>
public sealed class BreakoutSchedule(SummitDbContext db)
{
    public async Task<IReadOnlyList<(string Field, DeskText Message)>> CheckAsync(Breakout breakout, IReadOnlyCollection<string> facilitatorIds,
        CancellationToken ct = default)
    {
        var errors = new List<(string, DeskText)>();
        var overlapping = await db.Breakouts.AsNoTracking()
            // A cancelled breakout gives its room and its facilitators back.
            .Where(b => b.SummitId == breakout.SummitId && b.Id != breakout.Id && b.CancelledUtc == null)
            .Where(Breakout.Overlapping(breakout.StartUtc, breakout.EndUtc))
            .Select(b => new { b.Title, b.RoomId, b.StartUtc, b.EndUtc, Facilitators = b.Facilitators.Select(f => new { f.Id, f.FullName }).ToList() })
            .ToListAsync(ct);
        foreach (var other in overlapping.Where(o => o.RoomId == breakout.RoomId))
            errors.Add((nameof(Breakout.RoomId), $"The room is taken at that time by \"{other.Title}\"."));
        foreach (var other in overlapping)
            foreach (var person in other.Facilitators.Where(f => facilitatorIds.Contains(f.Id)))
                errors.Add((nameof(Breakout.Facilitators), $"{person.FullName} facilitates \"{other.Title}\" at the same time."));
        return errors;
    }
}
