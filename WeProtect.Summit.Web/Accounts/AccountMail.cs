using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using WeProtect.Summit.Web.Mail;

namespace WeProtect.Summit.Web.Accounts;

/// <summary>Account mail must not turn a mail-server hiccup into a 500 that tells an observer an address exists.</summary>
public static class AccountMail
{
    public static async Task<bool> TrySendAsync(this Mailer mailer, Letter letter, ILogger logger, string purpose)
    {
        try
        {
            await mailer.SendAsync(letter);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // No address and no body in the log, only what kind of mail failed.
            logger.LogError(ex, "Could not send the {Purpose} mail", WeProtect.Summit.Data.Validation.LogText.Safe(purpose));
            return false;
        }
    }
}
