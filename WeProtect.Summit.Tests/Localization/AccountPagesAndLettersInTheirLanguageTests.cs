using AngleSharp.Html.Dom;
using MimeKit;

namespace WeProtect.Summit.Tests.Localization;

/// <summary>The account and two-step verification pages in each language, and the account letters (confirm the
/// address, reset, changed password, two-step verification on or off) in the language saved on the account, whatever
/// language the request that caused them spoke.</summary>
public class AccountPagesAndLettersInTheirLanguageTests(LocalizedAppFactory app) : IClassFixture<LocalizedAppFactory>
{
    /// <summary>English texts of these pages that a translated page must not show.</summary>
    private static readonly string[] English =
    [
        "Forgotten your password?", "Enter your account's e-mail address", "Send the link", "Check your e-mail", "It may take a few minutes",
        "Resend the confirmation e-mail", "Enter the address you registered with", "Not allowed", "Your account may not open this page",
        "You are not logged in", "Confirm your e-mail address", "This confirmation link is not valid", "Choose a new password",
        "This password-reset link is not complete", "Two-step verification", "With two-step verification on", "Set up an authenticator app",
        "Back to your profile", "Install an authenticator app", "Scan this QR code", "Verify and turn on", "Change your password",
        "Current password", "New password", "Confirm the new password", "At least 12 characters", "Your data", "Erase your data",
        "Download your data", "I want my personal data erased", "Ask for erasure", "Your recovery codes", "Recovery codes are shown only once",
        "Back to two-step verification", "Cancel", "Change your e-mail address", "New e-mail address", "This link is not valid",
    ];

    public static TheoryData<string, string, string> Headings() => new()
    {
        { "fr", "/Account/ForgotPassword", "Mot de passe oublié ?" },
        { "fr", "/Account/ResendConfirmation", "Renvoyer le courriel de confirmation" },
        { "fr", "/Account/AccessDenied", "Non autorisé" },
        { "fr", "/Account/CheckEmail", "Consultez votre messagerie" },
        { "fr", "/Account/ConfirmEmail", "Confirmez votre adresse électronique" },
        { "fr", "/Account/ResetPassword", "Choisissez un nouveau mot de passe" },
        { "fr", "/Account/Logout", "Se déconnecter" },
        { "ar", "/Account/ForgotPassword", "هل نسيت كلمة المرور؟" },
        { "ar", "/Account/ResendConfirmation", "إعادة إرسال رسالة التأكيد" },
        { "ar", "/Account/CheckEmail", "تحقّق من بريدك الإلكتروني" },
        { "ar", "/Account/ConfirmEmail", "أكّد عنوان بريدك الإلكتروني" },
        { "ar", "/Account/ResetPassword", "اختر كلمة مرور جديدة" },
        { "es", "/Account/ForgotPassword", "¿Ha olvidado su contraseña?" },
        { "es", "/Account/CheckEmail", "Consulte su correo electrónico" },
        { "fr", "/Account/ConfirmEmailChange", "Confirmez votre nouvelle adresse électronique" },
        { "ar", "/Account/ConfirmEmailChange", "أكّد عنوان بريدك الإلكتروني الجديد" },
    };

    public static TheoryData<string, string, string> ProfileHeadings() => new()
    {
        { "fr", "/Profile/TwoFactor", "Vérification en deux étapes" },
        { "fr", "/Profile/EnableAuthenticator", "Configurer une application d'authentification" },
        { "fr", "/Profile/ChangePassword", "Changer votre mot de passe" },
        { "fr", "/Profile/Data", "Vos données" },
        { "fr", "/Profile/RecoveryCodes", "Vos codes de récupération" },
        { "ar", "/Profile/TwoFactor", "التحقق بخطوتين" },
        { "ar", "/Profile/EnableAuthenticator", "إعداد تطبيق المصادقة" },
        { "ar", "/Profile/ChangePassword", "تغيير كلمة المرور" },
        { "ar", "/Profile/Data", "بياناتك" },
        { "ar", "/Profile/RecoveryCodes", "رموز الاسترداد الخاصة بك" },
        { "fr", "/Profile/ChangeEmail", "Changer votre adresse électronique" },
        { "ar", "/Profile/ChangeEmail", "تغيير عنوان بريدك الإلكتروني" },
    };

