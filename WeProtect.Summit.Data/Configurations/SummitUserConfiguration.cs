using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WeProtect.Summit.Data.Accounts;
using WeProtect.Summit.Data.Organisations;

namespace WeProtect.Summit.Data.Configurations;

internal sealed class SummitUserConfiguration : IEntityTypeConfiguration<SummitUser>
{
    public void Configure(EntityTypeBuilder<SummitUser> e)
    {
        e.Property(u => u.FullName).HasMaxLength(SummitUser.FullNameMaxLength);
        e.Property(u => u.Position).HasMaxLength(SummitUser.PositionMaxLength);
        e.Property(u => u.PreferredLanguage).HasMaxLength(Languages.InterfaceLanguages.CodeMaxLength);
        // Written only by the conditional update that claims a code (AuthenticatorCodes): Identity's UpdateAsync marks
        // every property modified, and a request holding the user loaded before the claim would otherwise put the
        // old step back (e.g. a wrong code's AccessFailedAsync), letting the used code in again.
        e.Property(u => u.LastTotpStep).Metadata.SetAfterSaveBehavior(Microsoft.EntityFrameworkCore.Metadata.PropertySaveBehavior.Ignore);
        e.HasOne<Organisation>().WithMany().HasForeignKey(u => u.OrganisationId).OnDelete(DeleteBehavior.SetNull);
    }
}
