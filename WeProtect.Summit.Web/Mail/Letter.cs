using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace WeProtect.Summit.Web.Mail;

/// <summary>A message to one person: a plain-text body, from which the HTML part is derived. A sensitive letter
/// (account confirmation, password reset) carries a link that grants access to an account.</summary>
public sealed record Letter(string ToAddress, string ToName, string Subject, string TextBody, string? ActionUrl = null,
    string? ActionLabel = null, bool Sensitive = false);
