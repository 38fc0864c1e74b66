using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using WeProtect.Summit.Data.Questions;

namespace WeProtect.Summit.Tests.Accessibility;

/// <summary>Issue 18, item 1: form errors are summarised at the top and tied to their fields. An invalid registration
/// (the form as a browser without JavaScript posts it) comes back with the error summary before every field, and
/// each invalid field, the summit's own questions included, says so (aria-invalid="true") and points at its error
/// message (aria-describedby), which exists and is one of the summary's messages.</summary>
public class FormErrorTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    [Fact]
    public async Task An_invalid_registration_shows_the_error_summary_first_and_ties_each_error_to_its_field()
    {
        var summit = await app.CreateOpenSummitAsync();
        await app.CreateOrganisationAsync();
        var text = await app.AddQuestionAsync(summit.Id, QuestionKind.ShortText, "Name as in your passport");
        var yesNo = await app.AddQuestionAsync(summit.Id, QuestionKind.YesNo, "Will you attend the dinner?");
        using var client = await app.LoggedInClientAsync();
        var form = await client.GetPageAsync($"/Registration/Register/{summit.Id}");
        Assert.Empty(form.QuerySelectorAll("[aria-invalid]")); // nothing is marked before a post

        var (response, page) = await client.SubmitAndFollowAsync(form, "#registration-form", new Dictionary<string, string>
        {
            ["Input.FullName"] = "",
            ["Input.Position"] = "",
            ["Input.Category"] = "",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var registration = page.QuerySelector("#registration-form")!;
        var summary = registration.QuerySelector(".validation-summary-errors[role=alert]");
        Assert.NotNull(summary);
        var messages = summary!.QuerySelectorAll("li").Select(li => li.TextContent.Trim()).Where(m => m.Length > 0).ToList();
        Assert.NotEmpty(messages);

        // First: before every field of the form, in reading order.
        var all = page.All.ToList();
        var fields = registration.QuerySelectorAll("input:not([type=hidden]), select, textarea").ToList();
        Assert.All(fields, field => Assert.True(all.IndexOf(summary) < all.IndexOf(field), $"#{field.Id} comes before the error summary"));

        // The fields that are wrong, as the page styles them, are exactly those that say so to a screen reader.
        var styledInvalid = registration.QuerySelectorAll(".input-validation-error, .is-invalid").Where(e => e.GetAttribute("type") != "hidden").ToList();
        var ariaInvalid = registration.QuerySelectorAll("[aria-invalid]").ToList();
        Assert.Equal(styledInvalid.Select(e => e.Id), ariaInvalid.Select(e => e.Id));
        Assert.All(ariaInvalid, e => Assert.Equal("true", e.GetAttribute("aria-invalid")));
        var ids = ariaInvalid.Select(e => e.Id).ToList();
        foreach (var expected in new[] { "Input_FullName", "Input_Position", "Input_Category", Data.Registrations.Registration.AnswerField(text.Id) })
            Assert.Contains(expected, ids);
        Assert.Contains(ids, id => id!.StartsWith(Data.Registrations.Registration.AnswerField(yesNo.Id) + "-", StringComparison.Ordinal)); // the radio buttons

        foreach (var field in ariaInvalid)
        {
            // Its own description, or its group's (radio buttons are described by their fieldset).
            var describedBy = field.GetAttribute("aria-describedby") ?? field.Closest("fieldset")?.GetAttribute("aria-describedby");
            Assert.False(string.IsNullOrWhiteSpace(describedBy), $"#{field.Id} is invalid but describes nothing");
            var targets = describedBy!.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(id => (Id: id, Element: page.GetElementById(id))).ToList();
            Assert.All(targets, t => Assert.True(t.Element is not null, $"#{field.Id} points at #{t.Id}, which is not in the page"));
            var error = targets.Select(t => t.Element!).FirstOrDefault(e => e.Id!.EndsWith("-error", StringComparison.Ordinal));
            Assert.True(error is not null, $"#{field.Id} does not point at its error message");
            var message = error!.TextContent.Trim();
            Assert.False(message.Length == 0, $"#{field.Id}'s error message #{error.Id} is empty");
            Assert.Contains(message, messages);
        }
    }
}
