using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using WeProtect.Summit.Data.Accounts;
using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Organisations;

namespace WeProtect.Summit.Data;

public class SummitDbContext(DbContextOptions<SummitDbContext> options)
    : IdentityDbContext<SummitUser>(options), IDataProtectionKeyContext
{
    public DbSet<Summits.Summit> Summits => Set<Summits.Summit>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Registrations.Registration> Registrations => Set<Registrations.Registration>();
    public DbSet<Registrations.DelegationQuota> DelegationQuotas => Set<Registrations.DelegationQuota>();
    public DbSet<Notifications.Notification> Notifications => Set<Notifications.Notification>();
    public DbSet<Breakouts.Room> Rooms => Set<Breakouts.Room>();
    public DbSet<Breakouts.Theme> Themes => Set<Breakouts.Theme>();
    public DbSet<Breakouts.Breakout> Breakouts => Set<Breakouts.Breakout>();
    public DbSet<Breakouts.Booking> Bookings => Set<Breakouts.Booking>();
    public DbSet<Statements.Statement> Statements => Set<Statements.Statement>();
    public DbSet<Statements.StatementVersion> StatementVersions => Set<Statements.StatementVersion>();
    public DbSet<Statements.StatementTranslation> StatementTranslations => Set<Statements.StatementTranslation>();
    public DbSet<Endorsements.EndorsementShownText> EndorsementShownTexts => Set<Endorsements.EndorsementShownText>();
    public DbSet<Communiques.CommuniqueTranslation> CommuniqueTranslations => Set<Communiques.CommuniqueTranslation>();
    public DbSet<Statements.StatementComment> StatementComments => Set<Statements.StatementComment>();
    public DbSet<Statements.Amendment> Amendments => Set<Statements.Amendment>();
    public DbSet<Endorsements.SigningAuthority> SigningAuthorities => Set<Endorsements.SigningAuthority>();
    public DbSet<Endorsements.Endorsement> Endorsements => Set<Endorsements.Endorsement>();
    public DbSet<Communiques.Communique> Communiques => Set<Communiques.Communique>();
    public DbSet<Messages.DelegateMessage> DelegateMessages => Set<Messages.DelegateMessage>();
    public DbSet<Messages.DelegateMessageRecipient> DelegateMessageRecipients => Set<Messages.DelegateMessageRecipient>();
    public DbSet<Messages.DelegateMessageVersion> DelegateMessageVersions => Set<Messages.DelegateMessageVersion>();
    public DbSet<Reporting.ReportingCycle> ReportingCycles => Set<Reporting.ReportingCycle>();
    public DbSet<Reporting.ReportingCycleStatement> ReportingCycleStatements => Set<Reporting.ReportingCycleStatement>();
    public DbSet<Reporting.ReportingFocalPoint> ReportingFocalPoints => Set<Reporting.ReportingFocalPoint>();
    public DbSet<Reporting.ProgressReport> ProgressReports => Set<Reporting.ProgressReport>();
    public DbSet<Reporting.ProgressEntry> ProgressEntries => Set<Reporting.ProgressEntry>();
    public DbSet<Reporting.ReportReminder> ReportReminders => Set<Reporting.ReportReminder>();
    public DbSet<Reporting.ReportInvitation> ReportInvitations => Set<Reporting.ReportInvitation>();
    public DbSet<Reporting.ReportAttachment> ReportAttachments => Set<Reporting.ReportAttachment>();
    public DbSet<Reporting.ReportAttachmentContent> ReportAttachmentContents => Set<Reporting.ReportAttachmentContent>();
    public DbSet<Reporting.PublishedCommitment> PublishedCommitments => Set<Reporting.PublishedCommitment>();
    public DbSet<Reporting.PublishedReporter> PublishedReporters => Set<Reporting.PublishedReporter>();
    public DbSet<Invitations.Invitation> Invitations => Set<Invitations.Invitation>();
    public DbSet<Invitations.Nomination> Nominations => Set<Invitations.Nomination>();
    public DbSet<Invitations.InvitationReminderRound> InvitationReminderRounds => Set<Invitations.InvitationReminderRound>();
    public DbSet<Registrations.CheckInStaff> CheckInStaff => Set<Registrations.CheckInStaff>();
    public DbSet<Registrations.BadgeBatch> BadgeBatches => Set<Registrations.BadgeBatch>();
    public DbSet<Registrations.BadgePrint> BadgePrints => Set<Registrations.BadgePrint>();
    public DbSet<Materials.Material> Materials => Set<Materials.Material>();
    public DbSet<Materials.MaterialContent> MaterialContents => Set<Materials.MaterialContent>();
    public DbSet<Questions.RegistrationQuestion> RegistrationQuestions => Set<Questions.RegistrationQuestion>();
    public DbSet<Questions.RegistrationAnswer> RegistrationAnswers => Set<Questions.RegistrationAnswer>();
    public DbSet<Questions.RegistrationNeed> RegistrationNeeds => Set<Questions.RegistrationNeed>();
    public DbSet<Questions.TravelDetails> TravelDetails => Set<Questions.TravelDetails>();
    public DbSet<Retention.SummitRetention> SummitRetentions => Set<Retention.SummitRetention>();
    public DbSet<Retention.ErasureRequest> ErasureRequests => Set<Retention.ErasureRequest>();
    // Personal data of accreditation (encrypted document number, photo) and the letters that print it.
    public DbSet<Accreditations.Accreditation> Accreditations => Set<Accreditations.Accreditation>();
    public DbSet<Accreditations.VisaLetter> VisaLetters => Set<Accreditations.VisaLetter>();
    public DbSet<Accreditations.VisaLetterSettings> VisaLetterSettings => Set<Accreditations.VisaLetterSettings>();
    public DbSet<Accreditations.VisaLetterWithdrawal> VisaLetterWithdrawals => Set<Accreditations.VisaLetterWithdrawal>();
    // Per-account rate-limit counts shared by every web node.
    public DbSet<Throttling.Allowance> Allowances => Set<Throttling.Allowance>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(SummitDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configuration)
    {
        // Every DateTime is UTC; providers such as SQLite forget the kind, so restore it on the way out. Npgsql refuses
        // to write a DateTime whose kind is not UTC, so the kind is set on the way in too.
        configuration.Properties<DateTime>().HaveConversion<UtcConverter>();
        configuration.Properties<Sector>().HaveConversion<string>().HaveMaxLength(40);
        configuration.Properties<Registrations.DelegateCategory>().HaveConversion<string>().HaveMaxLength(30);
        configuration.Properties<Registrations.RegistrationStatus>().HaveConversion<string>().HaveMaxLength(20);
        configuration.Properties<Breakouts.BookingStatus>().HaveConversion<string>().HaveMaxLength(20);
        configuration.Properties<Statements.StatementKind>().HaveConversion<string>().HaveMaxLength(30);
        configuration.Properties<Statements.StatementStatus>().HaveConversion<string>().HaveMaxLength(30);
        configuration.Properties<Endorsements.AgreedByLayout>().HaveConversion<string>().HaveMaxLength(20);
        configuration.Properties<Invitations.ProtocolRank>().HaveConversion<string>().HaveMaxLength(30);
        configuration.Properties<Summits.RegistrationMode>().HaveConversion<string>().HaveMaxLength(20);
        configuration.Properties<Reporting.CommitmentStatus>().HaveConversion<string>().HaveMaxLength(20);
        configuration.Properties<Reporting.ProgressReportStatus>().HaveConversion<string>().HaveMaxLength(20);
        configuration.Properties<Reporting.ReportPublication>().HaveConversion<string>().HaveMaxLength(30);
        configuration.Properties<Questions.QuestionKind>().HaveConversion<string>().HaveMaxLength(20);
        configuration.Properties<Questions.QuestionForm>().HaveConversion<string>().HaveMaxLength(20);
        configuration.Properties<Questions.QuestionVisibility>().HaveConversion<string>().HaveMaxLength(20);
        configuration.Properties<Questions.Need>().HaveConversion<string>().HaveMaxLength(30);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RefuseAuditRewrites();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken ct = default)
    {
        RefuseAuditRewrites();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);
    }

    // The audit trail and statement versions are append-only: the application never updates or deletes a row.
    private void RefuseAuditRewrites()
    {
        if (ChangeTracker.Entries<AuditEvent>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
            throw new InvalidOperationException("Audit events are append-only: they cannot be changed or deleted.");
        if (ChangeTracker.Entries<Statements.StatementVersion>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
            throw new InvalidOperationException("Statement versions are immutable: write a new version instead.");
        if (ChangeTracker.Entries<Statements.StatementTranslation>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
            throw new InvalidOperationException("Statement translations are immutable: write a new translation instead.");
    }

    /// <summary>UTC in and out, to the microsecond: PostgreSQL keeps microseconds (SQL Server and SQLite keep .NET's
    /// 100 ns ticks), so without this a time read back would differ from the value written, and a query comparing a
    /// stored time with one held in memory (a waiting-list position, a concurrency token) would answer differently
    /// per provider. Parameters go through the converter too, so a comparison sees the stored precision.</summary>
    private sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
        v => ToMicroseconds(v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime()),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc))
    {
        private static DateTime ToMicroseconds(DateTime utc) =>
            new(utc.Ticks - utc.Ticks % (TimeSpan.TicksPerMillisecond / 1000), DateTimeKind.Utc);
    }
}
