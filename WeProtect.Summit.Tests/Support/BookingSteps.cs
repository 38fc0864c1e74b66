using AngleSharp.Html.Dom;

namespace WeProtect.Summit.Tests.Support;

/// <summary>Driving the booking pages as a delegate would.</summary>
internal static class BookingSteps
{
    public static string BookUrl(int breakoutId) => $"/Breakouts/Bookings/Book/{breakoutId}";

    /// <summary>Opens the booking page, presses "Book a seat" and returns the page shown (after asserting 200).</summary>
    public static async Task<IHtmlDocument> BookThroughPageAsync(this FormClient client, int breakoutId)
    {
        var page = await client.GetPageAsync(BookUrl(breakoutId));
        var response = await client.SubmitAsync(page, $"form#book-form-{breakoutId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await FormClient.ParseAsync(response);
    }

    public static string? Message(this IHtmlDocument page, int breakoutId) =>
        page.QuerySelector($"#booking-message-{breakoutId}")?.TextContent.Trim();

    /// <summary>Posts to <paramref name="url"/> with the page's antiforgery token (the log-out form carries one), as
    /// a crafted request would: for forms the page does not offer.</summary>
    public static Task<HttpResponseMessage> PostWithTokenAsync(this FormClient client, IHtmlDocument page, string url,
        params (string Name, string Value)[] fields)
    {
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new Xunit.Sdk.XunitException("The page carries no antiforgery token");
        var values = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))
            .Append(new("__RequestVerificationToken", token));
        return client.Http.PostAsync(url, new FormUrlEncodedContent(values));
    }
}
