using WeProtect.Summit.Data.Audit;

namespace WeProtect.Summit.Data.Accounts;

/// <summary>What happens to an account, as the audit trail tells it. Identity (in the app) makes the change — a
/// password, a key, a role — and saves it; the page then reports it here, where each event has its one name and
/// wording. The summaries name nobody: the account is the event's subject (by id), and the trail page looks its name up
/// when shown (<see cref="AuditNames"/>), so an erased account leaves no name in the trail.</summary>
public sealed class AccountDesk(AuditTrail audit)
{
    public Task RegisteredAsync(SummitUser user, CancellationToken ct = default) =>
        RecordAsync(user, "account.registered", "Account registered", ct);

    public Task EmailConfirmedAsync(SummitUser user, CancellationToken ct = default) =>
        RecordAsync(user, "account.email-confirmed", "E-mail address confirmed", ct);

    public Task EmailChangeAskedAsync(SummitUser user, CancellationToken ct = default) =>
        RecordAsync(user, "account.email-change-asked", "A new e-mail address asked for (a link sent to it)", ct);

    public Task EmailChangedAsync(SummitUser user, CancellationToken ct = default) =>
        RecordAsync(user, "account.email-changed", "E-mail address changed (the new one confirmed by its link)", ct);

    public Task PasswordResetAsync(SummitUser user, CancellationToken ct = default) =>
        RecordAsync(user, "account.password-reset", "Password reset by e-mail link", ct);

    public Task PasswordChangedAsync(SummitUser user, CancellationToken ct = default) =>
        RecordAsync(user, "account.password-changed", "Password changed", ct);

    public Task RecoveryCodeUsedAsync(SummitUser user, int codesLeft, CancellationToken ct = default) =>
        RecordAsync(user, "account.recovery-code-used", $"Logged in with a recovery code ({codesLeft} left)", ct);

    public Task RecoveryCodesResetAsync(SummitUser user, CancellationToken ct = default) =>
        RecordAsync(user, "account.recovery-codes-reset", "New recovery codes generated", ct);

    public Task TwoFactorEnabledAsync(SummitUser user, CancellationToken ct = default) =>
        RecordAsync(user, "account.2fa-enabled", "Two-step verification turned on", ct);

    public Task TwoFactorDisabledAsync(SummitUser user, CancellationToken ct = default) =>
        RecordAsync(user, "account.2fa-disabled", "Two-step verification turned off", ct);

    /// <summary>The user changed their own details, which had the values given: the summary names the fields that
    /// changed (never their values).</summary>
    public Task ProfileUpdatedAsync(SummitUser user, string nameBefore, string? positionBefore, string? languageBefore,
        CancellationToken ct = default)
    {
        string?[] changed =
        [
            nameBefore != user.FullName ? "name" : null,
            positionBefore != user.Position ? "position" : null,
            languageBefore != user.PreferredLanguage ? "language" : null,
        ];
        var fields = string.Join(", ", changed.OfType<string>());
        return RecordAsync(user, "account.profile-updated", fields.Length == 0 ? "Profile saved unchanged" : $"Profile changed: {fields}", ct);
    }

    public Task FirstAdministratorAsync(SummitUser user, CancellationToken ct = default) =>
        RecordAsync(user, "setup.first-admin", "Created as the first administrator and organiser", ct);

    /// <summary>An event the user caused on their own account: they are its actor.</summary>
    private async Task RecordAsync(SummitUser user, string action, string summary, CancellationToken ct)
    {
        audit.Record(new AuditActor(user.Id, user.FullName, AuditActor.AccountHolder), action, user, summary);
        await audit.SaveChangesAsync(ct);
    }
}
