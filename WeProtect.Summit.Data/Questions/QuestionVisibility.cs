namespace WeProtect.Summit.Data.Questions;

/// <summary>Who besides the delegate reads the answers: the organisers only, or also the delegation's focal point.</summary>
public enum QuestionVisibility
{
    Organisers,
    FocalPoint,
}
