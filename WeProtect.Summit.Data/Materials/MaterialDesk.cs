using System.Security.Cryptography;
using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Desks;

namespace WeProtect.Summit.Data.Materials;

/// <summary>Documents attached to a summit or a breakout: added (type checked from the content) and deleted by
/// organisers, or by a breakout's facilitators for that breakout, each with its audit event in the same transaction.</summary>
public sealed class MaterialDesk(SummitDbContext db, AuditTrail audit, TimeProvider clock)
{
    /// <summary>Adds a document. Errors are keyed by the material's fields (the file's by "Content").
    /// <paramref name="asOrganiser"/>: the actor is an organiser; otherwise they must facilitate the breakout.</summary>
    public async Task<DeskResult<Material>> AddAsync(int summitId, int? breakoutId, string? title, string fileName, byte[] content,
        MaterialVisibility visibility, AuditActor actor, bool asOrganiser = true, CancellationToken ct = default)
    {
        if (!await db.Summits.AnyAsync(s => s.Id == summitId, ct)) return DeskResult.NotFound("There is no such summit.").With<Material>();
        if (!asOrganiser && !await FacilitatesAsync(breakoutId, actor.UserId, ct)) return NotYours().With<Material>();
        if (breakoutId is not null && !await db.Breakouts.AnyAsync(b => b.Id == breakoutId && b.SummitId == summitId, ct))
            return DeskResult.Invalid([(nameof(Material.BreakoutId), (DeskText)"Choose a breakout of this summit (or the summit as a whole).")]).With<Material>();
        var name = SafeFileName(fileName);
        if (MaterialFormats.Detect(content) is not { } type)
            return DeskResult.Invalid([(nameof(Material.Content), (DeskText)$"{name} is not a PDF, a PowerPoint presentation (.pptx) or a Word document (.docx).")]).With<Material>();
        var material = new Material
        {
            SummitId = summitId, BreakoutId = breakoutId, Title = title?.Trim() ?? "", Type = type, Visibility = visibility,
            FileName = Path.ChangeExtension(name, MaterialFormats.Extension(type)), SizeBytes = content.LongLength,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)), CreatedUtc = clock.GetUtcNow().UtcDateTime,
            CreatedByUserId = actor.UserId ?? "", Content = new MaterialContent { Bytes = content },
        };
        var errors = material.Validate();
        if (errors.Count > 0) return DeskResult.Invalid(errors).With<Material>();
        db.Materials.Add(material);
        audit.Record(actor, "material.added", material,
            $"Document ({MaterialFormats.Describe(type)}, {visibility}, {material.Sha256[..12]}…) added to {(breakoutId is null ? $"summit {summitId}" : $"breakout {breakoutId}")}");
        await audit.SaveChangesAsync(ct);
        return DeskResult.Done($"\"{material.Title}\" added.").With(material);
    }

    public async Task<DeskResult> DeleteAsync(int summitId, int materialId, AuditActor actor, bool asOrganiser = true, CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var material = await db.Materials.AsNoTracking().FirstOrDefaultAsync(m => m.Id == materialId && m.SummitId == summitId, ct);
        if (material is null) return DeskResult.NotFound("There is no such document.");
        if (!asOrganiser && !await FacilitatesAsync(material.BreakoutId, actor.UserId, ct)) return NotYours();
        await db.MaterialContents.Where(c => c.MaterialId == materialId).ExecuteDeleteAsync(ct);
        if (await db.Materials.Where(m => m.Id == materialId).ExecuteDeleteAsync(ct) == 0) return DeskResult.NotFound("There is no such document.");
        audit.Record(actor, "material.deleted", material, $"Document {material.Id} ({material.Sha256[..12]}…) deleted");
        await audit.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return DeskResult.Done($"\"{material.Title}\" deleted.");
    }

    /// <summary>Whether the user is one of the breakout's facilitators (who manage its documents).</summary>
    public Task<bool> FacilitatesAsync(int? breakoutId, string? userId, CancellationToken ct = default) =>
        MaterialAccess.FacilitatesAsync(db, breakoutId, userId, ct);

    private static DeskResult NotYours() =>
        DeskResult.Refused("Only the organisers and the breakout's facilitators can change its documents.", DeskRefusal.Forbidden);

    /// <summary>The file name without a path or characters file systems refuse; "document" when nothing is left.</summary>
    private static string SafeFileName(string fileName)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        var invalid = Path.GetInvalidFileNameChars().Concat(['"', '<', '>', '|', ':', '*', '?']).ToHashSet();
        var cleaned = new string(name.Where(c => !invalid.Contains(c) && !char.IsControl(c)).ToArray()).Trim().TrimStart('.');
        if (cleaned.Length == 0) cleaned = "document";
        return cleaned.Length > Material.FileNameMaxLength - 5 ? cleaned[..(Material.FileNameMaxLength - 5)] : cleaned;
    }
}
