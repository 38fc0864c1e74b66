using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WeProtect.Summit.Data.Materials;

namespace WeProtect.Summit.Data.Configurations;

internal sealed class MaterialContentConfiguration : IEntityTypeConfiguration<MaterialContent>
{
    public void Configure(EntityTypeBuilder<MaterialContent> e) => e.HasKey(c => c.MaterialId);
}
