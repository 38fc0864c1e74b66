using System.Text.Json;
using System.Text.Json.Serialization;
using WeProtect.Summit.Data.Registrations;

namespace WeProtect.Summit.Data.Messages;

/// <summary>A scheduled message keeps its filter, not its recipients: they are chosen when it goes. Enums are written
/// as their names, as everywhere in the database.</summary>
public static class StoredFilter
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Write(RegistrationFilter filter) => JsonSerializer.Serialize(filter, Options);

    /// <summary>The filter as written; a row that cannot be read matches nobody rather than everybody.</summary>
    public static RegistrationFilter? Read(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try { return JsonSerializer.Deserialize<RegistrationFilter>(json, Options); }
        catch (JsonException) { return null; }
    }
}
