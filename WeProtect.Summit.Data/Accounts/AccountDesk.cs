using WeProtect.Summit.Data.Audit;

namespace WeProtect.Summit.Data.Accounts;

/// <summary>What happens to an account, as the audit trail tells it. Identity (in the app) makes the change — a
/// password, a key, a role — and saves it; the page then reports it here, where each event has its one name and
/// wording. No personal data beyond the name goes into the summary.</summary>
public sealed class AccountDesk(AuditTrail audit)
{
    public Task RegisteredAsync(SummitUser user, CancellationToken ct = default) =>
        RecordAsync(user, "account.registered", $"{user.FullName} registered", ct);

    public Task EmailConfirmedAsync(SummitUser user, CancellationToken ct = default) =>
        RecordAsync(user, "account.email-confirmed", $"{user.FullName} confirmed their e-mail address", ct);

    public Task PasswordResetAsync(SummitUser user, CancellationToken ct = default) =>
        RecordAsync(user, "account.password-reset", $"{user.FullName} reset their password by e-mail link", ct);

    public Task PasswordChangedAsync(SummitUser user, CancellationToken ct = default) =>
        RecordAsync(user, "account.password-changed", $"{user.FullName} changed their password", ct);

    public Task RecoveryCodeUsedAsync(SummitUser user, int codesLeft, CancellationToken ct = default) =>
        RecordAsync(user, "account.recovery-code-used", $"{user.FullName} logged in with a recovery code ({codesLeft} left)", ct);

    public Task RecoveryCodesResetAsync(SummitUser user, CancellationToken ct = default) =>
        RecordAsync(user, "account.recovery-codes-reset", $"{user.FullName} generated new recovery codes", ct);

    public Task TwoFactorEnabledAsync(SummitUser user, CancellationToken ct = default) =>
        RecordAsync(user, "account.2fa-enabled", $"{user.FullName} turned on two-step verification", ct);

    public Task TwoFactorDisabledAsync(SummitUser user, CancellationToken ct = default) =>
        RecordAsync(user, "account.2fa-disabled", $"{user.FullName} turned off two-step verification", ct);

    /// <summary>The user changed their own details; <paramref name="nameBefore"/> is the name they had.</summary>
    public Task ProfileUpdatedAsync(SummitUser user, string nameBefore, CancellationToken ct = default) =>
        RecordAsync(user, "account.profile-updated",
            nameBefore == user.FullName ? $"{user.FullName} updated their position" : $"{nameBefore} changed their name to {user.FullName}", ct);

    public Task FirstAdministratorAsync(SummitUser user, CancellationToken ct = default) =>
        RecordAsync(user, "setup.first-admin", $"{user.FullName} created as the first administrator and organiser", ct);

    /// <summary>An administrator (<paramref name="actor"/>) gave <paramref name="user"/> a role, or took it back.</summary>
    public async Task RoleChangedAsync(SummitUser user, string role, bool granted, AuditActor actor, CancellationToken ct = default)
    {
        audit.Record(actor, granted ? "role.granted" : "role.revoked", user, $"{user.FullName} {(granted ? "given" : "no longer has")} the {role} role");
        await audit.SaveChangesAsync(ct);
    }

    /// <summary>An event the user caused on their own account: they are its actor.</summary>
    private async Task RecordAsync(SummitUser user, string action, string summary, CancellationToken ct)
    {
        audit.Record(new AuditActor(user.Id, user.FullName), action, user, summary);
        await audit.SaveChangesAsync(ct);
    }
}
