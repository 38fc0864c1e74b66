namespace WeProtect.Summit.Data.Throttling;

/// <summary>How much of one account's allowance for one action (log-in, password reset, …) is used in the current
/// window. Held in the database so that every web node counts against the same allowance. The key is a SHA-256 of the
/// partition (which names an e-mail address), so no address is stored here.</summary>
public class Allowance
{
    private Allowance() { }

    internal Allowance(string key, DateTime windowEndsUtc)
    {
        Key = key;
        WindowEndsUtc = windowEndsUtc;
        Used = 1;
    }

    public string Key { get; private set; } = "";
    public DateTime WindowEndsUtc { get; private set; }
    public int Used { get; private set; }
}
