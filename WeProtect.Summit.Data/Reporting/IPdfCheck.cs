namespace WeProtect.Summit.Data.Reporting;

/// <summary>Whether bytes are a PDF a reader can open, read from the content, never from the name. The web app's
/// implementation opens it with PDFsharp's reader; <see cref="ReportPdf"/> checks the structure first.</summary>
public interface IPdfCheck
{
    /// <summary>Null when the PDF opens, else why not (shown to the user after the file's name).</summary>
    string? Refuse(byte[] content);
}
