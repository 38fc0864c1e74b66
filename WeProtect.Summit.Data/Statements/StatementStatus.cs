namespace WeProtect.Summit.Data.Statements;

/// <summary>Draft → Consultation → Final → OpenForSignature → Closed → Published.</summary>
public enum StatementStatus { Draft, Consultation, Final, OpenForSignature, Closed, Published }
