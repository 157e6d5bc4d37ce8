using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using EpicEvents.Crm.Access;
using EpicEvents.Crm.Demo;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Bot.Tests.Api;

public sealed class ApiTestsOnSqlite : ApiTests;

public sealed class ApiTestsOnPostgres : ApiTests
{
    protected override bool OnPostgres => true;
}

/// <summary>What a program or the CLI meets through <c>/api/v1</c>: sign-in, the permission matrix, paging and problems.</summary>
public abstract class ApiTests : ApiTest
{
    [Fact]
    public async Task A_salesperson_lists_their_own_clients_page_by_page_with_the_cursor()
    {
        var sales = await SignedInAsAsync(Department.Sales);

        var first = await JsonOf(await sales.GetAsync("/api/v1/clients?mine=true&limit=2"));
        var next = first.GetProperty("next").GetString();
        var second = await JsonOf(await sales.GetAsync($"/api/v1/clients?mine=true&limit=2&after={next}"));

        var pages = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).ToList();
        pages.Should().HaveCount(4);
        pages.Select(c => c.GetProperty("id").GetInt32()).Should().OnlyHaveUniqueItems().And.BeInDescendingOrder();
        pages.Should().OnlyContain(c => c.GetProperty("salesContactId").GetInt32() == World.Sales.CollaboratorId);
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_email_get_the_same_401()
    {
        var client = Anonymous();

        var wrongPassword = await ProblemOf(await client.PostAsJsonAsync("/api/v1/auth/login", new { email = World.Emails[Department.Sales], password = "Not-The-Password-1" }), 401, "not_logged_in");
        var unknown = await ProblemOf(await client.PostAsJsonAsync("/api/v1/auth/login", new { email = "nobody@epicevents.test", password = "Not-The-Password-1" }), 401, "not_logged_in");

        wrongPassword.GetProperty("detail").GetString().Should().Be(unknown.GetProperty("detail").GetString());
        wrongPassword.TryGetProperty("token", out _).Should().BeFalse();
    }

    [Fact]
    public async Task No_token_a_forged_token_and_a_token_signed_with_another_key_are_401()
    {
        var anonymous = Anonymous();
        await ProblemOf(await anonymous.GetAsync("/api/v1/clients"), 401, "not_logged_in");

        anonymous.DefaultRequestHeaders.Authorization = new("Bearer", "eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.");
        await ProblemOf(await anonymous.GetAsync("/api/v1/clients"), 401, "not_logged_in");

        // A manager's session from another installation, signed with its own key.
        await using var other = StartServer("Auth:SigningKey=b3RoZXItaW5zdGFsbGF0aW9uLXNpZ25pbmcta2V5LTAxMjM0NTY3ODk=");
        var elsewhere = other.CreateClient();
        var login = await JsonOf(await elsewhere.PostAsJsonAsync("/api/v1/auth/login", new { email = World.Emails[Department.Management], password = DemoDataSeeder.DefaultPassword }));
        anonymous.DefaultRequestHeaders.Authorization = new("Bearer", login.GetProperty("token").GetString());
        var refused = await ProblemOf(await anonymous.GetAsync("/api/v1/auth/whoami"), 401, "not_logged_in");
        refused.GetProperty("detail").GetString().Should().Contain("not valid");
    }

