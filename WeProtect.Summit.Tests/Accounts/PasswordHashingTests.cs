using System.Buffers.Binary;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using WeProtect.Summit.Web.Accounts;

namespace WeProtect.Summit.Tests.Accounts;

/// <summary>The PBKDF2 round count is a setting: it reaches every hash the app makes, a hash made with fewer rounds is
/// rewritten with the setting's count at the next log-in (raising it upgrades every account in time), and a count
/// that is not a number, or too low for production, stops the app at start-up with the reason.</summary>
public class PasswordHashingTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private static int RoundsOf(string hash) =>
        // Identity's version-3 format: marker byte, PRF (4 bytes), round count (4 bytes, big-endian), salt length, …
        (int)BinaryPrimitives.ReadUInt32BigEndian(Convert.FromBase64String(hash).AsSpan(5, 4));

    [Fact]
    public async Task The_configured_count_reaches_new_hashes_and_a_weaker_hash_is_rewritten_at_the_next_log_in()
    {
        var configured = int.Parse(SummitAppFactory.TestPasswordHashIterations, CultureInfo.InvariantCulture);
        var user = await app.CreateUserAsync(AccountSteps.NewEmail());
        await app.WithDbAsync(async db =>
            Assert.Equal(configured, RoundsOf((await db.Users.SingleAsync(u => u.Id == user.Id)).PasswordHash!)));

        var weaker = new PasswordHasher<SummitUser>(Options.Create(new PasswordHasherOptions { IterationCount = configured / 2 }))
            .HashPassword(user, SummitAppFactory.Password);
        await app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.PasswordHash, weaker)));
        using var client = app.CreateFormClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.TryLogInAsync(user.Email!, SummitAppFactory.Password)).StatusCode);
        await app.WithDbAsync(async db =>
            Assert.Equal(configured, RoundsOf((await db.Users.SingleAsync(u => u.Id == user.Id)).PasswordHash!)));
    }

    [Fact]
    public void The_dummy_hash_for_unknown_addresses_costs_what_a_real_one_does()
    {
        var hashing = new PasswordHashing(Options.Create(new PasswordHasherOptions { IterationCount = 250_000 }));
        Assert.Equal(250_000, RoundsOf(hashing.TimingDummyHash));
    }

    [Theory]
    [InlineData(null, "Production", null)]
    [InlineData("600000", "Production", null)]
    [InlineData("100000", "Production", null)]
    [InlineData("1000", "Testing", null)]
    [InlineData("1000", "Production", "a production server hashes passwords with at least 100,000 rounds")]
    [InlineData("many", "Testing", "must be a whole number of at least 1,000")]
    [InlineData("999", "Development", "must be a whole number of at least 1,000")]
    [InlineData("-5", "Production", "must be a whole number of at least 1,000")]
    public void Counts_that_are_not_numbers_or_too_low_for_production_stop_the_start(string? value, string environment, string? refusal)
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection(value is null ? [] :
            [new KeyValuePair<string, string?>(PasswordHashing.IterationsKey, value)]).Build();
        var host = new HostingEnvironment { EnvironmentName = environment };
        var answer = PasswordHashing.Refusal(settings, host);
        if (refusal is not null)
        {
            Assert.Contains(refusal, answer);
            return;
        }
        Assert.Null(answer);
        Assert.Equal(value is null ? PasswordHashing.DefaultIterations : int.Parse(value, CultureInfo.InvariantCulture), PasswordHashing.Iterations(settings));
    }
}
