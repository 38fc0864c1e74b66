using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Desks;
using WeProtect.Summit.Data.Notifications;
using WeProtect.Summit.Data.Registrations;

namespace WeProtect.Summit.Data.Messages;

/// <summary>Messages from the organisers to a filtered set of a summit's delegates. Sending writes the message, one
/// recipient row per delegate and one notification each, in one transaction; the notification job then sends each
/// once (its claim makes it idempotent; the sweep resumes after a crash). The compose form's key makes a second post
/// of the same form a no-op.</summary>
public sealed class MessageDesk(SummitDbContext db, AuditTrail audit, TimeProvider clock, Notifier notifier)
{
    /// <summary>Checks the text before anything is sent: required parts, lengths, placeholders, and the language it is
    /// written in (one of the app's, so that the mail says which and the placeholders' words match it); then each
    /// version in another language the same way (one whose subject and body are both empty is no version). A field is
    /// "Subject" or "Body", and "Subject.fr", "Body.fr" for the French version.</summary>
    public static IReadOnlyList<(string Field, DeskText Message)> Problems(string? subject, string? body, string? language,
        IReadOnlyList<MessageVersionText>? versions = null)
    {
        var errors = new List<(string, DeskText)>();
        if (!Languages.InterfaceLanguages.IsSupported(language)) errors.Add(("Language", "Say which language the message is written in."));
        if (string.IsNullOrWhiteSpace(subject)) errors.Add(("Subject", "Write a subject."));
        else if (subject.Trim().Length > DelegateMessage.SubjectMaxLength) errors.Add(("Subject", $"The subject is longer than {DelegateMessage.SubjectMaxLength} characters."));
        if (string.IsNullOrWhiteSpace(body)) errors.Add(("Body", "Write the message."));
        else if (body.Length > DelegateMessage.BodyMaxLength) errors.Add(("Body", $"The message is longer than {DelegateMessage.BodyMaxLength:N0} characters."));
        PlaceholderProblems(errors, "", subject, body);
        var seen = new HashSet<string>();
        foreach (var version in Given(versions))
        {
            if (!Languages.InterfaceLanguages.IsSupported(version.Language))
            {
                errors.Add(("Versions", "A version is in a language the app does not know."));
                continue;
            }
            var code = version.Language!;
            var name = Languages.InterfaceLanguages.Get(code).NativeName;
            if (code == language)
                errors.Add(($"Subject.{code}", $"The message above is written in {name}: leave the {name} version empty, or say that the message above is written in another language."));
            else if (!seen.Add(code)) errors.Add(("Versions", $"The {name} version is given twice."));
            else
            {
                if (string.IsNullOrWhiteSpace(version.Subject)) errors.Add(($"Subject.{code}", $"Write the subject of the {name} version."));
                else if (version.Subject.Trim().Length > DelegateMessage.SubjectMaxLength)
                    errors.Add(($"Subject.{code}", $"The subject of the {name} version is longer than {DelegateMessage.SubjectMaxLength} characters."));
                if (string.IsNullOrWhiteSpace(version.Body)) errors.Add(($"Body.{code}", $"Write the message of the {name} version."));
                else if (version.Body.Length > DelegateMessage.BodyMaxLength)
                    errors.Add(($"Body.{code}", $"The {name} version is longer than {DelegateMessage.BodyMaxLength:N0} characters."));
                PlaceholderProblems(errors, "." + code, version.Subject, version.Body);
            }
        }
        return errors;
    }

    /// <summary>The versions that say something (the form posts an empty pair for every language left alone).</summary>
    public static IReadOnlyList<MessageVersionText> Given(IReadOnlyList<MessageVersionText>? versions) =>
        versions?.Where(v => !v.IsEmpty).ToList() ?? [];

