namespace WeProtect.Summit.Data.Materials;

/// <summary>The bytes of a <see cref="Material"/>, in a table of their own so that listing documents never reads them.</summary>
public class MaterialContent
{
    public int MaterialId { get; set; }
    public byte[] Bytes { get; set; } = [];
}
