using EpicEvents.Tests.Texts;

namespace EpicEvents.Crm.Demo.Tests;

/// <summary>The seeder's sentences live in <c>Resources/DemoTexts.resx</c> and its French twin, complete, and nowhere else.</summary>
public sealed class DemoTextsTests : ResourceTextsTests
{
    // Audit actions (demo.seeded) are shaped like keys: only the keys given to Text(…) are checked.
    protected override ResourceTextsCheck Check { get; } = For("Crm.Demo", "DemoTexts", keyShapedLiteralsAreKeys: false);

    protected override string Allowlist => AllowlistOf("Crm.Demo.Tests");
}
