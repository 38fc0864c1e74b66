namespace WeProtect.Summit.Web.Signing;

/// <summary>What every output of an "Agreed by" list says beneath it: the page, the communiqué and the signatory list PDFs.</summary>
public static class AgreedByNotes
{
    /// <summary>Beneath a list with endorsements of a summit recorded afterwards: nobody signed them here, and {0} says
    /// where they were read (the sources, separated by semicolons).</summary>
    public const string RecordedAsPrinted = "Recorded by the secretariat from the printed record ({0}): these endorsements were given before the summit was kept here, and were not signed here.";
}