    private static void Translated(IHtmlDocument page, string language, string heading)
    {
        Assert.Equal(language, page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(heading, page.QuerySelector("main h1")!.TextContent.Trim());
        Assert.DoesNotContain(MissingKeyMarker.Marker, page.Source.Text);
        var main = page.QuerySelector("main")!.TextContent;
        foreach (var english in English) Assert.DoesNotContain(english, main);
    }

    [Theory]
    [MemberData(nameof(Headings))]
    public async Task Signed_out_account_pages_speak_the_language_asked_for(string language, string url, string heading)
    {
        using var client = LocalizedAppFactory.Speaking(app.CreateFormClient(), language);
        Translated(await client.GetPageAsync(url), language, heading);
    }

    [Theory]
    [MemberData(nameof(ProfileHeadings))]
    public async Task Profile_and_two_step_pages_speak_the_language_asked_for(string language, string url, string heading)
    {
        using var client = LocalizedAppFactory.Speaking(await app.LoggedInClientAsync(), language);
        Translated(await client.GetPageAsync(url), language, heading);
    }

    private async Task<SummitUser> UserPreferringAsync(string language, string fullName)
    {
        var user = await app.CreateUserAsync(AccountSteps.NewEmail(), fullName);
        await app.WithDbAsync(async db =>
        {
            var row = await db.Users.SingleAsync(u => u.Id == user.Id);
            Assert.Null(row.PreferLanguage(language));
            await db.SaveChangesAsync();
        });
        return user;
    }

    private Task<MimeMessage> MailAsync(string email, string subject) =>
        app.WaitForMailAsync(m => m.To.Mailboxes.Any(a => a.Address == email) && m.Subject == subject);

    [Fact]
    public async Task A_password_too_easy_to_guess_is_refused_in_French_at_registration_and_on_the_profile()
    {
        using var french = LocalizedAppFactory.Speaking(app.CreateFormClient(), "fr");
        var email = AccountSteps.NewEmail();
        var refused = (await AccountSteps.PageOf(await french.RegisterAsync(email, "Amélie Durand", "passwordpassword"))).QuerySelector("form#register")!.TextContent;
        Assert.Contains("Ce mot de passe est trop facile à deviner : il pourrait être trouvé ", refused);
        Assert.Matches("Il (répète des caractères ou des mots|contient un mot ou un mot de passe courant) \\(« password", refused);
        Assert.Contains("Choisissez une phrase de passe plus longue, faite de plusieurs mots sans rapport entre eux.", refused);
        Assert.DoesNotContain("too easy", refused);
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));

        // The user's own name, on the profile's password form.
        var user = await app.CreateUserAsync(AccountSteps.NewEmail(), "Jean Martin");
        using var client = LocalizedAppFactory.Speaking(await app.LogInAsync(user), "fr");
        var page = await client.GetPageAsync("/Profile/ChangePassword");
        var weak = (await AccountSteps.PageOf(await client.SubmitAsync(page, "form#change-password", new Dictionary<string, string>
        {
            ["Input.OldPassword"] = SummitAppFactory.Password, ["Input.NewPassword"] = "jeanmartin2026", ["Input.ConfirmPassword"] = "jeanmartin2026",
        }))).QuerySelector("form#change-password")!.TextContent;
        Assert.Contains("Il contient votre nom ou votre adresse électronique.", weak);
        Assert.DoesNotContain("too easy", weak);

