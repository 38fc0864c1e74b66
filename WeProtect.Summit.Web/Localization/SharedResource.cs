namespace WeProtect.Summit.Web.Localization;

/// <summary>The one set of translations of the app (SharedResource.resx and SharedResource.&lt;language&gt;.resx beside
/// this file): views, page models, desk messages, data-annotation labels and e-mails all read it through
/// <c>IStringLocalizer&lt;SharedResource&gt;</c>. The key is the English text; the neutral file holds it too, so that
/// a key missing everywhere is reported (ResourceNotFound) instead of passing silently.</summary>
public sealed class SharedResource;
