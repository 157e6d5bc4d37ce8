using System.Globalization;
using System.Text.RegularExpressions;
using EpicEvents.Cli.Tests.Infrastructure;
using EpicEvents.Crm.Presentation;

namespace EpicEvents.Cli.Tests;

public sealed class ReaderLanguageTestsLocally : ReaderLanguageTests;

public sealed class ReaderLanguageTestsThroughTheServer : ReaderLanguageTests
{
    protected override CliMode Mode => CliMode.Server;
}

public sealed class ReaderLanguageTestsThroughTheServerOnPostgres : ReaderLanguageTests
{
    protected override CliMode Mode => CliMode.ServerOnPostgres;
}

/// <summary>
/// A French user reads Crm.Core's field errors, refusals and conflicts in French, whether the CLI runs
/// them itself or the server does (it asks for French with <c>Accept-Language</c>).
/// </summary>
public abstract partial class ReaderLanguageTests : CliTest
{
    [Fact]
    public async Task A_validation_error_is_all_french_with_lang_fr()
    {
        var run = (await Sales.RunAsync("client create --name Kim --email kim@ --phone 0102030405 --company Kim --lang fr")).Fails(ExitCodes.Invalid);

        run.Stderr.Should().StartWith("Erreur : Certains champs ne sont pas valides.").And.Contain("Ce n'est pas une adresse e-mail valide (nom@entreprise.com).");
        NoEnglishSentenceIn(run.Stderr);
    }

    [Fact]
    public async Task A_refusal_of_the_permission_matrix_is_all_french_with_lang_fr()
    {
        var run = (await Support.RunAsync("client create --name Kim --email kim@kim.io --phone 0102030405 --company Kim --lang fr")).Fails(ExitCodes.Forbidden);

        run.Stderr.Should().Contain("Le département Support ne peut pas créer un client.");
        NoEnglishSentenceIn(run.Stderr);
    }

    [Fact]
    public async Task A_conflict_is_all_french_with_lang_fr_and_english_without()
    {
        var contract = await ContractOfAsync(Sales);
        (await Manager.RunAsync($"contract cancel {contract}")).Succeeds();

        var french = (await Manager.RunAsync($"contract cancel {contract} --lang fr")).Fails(ExitCodes.Conflict);
        var english = (await Manager.RunAsync($"contract cancel {contract} --lang en")).Fails(ExitCodes.Conflict);

        french.Stderr.Should().Contain($"Le contrat {contract} est déjà annulé.");
        NoEnglishSentenceIn(french.Stderr);
        english.Stderr.Should().Contain($"Contract {contract} is already cancelled.");
    }

    /// <summary>No run of three English words of any of Crm.Core's sentences (their holes aside).</summary>
    private static void NoEnglishSentenceIn(string output)
    {
        var english = CoreTexts.Catalog.Sentences(CultureInfo.InvariantCulture);
        var french = CoreTexts.Catalog.Sentences(CultureInfo.GetCultureInfo("fr"));
        var fragments = english
            .Where(e => e.Value != french[e.Key])
            .SelectMany(e => Hole().Split(e.Value))
            .Select(f => f.Trim())
            .Where(f => f.Count(c => c == ' ') >= 2)
            .Distinct();

        fragments.Where(f => output.Contains(f, StringComparison.Ordinal)).Should().BeEmpty();
    }

    [GeneratedRegex(@"\{\d+(?:[:,][^}]*)?\}")]
    private static partial Regex Hole();
}