    [Fact]
    public async Task Matrix_refusals_are_403_and_change_nothing()
    {
        var sales = await SignedInAsAsync(Department.Sales);
        var support = await SignedInAsAsync(Department.Support);
        var manager = await SignedInAsAsync(Department.Management);
        var contract = await World.NewDraftContractAsync(World.Sales);
        var rolesBefore = (await JsonOf(await manager.GetAsync("/api/v1/roles"))).GetProperty("items").GetArrayLength();

        await ProblemOf(await sales.PostAsJsonAsync("/api/v1/roles", new { name = "auditeur", department = "Management" }), 403, "forbidden");
        await ProblemOf(await sales.PostAsync($"/api/v1/contracts/{contract}/sign", null), 403, "forbidden");
        await ProblemOf(await support.PostAsJsonAsync("/api/v1/clients", new { fullName = "Ann Lee", email = "ann@lee.test", phone = "+33612345678", companyName = "Lee SA" }), 403, "forbidden");

        (await JsonOf(await manager.GetAsync("/api/v1/roles"))).GetProperty("items").GetArrayLength().Should().Be(rolesBefore);
        (await JsonOf(await manager.GetAsync($"/api/v1/contracts/{contract}"))).GetProperty("status").GetString().Should().Be("Draft");
        (await JsonOf(await manager.GetAsync("/api/v1/clients?search=Lee%20SA"))).GetProperty("items").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task Invalid_fields_are_422_with_one_error_per_field_and_nothing_is_written()
    {
        var sales = await SignedInAsAsync(Department.Sales);

        var problem = await ProblemOf(
            await sales.PostAsJsonAsync("/api/v1/clients", new { fullName = "Zoé Quintal", email = "not-an-email", phone = "12", companyName = "'; DROP TABLE clients; --" }),
            422,
            "invalid");

        problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo("email", "phone");
        (await JsonOf(await sales.GetAsync("/api/v1/clients?search=Quintal"))).GetProperty("items").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task Problems_are_worded_in_the_language_the_request_accepts_with_the_same_codes_and_keys()
    {
        var sales = await SignedInAsAsync(Department.Sales);
        var support = await SignedInAsAsync(Department.Support);
        var manager = await SignedInAsAsync(Department.Management);
        var contract = await World.NewDraftContractAsync(World.Sales);
        var invalidClient = new { fullName = "Zoé Quintal", email = "not-an-email", phone = "+33612345678", companyName = "Quintal SA" };

        var french = await ProblemOf(await SendAsync(sales, HttpMethod.Post, "/api/v1/clients", invalidClient, "fr-FR,fr;q=0.9,en;q=0.8"), 422, "invalid");
        var english = await ProblemOf(await SendAsync(sales, HttpMethod.Post, "/api/v1/clients", invalidClient, null), 422, "invalid");

        french.GetProperty("detail").GetString().Should().Be("Certains champs ne sont pas valides.");
        french.GetProperty("errors").GetProperty("email")[0].GetString().Should().Be("Ce n'est pas une adresse e-mail valide (nom@entreprise.com).");
        french.GetProperty("errorKeys").GetProperty("email")[0].GetString().Should().Be("field.email.invalid");
        french.GetProperty("textKey").GetString().Should().Be("failure.invalid");
        english.GetProperty("detail").GetString().Should().Be("Some fields are not valid.");
        english.GetProperty("errors").GetProperty("email")[0].GetString().Should().Be("This is not a valid email address (name@company.com).");
        english.GetProperty("errorKeys").GetProperty("email")[0].GetString().Should().Be("field.email.invalid");

        var refused = await ProblemOf(await SendAsync(support, HttpMethod.Post, "/api/v1/clients", invalidClient with { email = "zoe@quintal.test" }, "fr"), 403, "forbidden");
        refused.GetProperty("detail").GetString().Should().Be("Le département Support ne peut pas créer un client.");
        refused.GetProperty("textKey").GetString().Should().Be("access.forbidden");

        var missing = await ProblemOf(await SendAsync(manager, HttpMethod.Get, "/api/v1/clients/999999", null, "fr"), 404, "not_found");
        missing.GetProperty("detail").GetString().Should().Be("Le client 999999 n'existe pas.");

        (await sales.PostAsync($"/api/v1/contracts/{contract}/signature-request", null)).StatusCode.Should().Be(HttpStatusCode.Created);
        var twice = await SendAsync(sales, HttpMethod.Post, $"/api/v1/contracts/{contract}/signature-request", null, "de, fr;q=0.5");
        twice.Content.Headers.ContentLanguage.Should().Equal("fr");
        var conflict = await ProblemOf(twice, 409, "conflict");
        conflict.GetProperty("detail").GetString().Should().Be($"Une demande de signature est déjà en attente pour le contrat {contract}.");
        conflict.GetProperty("textKey").GetString().Should().Be("contract.sign.alreadyPending");
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, object? body, string? acceptLanguage)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (acceptLanguage is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        }

        return client.SendAsync(request);
    }

    [Theory]
    [InlineData("{\"fullName\":")]
    [InlineData("{\"fullName\":1,\"email\":\"a@b.fr\"}")]
    [InlineData("[1,2,3]")]
    public async Task A_malformed_body_is_a_400_problem(string body)
    {
        var sales = await SignedInAsAsync(Department.Sales);

        await ProblemOf(await sales.PostAsync("/api/v1/clients", new StringContent(body, Encoding.UTF8, "application/json")), 400, "invalid");
    }

    [Fact]
    public async Task A_body_beyond_the_size_limit_is_refused_with_413()
    {
        var sales = await SignedInAsAsync(Department.Sales);
        var notes = new string('x', 200_000);

        await ProblemOf(await sales.PostAsJsonAsync("/api/v1/clients", new { fullName = notes }), 413, "too_large");
    }

    [Fact]
    public async Task An_unknown_address_and_an_unknown_id_are_404_problems()
    {
        var manager = await SignedInAsAsync(Department.Management);

        await ProblemOf(await manager.GetAsync("/api/v1/invoices"), 404, "not_found");
        (await ProblemOf(await manager.GetAsync("/api/v1/clients/999999"), 404, "not_found")).GetProperty("detail").GetString().Should().Contain("999999");
    }

    [Fact]
    public async Task A_temporary_password_allows_nothing_but_its_change_which_ends_the_other_sessions()
    {
        var manager = await SignedInAsAsync(Department.Management);
        var roles = await JsonOf(await manager.GetAsync("/api/v1/roles"));
        var salesRole = roles.GetProperty("items").EnumerateArray().First(r => r.GetProperty("department").GetString() == "Sales").GetProperty("id").GetInt32();
        var created = await JsonOf(await manager.PostAsJsonAsync("/api/v1/collaborators", new { fullName = "Noé Newcomer", email = "noe.newcomer@epicevents.test", roleId = salesRole }));
        var temporary = created.GetProperty("temporaryPassword").GetString();

        var newcomer = Anonymous();
        var login = await JsonOf(await newcomer.PostAsJsonAsync("/api/v1/auth/login", new { email = "noe.newcomer@epicevents.test", password = temporary }));
        login.GetProperty("mustChangePassword").GetBoolean().Should().BeTrue();
        newcomer.DefaultRequestHeaders.Authorization = new("Bearer", login.GetProperty("token").GetString());
        await ProblemOf(await newcomer.GetAsync("/api/v1/clients"), 403, "forbidden");

        var changed = await newcomer.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = temporary, newPassword = "Brand-New-Password-42" });
        changed.StatusCode.Should().Be(HttpStatusCode.OK, await changed.Content.ReadAsStringAsync());
        await ProblemOf(await newcomer.GetAsync("/api/v1/clients"), 401, "not_logged_in");
        newcomer.DefaultRequestHeaders.Authorization = new("Bearer", (await JsonOf(changed)).GetProperty("token").GetString());
        (await newcomer.GetAsync("/api/v1/clients")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_signature_requested_by_sales_and_approved_by_a_manager_signs_the_contract()
    {
        var sales = await SignedInAsAsync(Department.Sales);
        var manager = await SignedInAsAsync(Department.Management);
        var contract = await World.NewDraftContractAsync(World.Sales);

        (await sales.PostAsync($"/api/v1/contracts/{contract}/signature-request", null)).StatusCode.Should().Be(HttpStatusCode.Created);
        var pending = await JsonOf(await manager.GetAsync("/api/v1/signature-requests"));
        pending.GetProperty("items").EnumerateArray().Should().Contain(r => r.GetProperty("contractId").GetInt32() == contract);
        (await manager.PostAsync($"/api/v1/contracts/{contract}/approve", null)).StatusCode.Should().Be(HttpStatusCode.OK);

        var signed = await JsonOf(await sales.GetAsync($"/api/v1/contracts/{contract}"));
        signed.GetProperty("status").GetString().Should().Be("Signed");
        signed.GetProperty("signedById").GetInt32().Should().Be(World.Manager.CollaboratorId);
    }

    [Fact]
    public async Task Logging_out_everywhere_ends_the_session_that_asked()
    {
        var support = await SignedInAsAsync(Department.Support);
        (await JsonOf(await support.GetAsync("/api/v1/auth/whoami"))).GetProperty("department").GetString().Should().Be("Support");

        (await support.PostAsync("/api/v1/auth/logout-everywhere", null)).StatusCode.Should().Be(HttpStatusCode.OK);

        await ProblemOf(await support.GetAsync("/api/v1/auth/whoami"), 401, "not_logged_in");
    }

    [Fact]
    public async Task A_burst_of_wrong_passwords_is_refused_with_429_before_the_account_is_locked()
    {
        var attacker = Anonymous();
        var email = World.Emails[Department.Management];

        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 12; attempt++)
        {
            statuses.Add((await attacker.PostAsJsonAsync("/api/v1/auth/login", new { email, password = $"Guess-{attempt}-Wrong" })).StatusCode);
        }

        statuses.Should().Contain(HttpStatusCode.TooManyRequests);
        statuses.Count(s => s == HttpStatusCode.Unauthorized).Should().BeLessThan(5, "the account locks at the fifth failure");
        var locked = await World.QueryAsync(db => db.Collaborators.Where(c => c.Email == email).Select(c => c.LockedUntil).SingleAsync());
        locked.Should().BeNull();
    }
}
