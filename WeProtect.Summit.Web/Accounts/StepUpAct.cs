namespace WeProtect.Summit.Web.Accounts;

/// <summary>The act a step-up guards, so that its messages are whole sentences a translation can say with its own
/// grammar ("avant de signer", "avant d'envoyer") rather than an English verb put into a sentence.</summary>
public enum StepUpAct
{
    Signing,
    Withdrawing,
    Submitting,
}
