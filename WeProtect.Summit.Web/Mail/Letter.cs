namespace WeProtect.Summit.Web.Mail;

/// <summary>A message to one person: a plain-text body, from which the HTML part is derived. A sensitive letter
/// (account confirmation, password reset) carries a link that grants access to an account. <see cref="MessageId"/>,
/// when given, is the same at every attempt to send the same notification, so that a receiving server (and anyone
/// reading the logs) can tell a repeat from a second message. <see cref="Language"/>, when given, is the letter's language
/// (Content-Language; the HTML part gets its lang and direction).</summary>
public sealed record Letter(string ToAddress, string ToName, string Subject, string TextBody, string? ActionUrl = null,
    string? ActionLabel = null, bool Sensitive = false, string? MessageId = null, string? Language = null);
