using Microsoft.EntityFrameworkCore.Metadata.Builders;
namespace WeProtect.Summit.Data.Configurations;

// Inside the namespace, so that "Summit" means the entity rather than the WeProtect.Summit namespace.
using WeProtect.Summit.Data.Summits;

internal sealed class SummitConfiguration : IEntityTypeConfiguration<Summit>
{
    public void Configure(EntityTypeBuilder<Summit> e)
    {
        e.Property(s => s.Name).HasMaxLength(Summit.NameMaxLength);
        e.Property(s => s.Theme).HasMaxLength(Summit.NameMaxLength * 2);
        e.Property(s => s.Description).HasMaxLength(Summit.TextMaxLength);
        e.Property(s => s.City).HasMaxLength(Summit.NameMaxLength);
        e.Property(s => s.Venue).HasMaxLength(Summit.NameMaxLength);
        e.Property(s => s.CountryCode).HasMaxLength(2);
        e.Property(s => s.TimeZoneId).HasMaxLength(64);
        e.Property(s => s.ContactEmail).HasMaxLength(254);
        e.Property(s => s.DefaultLanguage).HasMaxLength(Languages.InterfaceLanguages.CodeMaxLength);
        e.Property(s => s.ReportedIn).HasMaxLength(Summit.ReportedInMaxLength);
        e.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(s => s.Version).IsConcurrencyToken();
        e.HasMany(s => s.Hosts).WithMany().UsingEntity("SummitHost");
        e.Ignore(s => s.Zone);
        e.HasIndex(s => s.StartDate);
        e.HasIndex(s => s.CreationKey).IsUnique().HasFilter(IndexFilters.IsNotNull(nameof(Summit.CreationKey)));
    }
}
