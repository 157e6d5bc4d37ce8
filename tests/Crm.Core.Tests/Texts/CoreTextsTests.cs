using EpicEvents.Tests.Texts;

namespace EpicEvents.Crm.Tests.Texts;

/// <summary>The resource files of Crm.Core's sentences, checked as every project's are.</summary>
public sealed class CoreTextsTests : ResourceTextsTests
{
    // Audit actions (client.created, login.failed) are shaped like keys: only the keys given to new Text(…) are checked.
    protected override ResourceTextsCheck Check { get; } = For("Crm.Core", "CoreTexts", keyShapedLiteralsAreKeys: false);

    protected override string Allowlist => AllowlistOf("Crm.Core.Tests");

    /// <summary>The API checks a few of Crm.Core's fields itself before a use case sees a request (a missing date cannot be a date): those keys are said there.</summary>
    protected override IReadOnlyList<string> UnusedKeys() => Check.UnusedKeys().Intersect(SaidByTheApi().UnusedKeys()).ToList();

    [Fact]
    public void Crm_cores_sentences_are_said_by_crm_core() =>
        Check.UnusedKeys().Should().HaveCountLessThan(8, "only the API's own checks of missing values say Crm.Core's sentences elsewhere");

    private static ResourceTextsCheck SaidByTheApi() =>
        new(Path.Combine(ResourceTextsCheck.RepositoryRoot, "src", "Bot", "Api"), Path.Combine("..", "..", "Crm.Core", "Resources", "CoreTexts"));
}
