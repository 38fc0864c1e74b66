using WeProtect.Summit.Data.Accreditations;
using WeProtect.Summit.Web.Jobs;

namespace WeProtect.Summit.Tests.Support;

/// <summary>Visa letters: the job run as Hangfire runs it (a scope of its own), waiting for its outcome in the database.</summary>
public static class VisaLetterSteps
{
    /// <summary>Runs the job for the letter (Hangfire may have run it already: the claim keeps it to one issue) and
    /// waits until the row says issued.</summary>
    public static async Task<VisaLetter> IssueAsync(SummitAppFactory app, int letterId)
    {
        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<VisaLetterJob>().IssueAsync(letterId, CancellationToken.None);
        for (var i = 0; i < 300; i++)
        {
            var letter = await app.WithDbAsync(db => db.VisaLetters.AsNoTracking().SingleAsync(v => v.Id == letterId));
            if (letter.Status is VisaLetterStatus.Issued or VisaLetterStatus.Failed)
            {
                Assert.True(letter.Status == VisaLetterStatus.Issued, letter.LastError);
                return letter;
            }
            await Task.Delay(100);
        }
        throw new Xunit.Sdk.XunitException($"Visa letter {letterId} was not issued in 30 s");
    }
}
