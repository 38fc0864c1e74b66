namespace WeProtect.Summit.Data.Materials;

/// <summary>The kinds of document accepted, as read from the content (<see cref="MaterialFormats.Detect"/>).</summary>
public enum MaterialType { Pdf, Pptx, Docx }
