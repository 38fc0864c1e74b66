namespace WeProtect.Summit.Data.Reporting;

/// <summary>A published statement covered by a reporting cycle.</summary>
public class ReportingCycleStatement
{
    private ReportingCycleStatement() { }

    public ReportingCycleStatement(int statementId) => StatementId = statementId;

    public int CycleId { get; private set; }
    public int StatementId { get; private set; }
}
