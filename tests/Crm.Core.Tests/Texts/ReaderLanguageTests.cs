using EpicEvents.Crm.Clients;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Contracts;
using EpicEvents.Crm.Presentation;
using EpicEvents.Crm.Tests.Infrastructure;

namespace EpicEvents.Crm.Tests.Texts;

public sealed class ReaderLanguageTestsOnSqlite : ReaderLanguageTests<Sqlite>;

public sealed class ReaderLanguageTestsOnPostgres : ReaderLanguageTests<Postgres>;

/// <summary>Crm.Core answers keys and arguments; each reader sees the sentence in their own language.</summary>
public abstract class ReaderLanguageTests<TDatabase> : WorldTest<TDatabase>
    where TDatabase : IDatabaseKind
{
    [Fact]
    public async Task An_invalid_email_is_worded_in_each_readers_language()
    {
        var result = await World.Get<CreateClient>().ExecuteAsync(World.Sales, new CreateClientRequest("Kevin Casey", "kevin@", "+33 1 23 45 67 89", "Cool Startup"));

        result.ShouldBeInvalidOn("email");
        var error = result.Errors.Single(e => e.Field == "email").Message;
        error.Key.Should().Be("field.email.invalid");
        Wording.English.Render(error).Should().Be("This is not a valid email address (name@company.com).");
        Wording.French.Render(error).Should().Be("Ce n'est pas une adresse e-mail valide (nom@entreprise.com).");
        Wording.English.Render(result.Message!).Should().Be("Some fields are not valid.");
        Wording.French.Render(result.Message!).Should().Be("Certains champs ne sont pas valides.");
    }

    [Fact]
    public async Task A_missing_field_is_named_in_each_language_without_agreeing_in_gender()
    {
        var result = await World.Get<CreateClient>().ExecuteAsync(World.Sales, new CreateClientRequest(" ", "kevin@startup.io", "+33 1 23 45 67 89", ""));

        var errors = result.Errors.ToDictionary(e => e.Field, e => e.Message);
        Wording.English.Render(errors["fullName"]).Should().Be("The full name is required.");
        Wording.French.Render(errors["fullName"]).Should().Be("Nom complet : obligatoire.");
        Wording.French.Render(errors["companyName"]).Should().Be("Nom de l'entreprise : obligatoire.");
    }

    [Fact]
    public async Task A_refusal_of_the_permission_matrix_is_worded_in_each_readers_language()
    {
        var result = await World.Get<CreateClient>().ExecuteAsync(World.Support, new CreateClientRequest("Kevin Casey", "kevin@startup.io", "+33 1 23 45 67 89", "Cool Startup"));

        result.ShouldBe(Outcome.Forbidden);
        result.Message!.Key.Should().Be("access.forbidden");
        Wording.English.Render(result.Message).Should().Be("The Support department cannot create a client.");
        Wording.French.Render(result.Message).Should().Be("Le département Support ne peut pas créer un client.");
    }

    [Fact]
    public async Task A_sales_refusal_names_the_department_in_the_readers_words()
    {
        var result = await World.Get<CancelContract>().ExecuteAsync(World.Sales, new CancelContractRequest(1));

        Wording.English.Render(result.Message!).Should().Be("The Sales department cannot cancel a contract.");
        Wording.French.Render(result.Message!).Should().Be("Le département Commercial ne peut pas annuler un contrat.");
    }

    [Fact]
    public async Task A_conflict_is_worded_in_each_readers_language()
    {
        var signed = await World.NewSignedContractAsync();

        var result = await World.Get<CancelContract>().ExecuteAsync(World.Manager, new CancelContractRequest(signed.Id));

        result.ShouldBe(Outcome.Conflict);
        result.Message.Should().Be(new Text("contract.cancel.signed", signed.Id));
        Wording.English.Render(result.Message!).Should().Be($"Contract {signed.Id} is signed, and a signed contract cannot be cancelled.");
        Wording.French.Render(result.Message!).Should().Be($"Le contrat {signed.Id} est signé, et un contrat signé ne peut pas être annulé.");
    }

    [Fact]
    public async Task A_missing_record_is_worded_in_each_readers_language()
    {
        var result = await World.Get<GetClient>().ExecuteAsync(World.Manager, 999_999);

        result.ShouldBe(Outcome.NotFound);
        result.Message.Should().Be(new Text("client.notFound", 999_999));
        Wording.English.Render(result.Message!).Should().Be("Client 999999 does not exist.");
        Wording.French.Render(result.Message!).Should().Be("Le client 999999 n'existe pas.");
    }

    [Fact]
    public async Task Amounts_inside_a_sentence_follow_the_readers_culture()
    {
        var client = await World.NewClientAsync(World.Sales);

        var result = await World.Get<CreateContract>().ExecuteAsync(World.Manager, new CreateContractRequest(client.Id, 1_234.5m, 2_000m));

        var error = result.Errors.Single(e => e.Field == "amountDue").Message;
        Wording.English.Render(error).Should().Be("The amount due cannot exceed the total amount (1,234.50 €).");
        Wording.French.Render(error).Should().Be($"Le montant restant dû ne peut pas dépasser le montant total ({Wording.French.Euros(1_234.5m)}).");
        Wording.French.Euros(1_234.5m).Should().NotContain(".").And.EndWith(",50 €");
    }
}
