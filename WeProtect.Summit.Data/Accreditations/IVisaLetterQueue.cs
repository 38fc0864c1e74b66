namespace WeProtect.Summit.Data.Accreditations;

/// <summary>Starts the background job that renders and signs an approved visa letter (Hangfire in the app).</summary>
public interface IVisaLetterQueue
{
    void Enqueue(int visaLetterId);
}