    private static void PlaceholderProblems(List<(string, DeskText)> errors, string suffix, string? subject, string? body)
    {
        var known = string.Join(", ", MessageTemplate.Placeholders.Select(p => "{" + p.Name + "}"));
        foreach (var (field, text) in new[] { ("Subject", subject), ("Body", body) })
            if (MessageTemplate.Unknown(text) is { Count: > 0 } unknown)
            {
                var named = string.Join(", ", unknown.Select(u => "{" + u + "}"));
                errors.Add((field + suffix, unknown.Count == 1 ? (DeskText)$"Unknown placeholder {named}: use one of {known}." : (DeskText)$"Unknown placeholders {named}: use one of {known}."));
            }
    }

    public async Task<DeskResult<DelegateMessage>> SendAsync(int summitId, Guid key, string? subject, string? body, string? language,
        IReadOnlyList<MessageVersionText> versions, RegistrationFilter filter, AuditActor actor, CancellationToken ct = default)
    {
        if (Problems(subject, body, language, versions) is { Count: > 0 } problems) return DeskResult.Invalid(problems).With<DelegateMessage>();
        if (filter.Unread is { } unread) return DeskResult.Refused(UnreadFilter(unread)).With<DelegateMessage>();
        if (!await db.Summits.AnyAsync(s => s.Id == summitId, ct)) return DeskResult.NotFound("There is no such summit.").With<DelegateMessage>();
        if (key == Guid.Empty) return DeskResult.Refused("The form was incomplete; reload the page and try again.").With<DelegateMessage>();
        if (await db.DelegateMessages.AsNoTracking().FirstOrDefaultAsync(m => m.Key == key, ct) is { } earlier)
            return AlreadySent(earlier);

        var recipients = await filter.ReachableAsync(db, summitId, ct);
        if (recipients.Count == 0) return DeskResult.Refused("No delegate matches this filter: nothing was sent.").With<DelegateMessage>();
        var now = clock.GetUtcNow().UtcDateTime;
        var message = new DelegateMessage
        {
            SummitId = summitId, Key = key, Subject = subject!.Trim(), Body = body!.Replace("\r\n", "\n"), Language = language,
            Audience = await AudienceAsync(filter, summitId, ct), Filter = StoredFilter.Write(filter), RecipientCount = recipients.Count, CreatedUtc = now, CreatedByUserId = actor.UserId, CreatedByName = actor.Name,
        };
        foreach (var version in Given(versions)) message.AddVersion(version.Language!, version.Subject!, version.Body!);
        message.MarkSent(now);
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            db.DelegateMessages.Add(message);
            await db.SaveChangesAsync(ct);
            await WriteRecipientsAsync(message, recipients, now, ct);
            // The audit names the message and the count, not the people.
            audit.Record(actor, "message.sent", message, $"Message {message.Id} to {recipients.Count} delegates ({message.Audience})");
            await audit.SaveChangesAsync(ct);
            await notifier.CommitAsync(tx, ct);
        }
        catch (DbUpdateException)
        {
            // The unique key: the same form posted twice at the same moment.
            db.ChangeTracker.Clear();
            var first = await db.DelegateMessages.AsNoTracking().FirstOrDefaultAsync(m => m.Key == key, ct);
            if (first is null) throw;
            return AlreadySent(first);
        }
        return (recipients.Count == 1 ? DeskResult.Done("Message sent to 1 delegate: each is e-mailed once.") : DeskResult.Done($"Message sent to {recipients.Count:N0} delegates: each is e-mailed once.")).With(message);
    }

    /// <summary>Keeps a message (and its filter) to send at <paramref name="sendAtUtc"/>; the recipients are chosen then,
    /// by <see cref="SendDueAsync"/>. Cancellable until it goes.</summary>
    public async Task<DeskResult<DelegateMessage>> ScheduleAsync(int summitId, Guid key, string? subject, string? body, string? language,
        IReadOnlyList<MessageVersionText> versions, RegistrationFilter filter, DateTime? sendAtUtc, AuditActor actor, CancellationToken ct = default)
    {
        var problems = Problems(subject, body, language, versions).ToList();
        if (filter.Unread is { } unread) return DeskResult.Refused(UnreadFilter(unread)).With<DelegateMessage>();
        var now = clock.GetUtcNow().UtcDateTime;
        if (sendAtUtc is null) problems.Add(("SendAt", "Say when the message should go."));
        else if (sendAtUtc <= now) problems.Add(("SendAt", "That time has passed: choose a later one, or send the message now."));
        if (problems.Count > 0) return DeskResult.Invalid(problems).With<DelegateMessage>();
        return await KeepAsync(summitId, key, subject!, body!, language, Given(versions), filter, sendAtUtc!.Value, actor, null, ct);
    }

    /// <summary>A filter part the form did not write ("status=Bogus") would filter nothing: the message would go to
    /// everyone the other parts match.</summary>
    private static DeskText UnreadFilter(string parts) =>
        $"The filter has a value the app does not know ({parts}): choose it again from the lists. Nothing was sent or kept.";

    private static DeskText ReminderTaken(StandardReminders.Reminder reminder) =>
        $"\"{reminder.Title}\" is already scheduled or sent for this summit; cancel it first to schedule it again.";

    /// <summary>Writes a scheduled message whose text and time were checked: an organiser's (in its language) or a
    /// standard reminder (no language: each delegate gets ours in theirs).</summary>
    private async Task<DeskResult<DelegateMessage>> KeepAsync(int summitId, Guid key, string subject, string body, string? language,
        IReadOnlyList<MessageVersionText> versions, RegistrationFilter filter, DateTime sendAtUtc, AuditActor actor, string? reminder, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (!await db.Summits.AnyAsync(s => s.Id == summitId, ct)) return DeskResult.NotFound("There is no such summit.").With<DelegateMessage>();
        if (key == Guid.Empty) return DeskResult.Refused("The form was incomplete; reload the page and try again.").With<DelegateMessage>();
        if (await db.DelegateMessages.AsNoTracking().FirstOrDefaultAsync(m => m.Key == key, ct) is { } earlier)
            return DeskResult.Done("This message was already scheduled; it is not scheduled twice.").With(earlier);

        var message = new DelegateMessage
        {
            SummitId = summitId, Key = key, Subject = subject.Trim(), Body = body.Replace("\r\n", "\n"), Language = language,
            Audience = await AudienceAsync(filter, summitId, ct), Filter = StoredFilter.Write(filter), Reminder = reminder,
            ScheduledForUtc = sendAtUtc, CreatedUtc = now, CreatedByUserId = actor.UserId, CreatedByName = actor.Name,
        };
        foreach (var version in versions) message.AddVersion(version.Language!, version.Subject!, version.Body!);
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            db.DelegateMessages.Add(message);
            await db.SaveChangesAsync(ct);
            audit.Record(actor, "message.scheduled", message, $"Message {message.Id} scheduled for {sendAtUtc:yyyy-MM-dd HH:mm} UTC ({message.Audience})");
            await audit.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            var first = await db.DelegateMessages.AsNoTracking().FirstOrDefaultAsync(m => m.Key == key, ct);
            if (first is not null) return DeskResult.Done("This message was already scheduled; it is not scheduled twice.").With(first);
            // Another organiser scheduled the same standard reminder at the same moment: one live reminder of a kind
            // per summit (the filtered unique index kept theirs).
            if (StandardReminders.Find(reminder) is { } taken
                && await db.DelegateMessages.AnyAsync(m => m.SummitId == summitId && m.Reminder == taken.Kind && m.CancelledUtc == null, ct))
                return DeskResult.Refused(ReminderTaken(taken)).With<DelegateMessage>();
            throw;
        }
        return DeskResult.Done("Message scheduled: it goes to the delegates who match the filter at that time.").With(message);
    }

    /// <summary>Schedules one of the <see cref="StandardReminders"/> at its time for this summit; one live reminder of
    /// each kind per summit (cancel it to schedule it again).</summary>
    public async Task<DeskResult<DelegateMessage>> ScheduleReminderAsync(int summitId, Guid key, string? kind, AuditActor actor, CancellationToken ct = default)
    {
        if (StandardReminders.Find(kind) is not { } reminder) return DeskResult.Refused("There is no such reminder.").With<DelegateMessage>();
        var summit = await db.Summits.AsNoTracking().FirstOrDefaultAsync(s => s.Id == summitId, ct);
        if (summit is null) return DeskResult.NotFound("There is no such summit.").With<DelegateMessage>();
        if (await db.DelegateMessages.AsNoTracking().FirstOrDefaultAsync(m => m.Key == key, ct) is { } earlier)
            return DeskResult.Done("This reminder was already scheduled; it is not scheduled twice.").With(earlier);
        if (await db.DelegateMessages.AnyAsync(m => m.SummitId == summitId && m.Reminder == reminder.Kind && m.CancelledUtc == null, ct))
            return DeskResult.Refused(ReminderTaken(reminder)).With<DelegateMessage>();
        var (when, error) = StandardReminders.When(reminder, summit);
        if (error is not null) return DeskResult.Refused(error).With<DelegateMessage>();
        if (when <= clock.GetUtcNow().UtcDateTime)
            return DeskResult.Refused($"\"{reminder.Title}\" would go at {summit.ToLocal(when):d MMM yyyy HH:mm}, which has passed: write a message now instead.").With<DelegateMessage>();
        return await KeepAsync(summitId, key, reminder.Subject, reminder.Body, null, [], reminder.Filter, when, actor, reminder.Kind, ct);
    }

    /// <summary>Moves the summit's scheduled standard reminders to the times its dates now give, in the caller's
    /// transaction (the summit's change is saved with them, or neither is). A reminder whose new time has passed, or
    /// that has no time any more (the registration window was removed), is cancelled instead: it would say what is no
    /// longer true. Conditional updates: one the sweep sent meanwhile is left as sent. Returns what was done, for the
    /// organiser; the audit events are the caller's to save.</summary>
    public async Task<IReadOnlyList<DeskText>> FollowSummitDatesAsync(Summits.Summit summit, AuditActor actor, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var live = await db.DelegateMessages.AsNoTracking()
            .Where(m => m.SummitId == summit.Id && m.Reminder != null && m.SentUtc == null && m.CancelledUtc == null).ToListAsync(ct);
        var said = new List<DeskText>();
        foreach (var message in live)
        {
            if (StandardReminders.Find(message.Reminder) is not { } reminder) continue;
            var (when, error) = StandardReminders.When(reminder, summit);
            if (error is null && when == message.ScheduledForUtc) continue;
            var unsent = db.DelegateMessages.Where(m => m.Id == message.Id && m.SentUtc == null && m.CancelledUtc == null);
            DeskText title = reminder.Title;
            if (error is null && when > now)
            {
                if (await unsent.ExecuteUpdateAsync(u => u.SetProperty(m => m.ScheduledForUtc, when), ct) == 0) continue;
                audit.Record(actor, "message.rescheduled", message, $"Reminder {message.Id} moved to {when:yyyy-MM-dd HH:mm} UTC with the summit's dates");
                said.Add($"The reminder \"{title}\" now goes on {summit.ToLocal(when):d MMMM yyyy, HH:mm}.");
            }
            else
            {
                if (await unsent.ExecuteUpdateAsync(u => u.SetProperty(m => m.CancelledUtc, now).SetProperty(m => m.CancelledByName, actor.Name), ct) == 0) continue;
                audit.Record(actor, "message.cancelled", message, $"Reminder {message.Id} cancelled: the summit's new dates leave it no time to go");
                said.Add($"The reminder \"{title}\" was cancelled: with the new dates it has no time left to go.");
            }
        }
        return said;
    }

    /// <summary>Cancels a scheduled message that has not gone yet (a conditional update: the sweep's claim and the
    /// cancellation cannot both win).</summary>
    public async Task<DeskResult> CancelAsync(int summitId, int messageId, AuditActor actor, CancellationToken ct = default)
    {
        var message = await db.DelegateMessages.AsNoTracking().FirstOrDefaultAsync(m => m.Id == messageId && m.SummitId == summitId, ct);
        if (message is null) return DeskResult.NotFound("There is no such message.");
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var claimed = await db.DelegateMessages.Where(m => m.Id == messageId && m.SentUtc == null && m.CancelledUtc == null)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.CancelledUtc, now).SetProperty(m => m.CancelledByName, actor.Name), ct);
        if (claimed == 0)
        {
            var state = await db.DelegateMessages.AsNoTracking().Where(m => m.Id == messageId).Select(m => new { m.SentUtc, m.CancelledUtc }).SingleAsync(ct);
            return state.CancelledUtc is not null ? DeskResult.Done("This message was already cancelled.")
                : DeskResult.Refused("This message has already been sent; it can no longer be cancelled.");
        }
        audit.Record(actor, "message.cancelled", message, $"Scheduled message {message.Id} cancelled");
        await audit.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return DeskResult.Done("The scheduled message was cancelled: nobody will receive it.");
    }

    /// <summary>Sends every scheduled message that is due: each is claimed by a conditional update (SentUtc set once),
    /// and its recipient rows and notifications are written in the same transaction, so that two sweeps at once, or on
    /// two nodes, expand a message exactly once. Returns how many messages it sent.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.DelegateMessages.AsNoTracking().Where(DelegateMessage.Due(now)).OrderBy(m => m.ScheduledForUtc).ThenBy(m => m.Id)
            .Take(100).ToListAsync(ct);
        var sent = 0;
        foreach (var message in due)
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var claimed = await db.DelegateMessages.Where(m => m.Id == message.Id && m.SentUtc == null && m.CancelledUtc == null)
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.SentUtc, now), ct);
            if (claimed == 0) continue; // another sweep sent it, or an organiser cancelled it
            // An unreadable filter reaches nobody: never the whole summit by mistake.
            var recipients = StoredFilter.Read(message.Filter) is { } filter ? await filter.ReachableAsync(db, message.SummitId, ct) : [];
            await db.DelegateMessages.Where(m => m.Id == message.Id).ExecuteUpdateAsync(u => u.SetProperty(m => m.RecipientCount, recipients.Count), ct);
            await WriteRecipientsAsync(message, recipients, now, ct);
            audit.Record(SweepActor, "message.sent", message, $"Scheduled message {message.Id} to {recipients.Count} delegates ({message.Audience})");
            await audit.SaveChangesAsync(ct);
            await notifier.CommitAsync(tx, ct);
            sent++;
        }
        return sent;
    }

    private static readonly AuditActor SweepActor = new(null, "Message sweep");

    /// <summary>One recipient row and one notification per delegate; saved with the caller's transaction.</summary>
    private async Task WriteRecipientsAsync(DelegateMessage message, IReadOnlyList<RegistrationFilter.Key> recipients, DateTime now, CancellationToken ct)
    {
        var rows = recipients.Select(r => new DelegateMessageRecipient { MessageId = message.Id, RegistrationId = r.Id, CreatedUtc = now }).ToList();
        db.DelegateMessageRecipients.AddRange(rows);
        await db.SaveChangesAsync(ct);
        var notifications = rows.Select(r => (Row: r, Notification: notifier.Add(NotificationKinds.DelegateMessage, r.Id))).ToList();
        await db.SaveChangesAsync(ct);
        foreach (var (row, notification) in notifications) row.NotificationId = notification.Id;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The filter in English words, as the audit trail keeps them (the pages say it from the stored filter, in
    /// the reader's language).</summary>
    private async Task<string> AudienceAsync(RegistrationFilter filter, int summitId, CancellationToken ct)
    {
        var organisation = filter.OrganisationId is { } o ? await db.Organisations.Where(x => x.Id == o).Select(x => x.FormalName).FirstOrDefaultAsync(ct) : null;
        var breakout = filter.BreakoutId is { } b ? await db.Breakouts.Where(x => x.Id == b && x.SummitId == summitId).Select(x => x.Title).FirstOrDefaultAsync(ct) : null;
        var audience = filter.Describe(_ => organisation, _ => breakout);
        return audience.Length > DelegateMessage.AudienceMaxLength ? audience[..DelegateMessage.AudienceMaxLength] : audience;
    }

    private static DeskResult<DelegateMessage> AlreadySent(DelegateMessage message) =>
        DeskResult.Done($"This message was already sent, to {message.RecipientCount:N0} delegates; it is not sent twice.").With(message);
}
