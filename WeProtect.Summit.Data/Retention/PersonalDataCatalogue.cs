namespace WeProtect.Summit.Data.Retention;

/// <summary>THE list of personal data and what erasure makes of it, in one place. <see cref="Summit"/> runs on a
/// summit past its retention date (every delegate of it) and on one person's erasure request (their rows in every
/// summit); <see cref="Account"/> runs on the request only. A new personal field is one line here: its rows in an
/// <see cref="ErasureScope"/> that still hold it, and the update (or delete) that clears them.
/// Kept on purpose: ids, statuses, organisations, category, rank and minister flag, country and sector (the
/// summit's figures), check-in and booking times, endorsements (signatories printed in a communiqué are public
/// record) and the audit trail (its events name ids; rewriting them would break the chain).</summary>
public static class PersonalDataCatalogue
{
    public const string ErasedDelegate = "Erased delegate ";
    public const string ErasedText = "[erased]";
    public const string FormerUser = "Former user";
    public const string ConsultedMember = "Consulted member";
    public const string ErasedDomain = "@erased.invalid";

    /// <summary>Whether a registration's personal data has been erased (its name is the pseudonym): nobody is left to
    /// write to, and nothing of theirs to correct.</summary>
    public static bool IsErasedDelegate(int registrationId, string fullName) => fullName == ErasedDelegate + registrationId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Whether an address is one erasure put in place of a person's (it reaches nobody).</summary>
    public static bool IsErasedAddress(string? address) => address?.EndsWith(ErasedDomain, StringComparison.OrdinalIgnoreCase) == true;

