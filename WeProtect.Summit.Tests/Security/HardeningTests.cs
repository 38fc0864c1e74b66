using Microsoft.AspNetCore.Identity;
using WeProtect.Summit.Tests.Accounts;
using WeProtect.Summit.Web.Accounts;
using WeProtect.Summit.Web.Infrastructure;

namespace WeProtect.Summit.Tests.Security;

/// <summary>Weak passwords refused with a reason; data-protection keys and authenticator secrets encrypted at rest,
/// with the certificate the app generated on its first start.</summary>
public sealed class HardeningTests(FirstStartApp app) : IClassFixture<FirstStartApp>
{
    [Fact]
    public async Task A_long_but_guessable_password_is_refused_with_the_reason()
    {
        using var client = app.CreateFormClient();
        var email = AccountSteps.NewEmail();
        var response = await client.RegisterAsync(email, "Weak Password Person", "passwordpassword");
        var page = await AccountSteps.PageOf(response);
        var text = page.QuerySelector("main")!.TextContent;
        Assert.Contains("too easy to guess", text);
        Assert.True(text.Contains("repeats") || text.Contains("common word"), text);
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));

        // The user's own name is among the first guesses; a passphrase of unrelated words passes.
        Assert.Contains("your own name", PasswordStrengthValidator.Weakness("amandaholloway1", ["amanda", "holloway"])?.ToString());
        Assert.Null(PasswordStrengthValidator.Weakness(SummitAppFactory.Password, ["test", "user"]));
    }

    [Fact]
    public async Task Data_protection_keys_are_stored_encrypted_with_a_private_certificate()
    {
        // The log-in writes a cookie, which needs a key.
        await app.LoggedInClientAsync();
        var keys = await app.WithDbAsync(db => db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml).ToListAsync());
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("<encryptedSecret", xml);
            Assert.Contains("EncryptedXmlDecryptor", xml);
            Assert.DoesNotContain("<masterKey", xml);
        });
        var certificate = Path.Combine(app.DataFolder, "keys", KeyEncryptionCertificate.GeneratedFileName);
        Assert.True(File.Exists(certificate));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(certificate));
    }

    [Fact]
    public async Task The_authenticator_secret_is_stored_encrypted_and_an_old_plain_one_still_works()
    {
        var user = await app.CreateUserAsync();
        var key = await app.EnableTwoFactorAsync(user);
        var stored = await app.WithDbAsync(db => db.UserTokens.AsNoTracking()
            .Where(t => t.UserId == user.Id && t.Name == "AuthenticatorKey").Select(t => t.Value).SingleAsync());
        Assert.NotNull(stored);
        Assert.NotEqual(key, stored);
        Assert.DoesNotContain(key, stored);

        // A key written in clear by an earlier version is still read, so its owner still logs in.
        var plain = Base32Secret();
        await app.WithDbAsync(db => db.UserTokens.Where(t => t.UserId == user.Id && t.Name == "AuthenticatorKey")
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Value, plain)));
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<SummitUser>>();
            Assert.Equal(plain, await users.GetAuthenticatorKeyAsync((await users.FindByIdAsync(user.Id))!));
        }
        using var client = app.CreateFormClient();
        await client.LogInWithTwoFactorAsync(app, user.Email!, plain);
    }

    private static string Base32Secret() => OtpNet.Base32Encoding.ToString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(20));
}
