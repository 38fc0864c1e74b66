namespace WeProtect.Summit.Tests.Invitations;

/// <summary>Every test of <see cref="InvitationReminderRaceTests"/> again on PostgreSQL, where writers really run at once.</summary>
public sealed class InvitationReminderRaceOnPostgresTests(PostgresAppFactory app) : InvitationReminderRaceTests(app), IClassFixture<PostgresAppFactory>;
