namespace WeProtect.Summit.Data.Desks;

/// <summary>Says a <see cref="DeskText"/> in the language of the request being served: for the few places in this
/// project that answer in words without a page to do it (a validation attribute's message). The web project
/// provides it per request; where it is not at hand, the English is said.</summary>
public interface IDeskTextTranslator
{
    string Translate(DeskText text);
}
