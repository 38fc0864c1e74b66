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
    /// <summary>Checks the text before anything is sent: required parts, lengths, placeholders.</summary>
    public static IReadOnlyList<(string Field, string Message)> Problems(string? subject, string? body)
    {
        var errors = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(subject)) errors.Add(("Subject", "Write a subject."));
        else if (subject.Trim().Length > DelegateMessage.SubjectMaxLength) errors.Add(("Subject", $"The subject is longer than {DelegateMessage.SubjectMaxLength} characters."));
        if (string.IsNullOrWhiteSpace(body)) errors.Add(("Body", "Write the message."));
        else if (body.Length > DelegateMessage.BodyMaxLength) errors.Add(("Body", $"The message is longer than {DelegateMessage.BodyMaxLength:N0} characters."));
        foreach (var (field, text) in new[] { ("Subject", subject), ("Body", body) })
            if (MessageTemplate.Unknown(text) is { Count: > 0 } unknown)
                errors.Add((field, $"Unknown placeholder{(unknown.Count == 1 ? "" : "s")} {string.Join(", ", unknown.Select(u => "{" + u + "}"))}: " +
                    $"use one of {string.Join(", ", MessageTemplate.Placeholders.Select(p => "{" + p.Name + "}"))}."));
        return errors;
    }

    public async Task<DeskResult<DelegateMessage>> SendAsync(int summitId, Guid key, string? subject, string? body, RegistrationFilter filter,
        AuditActor actor, CancellationToken ct = default)
    {
        if (Problems(subject, body) is { Count: > 0 } problems) return DeskResult.Invalid(problems).With<DelegateMessage>();
        if (!await db.Summits.AnyAsync(s => s.Id == summitId, ct)) return DeskResult.NotFound("There is no such summit.").With<DelegateMessage>();
        if (key == Guid.Empty) return DeskResult.Refused("The form was incomplete; reload the page and try again.").With<DelegateMessage>();
        if (await db.DelegateMessages.AsNoTracking().FirstOrDefaultAsync(m => m.Key == key, ct) is { } earlier)
            return AlreadySent(earlier);

        var recipients = await filter.MatchingAsync(db, summitId, ct);
        if (recipients.Count == 0) return DeskResult.Refused("No delegate matches this filter: nothing was sent.").With<DelegateMessage>();
        var organisation = filter.OrganisationId is { } o ? await db.Organisations.Where(x => x.Id == o).Select(x => x.FormalName).FirstOrDefaultAsync(ct) : null;
        var breakout = filter.BreakoutId is { } b ? await db.Breakouts.Where(x => x.Id == b && x.SummitId == summitId).Select(x => x.Title).FirstOrDefaultAsync(ct) : null;
        var audience = filter.Describe(_ => organisation, _ => breakout);

        var now = clock.GetUtcNow().UtcDateTime;
        var message = new DelegateMessage
        {
            SummitId = summitId, Key = key, Subject = subject!.Trim(), Body = body!.Replace("\r\n", "\n"),
            Audience = audience.Length > DelegateMessage.AudienceMaxLength ? audience[..DelegateMessage.AudienceMaxLength] : audience,
            RecipientCount = recipients.Count, CreatedUtc = now, CreatedByUserId = actor.UserId, CreatedByName = actor.Name,
        };
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            db.DelegateMessages.Add(message);
            await db.SaveChangesAsync(ct);
            var rows = recipients.Select(r => new DelegateMessageRecipient { MessageId = message.Id, RegistrationId = r.Id, CreatedUtc = now }).ToList();
            db.DelegateMessageRecipients.AddRange(rows);
            await db.SaveChangesAsync(ct);
            var notifications = rows.Select(r => (Row: r, Notification: notifier.Add(NotificationKinds.DelegateMessage, r.Id))).ToList();
            // The audit names the message and the count, not the people.
            audit.Record(actor, "message.sent", message, $"Message {message.Id} to {recipients.Count} delegates ({message.Audience})");
            await audit.SaveChangesAsync(ct);
            foreach (var (row, notification) in notifications) row.NotificationId = notification.Id;
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
        return DeskResult.Done($"Message sent to {recipients.Count:N0} delegate{(recipients.Count == 1 ? "" : "s")}: each is e-mailed once.").With(message);
    }

    private static DeskResult<DelegateMessage> AlreadySent(DelegateMessage message) =>
        DeskResult.Done($"This message was already sent, to {message.RecipientCount:N0} delegates; it is not sent twice.").With(message);
}
