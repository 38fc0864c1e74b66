using WeProtect.Summit.Tests.Support;

namespace WeProtect.Summit.Tests.Admin;

/// <summary>Every test of <see cref="AuditTrailTests"/> (parallel appends keep one chain) again on PostgreSQL, where
/// writers really run at once (SQLite serialises them). See <see cref="PostgresAppFactory"/>.</summary>
public sealed class AuditTrailOnPostgresTests() : AuditTrailTests(new PostgresAppFactory());