    public static IReadOnlyList<PersonalDataItem> Summit { get; } =
    [
        // Registrations: what the delegate told us about themselves.
        PersonalDataItem.Of("Delegates' names", $"replaced by \"{ErasedDelegate}<id>\"",
            s => s.Registrations.Where(r => r.FullName != ErasedDelegate + r.Id.ToString()),
            (q, ct) => q.ExecuteUpdateAsync(u => u.SetProperty(r => r.FullName, r => ErasedDelegate + r.Id.ToString()), ct)),
        PersonalDataItem.Of("Delegates' positions", "removed",
            s => s.Registrations.Where(r => r.Position != ""),
            (q, ct) => q.ExecuteUpdateAsync(u => u.SetProperty(r => r.Position, ""), ct)),
        PersonalDataItem.Of("Titles and honorifics (protocol)", "removed; rank and order kept",
            s => s.Registrations.Where(r => r.Title != null || r.Honorific != null),
            (q, ct) => q.ExecuteUpdateAsync(u => u.SetProperty(r => r.Title, (string?)null).SetProperty(r => r.Honorific, (string?)null), ct)),
        PersonalDataItem.Of("Access and dietary needs", "removed",
            s => s.Registrations.Where(r => r.AccessNeeds != null),
            (q, ct) => q.ExecuteUpdateAsync(u => u.SetProperty(r => r.AccessNeeds, (string?)null), ct)),
        PersonalDataItem.Of("Organisers' reasons for a decision", "removed",
            s => s.Registrations.Where(r => r.DecisionReason != null),
            (q, ct) => q.ExecuteUpdateAsync(u => u.SetProperty(r => r.DecisionReason, (string?)null), ct)),
        PersonalDataItem.Of("Consent to the public participant list", "withdrawn (nobody is listed)",
            s => s.Registrations.Where(r => r.ConsentToPublicList),
            (q, ct) => q.ExecuteUpdateAsync(u => u.SetProperty(r => r.ConsentToPublicList, false), ct)),
        // Accreditation, travel and answers: the most sensitive rows go whole (the figures never read them).
        PersonalDataItem.Of("Travel documents (nationality, passport or ID number and expiry) and photos", "deleted",
            s => s.Db.Accreditations.Where(a => s.Registrations.Select(r => r.Id).Contains(a.RegistrationId)),
            (q, ct) => q.ExecuteDeleteAsync(ct)),
        PersonalDataItem.Of("Visa letters (the signed PDF printing the document number), refusal reasons and errors in making them",
            "PDF, reason and error removed; the letter's SHA-256 kept, so a copy its holder shows still verifies",
            s => s.Db.VisaLetters.Where(v => s.Registrations.Select(r => r.Id).Contains(v.RegistrationId) && (v.Pdf != null || v.RefusalReason != null || v.LastError != null)),
            (q, ct) => q.ExecuteUpdateAsync(u => u.SetProperty(v => v.Pdf, (byte[]?)null).SetProperty(v => v.RefusalReason, (string?)null)
                .SetProperty(v => v.LastError, (string?)null), ct)),
        PersonalDataItem.Of("Travel (arrival, departure, flights, hotel)", "deleted",
            s => s.Db.TravelDetails.Where(t => s.Registrations.Select(r => r.Id).Contains(t.RegistrationId)),
            (q, ct) => q.ExecuteDeleteAsync(ct)),
        PersonalDataItem.Of("Answers to the registration and travel questions", "deleted; the questions kept",
            s => s.Db.RegistrationAnswers.Where(a => s.Registrations.Select(r => r.Id).Contains(a.RegistrationId)),
            (q, ct) => q.ExecuteDeleteAsync(ct)),
        PersonalDataItem.Of("Ticked access and dietary needs", "deleted",
            s => s.Db.RegistrationNeeds.Where(n => s.Registrations.Select(r => r.Id).Contains(n.RegistrationId)),
            (q, ct) => q.ExecuteDeleteAsync(ct)),
        // Invitations and nominations: the addresses they were sent to.
        PersonalDataItem.Of("Nominees' e-mail addresses", $"replaced by \"erased-nomination-<id>{ErasedDomain}\"",
            s => s.Nominations.Where(n => n.NormalisedEmail != "ERASED-NOMINATION-" + n.Id.ToString() + "@ERASED.INVALID"),
            (q, ct) => q.ExecuteUpdateAsync(u => u
                .SetProperty(n => n.Email, n => "erased-nomination-" + n.Id.ToString() + ErasedDomain)
                .SetProperty(n => n.NormalisedEmail, n => "ERASED-NOMINATION-" + n.Id.ToString() + "@ERASED.INVALID"), ct)),
        PersonalDataItem.Of("Nominees' titles and honorifics", "removed; rank and order kept",
            s => s.Nominations.Where(n => n.Title != null || n.Honorific != null),
            (q, ct) => q.ExecuteUpdateAsync(u => u.SetProperty(n => n.Title, (string?)null).SetProperty(n => n.Honorific, (string?)null), ct)),
        PersonalDataItem.Of("Focal points' invitation addresses", $"replaced by \"erased-invitation-<id>{ErasedDomain}\"",
            s => s.Invitations.Where(i => i.NormalisedEmail != "ERASED-INVITATION-" + i.Id.ToString() + "@ERASED.INVALID"),
            (q, ct) => q.ExecuteUpdateAsync(u => u
                .SetProperty(i => i.Email, i => "erased-invitation-" + i.Id.ToString() + ErasedDomain)
                .SetProperty(i => i.NormalisedEmail, i => "ERASED-INVITATION-" + i.Id.ToString() + "@ERASED.INVALID"), ct)),
        PersonalDataItem.Of("Organisers' notes in reminders to focal points", "removed",
            s => s.Invitations.Where(i => i.ReminderNote != null),
            (q, ct) => q.ExecuteUpdateAsync(u => u.SetProperty(i => i.ReminderNote, (string?)null), ct)),
        // What was written to or about delegates.
        PersonalDataItem.Of("Organisers' messages to delegates (subject, body, author, who cancelled one)", $"replaced by \"{ErasedText}\"; audience and counts kept",
            s => s.Messages.Where(m => m.Body != ErasedText || m.Subject != ErasedText || m.CreatedByName != "" || m.CancelledByName != null),
            (q, ct) => q.ExecuteUpdateAsync(u => u.SetProperty(m => m.Subject, ErasedText).SetProperty(m => m.Body, ErasedText)
                .SetProperty(m => m.CreatedByName, "").SetProperty(m => m.CancelledByName, (string?)null), ct)),
        PersonalDataItem.Of("The same messages in other languages (subject, body)", $"replaced by \"{ErasedText}\"",
            s => s.MessageVersions.Where(v => v.Body != ErasedText || v.Subject != ErasedText),
            (q, ct) => q.ExecuteUpdateAsync(u => u.SetProperty(v => v.Subject, ErasedText).SetProperty(v => v.Body, ErasedText), ct)),
        PersonalDataItem.Of("Badge print log (who printed)", $"replaced by \"{ErasedText}\"",
            s => s.BadgeBatches.Where(b => b.PrintedBy != ErasedText),
            (q, ct) => q.ExecuteUpdateAsync(u => u.SetProperty(b => b.PrintedBy, ErasedText), ct)),
        PersonalDataItem.Of("Why a badge was printed again (\"lost at the hotel\")", $"replaced by \"{ErasedText}\"",
            s => s.Reprints.Where(b => b.Reason != null && b.Reason != ErasedText),
            (q, ct) => q.ExecuteUpdateAsync(u => u.SetProperty(b => b.Reason, ErasedText), ct)),
        PersonalDataItem.Of("Names of consultation commenters", $"replaced by \"{ConsultedMember}\"; comments and organisations kept",
            s => s.Comments.Where(c => c.AuthorName != ConsultedMember),
            (q, ct) => q.ExecuteUpdateAsync(u => u.SetProperty(c => c.AuthorName, ConsultedMember), ct)),
        PersonalDataItem.Of("Names of amendment proposers", $"replaced by \"{ConsultedMember}\"; wording and organisations kept",
            s => s.Amendments.Where(a => a.ProposerName != ConsultedMember),
            (q, ct) => q.ExecuteUpdateAsync(u => u.SetProperty(a => a.ProposerName, ConsultedMember), ct)),
        // E-mail: a notification holds no body (it is composed when sent), but an unsent one would be composed from
        // erased rows, and an error may quote an address. (The pick-up folder's copies are deleted by the web job.)
        PersonalDataItem.Of("E-mails not yet sent", "given up, never sent",
            s => s.Notifications.Where(n => n.SentUtc == null && n.FailedUtc == null),
            (q, s, ct) => q.ExecuteUpdateAsync(u => u.SetProperty(n => n.FailedUtc, (DateTime?)s.NowUtc)
                .SetProperty(n => n.ClaimedUtc, (DateTime?)null).SetProperty(n => n.NextAttemptUtc, (DateTime?)null), ct)),
        PersonalDataItem.Of("Mail server errors of e-mails", "removed",
            s => s.Notifications.Where(n => n.LastError != null),
            (q, ct) => q.ExecuteUpdateAsync(u => u.SetProperty(n => n.LastError, (string?)null), ct)),
    ];

