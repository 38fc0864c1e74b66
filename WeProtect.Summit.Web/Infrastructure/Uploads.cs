namespace WeProtect.Summit.Web.Infrastructure;

/// <summary>Reads an uploaded file for a page, once, after its size is checked against the page's
/// <see cref="UploadRule"/>: a missing, empty or too large file is a model error on the field, never an exception.
/// What the content must be (CSV, Word, PDF) is checked by the reader the page hands the bytes to.</summary>
public static class Uploads
{
    public static async Task<byte[]?> ReadUploadAsync(this PageModel page, string field, IFormFile? upload, UploadRule rule, CancellationToken ct)
    {
        if (upload is null || upload.Length == 0)
        {
            page.ModelState.AddModelError(field, upload is null ? rule.Missing : rule.Empty);
            return null;
        }
        if (upload.Length > rule.MaxBytes)
        {
            page.ModelState.AddModelError(field, rule.TooLarge(Path.GetFileName(upload.FileName)));
            return null;
        }
        await using var stream = upload.OpenReadStream();
        using var memory = new MemoryStream((int)upload.Length);
        await stream.CopyToAsync(memory, ct);
        return memory.ToArray();
    }
}
