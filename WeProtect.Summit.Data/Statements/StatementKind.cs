namespace WeProtect.Summit.Data.Statements;

public enum StatementKind { StatementOfAction, CallToAction, Communique }
