using System.IO.Compression;

namespace WeProtect.Summit.Data.Statements.Import;

/// <summary>Checks an upload before Word's XML is read: its size, its kind, and the zip's entries (count, declared
/// and actual sizes), then copies the entries into a fresh package in memory, so that the OpenXml reader only ever
/// sees bytes that were counted. A zip bomb is refused while it is being read, not after.</summary>
internal static class DocxPackageGuard
{
    // How Word stores an encrypted .docx (and how an old .doc looks): an OLE compound file.
    private static readonly byte[] OleSignature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public static (MemoryStream? Package, string? Refusal) Unpack(byte[] content)
    {
        if (content.Length == 0) return (null, DocxStatementImport.EmptyMessage);
        if (content.Length > DocxStatementImport.MaxFileBytes) return (null, DocxStatementImport.TooLargeMessage);
        if (content.AsSpan().StartsWith(OleSignature)) return (null, DocxStatementImport.ProtectedMessage);
        if (!content.AsSpan().StartsWith("PK"u8)) return (null, DocxStatementImport.NotDocxMessage);

        ZipArchive zip;
        try
        {
            zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or ArgumentException
                                       or NotSupportedException)
        {
            return (null, DocxStatementImport.NotDocxMessage);
        }
        using (zip)
        {
            var entries = zip.Entries;
            if (entries.Count > DocxStatementImport.MaxEntries) return (null, DocxStatementImport.BombMessage);
            long declared = 0;
            foreach (var entry in entries)
            {
                declared += entry.Length;
                if (entry.Length < 0 || declared > DocxStatementImport.MaxUnpackedBytes)
                    return (null, DocxStatementImport.BombMessage);
            }
            if (!entries.Any(e => string.Equals(e.FullName, "word/document.xml", StringComparison.OrdinalIgnoreCase)))
                return (null, DocxStatementImport.NotDocxMessage);

            var output = new MemoryStream();
            var buffer = new byte[81920];
            long actual = 0;
            using (var clean = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
            {
                foreach (var entry in entries)
                {
                    if (entry.FullName.EndsWith('/')) continue;
                    var copy = clean.CreateEntry(entry.FullName, CompressionLevel.NoCompression);
                    using var from = entry.Open();
                    using var to = copy.Open();
                    long entryBytes = 0;
                    int read;
                    while ((read = from.Read(buffer)) > 0)
                    {
                        entryBytes += read;
                        actual += read;
                        // An entry that unpacks to more than it declares is crafted: stop reading it at once. (.NET's
                        // reader already stops at the declared size; this holds whatever the reader does.)
                        if (entryBytes > entry.Length || actual > DocxStatementImport.MaxUnpackedBytes)
                            return (null, DocxStatementImport.BombMessage);
                        to.Write(buffer, 0, read);
                    }
                }
            }
            output.Position = 0;
            return (output, null);
        }
    }
}
