namespace WeProtect.Summit.Data.Questions;

/// <summary>A question the organisers ask on one summit's registration form or on its travel form (after approval).
/// Once answered, a question keeps its kind, its form and every choice it offered, so that no answer stops meaning
/// what it meant; it can be retired (no longer asked, answers kept) rather than deleted.</summary>
public class RegistrationQuestion
{
    public const int LabelMaxLength = 200;
    public const int HelpMaxLength = 500;
    public const int ChoiceMaxLength = 100;
    public const int MaxChoices = 30;
    public const int ChoicesMaxLength = MaxChoices * (ChoiceMaxLength + 1);

    public int Id { get; private set; }
    public int SummitId { get; private set; }
    public QuestionForm Form { get; private set; }
    public QuestionKind Kind { get; private set; }
    public string Label { get; private set; } = "";
    public string? Help { get; private set; }
    /// <summary>The offered choices, one a line (choice kinds only).</summary>
    public string? ChoicesText { get; private set; }
    public bool Required { get; private set; }
    public QuestionVisibility Visibility { get; private set; }
    /// <summary>Order within its form: smaller first.</summary>
    public int Position { get; private set; }
    /// <summary>When it stopped being asked; its answers are kept and still shown to organisers.</summary>
    public DateTime? RetiredUtc { get; private set; }
    public DateTime CreatedUtc { get; private set; }
    /// <summary>Optimistic concurrency: two organisers changing the question at once, the second is told, not lost.</summary>
    public Guid Version { get; private set; } = Guid.NewGuid();

    private RegistrationQuestion() { }

    public IReadOnlyList<string> Choices => string.IsNullOrEmpty(ChoicesText) ? [] : ChoicesText.Split('\n');

    public bool IsRetired => RetiredUtc is not null;

    public bool HasChoices => Kind is QuestionKind.OneChoice or QuestionKind.SeveralChoices;

    public static bool IsChoiceKind(QuestionKind kind) => kind is QuestionKind.OneChoice or QuestionKind.SeveralChoices;

    /// <summary>A new question at the end of its form, or every broken rule of <paramref name="draft"/> keyed by field.</summary>
    public static (RegistrationQuestion? Question, IReadOnlyList<(string Field, string Message)> Errors) Create(int summitId, QuestionDraft draft,
        int position, DateTime nowUtc)
    {
        var question = new RegistrationQuestion { SummitId = summitId, Position = position, CreatedUtc = nowUtc };
        var errors = question.Apply(draft, answered: false);
        return errors.Count == 0 ? (question, errors) : (null, errors);
    }

    /// <summary>Changes the question. When it has answers, its kind and form stay and no offered choice may go:
    /// answers keep their meaning (retire it and ask a new one instead).</summary>
    public IReadOnlyList<(string Field, string Message)> Edit(QuestionDraft draft, bool answered) => Apply(draft, answered);

    private List<(string Field, string Message)> Apply(QuestionDraft draft, bool answered)
    {
        var errors = new List<(string, string)>();
        var label = draft.Label?.Trim() ?? "";
        var help = string.IsNullOrWhiteSpace(draft.Help) ? null : draft.Help.Trim().ReplaceLineEndings("\n");
        var choices = draft.Choices.Select(c => c.Trim()).Where(c => c.Length > 0).ToList();
        if (label.Length == 0) errors.Add((nameof(Label), "The question is required."));
        else if (label.Length > LabelMaxLength) errors.Add((nameof(Label), $"The question is longer than {LabelMaxLength} characters."));
        if (label.Any(char.IsControl) || help?.Any(char.IsControl) == true || choices.Any(c => c.Any(char.IsControl)))
            errors.Add((nameof(Label), "The question, its help text and its choices are one line each, without control characters."));
        if (help?.Length > HelpMaxLength) errors.Add((nameof(Help), $"The help text is longer than {HelpMaxLength} characters."));
        if (!Enum.IsDefined(draft.Kind)) errors.Add((nameof(Kind), "Choose the kind of answer."));
        if (!Enum.IsDefined(draft.Form)) errors.Add((nameof(Form), "Choose the form that asks it."));
        if (!Enum.IsDefined(draft.Visibility)) errors.Add((nameof(Visibility), "Choose who sees the answers."));
        if (IsChoiceKind(draft.Kind))
        {
            if (choices.Count < 2) errors.Add((nameof(Choices), "Give at least two choices, one a line."));
            if (choices.Count > MaxChoices) errors.Add((nameof(Choices), $"Give at most {MaxChoices} choices."));
            if (choices.Any(c => c.Length > ChoiceMaxLength)) errors.Add((nameof(Choices), $"A choice is longer than {ChoiceMaxLength} characters."));
            if (choices.Distinct(StringComparer.OrdinalIgnoreCase).Count() != choices.Count) errors.Add((nameof(Choices), "Each choice must be different."));
        }
        else choices = [];
        if (answered)
        {
            if (draft.Kind != Kind) errors.Add((nameof(Kind), "This question has answers: its kind cannot change. Retire it and add a new question instead."));
            if (draft.Form != Form) errors.Add((nameof(Form), "This question has answers: it stays on its form. Retire it and add a new question instead."));
            var gone = Choices.Where(c => !choices.Contains(c, StringComparer.Ordinal)).ToList();
            if (HasChoices && gone.Count > 0)
                errors.Add((nameof(Choices), $"This question has answers: its choices can be added to but not changed or removed ({string.Join(", ", gone.Select(g => $"\"{g}\""))})."));
        }
        if (errors.Count > 0) return errors;
        (Form, Kind, Label, Help, Required, Visibility) = (draft.Form, draft.Kind, label, help, draft.Required, draft.Visibility);
        ChoicesText = choices.Count == 0 ? null : string.Join('\n', choices);
        Version = Guid.NewGuid();
        return errors;
    }

    public void MoveTo(int position)
    {
        if (position == Position) return;
        (Position, Version) = (position, Guid.NewGuid());
    }

    public void Retire(DateTime nowUtc)
    {
        if (RetiredUtc is not null) return;
        (RetiredUtc, Version) = (nowUtc, Guid.NewGuid());
    }

    public void Restore() => (RetiredUtc, Version) = (null, Guid.NewGuid());
}
