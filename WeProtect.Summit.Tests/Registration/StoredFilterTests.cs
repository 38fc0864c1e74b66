using WeProtect.Summit.Data.Messages;
using WeProtect.Summit.Data.Organisations;

namespace WeProtect.Summit.Tests.Registration;

using WeProtect.Summit.Data.Registrations; // after the namespace line: "Registration" is also this namespace

/// <summary>A scheduled message keeps its filter as JSON until it goes: every part comes back as it was chosen,
/// the language its readers read included, and a row that cannot be read matches nobody.</summary>
public class StoredFilterTests
{
    [Fact]
    public void Every_part_of_a_filter_comes_back_as_written()
    {
        var filter = RegistrationFilter.Parse("approved", "government", "12", "ke", "headofdelegation", "yes", "7", "no", "nairobi", "fr");
        Assert.Equal("fr", filter.Reads);
        Assert.Equal(Sector.Government, filter.Sector);
        var json = StoredFilter.Write(filter);
        Assert.Contains("\"Reads\":\"fr\"", json);
        Assert.Contains("\"Status\":\"Approved\"", json);
        Assert.Equal(filter, StoredFilter.Read(json));
    }

    [Fact]
    public void A_language_the_app_does_not_speak_filters_nothing_and_is_named_and_an_unreadable_row_matches_nobody()
    {
        var unknown = RegistrationFilter.Parse(null, null, null, null, null, null, null, null, null, "xx");
        Assert.Null(unknown.Reads);
        Assert.Equal("reads", unknown.Unread);
        Assert.True((unknown with { Unread = null }).IsEmpty);
        // "any" is the word for no filter, not a value left unread; nor is it written with the filter it belongs to.
        Assert.Null(RegistrationFilter.Parse("any", null, null, null, null, null, null, null, null).Unread);
        Assert.DoesNotContain("Unread", StoredFilter.Write(unknown));
        Assert.Null(StoredFilter.Read("{not json"));
    }
}
