namespace WeProtect.Summit.Data.Materials;

/// <summary>Who may download a document: anyone, or the summit's approved delegates (and organisers).</summary>
public enum MaterialVisibility { Public, Delegates }