    /// <summary>The account itself, on an erasure request: pseudonymised and closed (the row stays, so that the ids the
    /// audit trail and the kept records name still resolve).</summary>
    public static IReadOnlyList<PersonalDataItem> Account { get; } =
    [
        PersonalDataItem.Of("Account name, position and organisation", $"replaced by \"{FormerUser}\"",
            s => s.Account.Where(a => a.FullName != FormerUser || a.Position != null || a.OrganisationId != null),
            (q, ct) => q.ExecuteUpdateAsync(u => u.SetProperty(a => a.FullName, FormerUser).SetProperty(a => a.Position, (string?)null)
                .SetProperty(a => a.OrganisationId, (int?)null), ct)),
        PersonalDataItem.Of("Log-in e-mail address and phone number", $"replaced by \"erased-<id>{ErasedDomain}\"",
            s => s.Account.Where(a => a.NormalizedEmail != "ERASED-" + a.Id.ToUpper() + "@ERASED.INVALID" || a.PhoneNumber != null),
            (q, ct) => q.ExecuteUpdateAsync(u => u
                .SetProperty(a => a.Email, a => "erased-" + a.Id + ErasedDomain).SetProperty(a => a.UserName, a => "erased-" + a.Id + ErasedDomain)
                .SetProperty(a => a.NormalizedEmail, a => "ERASED-" + a.Id.ToUpper() + "@ERASED.INVALID")
                .SetProperty(a => a.NormalizedUserName, a => "ERASED-" + a.Id.ToUpper() + "@ERASED.INVALID")
                .SetProperty(a => a.EmailConfirmed, false).SetProperty(a => a.PhoneNumber, (string?)null)
                .SetProperty(a => a.PhoneNumberConfirmed, false), ct)),
        PersonalDataItem.Of("Password and two-step verification", "removed; the account is locked for good",
            s => s.Account.Where(a => a.PasswordHash != null || a.TwoFactorEnabled || !a.LockoutEnabled || a.LockoutEnd == null),
            (q, ct) => q.ExecuteUpdateAsync(u => u.SetProperty(a => a.PasswordHash, (string?)null).SetProperty(a => a.TwoFactorEnabled, false)
                .SetProperty(a => a.LockoutEnabled, true).SetProperty(a => a.LockoutEnd, DateTimeOffset.MaxValue)
                .SetProperty(a => a.SecurityStamp, Guid.NewGuid().ToString("N")).SetProperty(a => a.LastTotpStep, (long?)null), ct)),
        PersonalDataItem.Of("Authenticator key and recovery codes", "deleted",
            s => s.Db.UserTokens.Where(t => t.UserId == s.UserId), (q, ct) => q.ExecuteDeleteAsync(ct)),
        PersonalDataItem.Of("External log-ins", "deleted",
            s => s.Db.UserLogins.Where(l => l.UserId == s.UserId), (q, ct) => q.ExecuteDeleteAsync(ct)),
        PersonalDataItem.Of("Claims", "deleted",
            s => s.Db.UserClaims.Where(c => c.UserId == s.UserId), (q, ct) => q.ExecuteDeleteAsync(ct)),
        PersonalDataItem.Of("Roles", "withdrawn",
            s => s.Db.UserRoles.Where(r => r.UserId == s.UserId), (q, ct) => q.ExecuteDeleteAsync(ct)),
    ];
}
