using Microsoft.Extensions.Localization;
using WeProtect.Summit.Data.Desks;
using WeProtect.Summit.Web.Localization;

namespace WeProtect.Summit.Web.Accounts;

/// <summary>Refuses a password that zxcvbn scores below 3 ("safely unguessable": over 10^8 guesses), whatever its
/// length, with the reasons zxcvbn found ("passwordpassword" is a common word repeated), in the reader's language.
/// The user's own e-mail and name count as words an attacker would try first. Identity's length rule (12) runs beside
/// it.</summary>
public sealed class PasswordStrengthValidator(IStringLocalizer<SharedResource> localizer) : IPasswordValidator<SummitUser>
{
    public const int MinimumScore = 3;

    public Task<IdentityResult> ValidateAsync(UserManager<SummitUser> manager, SummitUser user, string? password)
    {
        if (string.IsNullOrEmpty(password) || password.Length > AccountLimits.PasswordMaxLength) return Task.FromResult(IdentityResult.Success);
        var reason = Weakness(password, UserWords(user));
        return Task.FromResult(reason is null ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError { Code = "PasswordTooGuessable", Description = Translations.Of(localizer, reason) }));
    }

    /// <summary>Null when the password is strong enough, else why not: how soon it could be found, and each reason
    /// zxcvbn found as a sentence of its own (so that each language says it whole).</summary>
    public static DeskText? Weakness(string password, IEnumerable<string> userWords)
    {
        var result = Zxcvbn.Zxcvbn.MatchPassword(password, userWords);
        if (result.Score >= MinimumScore) return null;
        var reasons = result.MatchSequence.Select(Explain).OfType<DeskText>().DistinctBy(r => r.ToString()).ToList();
        DeskText text = $"This password is too easy to guess: it could be found {FoundIn(result.CrackTime)}.";
        foreach (var reason in reasons) text = $"{text} {reason}";
        return $"{text} Use a longer passphrase of several unrelated words.";
    }

    /// <summary>"in 3 hours": zxcvbn's estimate, said as a value in the reader's language (its own display is English).</summary>
    private static DeskText FoundIn(double seconds)
    {
        const double Minute = 60, Hour = 60 * Minute, Day = 24 * Hour, Month = 31 * Day, Year = 365 * Day;
        if (seconds < Minute) return "at once";
        if (seconds < Hour) return $"in {Math.Ceiling(seconds / Minute)} minutes";
        if (seconds < Day) return $"in {Math.Ceiling(seconds / Hour)} hours";
        if (seconds < Month) return $"in {Math.Ceiling(seconds / Day)} days";
        if (seconds < Year) return $"in {Math.Ceiling(seconds / Month)} months";
        if (seconds < 100 * Year) return $"in {Math.Ceiling(seconds / Year)} years";
        return "in centuries";
    }

    private static DeskText? Explain(Zxcvbn.Match match)
    {
        // One sentence per pattern, returned one by one: a switch of interpolated strings would be formatted in English.
        if (match is Zxcvbn.Matcher.DictionaryMatch { DictionaryName: "user_inputs" }) return "It contains your own name or e-mail address.";
        if (match.Pattern == "dictionary") return $"It contains a common word or password (\"{match.Token}\").";
        if (match.Pattern == "repeat") return $"It repeats characters or words (\"{match.Token}\").";
        if (match.Pattern == "sequence") return $"It contains a sequence (\"{match.Token}\").";
        if (match.Pattern == "spatial") return $"It contains a keyboard pattern (\"{match.Token}\").";
        if (match.Pattern == "date") return $"It contains a date (\"{match.Token}\").";
        if (match.Pattern is "digits" or "year") return $"It contains numbers that are easy to guess (\"{match.Token}\").";
        return null;
    }

    private static IEnumerable<string> UserWords(SummitUser user) =>
        new[] { user.Email, user.UserName, user.FullName }.OfType<string>()
            .SelectMany(v => v.Split(['@', '.', ' ', '-', '_'], StringSplitOptions.RemoveEmptyEntries))
            .Where(w => w.Length >= 3).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
}
