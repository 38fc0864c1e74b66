using Microsoft.AspNetCore.Identity;
using WeProtect.Summit.Data.Accounts;

namespace WeProtect.Summit.Web.Accounts;

/// <summary>Refuses a password that zxcvbn scores below 3 ("safely unguessable": over 10^8 guesses), whatever its
/// length, with the reason zxcvbn found ("passwordpassword" is a common word repeated). The user's own e-mail and
/// name count as words an attacker would try first. Identity's length rule (12) runs beside it.</summary>
public sealed class PasswordStrengthValidator : IPasswordValidator<SummitUser>
{
    public const int MinimumScore = 3;

    public Task<IdentityResult> ValidateAsync(UserManager<SummitUser> manager, SummitUser user, string? password)
    {
        if (string.IsNullOrEmpty(password) || password.Length > AccountLimits.PasswordMaxLength) return Task.FromResult(IdentityResult.Success);
        var reason = Weakness(password, UserWords(user));
        return Task.FromResult(reason is null ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError { Code = "PasswordTooGuessable", Description = reason }));
    }

    /// <summary>Null when the password is strong enough, else a sentence saying why it is not.</summary>
    public static string? Weakness(string password, IEnumerable<string> userWords)
    {
        var result = Zxcvbn.Zxcvbn.MatchPassword(password, userWords);
        if (result.Score >= MinimumScore) return null;
        var reasons = result.MatchSequence.Select(Explain).OfType<string>().Distinct().ToList();
        var why = reasons.Count > 0 ? " It " + string.Join(", and ", reasons) + "." : "";
        return $"This password is too easy to guess (it could be found in {result.CrackTimeDisplay}).{why} " +
               "Use a longer passphrase of several unrelated words.";
    }

    private static string? Explain(Zxcvbn.Match match) => match.Pattern switch
    {
        "dictionary" when match is Zxcvbn.Matcher.DictionaryMatch { DictionaryName: "user_inputs" } => "contains your own name or e-mail address",
        "dictionary" => $"contains a common word or password (\"{match.Token}\")",
        "repeat" => $"repeats characters or words (\"{match.Token}\")",
        "sequence" => $"contains a sequence (\"{match.Token}\")",
        "spatial" => $"contains a keyboard pattern (\"{match.Token}\")",
        "date" => $"contains a date (\"{match.Token}\")",
        "digits" or "year" => $"contains numbers that are easy to guess (\"{match.Token}\")",
        _ => null,
    };

    private static IEnumerable<string> UserWords(SummitUser user) =>
        new[] { user.Email, user.UserName, user.FullName }.OfType<string>()
            .SelectMany(v => v.Split(['@', '.', ' ', '-', '_'], StringSplitOptions.RemoveEmptyEntries))
            .Where(w => w.Length >= 3).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
}
