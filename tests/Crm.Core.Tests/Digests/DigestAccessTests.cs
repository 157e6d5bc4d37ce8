using EpicEvents.Crm.Access;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Digests;
using EpicEvents.Crm.Tests.Infrastructure;

namespace EpicEvents.Crm.Tests.Digests;

public sealed class DigestAccessTestsOnSqlite : DigestAccessTests<Sqlite>;

public sealed class DigestAccessTestsOnPostgres : DigestAccessTests<Postgres>;

public abstract class DigestAccessTests<TDatabase> : WorldTest<TDatabase>
    where TDatabase : IDatabaseKind
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    [Fact]
    public async Task Support_asking_for_the_management_digest_is_refused_and_reads_nothing()
    {
        World.Commands.Reset();

        var result = await Preview(World.Support, DigestKind.Management);

        result.ShouldBe(Outcome.Forbidden);
        result.Message!.ToString().Should().Be("The Support department can only build the Support digest.");
        World.Commands.Count.Should().Be(0);
    }

    [Fact]
    public async Task Sales_asking_for_a_colleagues_digest_is_refused_and_reads_nothing()
    {
        World.Commands.Reset();

        (await Preview(World.Sales, DigestKind.Sales, World.Sales2.Id)).ShouldBe(Outcome.Forbidden);
        (await Preview(World.Sales, DigestKind.Support)).ShouldBe(Outcome.Forbidden);

        World.Commands.Count.Should().Be(0);
    }

    [Fact]
    public async Task Sales_may_name_themself()
    {
        var digest = (await Preview(World.Sales, DigestKind.Sales, World.Sales.Id)).ShouldBeOk();

        digest.RecipientId.Should().Be(World.Sales.Id);
        digest.RecipientName.Should().Be(World.Sales.FullName);
    }

    [Fact]
    public async Task Management_gets_the_digest_of_a_support_collaborator_it_names()
    {
        var supported = await World.NewEventSupportedByAsync(World.Support, World.Clock.UtcNow.AddDays(1));

        World.Commands.Reset();
        var digest = (await Preview(World.Manager, DigestKind.Support, World.Support.Id)).ShouldBeOk();

        digest.RecipientId.Should().Be(World.Support.Id);
        digest.RecipientName.Should().Be(World.Support.FullName);
        digest.Sections[0].Rows.Select(r => r.EventId).Should().Equal(supported.Id);
        World.Commands.Count.Should().Be(3, "the person, the count, the rows");
    }

    [Fact]
    public async Task The_digest_must_match_the_department_of_the_person_it_is_for()
    {
        var forSales = await Preview(World.Manager, DigestKind.Support, World.Sales.Id);
        forSales.ShouldBeInvalidOn("for");
        forSales.Errors[0].Message!.ToString().Should().Contain(World.Sales.FullName).And.Contain("Support collaborator");

        (await Preview(World.Manager, DigestKind.Sales)).ShouldBeInvalidOn("for");
        (await Preview(World.Manager, DigestKind.Management, World.Manager2.Id)).ShouldBeOk().RecipientId.Should().Be(World.Manager2.Id);
    }

    [Fact]
    public async Task An_unknown_or_deactivated_person_gets_no_digest()
    {
        var former = await World.AddCollaboratorAsync("Paul Parti", Department.Support, active: false);

        var unknown = await Preview(World.Manager, DigestKind.Support, 999_999);
        unknown.ShouldBe(Outcome.NotFound);
        unknown.Message!.ToString().Should().Be("Collaborator 999999 does not exist.");
        var deactivated = await Preview(World.Manager, DigestKind.Support, former.Id);
        deactivated.ShouldBeInvalidOn("for");
        deactivated.Errors[0].Message!.ToString().Should().Contain("Paul Parti is deactivated");
    }

    private Task<Result<Digest>> Preview(Actor actor, DigestKind kind, int? forId = null) =>
        World.Get<PreviewDigest>().ExecuteAsync(actor, new DigestRequest(kind, forId), Paris);
}
