namespace WeProtect.Summit.Data.Statements;

public enum AmendmentStatus { Pending, Accepted, Rejected }
