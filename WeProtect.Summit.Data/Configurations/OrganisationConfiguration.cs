using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WeProtect.Summit.Data.Organisations;

namespace WeProtect.Summit.Data.Configurations;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> e)
    {
        e.Property(o => o.FormalName).HasMaxLength(Organisation.NameMaxLength);
        e.Property(o => o.SortName).HasMaxLength(Organisation.NameMaxLength);
        e.Property(o => o.ListedName).HasMaxLength(Organisation.NameMaxLength);
        e.Ignore(o => o.ListedAs);
        e.Property(o => o.CountryCode).HasMaxLength(2);
        e.Property(o => o.Version).IsConcurrencyToken();
        // One directory entry per formal name: a CSV imported twice does not double the Alliance.
        e.HasIndex(o => o.FormalName).IsUnique();
        e.HasIndex(o => o.SortName);
    }
}