        // The name rule on the profile's fields, in French too.
        var profile = await client.GetPageAsync("/Profile");
        var refusedProfile = (await AccountSteps.PageOf(await client.SubmitAsync(profile, "form#profile", new Dictionary<string, string>
        {
            ["Input.FullName"] = "Jean Martin", ["Input.Position"] = "Ministre \u202E de la Justice",
        }))).QuerySelector("form#profile")!.TextContent;
        Assert.Contains("Votre fonction contient un caractère interdit dans un nom (", refusedProfile);
        Assert.Contains("U+202E", refusedProfile);
        Assert.DoesNotContain("contains a character", refusedProfile);
    }

    [Fact]
    public async Task An_account_made_in_French_is_confirmed_in_French_and_asked_again_in_French_from_an_English_page()
    {
        var email = AccountSteps.NewEmail();
        using var french = LocalizedAppFactory.Speaking(app.CreateFormClient(), "fr");
        var registered = await french.RegisterAsync(email, "Amélie Durand");
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        var check = await french.GetPageAsync(registered.Location());
        Assert.StartsWith("Merci. Nous avons envoyé un message", check.QuerySelector("#check-email p")!.TextContent);
        Assert.Equal("Renvoyer la confirmation", check.QuerySelector("#check-email a")!.TextContent);
        Assert.Equal("se connecter", check.QuerySelectorAll("#check-email a")[1].TextContent);

        var mail = await MailAsync(email, "Confirmez votre adresse électronique");
        Assert.StartsWith("Bonjour Amélie Durand,\n\nVeuillez confirmer votre adresse électronique pour terminer la création de votre compte WeProtect Summit.", mail.TextBody);
        Assert.Contains("Confirmez votre adresse électronique : http", mail.TextBody);
        Assert.Equal("fr", mail.Body!.Headers["Content-Language"]);
        Assert.Contains("lang=\"fr\" dir=\"ltr\"", mail.HtmlBody);

        // Asked again from a page in English: the letter follows the account's language.
        using var english = LocalizedAppFactory.Speaking(app.CreateFormClient(), "en");
        var resend = await english.GetPageAsync("/Account/ResendConfirmation");
        Assert.Equal("Resend the confirmation e-mail", resend.QuerySelector("h1")!.TextContent);
        await english.SubmitAsync(resend, "form#resend-confirmation", new Dictionary<string, string> { ["Input.Email"] = email });
        var again = await app.WaitForMailAsync(m => m.To.Mailboxes.Any(a => a.Address == email) && (m.TextBody ?? "").Contains("Voici un nouveau lien"));
        Assert.Equal("Confirmez votre adresse électronique", again.Subject);
        Assert.Contains("Si vous ne l'avez pas demandé, ne tenez pas compte de ce message.", again.TextBody);
    }

    [Fact]
    public async Task Password_letters_follow_the_accounts_language()
    {
        var user = await UserPreferringAsync("fr", "Jean Martin");
        using var english = LocalizedAppFactory.Speaking(app.CreateFormClient(), "en");

        // Someone registers again with the address.
        await english.RegisterAsync(user.Email!, "Jean Martin");
        var notice = await MailAsync(user.Email!, "Quelqu'un a tenté de s'inscrire avec votre adresse électronique");
        Assert.StartsWith("Quelqu'un, peut-être vous, a tenté de créer un compte WeProtect Summit", notice.TextBody);
        Assert.Contains("Réinitialisez votre mot de passe : http", notice.TextBody);

        var forgot = await english.GetPageAsync("/Account/ForgotPassword");
        await english.SubmitAsync(forgot, "form#forgot-password", new Dictionary<string, string> { ["Input.Email"] = user.Email! });
        var reset = await MailAsync(user.Email!, "Réinitialisation de votre mot de passe WeProtect Summit");
        Assert.StartsWith("Bonjour Jean Martin,\n\nQuelqu'un, vous-même sans doute, a demandé la réinitialisation du mot de passe", reset.TextBody);

        // The reset itself, from a French page: its form, its status line and the letter that follows.
        using var french = LocalizedAppFactory.Speaking(app.CreateFormClient(), "fr");
        var form = await french.GetPageAsync(AccountSteps.LinkIn(reset, "/Account/ResetPassword"));
        Assert.Equal("Enregistrer le nouveau mot de passe", form.QuerySelector("form#reset-password button")!.TextContent);
        var newPassword = "a new passphrase of several words";
        var (done, login) = await french.SubmitAndFollowAsync(form, "form#reset-password", new Dictionary<string, string>
        {
            ["Input.Email"] = user.Email!, ["Input.Password"] = newPassword, ["Input.ConfirmPassword"] = newPassword,
        });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("Votre mot de passe a été modifié. Connectez-vous avec votre nouveau mot de passe.", login.QuerySelector("[role=status]")!.TextContent);
        var changed = await app.WaitForMailAsync(m => m.To.Mailboxes.Any(a => a.Address == user.Email) && (m.TextBody ?? "").Contains("vient d'être réinitialisé"));
        Assert.Equal("Votre mot de passe WeProtect Summit a été modifié", changed.Subject);
        Assert.Contains("Si ce n'était pas vous, réinitialisez de nouveau votre mot de passe sans délai", changed.TextBody);
    }

    [Fact]
    public async Task An_Arabic_speaker_changes_the_password_and_turns_two_step_verification_on_and_off_in_Arabic()
    {
        var user = await UserPreferringAsync("ar", "ليلى حسن");
        using var client = await app.LogInAsync(user);

        var change = await client.GetPageAsync("/Profile/ChangePassword");
        Assert.Equal("rtl", change.DocumentElement.GetAttribute("dir"));
        var wrong = await AccountSteps.PageOf(await client.SubmitAsync(change, "form#change-password", new Dictionary<string, string>
        {
            ["Input.OldPassword"] = "not the password at all", ["Input.NewPassword"] = "another long passphrase", ["Input.ConfirmPassword"] = "another long passphrase",
        }));
        Assert.Contains("هذه ليست كلمة المرور الحالية.", wrong.QuerySelector("form#change-password")!.TextContent);
        await client.SubmitAsync(change, "form#change-password", new Dictionary<string, string>
        {
            ["Input.OldPassword"] = SummitAppFactory.Password, ["Input.NewPassword"] = "another long passphrase", ["Input.ConfirmPassword"] = "another long passphrase",
        });
        var changed = await MailAsync(user.Email!, "تم تغيير كلمة مرور حسابك في WeProtect Summit");
        Assert.StartsWith("مرحبًا ليلى حسن،", changed.TextBody);
        Assert.Contains("lang=\"ar\" dir=\"rtl\"", changed.HtmlBody);

        var setup = await client.GetPageAsync("/Profile/EnableAuthenticator");
        Assert.Equal("التحقق والتفعيل", setup.QuerySelector("form#enable-authenticator button")!.TextContent);
        var key = setup.QuerySelector("#shared-key")!.TextContent.Trim();
        var (_, codes) = await client.SubmitAndFollowAsync(setup, "form#enable-authenticator",
            new Dictionary<string, string> { ["Input.Code"] = app.TotpCode(key) });
        Assert.Equal("رموز الاسترداد الخاصة بك", codes.QuerySelector("main h1")!.TextContent);
        var on = await MailAsync(user.Email!, "التحقق بخطوتين مفعّل");
        Assert.Contains("فُعِّل للتو التحقق بخطوتين لحسابك في WeProtect Summit.", on.TextBody);

        var status = await client.GetPageAsync("/Profile/TwoFactor");
        Assert.Equal("التحقق بخطوتين مفعّل. عدد رموز الاسترداد المتبقية لديك: 10.",
            System.Text.RegularExpressions.Regex.Replace(status.QuerySelector("#two-factor-status")!.TextContent, @"\s+", " ").Trim());
        Assert.Equal("10", status.QuerySelector("#recovery-codes-left")!.TextContent);
        Translated(status, "ar", "التحقق بخطوتين");

        var off = await client.GetPageAsync("/Profile/Disable2fa");
        Translated(off, "ar", "إيقاف التحقق بخطوتين");
        var (_, after) = await client.SubmitAndFollowAsync(off, "form#disable-2fa", new Dictionary<string, string> { ["Input.Password"] = "another long passphrase" });
        Assert.Contains("التحقق بخطوتين غير مفعّل.", after.QuerySelector("#two-factor-status")!.TextContent);
        var offMail = await MailAsync(user.Email!, "التحقق بخطوتين غير مفعّل");
        Assert.Contains("أُوقف للتو التحقق بخطوتين لحسابك في WeProtect Summit.", offMail.TextBody);
    }

    [Fact]
    public async Task A_change_of_address_is_written_in_the_language_saved_on_the_account_to_both_addresses()
    {
        var user = await UserPreferringAsync("es", "Lucía Cambio");
        var oldAddress = user.Email!;
        var newAddress = AccountSteps.NewEmail();
        using var english = LocalizedAppFactory.Speaking(await app.LogInAsync(user), "en");
        await english.SubmitAsync(await english.GetPageAsync("/Profile/ChangeEmail"), "form#change-email",
            new Dictionary<string, string> { ["Input.Email"] = newAddress, ["Input.Password"] = SummitAppFactory.Password });
        var confirm = await MailAsync(newAddress, "Confirme su nueva dirección de correo electrónico");
        Assert.Contains("Pidió usar esta dirección de correo electrónico", confirm.TextBody);
        var asked = await MailAsync(oldAddress, "Se ha pedido una nueva dirección de correo electrónico para su cuenta");
        Assert.Contains($"pidió usar {newAddress} en lugar de esta dirección", asked.TextBody);
        Assert.DoesNotContain(MissingKeyMarker.Marker, confirm.TextBody + asked.TextBody);

        using var anonymous = app.CreateFormClient();
        var ready = await anonymous.GetPageAsync(AccountSteps.LinkIn(confirm, "/Account/ConfirmEmailChange"));
        await anonymous.SubmitAndFollowAsync(ready, "form#confirm-email-change");
        var changed = await MailAsync(oldAddress, "Su dirección de correo electrónico ha cambiado");
        Assert.Contains($"Su cuenta de WeProtect Summit usa ahora {newAddress}", changed.TextBody);
    }
}
