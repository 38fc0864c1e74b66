namespace WeProtect.Summit.Data.Statements;

/// <summary>How a block of running text is written.</summary>
public enum PreambleBlockKind
{
    /// <summary>A paragraph (its lines joined as Markdown joins them; in the closing part each line is shown on its own).</summary>
    Paragraph,
    /// <summary>A bullet list, one anchor for the whole list.</summary>
    BulletList,
    /// <summary>One numbered paragraph (<c>1. **Recognise …:** text</c>), its own anchor, its number as written.</summary>
    Numbered,
}
