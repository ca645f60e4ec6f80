using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CsCheck;
using SocialInfra.Networks;
using SocialInfra.Tests.Infrastructure;
using SocialInfra.Workshops;

namespace SocialInfra.Tests.Fuzz;

/// <summary>
/// Property: whatever is typed (or forged) into any field of any form, by the person the form is for, the page never
/// answers 5xx: it saves, or shows the form again naming what is wrong, or refuses with a 4xx.
/// </summary>
public class FormFuzzTests(AccountsFactory app) : IClassFixture<AccountsFactory>
{
    private const string Participant = "participant";

    // Who uses the form, the page, and which form on it; {…} are filled in with records made for the test.
    private static readonly (string? Visitor, string Url, string Form)[] FormsToTry =
    [
        (AccountsFactory.Officer, "/Places/Edit", "#place-form"),
        (AccountsFactory.Officer, "/Places/Edit/{library}", "#place-form"),
        (AccountsFactory.Vcfse, "/Places/Edit/{trustPlace}", "#place-form"),
        (AccountsFactory.Officer, "/Services/Edit", "#service-form"),
        (AccountsFactory.Vcfse, "/Services/Edit/{trustService}", "#service-form"),
        (AccountsFactory.Officer, "/Gaps/Settings", "main form"),
        (AccountsFactory.Admin, "/Admin/Users/Edit", "main form"),
        (AccountsFactory.Admin, "/Admin/Organisations", "main form"),
        (AccountsFactory.Officer, "/Account/Password", "main form"),
        (AccountsFactory.Facilitator, "/Workshops/Create", "main form"),
        (AccountsFactory.Vcfse, "/Networks/Create", "main form"),
        (AccountsFactory.Vcfse, "/Networks/{network}/Edit", "main form"),
        (AccountsFactory.Vcfse, "/Networks/{network}/Manage", "form[action*='handler=AddMember']"),
        (AccountsFactory.Vcfse, "/Networks/{network}/Manage", "form[action*='handler=AddRelationship']"),
        (AccountsFactory.Vcfse, "/Networks/{network}/Join", "main form"),
        (null, "/join", "main form"),
        (Participant, "/Workshops/Room/{code}", "#place-form"),
        (Participant, "/Workshops/Room/{code}", "#status-form"),
        (Participant, "/Workshops/Room/{code}", "#note-form"),
    ];

    // A form, and changes to make to it: (which of its fields, or a made-up name; the value).
    private static readonly Gen<(int Form, (int Field, bool MadeUp, string Value)[] Changes)> Case =
        Gen.Select(Gen.Int[0, FormsToTry.Length - 1], Gen.Select(Gen.Int[0, 1000], Gen.Bool, Fuzzing.Value).Array[1, 6]);

    [Fact]
    public async Task No_value_in_any_form_field_makes_the_server_fail()
    {
        var network = await NetworkAsync();
        var code = await WorkshopCodeAsync();
        var clients = new Dictionary<string, HttpClient>();
        foreach (var visitor in FormsToTry.Select(f => f.Visitor ?? "").Distinct())
        {
            clients[visitor] = visitor switch
            {
                "" => await app.ClientAsync(null),
                Participant => await JoinedAsync(code),
                _ => await app.ClientAsync(visitor),
            };
        }

        await Case.SampleAsync(async test =>
        {
            var (visitor, template, selector) = FormsToTry[test.Form];
            var url = template.Replace("{library}", app.LibraryId.ToString()).Replace("{trustPlace}", app.TrustPlaceId.ToString())
                .Replace("{trustService}", app.TrustServiceId.ToString()).Replace("{network}", network.ToString()).Replace("{code}", code);
            var client = clients[visitor ?? ""];
            // A place with a change awaiting review sends its editor to that change's form.
            using (var opened = await client.GetAsync(url))
            {
                if (opened.StatusCode == System.Net.HttpStatusCode.Redirect)
                {
                    url = opened.Headers.Location!.OriginalString;
                }
            }
            var page = await client.GetDocumentAsync(url);
            var fields = page.QuerySelector<IHtmlFormElement>(selector)!.Elements.OfType<IHtmlElement>()
                .Select(e => e.GetAttribute("name")).OfType<string>().Where(n => n.Length > 0 && n != "__RequestVerificationToken").Distinct().ToList();
            var changes = new Dictionary<string, string[]>();
            foreach (var (field, madeUp, value) in test.Changes)
            {
                var name = madeUp || fields.Count == 0 ? $"Extra{field}" : fields[field % fields.Count];
                changes[name] = [value];
            }

            using var response = await client.SubmitAsync(page, url, selector, changes);

            ((int)response.StatusCode).Should().BeLessThan(500, $"{visitor ?? "anonymous"} posting {url} {selector} with {string.Join("; ", changes.Select(c => $"{c.Key}={c.Value[0]}"))}: {app.ServerErrors.Latest}");
        }, iter: Fuzzing.Iterations(300), threads: 1, print: t => $"{FormsToTry[t.Item1].Url} {FormsToTry[t.Item1].Form} {string.Join("; ", t.Item2.Select(c => $"{c.Field}/{c.MadeUp}={c.Value}"))}");
    }

    /// <summary>A network the VCFSE staff member coordinates, with two members.</summary>
    private async Task<Guid> NetworkAsync()
    {
        await using var db = app.Database.CreateContext();
        var network = new ValueNetwork { Name = "Fuzzed Network", Values = [NetworkValue.Trust] };
        network.Coordinators.Add(new NetworkCoordinator { NetworkId = network.Id, UserId = db.Users.Single(u => u.Email == AccountsFactory.Vcfse).Id });
        // Two members, so that the form for a relationship between them is shown.
        network.Members.Add(new NetworkMember { NetworkId = network.Id, OrganisationId = app.TrustId });
        network.Members.Add(new NetworkMember { NetworkId = network.Id, PlaceId = app.TrustPlaceId });
        db.ValueNetworks.Add(network);
        await db.SaveChangesAsync();
        return network.Id;
    }

    private async Task<string> WorkshopCodeAsync()
    {
        await using var db = app.Database.CreateContext();
        var facilitator = db.Users.Single(u => u.Email == AccountsFactory.Facilitator).Id;
        var created = await WorkshopRoom.CreateAsync(db, "E09000002", new WorkshopDraft("Fuzzed Workshop", ["E05000026", "E05000027"], 5),
            facilitator, "Fay Facilitator", DateTimeOffset.UtcNow);
        return created.Value!.Code;
    }

    private async Task<HttpClient> JoinedAsync(string code)
    {
        var phone = await app.ClientAsync(null);
        (await phone.SubmitFormAsync($"/join?code={code}", "main form", Forms.Values(("DisplayName", "Fuzz")))).StatusCode
            .Should().Be(System.Net.HttpStatusCode.Redirect);
        return phone;
    }
}
