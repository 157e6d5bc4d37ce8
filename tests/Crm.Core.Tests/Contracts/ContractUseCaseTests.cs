using System.Globalization;
using EpicEvents.Crm.Access;
using EpicEvents.Crm.Audit;
using EpicEvents.Crm.Clients;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Contracts;
using EpicEvents.Crm.Outbox;
using EpicEvents.Crm.Signatures;
using EpicEvents.Crm.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Crm.Tests.Contracts;

public sealed class ContractUseCaseTestsOnSqlite : ContractUseCaseTests<Sqlite>;

public sealed class ContractUseCaseTestsOnPostgres : ContractUseCaseTests<Postgres>;

public abstract class ContractUseCaseTests<TDatabase> : WorldTest<TDatabase>
    where TDatabase : IDatabaseKind
{
    [Fact]
    public async Task Management_creates_a_draft_contract_whose_amount_due_defaults_to_the_total()
    {
        var client = await World.NewClientAsync(World.Sales2, fullName: "Kevin Casey", company: "Cool Startup LLC");

        var contract = (await World.Get<CreateContract>().ExecuteAsync(World.Manager, new CreateContractRequest(client.Id, 12_500.50m))).ShouldBeOk();

        contract.Status.Should().Be(ContractStatus.Draft);
        contract.TotalAmount.Should().Be(12_500.50m);
        contract.AmountDue.Should().Be(12_500.50m);
        contract.ClientName.Should().Be("Kevin Casey");
        contract.ClientCompany.Should().Be("Cool Startup LLC");
        contract.SalesContactId.Should().Be(World.Sales2.Id);
        contract.SalesContactName.Should().Be("Samuel Ventes");
        contract.CreatedAt.Should().Be(World.Clock.UtcNow);
        contract.SignedAt.Should().BeNull();
        contract.PendingSignatureRequestId.Should().BeNull();

        await using var db = World.NewContext();
        var entry = await db.AuditEntries.SingleAsync(a => a.Action == "contract.created");
        entry.EntityType.Should().Be(AuditEntity.Contract);
        entry.EntityId.Should().Be(contract.Id);
        entry.ActorId.Should().Be(World.Manager.Id);
        entry.Changes.Should().Contain(new FieldChange("totalAmount", null, "12500.50"));
    }

    [Fact]
    public async Task Sales_creates_drafts_for_their_own_clients_but_not_for_another_sales_contacts_client()
    {
        var mine = await World.NewClientAsync(World.Sales);
        var theirs = await World.NewClientAsync(World.Sales2);

        var created = (await World.Get<CreateContract>().ExecuteAsync(World.Sales, new CreateContractRequest(mine.Id, 500m, 200m))).ShouldBeOk();
        created.Status.Should().Be(ContractStatus.Draft);
        created.AmountDue.Should().Be(200m);

        var refused = await World.Get<CreateContract>().ExecuteAsync(World.Sales, new CreateContractRequest(theirs.Id, 500m));
        refused.ShouldBe(Outcome.Forbidden);
        refused.Message!.ToString().Should().Be("The Sales department can only create a contract for its own records.");

        await using var db = World.NewContext();
        (await db.Contracts.CountAsync(c => c.ClientId == theirs.Id)).Should().Be(0);
    }

    [Fact]
    public async Task Support_cannot_create_a_contract_and_a_missing_client_is_an_error_on_the_client_field()
    {
        var client = await World.NewClientAsync();

        (await World.Get<CreateContract>().ExecuteAsync(World.Support, new CreateContractRequest(client.Id, 100m))).ShouldBe(Outcome.Forbidden);
        (await World.Get<CreateContract>().ExecuteAsync(World.Manager, new CreateContractRequest(999_999, 100m))).ShouldBeInvalidOn("clientId");
    }

    [Theory]
    [InlineData("1000", "1000")]
    [InlineData("1000", "0")]
    [InlineData("1000000000", null)]
    [InlineData("0.01", null)]
    [InlineData("1234.56", "0.5")]
    public async Task Valid_amounts_are_accepted_and_read_back_exactly(string total, string? due)
    {
        var client = await World.NewClientAsync();

        var created = (await World.Get<CreateContract>().ExecuteAsync(World.Manager, new CreateContractRequest(client.Id, Money(total), Money(due)))).ShouldBeOk();

        var read = (await World.Get<GetContract>().ExecuteAsync(World.Support, created.Id)).ShouldBeOk();
        read.TotalAmount.Should().Be(Money(total));
        read.AmountDue.Should().Be(Money(due) ?? Money(total));
    }

    [Theory]
    [InlineData(null, null, "totalAmount")]
    [InlineData("0", null, "totalAmount")]
    [InlineData("-5", null, "totalAmount")]
    [InlineData("1000.001", null, "totalAmount")]
    [InlineData("1000000000.01", null, "totalAmount")]
    [InlineData("100", "100.01", "amountDue")]
    [InlineData("100", "-1", "amountDue")]
    [InlineData("100", "10.005", "amountDue")]
    public async Task Invalid_amounts_are_refused_on_their_field_and_nothing_is_created(string? total, string? due, string field)
    {
        var client = await World.NewClientAsync();

        var result = await World.Get<CreateContract>().ExecuteAsync(World.Manager, new CreateContractRequest(client.Id, Money(total), Money(due)));

        result.ShouldBeInvalidOn(field);
        await using var db = World.NewContext();
        (await db.Contracts.CountAsync()).Should().Be(0);
        (await db.AuditEntries.CountAsync(a => a.EntityType == AuditEntity.Contract)).Should().Be(0);
    }

    [Fact]
    public async Task The_sales_contact_of_a_contract_follows_its_clients_reassignment()
    {
        var client = await World.NewClientAsync(World.Sales);
        var contract = await World.NewContractAsync(client);

        (await World.Get<ReassignClient>().ExecuteAsync(World.Manager, new ReassignClientRequest(client.Id, World.Sales2.Id))).ShouldBeOk();

        var read = (await World.Get<GetContract>().ExecuteAsync(World.Sales, contract.Id)).ShouldBeOk();
        read.SalesContactId.Should().Be(World.Sales2.Id);
        read.SalesContactName.Should().Be("Samuel Ventes");
        (await World.Get<UpdateContract>().ExecuteAsync(World.Sales, new UpdateContractRequest(contract.Id, AmountDue: 1m))).ShouldBe(Outcome.Forbidden);
        (await World.Get<UpdateContract>().ExecuteAsync(World.Sales2, new UpdateContractRequest(contract.Id, AmountDue: 1m))).ShouldBeOk();
    }

    [Fact]
    public async Task Sales_updates_the_amounts_of_their_own_contracts_only_and_the_change_is_audited()
    {
        var mine = await World.NewContractAsync(sales: World.Sales, total: 1000m);
        var theirs = await World.NewContractAsync(sales: World.Sales2, total: 1000m);
        World.Clock.Advance(TimeSpan.FromHours(2));

        var updated = (await World.Get<UpdateContract>().ExecuteAsync(World.Sales, new UpdateContractRequest(mine.Id, TotalAmount: 1500m, AmountDue: 700m))).ShouldBeOk();
        updated.SignatureRequested.Should().BeFalse();
        updated.Contract.TotalAmount.Should().Be(1500m);
        updated.Contract.AmountDue.Should().Be(700m);
        updated.Contract.UpdatedAt.Should().Be(World.Clock.UtcNow);

        var refused = await World.Get<UpdateContract>().ExecuteAsync(World.Sales, new UpdateContractRequest(theirs.Id, TotalAmount: 1m));
        refused.ShouldBe(Outcome.Forbidden);
        (await World.Get<GetContract>().ExecuteAsync(World.Sales, theirs.Id)).ShouldBeOk().TotalAmount.Should().Be(1000m);

        await using var db = World.NewContext();
        var entry = await db.AuditEntries.SingleAsync(a => a.Action == "contract.amounts_updated");
        entry.EntityId.Should().Be(mine.Id);
        entry.ActorId.Should().Be(World.Sales.Id);
        entry.Changes.Should().Equal(new FieldChange("totalAmount", "1000.00", "1500.00"), new FieldChange("amountDue", "1000.00", "700.00"));
    }

    [Fact]
    public async Task A_total_lowered_below_the_amount_due_is_refused_on_the_field_that_was_typed()
    {
        var contract = await World.NewContractAsync(total: 1000m, due: 800m);

        (await World.Get<UpdateContract>().ExecuteAsync(World.Manager, new UpdateContractRequest(contract.Id, TotalAmount: 500m))).ShouldBeInvalidOn("totalAmount");
        (await World.Get<UpdateContract>().ExecuteAsync(World.Manager, new UpdateContractRequest(contract.Id, AmountDue: 1000.01m))).ShouldBeInvalidOn("amountDue");

        var accepted = (await World.Get<UpdateContract>().ExecuteAsync(World.Manager, new UpdateContractRequest(contract.Id, TotalAmount: 500m, AmountDue: 500m))).ShouldBeOk();
        accepted.Contract.AmountDue.Should().Be(accepted.Contract.TotalAmount);
    }

    [Fact]
    public async Task A_form_filled_from_an_older_version_of_a_contract_gets_a_conflict()
    {
        var contract = await World.NewContractAsync(total: 1000m);
        (await World.Get<UpdateContract>().ExecuteAsync(World.Manager, new UpdateContractRequest(contract.Id, AmountDue: 900m))).ShouldBeOk();

        var stale = await World.Get<UpdateContract>().ExecuteAsync(World.Sales, new UpdateContractRequest(contract.Id, AmountDue: 100m, ExpectedVersion: contract.Version));

        stale.ShouldBe(Outcome.Conflict);
        (await World.Get<GetContract>().ExecuteAsync(World.Sales, contract.Id)).ShouldBeOk().AmountDue.Should().Be(900m);
    }

    [Fact]
    public async Task Management_setting_signed_signs_the_contract_directly()
    {
        var contract = await World.NewContractAsync();

        var outcome = (await World.Get<UpdateContract>().ExecuteAsync(World.Manager, new UpdateContractRequest(contract.Id, Signed: true))).ShouldBeOk();

        outcome.SignatureRequested.Should().BeFalse();
        outcome.Contract.Status.Should().Be(ContractStatus.Signed);
        outcome.Contract.SignedByName.Should().Be("Marie Gestion");
        outcome.Contract.SignedAt.Should().Be(World.Clock.UtcNow);
    }

    [Fact]
    public async Task Sales_setting_signed_creates_a_signature_request_that_every_active_manager_is_asked_to_decide()
    {
        var retired = await World.AddCollaboratorAsync("Ancien Directeur", Department.Management, active: false);
        var contract = await World.NewContractAsync(sales: World.Sales);

        var outcome = (await World.Get<UpdateContract>().ExecuteAsync(World.Sales, new UpdateContractRequest(contract.Id, Signed: true))).ShouldBeOk();

        outcome.SignatureRequested.Should().BeTrue();
        outcome.Contract.Status.Should().Be(ContractStatus.PendingSignature);
        outcome.Contract.SignedAt.Should().BeNull();
        var requestId = outcome.Contract.PendingSignatureRequestId!.Value;
        await using var db = World.NewContext();
        var messages = await db.OutboxMessages.Where(m => m.Kind == NotificationKind.SignatureRequested).ToListAsync();
        messages.Select(m => m.RecipientId).Should().BeEquivalentTo([World.Manager.Id, World.Manager2.Id]);
        messages.Should().OnlyContain(m => m.SubjectId == requestId && m.State == DeliveryState.Pending);
        messages.Should().NotContain(m => m.RecipientId == retired.Id);
        var request = await db.SignatureRequests.SingleAsync();
        request.RequestedById.Should().Be(World.Sales.Id);
        request.Status.Should().Be(SignatureRequestStatus.Pending);
    }

    [Fact]
    public async Task New_amounts_and_a_signature_request_are_saved_together_or_not_at_all()
    {
        var contract = await World.NewContractAsync(total: 1000m);

        var both = (await World.Get<UpdateContract>().ExecuteAsync(World.Sales, new UpdateContractRequest(contract.Id, TotalAmount: 2000m, AmountDue: 2000m, Signed: true))).ShouldBeOk();
        both.Contract.TotalAmount.Should().Be(2000m);
        both.Contract.Status.Should().Be(ContractStatus.PendingSignature);

        var again = await World.Get<UpdateContract>().ExecuteAsync(World.Sales, new UpdateContractRequest(contract.Id, AmountDue: 1500m, Signed: true));
        again.ShouldBe(Outcome.Conflict);
        again.Message!.ToString().Should().Contain("already pending");
        var unchanged = (await World.Get<GetContract>().ExecuteAsync(World.Sales, contract.Id)).ShouldBeOk();
        unchanged.TotalAmount.Should().Be(2000m);
        unchanged.AmountDue.Should().Be(2000m);
    }

    [Fact]
    public async Task A_signature_cannot_be_taken_back_by_setting_signed_to_false()
    {
        var contract = await World.NewSignedContractAsync();

        var result = await World.Get<UpdateContract>().ExecuteAsync(World.Manager, new UpdateContractRequest(contract.Id, Signed: false));

        result.ShouldBe(Outcome.Conflict);
        (await World.Get<GetContract>().ExecuteAsync(World.Manager, contract.Id)).ShouldBeOk().Status.Should().Be(ContractStatus.Signed);
    }

    [Fact]
    public async Task The_amounts_of_a_cancelled_contract_no_longer_change_even_for_management()
    {
        var contract = await World.NewContractAsync(total: 1000m);
        (await World.Get<CancelContract>().ExecuteAsync(World.Manager, new CancelContractRequest(contract.Id))).ShouldBeOk();

        (await World.Get<UpdateContract>().ExecuteAsync(World.Manager, new UpdateContractRequest(contract.Id, TotalAmount: 5m))).ShouldBe(Outcome.Conflict);
        (await World.Get<UpdateContract>().ExecuteAsync(World.Sales, new UpdateContractRequest(contract.Id, TotalAmount: 5m))).ShouldBe(Outcome.Conflict);
        (await World.Get<RecordPayment>().ExecuteAsync(World.Manager, new RecordPaymentRequest(contract.Id, 5m))).ShouldBe(Outcome.Conflict);
        (await World.Get<GetContract>().ExecuteAsync(World.Manager, contract.Id)).ShouldBeOk().TotalAmount.Should().Be(1000m);
    }

    [Fact]
    public async Task A_payment_lowers_the_amount_due_and_is_audited()
    {
        var contract = await World.NewSignedContractAsync(total: 1000m);

        var paid = (await World.Get<RecordPayment>().ExecuteAsync(World.Sales, new RecordPaymentRequest(contract.Id, 250.25m))).ShouldBeOk();
        paid.AmountDue.Should().Be(749.75m);
        paid.TotalAmount.Should().Be(1000m);
        var settled = (await World.Get<RecordPayment>().ExecuteAsync(World.Manager, new RecordPaymentRequest(contract.Id, 749.75m))).ShouldBeOk();
        settled.AmountDue.Should().Be(0m);
        settled.IsPaid.Should().BeTrue();

        await using var db = World.NewContext();
        var entries = await db.AuditEntries.Where(a => a.Action == "contract.payment_recorded").OrderBy(a => a.Id).ToListAsync();
        entries.Should().HaveCount(2);
        entries[0].Changes.Should().Equal(new FieldChange("payment", null, "250.25"), new FieldChange("amountDue", "1000.00", "749.75"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("0")]
    [InlineData("-10")]
    [InlineData("10.001")]
    [InlineData("100.01")]
    public async Task A_payment_must_be_positive_with_two_decimals_and_at_most_the_amount_due(string? amount)
    {
        var contract = await World.NewContractAsync(total: 1000m, due: 100m);

        var result = await World.Get<RecordPayment>().ExecuteAsync(World.Manager, new RecordPaymentRequest(contract.Id, Money(amount)));

        result.ShouldBeInvalidOn("amount");
        (await World.Get<GetContract>().ExecuteAsync(World.Manager, contract.Id)).ShouldBeOk().AmountDue.Should().Be(100m);
    }

    [Fact]
    public async Task Nothing_can_be_paid_on_a_fully_paid_contract_and_sales_pays_only_on_their_own()
    {
        var paid = await World.NewContractAsync(total: 1000m, due: 0m);
        var theirs = await World.NewContractAsync(sales: World.Sales2);

        var nothingDue = await World.Get<RecordPayment>().ExecuteAsync(World.Manager, new RecordPaymentRequest(paid.Id, 1m));
        nothingDue.ShouldBeInvalidOn("amount");
        nothingDue.Errors.Single().Message!.ToString().Should().Contain("fully paid");
        (await World.Get<RecordPayment>().ExecuteAsync(World.Sales, new RecordPaymentRequest(theirs.Id, 1m))).ShouldBe(Outcome.Forbidden);
        (await World.Get<RecordPayment>().ExecuteAsync(World.Support, new RecordPaymentRequest(theirs.Id, 1m))).ShouldBe(Outcome.Forbidden);
    }

    [Fact]
    public async Task Management_cancels_a_draft_contract()
    {
        var contract = await World.NewContractAsync();

        var cancelled = (await World.Get<CancelContract>().ExecuteAsync(World.Manager, new CancelContractRequest(contract.Id))).ShouldBeOk();

        cancelled.Status.Should().Be(ContractStatus.Cancelled);
        await using var db = World.NewContext();
        (await db.AuditEntries.SingleAsync(a => a.Action == "contract.cancelled")).Changes
            .Should().Equal(new FieldChange("status", "Draft", "Cancelled"));
    }

    [Fact]
    public async Task Cancelling_a_contract_waiting_for_signature_withdraws_the_request_and_tells_the_requester()
    {
        var (contract, request) = await World.NewPendingContractAsync(World.Sales);

        (await World.Get<CancelContract>().ExecuteAsync(World.Manager2, new CancelContractRequest(contract.Id))).ShouldBeOk()
            .PendingSignatureRequestId.Should().BeNull();

        var withdrawn = (await World.Get<GetSignatureRequest>().ExecuteAsync(World.Sales, request.Id)).ShouldBeOk();
        withdrawn.Status.Should().Be(SignatureRequestStatus.Withdrawn);
        withdrawn.DecidedByName.Should().Be("Marc Direction");
        await using var db = World.NewContext();
        (await db.OutboxMessages.SingleAsync(m => m.Kind == NotificationKind.SignatureDecided)).RecipientId.Should().Be(World.Sales.Id);

        var late = await World.Get<DecideSignatureRequest>().ExecuteAsync(World.Manager, new SignatureDecision(request.Id, SignatureVerdict.Approve));
        late.ShouldBe(Outcome.Conflict);
        late.Message!.ToString().Should().Contain("withdrawn by Marc Direction");
    }

    [Fact]
    public async Task A_signed_or_already_cancelled_contract_cannot_be_cancelled()
    {
        var signed = await World.NewSignedContractAsync();
        var cancelled = await World.NewContractAsync();
        (await World.Get<CancelContract>().ExecuteAsync(World.Manager, new CancelContractRequest(cancelled.Id))).ShouldBeOk();

        var signedResult = await World.Get<CancelContract>().ExecuteAsync(World.Manager, new CancelContractRequest(signed.Id));
        signedResult.ShouldBe(Outcome.Conflict);
        signedResult.Message!.ToString().Should().Contain("a signed contract cannot be cancelled");
        var twice = await World.Get<CancelContract>().ExecuteAsync(World.Manager, new CancelContractRequest(cancelled.Id));
        twice.ShouldBe(Outcome.Conflict);
        twice.Message!.ToString().Should().Contain("already cancelled");
        (await World.Get<GetContract>().ExecuteAsync(World.Manager, signed.Id)).ShouldBeOk().Status.Should().Be(ContractStatus.Signed);
    }

    [Fact]
    public async Task A_refused_caller_gets_the_same_refusal_for_an_existing_and_a_missing_contract()
    {
        var contract = await World.NewContractAsync();
        const int missing = 987_654;

        async Task<(string?, string?)> Both<T>(Func<int, Task<Result<T>>> act)
        {
            var existing = await act(contract.Id);
            var absent = await act(missing);
            existing.ShouldBe(Outcome.Forbidden);
            absent.ShouldBe(Outcome.Forbidden);
            return (existing.Message?.ToString(), absent.Message?.ToString());
        }

        var refusals = new[]
        {
            await Both(id => World.Get<UpdateContract>().ExecuteAsync(World.Support, new UpdateContractRequest(id, TotalAmount: 1m))),
            await Both(id => World.Get<UpdateContract>().ExecuteAsync(World.Support, new UpdateContractRequest(id, Signed: true))),
            await Both(id => World.Get<RecordPayment>().ExecuteAsync(World.Support, new RecordPaymentRequest(id, 1m))),
            await Both(id => World.Get<RequestSignature>().ExecuteAsync(World.Support, new RequestSignatureRequest(id))),
            await Both(id => World.Get<SignContract>().ExecuteAsync(World.Sales, new SignContractRequest(id))),
            await Both(id => World.Get<CancelContract>().ExecuteAsync(World.Sales, new CancelContractRequest(id))),
            await Both(id => World.Get<DecideContractSignature>().ExecuteAsync(World.Sales, new ContractSignatureDecision(id, SignatureVerdict.Approve))),
            await Both(id => World.Get<DecideSignatureRequest>().ExecuteAsync(World.Support, new SignatureDecision(id, SignatureVerdict.Reject, "no"))),
        };

        refusals.Should().OnlyContain(r => r.Item1 == r.Item2);
        refusals.Should().NotContain(r => r.Item1!.Contains(contract.Id.ToString(CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task A_missing_contract_is_not_found()
    {
        (await World.Get<GetContract>().ExecuteAsync(World.Support, 424_242)).ShouldBe(Outcome.NotFound);
        (await World.Get<SignContract>().ExecuteAsync(World.Manager, new SignContractRequest(424_242))).ShouldBe(Outcome.NotFound);
    }

    [Fact]
    public async Task Contract_filters_combine_with_and()
    {
        var mineDraftUnpaid = await World.NewContractAsync(sales: World.Sales, total: 100m);
        var mineDraftPaid = await World.NewContractAsync(sales: World.Sales, total: 100m, due: 0m);
        var mineSignedUnpaid = await World.NewSignedContractAsync(sales: World.Sales, total: 100m);
        var theirDraftUnpaid = await World.NewContractAsync(sales: World.Sales2, total: 100m);
        var (minePending, _) = await World.NewPendingContractAsync(World.Sales);
        var cancelled = await World.NewContractAsync(sales: World.Sales);
        (await World.Get<CancelContract>().ExecuteAsync(World.Manager, new CancelContractRequest(cancelled.Id))).ShouldBeOk();

        async Task<IEnumerable<int>> Ids(Actor actor, ContractFilter filter) =>
            (await World.Get<ListContracts>().ExecuteAsync(actor, filter, PageRequest.First())).ShouldBeOk().Items.Select(c => c.Id);

        (await Ids(World.Support, new ContractFilter(Unsigned: true))).Should().Equal(minePending.Id, theirDraftUnpaid.Id, mineDraftPaid.Id, mineDraftUnpaid.Id);
        (await Ids(World.Support, new ContractFilter(Unpaid: true))).Should().Equal(cancelled.Id, minePending.Id, theirDraftUnpaid.Id, mineSignedUnpaid.Id, mineDraftUnpaid.Id);
        (await Ids(World.Support, new ContractFilter(Unsigned: true, Unpaid: true))).Should().Equal(minePending.Id, theirDraftUnpaid.Id, mineDraftUnpaid.Id);
        (await Ids(World.Sales, new ContractFilter(Unsigned: true, Unpaid: true, Mine: true))).Should().Equal(minePending.Id, mineDraftUnpaid.Id);
        (await Ids(World.Sales, new ContractFilter(Mine: true, Status: ContractStatus.Signed))).Should().Equal(mineSignedUnpaid.Id);
        (await Ids(World.Manager, new ContractFilter(Unsigned: true, Status: ContractStatus.Signed))).Should().BeEmpty();
        (await Ids(World.Manager, new ContractFilter(ClientId: theirDraftUnpaid.ClientId))).Should().Equal(theirDraftUnpaid.Id);
        (await Ids(World.Manager, new ContractFilter(ClientId: mineDraftPaid.ClientId, Unpaid: true))).Should().BeEmpty();
    }

    [Fact]
    public async Task Mine_is_for_sales_only()
    {
        (await World.Get<ListContracts>().ExecuteAsync(World.Support, new ContractFilter(Mine: true), PageRequest.First())).ShouldBeInvalidOn("mine");
        (await World.Get<ListContracts>().ExecuteAsync(World.Manager, new ContractFilter(Mine: true), PageRequest.First())).ShouldBeInvalidOn("mine");
    }

    [Fact]
    public async Task Contract_lists_are_keyset_paged_newest_first_with_the_related_names()
    {
        var ids = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await World.NewSignedContractAsync(sales: i % 2 == 0 ? World.Sales : World.Sales2)).Id);
        }

        var seen = new List<ContractView>();
        string? after = null;
        var pages = 0;
        do
        {
            var page = (await World.Get<ListContracts>().ExecuteAsync(World.Support, new ContractFilter(), new PageRequest(2, after))).ShouldBeOk();
            seen.AddRange(page.Items);
            after = page.Next;
            pages++;
        }
        while (after is not null);

        pages.Should().Be(3);
        seen.Select(c => c.Id).Should().Equal(ids.AsEnumerable().Reverse());
        seen.Should().OnlyContain(c => c.SignedByName == "Marie Gestion" && c.ClientName.StartsWith("Client", StringComparison.Ordinal));
        seen.Select(c => c.SalesContactName).Should().Contain(["Sophie Commerciale", "Samuel Ventes"]);
        (await World.Get<ListContracts>().ExecuteAsync(World.Support, new ContractFilter(), new PageRequest(2, "not a cursor"))).ShouldBeInvalidOn("after");
    }

    [Fact]
    public async Task An_empty_contract_list_is_an_empty_page()
    {
        var page = (await World.Get<ListContracts>().ExecuteAsync(World.Sales, new ContractFilter(Mine: true, Unpaid: true), PageRequest.First())).ShouldBeOk();

        page.IsEmpty.Should().BeTrue();
        page.Next.Should().BeNull();
    }

    private static decimal? Money(string? text) => text is null ? null : decimal.Parse(text, CultureInfo.InvariantCulture);
}
