using MailKit.Net.Smtp;

namespace WeProtect.Summit.Web.Mail;

/// <summary>Tells a mail server's final "no" from a failure worth retrying. Final: the server answered 5xx to this
/// recipient or this message (an unknown mailbox, a message refused as such), which no retry will change. Everything
/// else — a server down, unreachable, slow, answering 4xx, refusing our credentials or our sender address (a setting
/// to fix, after which every message must still go) — is waited for.</summary>
public static class MailRefusal
{
    public static bool IsPermanent(Exception exception) => exception is SmtpCommandException
    {
        StatusCode: var code,
        ErrorCode: SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted,
    } && (int)code >= 500;

    /// <summary>A failure of the mail server or the way to it, rather than of this app (which gives up after
    /// <c>Notification.MaxAttempts</c>).</summary>
    public static bool IsMailServer(Exception exception) => exception is SmtpCommandException or SmtpProtocolException
        or MailKit.ServiceNotConnectedException or MailKit.ServiceNotAuthenticatedException
        or MailKit.Security.AuthenticationException or MailKit.Security.SslHandshakeException
        or IOException or System.Net.Sockets.SocketException or TimeoutException;
}
