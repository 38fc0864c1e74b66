using Microsoft.Playwright;
using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Desks;
using WeProtect.Summit.Data.Organisations;
using WeProtect.Summit.Data.Registrations;
using WeProtect.Summit.Tests.Accessibility;

namespace WeProtect.Summit.Tests.Browser;

/// <summary>The vetting queue on a laptop (1280 × 800) with a summit's worth of registrations: long names, long
/// addresses and organisations, proposed organisations with their merge lists, ministers, decided rows with reasons.
/// The page is no wider than the window, the table fits its region (no sideways scrolling to reach a row's decision)
/// and the bulk decision's controls are there to use.</summary>
[Collection(BrowserCollection.Name)]
public class VettingQueueLayoutTests(BrowserFixture browser)
{
    [Fact]
    public async Task Sixty_registrations_fit_a_laptop_window_and_the_bulk_decision_is_in_reach()
    {
        var app = browser.App;
        var summit = await app.CreateOpenSummitAsync(name: "Laptop Summit " + Guid.NewGuid().ToString("N")[..6], capacity: 500);
        var organisations = new List<Organisation>
        {
            await app.CreateOrganisationAsync("Ministry of Communications and Information Technology of the Republic " + Guid.NewGuid().ToString("N")[..4]),
            await app.CreateOrganisationAsync("International Telecommunication Union Development Sector " + Guid.NewGuid().ToString("N")[..4], Sector.InternationalOrganisation),
            await app.CreateOrganisationAsync("Global Alliance of Online Safety Providers " + Guid.NewGuid().ToString("N")[..4], Sector.PrivateSector, "US"),
            await app.CreateOrganisationAsync("Child Rights Network " + Guid.NewGuid().ToString("N")[..4], Sector.CivilSociety, "KE"),
        };
        var registrations = new List<Data.Registrations.Registration>();
        for (var i = 0; i < 60; i++)
        {
            var name = i % 7 == 0 ? $"Maria-Fernanda Alejandra de los Santos Villavicencio {i}" : $"Delegate Number {i}";
            var email = i % 5 == 0 ? $"maria.fernanda.delossantos.villavicencio.{i}.{Guid.NewGuid():N}@ministry-of-communications.example.org" : null;
            var user = await app.CreateUserAsync(email, name);
            if (i % 10 == 3)
            {
                using var scope = app.Services.CreateScope();
                var proposed = new Data.Registrations.Registration
                {
                    SummitId = summit.Id, UserId = user.Id, FullName = name, Position = "Senior Adviser to the Deputy Minister",
                    Category = DelegateCategory.Delegate,
                    ProposedOrganisationName = "National Commission for the Protection of Children Online and Offline " + i,
                    ProposedSector = Sector.Government, ProposedCountryCode = "GH",
                };
                var result = await scope.ServiceProvider.GetRequiredService<RegistrationDesk>().RegisterAsync(proposed, new AuditActor(user.Id, name));
                Assert.True(result.Succeeded, result.Message);
                registrations.Add(proposed);
                continue;
            }
            registrations.Add(await app.RegisterAsync(user, summit.Id, organisations[i % organisations.Count].Id,
                i % 4 == 0 ? DelegateCategory.HeadOfDelegation : DelegateCategory.Delegate, minister: i % 6 == 0));
        }
        // Some decided, with reasons, as a queue is midway through vetting.
        foreach (var r in registrations.Where((_, i) => i % 9 == 1))
            Assert.True((await app.DecideAsync(r.Id, RegistrationStatus.Waitlisted, "The delegation has reached its quota for this summit; we will write again.")).Succeeded);
        var organiser = await app.CreateUserAsync(fullName: "Queue Organiser", roles: Roles.Organiser);

        var page = await browser.NewPageAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        await BrowserFixture.LogInAsync(page, organiser.Email!);
        await page.GotoAsync($"/Registration/Manage/{summit.Id}");
        await Assertions.Expect(page.Locator("#queue-table tbody tr")).ToHaveCountAsync(25);
        await Assertions.Expect(page.Locator("#queue-count")).ToContainTextAsync("60 registrations.");
        await browser.ScreenshotAsync(page, "1-queue");

        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(widths[0] <= widths[1], $"The queue is {widths[0]} px wide in a {widths[1]} px window{await ViewportTests.WidestAsync(page, widths[1])}");
        var table = await page.Locator("#queue-table").EvaluateAsync<int[]>("t => [t.parentElement.scrollWidth, t.parentElement.clientWidth]");
        var columns = await page.Locator("#queue-table thead th").EvaluateAllAsync<string[]>("ths => ths.map(th => `${th.textContent.trim() || '(select)'} ${Math.round(th.getBoundingClientRect().width)}`)");
        Assert.True(table[0] <= table[1], $"The queue's table is {table[0]} px wide in its {table[1]} px region: a row's decision is off to the side ({string.Join(", ", columns)})");

        // A row's decision reads whole: its buttons on one line, the reason's hint not cut short.
        var first = page.Locator("#queue-table tbody tr form.decide-form").First;
        var tops = await first.Locator("button").EvaluateAllAsync<double[]>("bs => bs.map(b => Math.round(b.getBoundingClientRect().top))");
        Assert.True(tops.Distinct().Count() == 1, $"A row's decision buttons wrap onto {tops.Distinct().Count()} lines");
        Assert.True(await first.Locator("input[name=reason]").EvaluateAsync<bool>("""
            i => { const c = document.createElement('canvas').getContext('2d'); c.font = getComputedStyle(i).font;
                   const s = getComputedStyle(i); return c.measureText(i.placeholder).width <= i.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight); }
            """), "The reason's hint is cut short");

        // The bulk decision: each control shown, inside the window's width, and usable with a row selected.
        var bulk = new[] { "#bulk-all", "#bulk-decision", "#bulk-reason", "#bulk-submit" };
        foreach (var control in bulk)
        {
            var locator = page.Locator(control);
            await locator.ScrollIntoViewIfNeededAsync();
            await Assertions.Expect(locator).ToBeVisibleAsync();
            await Assertions.Expect(locator).ToBeInViewportAsync(new() { Ratio = 1 });
        }
        await page.Locator($"#select-{registrations[2].Id}").CheckAsync();
        await page.Locator("#bulk-decision").SelectOptionAsync(nameof(RegistrationStatus.Approved));
        await page.Locator("#bulk-submit").ScrollIntoViewIfNeededAsync();
        await browser.ScreenshotAsync(page, "2-bulk-decision");
        await page.Locator("#bulk-submit").ClickAsync();
        await Assertions.Expect(page.Locator("#decision-report")).ToBeVisibleAsync();
        Assert.Equal(RegistrationStatus.Approved, await app.WithDbAsync(db => db.Registrations.Where(r => r.Id == registrations[2].Id).Select(r => r.Status).SingleAsync()));
        page.Problems().AssertNone();
        await page.Context.CloseAsync();
    }
}
