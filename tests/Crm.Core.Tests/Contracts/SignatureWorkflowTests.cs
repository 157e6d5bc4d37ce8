using EpicEvents.Crm.Access;
using EpicEvents.Crm.Audit;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Contracts;
using EpicEvents.Crm.Outbox;
using EpicEvents.Crm.Persistence;
using EpicEvents.Crm.Signatures;
using EpicEvents.Crm.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EpicEvents.Crm.Tests.Contracts;

public sealed class SignatureWorkflowTestsOnSqlite : SignatureWorkflowTests<Sqlite>;

public sealed class SignatureWorkflowTestsOnPostgres : SignatureWorkflowTests<Postgres>;

public abstract class SignatureWorkflowTests<TDatabase> : WorldTest<TDatabase>
    where TDatabase : IDatabaseKind
{
    [Fact]
    public async Task A_request_names_every_manager_and_whether_Teams_can_bring_them_the_card()
    {
        var first = await World.NewContractAsync(sales: World.Sales);
        var nobodyLinked = (await World.Get<RequestSignature>().ExecuteAsync(World.Sales, new RequestSignatureRequest(first.Id))).ShouldBeOk();
        nobodyLinked.Approvers.Should().BeEquivalentTo(
        [
            new ApproverReach(World.Manager.Id, World.Manager.FullName, ApproverChannel.NoTeamsAccount),
            new ApproverReach(World.Manager2.Id, World.Manager2.FullName, ApproverChannel.NoTeamsAccount),
        ]);
        Presentation.Wording.English.Approvers(nobodyLinked.Approvers).Should().StartWith("No manager can receive it in Teams").And.Contain("no Teams account linked");

        // One manager talks to the bot; the other is linked in a tenant where nobody has the app.
        var tenant = Guid.NewGuid();
        var elsewhere = Guid.NewGuid();
        (await World.Get<EpicEvents.Crm.Collaborators.LinkTeamsIdentity>().ExecuteAsync(World.Manager, new EpicEvents.Crm.Collaborators.LinkTeamsIdentityRequest(World.Manager.Id, tenant, Guid.NewGuid()))).ShouldBeOk();
        (await World.Get<EpicEvents.Crm.Collaborators.LinkTeamsIdentity>().ExecuteAsync(World.Manager, new EpicEvents.Crm.Collaborators.LinkTeamsIdentityRequest(World.Manager2.Id, elsewhere, Guid.NewGuid()))).ShouldBeOk();
        await World.Get<EpicEvents.Crm.Teams.TeamsConversations>().RememberAsync(World.Manager.Id, new EpicEvents.Crm.Teams.TeamsConversationReference(
            "https://smba.trafficmanager.net/emea/", "msteams", "a:manager", "personal", tenant.ToString(), "28:bot", "CRM", "29:manager", null, "fr-FR"));
        var second = await World.NewContractAsync(sales: World.Sales);
        var oneReachable = (await World.Get<RequestSignature>().ExecuteAsync(World.Sales, new RequestSignatureRequest(second.Id))).ShouldBeOk();
        oneReachable.Approvers.Select(a => (a.CollaboratorId, a.Channel)).Should().BeEquivalentTo(
            [(World.Manager.Id, ApproverChannel.Teams), (World.Manager2.Id, ApproverChannel.AppNotInstalled)]);
        Presentation.Wording.French.Approvers(oneReachable.Approvers).Should()
            .Be($"Carte d'approbation en route dans Teams vers : {World.Manager.FullName}. Injoignables dans Teams : {World.Manager2.FullName} (l'application n'est pas installée dans son organisation).");

        // Linked in the tenant where the app is: Teams lets the bot open a chat with them.
        (await World.Get<EpicEvents.Crm.Collaborators.LinkTeamsIdentity>().ExecuteAsync(World.Manager, new EpicEvents.Crm.Collaborators.LinkTeamsIdentityRequest(World.Manager2.Id, tenant, Guid.NewGuid()))).ShouldBeOk();
        var everyone = await World.NewContractAsync(sales: World.Sales);
        var allReachable = (await World.Get<RequestSignature>().ExecuteAsync(World.Sales, new RequestSignatureRequest(everyone.Id))).ShouldBeOk();
        allReachable.Approvers.Should().OnlyContain(a => a.Channel == ApproverChannel.Teams);
        Presentation.Wording.English.Approvers(allReachable.Approvers).Should().StartWith("Approval card on its way in Teams to: ").And.NotContain("Not reachable");

        await World.Get<EpicEvents.Crm.Teams.TeamsConversations>().MarkBlockedAsync(World.Manager.Id);
        var third = await World.NewContractAsync(sales: World.Sales);
        (await World.Get<RequestSignature>().ExecuteAsync(World.Sales, new RequestSignatureRequest(third.Id))).ShouldBeOk()
            .Approvers.Single(a => a.CollaboratorId == World.Manager.Id).Channel.Should().Be(ApproverChannel.BlockedTheBot);
    }

    [Fact]
    public async Task Sales_requests_a_signature_for_their_own_draft_and_every_active_manager_is_notified()
    {
        var contract = await World.NewContractAsync(sales: World.Sales);

        var request = (await World.Get<RequestSignature>().ExecuteAsync(World.Sales, new RequestSignatureRequest(contract.Id))).ShouldBeOk().Request;

        request.Status.Should().Be(SignatureRequestStatus.Pending);
        request.ContractId.Should().Be(contract.Id);
        request.RequestedByName.Should().Be("Sophie Commerciale");
        request.RequestedAt.Should().Be(World.Clock.UtcNow);
        request.ContractStatus.Should().Be(ContractStatus.PendingSignature);
        (await World.Get<GetContract>().ExecuteAsync(World.Support, contract.Id)).ShouldBeOk().PendingSignatureRequestId.Should().Be(request.Id);

        await using var db = World.NewContext();
        var messages = await db.OutboxMessages.ToListAsync();
        messages.Should().HaveCount(2).And.OnlyContain(m => m.Kind == NotificationKind.SignatureRequested && m.SubjectId == request.Id);
        messages.Select(m => m.RecipientId).Should().BeEquivalentTo([World.Manager.Id, World.Manager2.Id]);
        var entry = await db.AuditEntries.SingleAsync(a => a.Action == "contract.signature_requested");
        entry.EntityId.Should().Be(contract.Id);
        entry.Changes.Should().Contain(new FieldChange("status", "Draft", "PendingSignature"));
    }

    [Fact]
    public async Task Only_a_draft_of_ones_own_client_can_be_sent_for_signature()
    {
        var (pending, _) = await World.NewPendingContractAsync(World.Sales);
        var signed = await World.NewSignedContractAsync(sales: World.Sales);
        var theirs = await World.NewContractAsync(sales: World.Sales2);

        var again = await World.Get<RequestSignature>().ExecuteAsync(World.Sales, new RequestSignatureRequest(pending.Id));
        again.ShouldBe(Outcome.Conflict);
        again.Message!.ToString().Should().Contain("already pending");
        var afterSigning = await World.Get<RequestSignature>().ExecuteAsync(World.Sales, new RequestSignatureRequest(signed.Id));
        afterSigning.ShouldBe(Outcome.Conflict);
        afterSigning.Message!.ToString().Should().Contain("already signed by Marie Gestion");
        (await World.Get<RequestSignature>().ExecuteAsync(World.Sales, new RequestSignatureRequest(theirs.Id))).ShouldBe(Outcome.Forbidden);
        (await World.Get<RequestSignature>().ExecuteAsync(World.Manager, new RequestSignatureRequest(theirs.Id))).ShouldBeOk();

        await using var db = World.NewContext();
        (await db.SignatureRequests.CountAsync(s => s.ContractId == pending.Id)).Should().Be(1);
    }

    [Fact]
    public async Task Of_two_simultaneous_signature_requests_for_one_contract_only_one_is_recorded()
    {
        var contract = await World.NewContractAsync(sales: World.Sales);

        var results = await Task.WhenAll(
            World.Get<RequestSignature>().ExecuteAsync(World.Sales, new RequestSignatureRequest(contract.Id)),
            World.Get<RequestSignature>().ExecuteAsync(World.Manager, new RequestSignatureRequest(contract.Id)));

        results.Count(r => r.IsOk).Should().Be(1);
        results.Single(r => !r.IsOk).ShouldBe(Outcome.Conflict);
        await using var db = World.NewContext();
        (await db.SignatureRequests.CountAsync()).Should().Be(1);
        (await db.OutboxMessages.CountAsync()).Should().Be(2);
    }

    [Fact]
    public async Task Management_signs_a_draft_directly_and_the_signature_is_audited()
    {
        var contract = await World.NewContractAsync();
        World.Clock.Advance(TimeSpan.FromDays(1));

        var signed = (await World.Get<SignContract>().ExecuteAsync(World.Manager2, new SignContractRequest(contract.Id))).ShouldBeOk();

        signed.Status.Should().Be(ContractStatus.Signed);
        signed.SignedAt.Should().Be(World.Clock.UtcNow);
        signed.SignedById.Should().Be(World.Manager2.Id);
        signed.SignedByName.Should().Be("Marc Direction");
        await using var db = World.NewContext();
        var entry = await db.AuditEntries.SingleAsync(a => a.Action == "contract.signed");
        entry.ActorId.Should().Be(World.Manager2.Id);
        entry.Changes.Should().Contain(new FieldChange("status", "Draft", "Signed"));
        (await db.OutboxMessages.CountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task Signing_a_pending_contract_approves_its_request_and_tells_the_requester()
    {
        var (contract, request) = await World.NewPendingContractAsync(World.Sales);

        (await World.Get<SignContract>().ExecuteAsync(World.Manager, new SignContractRequest(contract.Id))).ShouldBeOk()
            .PendingSignatureRequestId.Should().BeNull();

        var approved = (await World.Get<GetSignatureRequest>().ExecuteAsync(World.Sales, request.Id)).ShouldBeOk();
        approved.Status.Should().Be(SignatureRequestStatus.Approved);
        approved.DecidedByName.Should().Be("Marie Gestion");
        await using var db = World.NewContext();
        var told = await db.OutboxMessages.SingleAsync(m => m.Kind == NotificationKind.SignatureDecided);
        told.RecipientId.Should().Be(World.Sales.Id);
        told.SubjectId.Should().Be(request.Id);
    }

    [Fact]
    public async Task Signing_twice_names_who_signed_and_when_and_a_cancelled_contract_cannot_be_signed()
    {
        var contract = await World.NewSignedContractAsync();
        var cancelled = await World.NewContractAsync();
        (await World.Get<CancelContract>().ExecuteAsync(World.Manager, new CancelContractRequest(cancelled.Id))).ShouldBeOk();
        World.Clock.Advance(TimeSpan.FromHours(3));

        var twice = await World.Get<SignContract>().ExecuteAsync(World.Manager2, new SignContractRequest(contract.Id));
        twice.ShouldBe(Outcome.Conflict);
        twice.Message!.ToString().Should().Be($"Contract {contract.Id} was already signed by Marie Gestion on 2026-03-02 09:00 UTC.");
        (await World.Get<SignContract>().ExecuteAsync(World.Manager, new SignContractRequest(cancelled.Id))).ShouldBe(Outcome.Conflict);
        (await World.Get<SignContract>().ExecuteAsync(World.Sales, new SignContractRequest(contract.Id))).ShouldBe(Outcome.Forbidden);
        (await World.Get<GetContract>().ExecuteAsync(World.Manager, contract.Id)).ShouldBeOk().SignedByName.Should().Be("Marie Gestion");
    }

    [Fact]
    public async Task Approving_a_request_signs_the_contract_and_tells_the_requester()
    {
        var (contract, request) = await World.NewPendingContractAsync(World.Sales);

        var approved = (await World.Get<DecideSignatureRequest>().ExecuteAsync(World.Manager2, new SignatureDecision(request.Id, SignatureVerdict.Approve))).ShouldBeOk();

        approved.Status.Should().Be(SignatureRequestStatus.Approved);
        approved.DecidedByName.Should().Be("Marc Direction");
        approved.DecidedAt.Should().Be(World.Clock.UtcNow);
        approved.ContractStatus.Should().Be(ContractStatus.Signed);
        var read = (await World.Get<GetContract>().ExecuteAsync(World.Sales, contract.Id)).ShouldBeOk();
        read.SignedByName.Should().Be("Marc Direction");
        await using var db = World.NewContext();
        (await db.OutboxMessages.SingleAsync(m => m.Kind == NotificationKind.SignatureDecided)).RecipientId.Should().Be(World.Sales.Id);
        (await db.AuditEntries.Select(a => a.Action).ToListAsync()).Should().Contain(["signature.approved", "contract.signed"]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public async Task A_rejection_needs_a_reason_and_without_one_nothing_changes(string? reason)
    {
        var (contract, request) = await World.NewPendingContractAsync(World.Sales);

        var result = await World.Get<DecideSignatureRequest>().ExecuteAsync(World.Manager, new SignatureDecision(request.Id, SignatureVerdict.Reject, reason));

        result.ShouldBeInvalidOn("reason");
        (await World.Get<GetSignatureRequest>().ExecuteAsync(World.Manager, request.Id)).ShouldBeOk().IsPending.Should().BeTrue();
        (await World.Get<GetContract>().ExecuteAsync(World.Manager, contract.Id)).ShouldBeOk().Status.Should().Be(ContractStatus.PendingSignature);
    }

    [Fact]
    public async Task A_reason_has_at_most_a_thousand_characters_without_control_characters()
    {
        var (_, request) = await World.NewPendingContractAsync(World.Sales);

        (await World.Get<DecideSignatureRequest>().ExecuteAsync(World.Manager, new SignatureDecision(request.Id, SignatureVerdict.Reject, new string('x', 1001))))
            .ShouldBeInvalidOn("reason");
        (await World.Get<DecideSignatureRequest>().ExecuteAsync(World.Manager, new SignatureDecision(request.Id, SignatureVerdict.Reject, "bell \u0007 here")))
            .ShouldBeInvalidOn("reason");
        (await World.Get<DecideSignatureRequest>().ExecuteAsync(World.Manager, new SignatureDecision(request.Id, SignatureVerdict.Reject, new string('x', 1000))))
            .ShouldBeOk().Reason.Should().HaveLength(1000);
    }

    [Fact]
    public async Task A_rejection_returns_the_contract_to_draft_with_the_reason_and_it_can_be_requested_again()
    {
        var (contract, request) = await World.NewPendingContractAsync(World.Sales);

        var rejected = (await World.Get<DecideSignatureRequest>().ExecuteAsync(World.Manager, new SignatureDecision(request.Id, SignatureVerdict.Reject, "  The total is missing the VAT.  "))).ShouldBeOk();

        rejected.Status.Should().Be(SignatureRequestStatus.Rejected);
        rejected.Reason.Should().Be("The total is missing the VAT.");
        rejected.ContractStatus.Should().Be(ContractStatus.Draft);
        await using (var db = World.NewContext())
        {
            (await db.OutboxMessages.SingleAsync(m => m.Kind == NotificationKind.SignatureDecided)).RecipientId.Should().Be(World.Sales.Id);
            var entry = await db.AuditEntries.SingleAsync(a => a.Action == "signature.rejected");
            entry.EntityType.Should().Be(AuditEntity.SignatureRequest);
            entry.EntityId.Should().Be(request.Id);
            entry.Changes.Should().Contain(new FieldChange("reason", null, "The total is missing the VAT."));
            (await db.AuditEntries.SingleAsync(a => a.Action == "contract.returned_to_draft")).EntityId.Should().Be(contract.Id);
        }

        (await World.Get<RequestSignature>().ExecuteAsync(World.Sales, new RequestSignatureRequest(contract.Id))).ShouldBeOk().Request.Id.Should().NotBe(request.Id);
    }

    [Fact]
    public async Task A_reason_that_looks_like_an_injection_is_stored_as_plain_text()
    {
        const string reason = "Robert'); DROP TABLE signature_requests;--\n<b>second line</b>";
        var (_, request) = await World.NewPendingContractAsync(World.Sales);

        (await World.Get<DecideSignatureRequest>().ExecuteAsync(World.Manager, new SignatureDecision(request.Id, SignatureVerdict.Reject, reason))).ShouldBeOk();

        (await World.Get<GetSignatureRequest>().ExecuteAsync(World.Sales, request.Id)).ShouldBeOk().Reason.Should().Be(reason);
    }

    [Fact]
    public async Task The_first_decision_wins_and_a_later_one_is_told_who_decided_when_and_why()
    {
        var (contract, request) = await World.NewPendingContractAsync(World.Sales);
        (await World.Get<DecideSignatureRequest>().ExecuteAsync(World.Manager, new SignatureDecision(request.Id, SignatureVerdict.Reject, "Wrong client"))).ShouldBeOk();
        int auditCount, outboxCount;
        await using (var db = World.NewContext())
        {
            auditCount = await db.AuditEntries.CountAsync();
            outboxCount = await db.OutboxMessages.CountAsync();
        }

        World.Clock.Advance(TimeSpan.FromMinutes(5));
        var late = await World.Get<DecideSignatureRequest>().ExecuteAsync(World.Manager2, new SignatureDecision(request.Id, SignatureVerdict.Approve));

        late.ShouldBe(Outcome.Conflict);
        late.Message!.ToString().Should().Be($"Signature request {request.Id} was already rejected by Marie Gestion on 2026-03-02 09:00 UTC. Reason: Wrong client");
        (await World.Get<GetContract>().ExecuteAsync(World.Manager, contract.Id)).ShouldBeOk().Status.Should().Be(ContractStatus.Draft);
        await using (var db = World.NewContext())
        {
            (await db.AuditEntries.CountAsync()).Should().Be(auditCount);
            (await db.OutboxMessages.CountAsync()).Should().Be(outboxCount);
        }
    }

    [Fact]
    public async Task Of_two_managers_deciding_at_the_same_moment_exactly_one_wins()
    {
        for (var round = 0; round < 3; round++)
        {
            var (contract, request) = await World.NewPendingContractAsync(World.Sales);

            var results = await Task.WhenAll(
                World.Get<DecideSignatureRequest>().ExecuteAsync(World.Manager, new SignatureDecision(request.Id, SignatureVerdict.Approve)),
                World.Get<DecideSignatureRequest>().ExecuteAsync(World.Manager2, new SignatureDecision(request.Id, SignatureVerdict.Reject, "Too expensive")));

            results.Count(r => r.IsOk).Should().Be(1);
            var loser = results.Single(r => !r.IsOk);
            loser.ShouldBe(Outcome.Conflict);
            var winner = results.Single(r => r.IsOk).Value;
            loser.Message!.ToString().Should().Contain($"already {winner.Status.ToString().ToLowerInvariant()} by {winner.DecidedByName}");
            var read = (await World.Get<GetContract>().ExecuteAsync(World.Manager, contract.Id)).ShouldBeOk();
            read.Status.Should().Be(winner.Status == SignatureRequestStatus.Approved ? ContractStatus.Signed : ContractStatus.Draft);
            await using var db = World.NewContext();
            (await db.OutboxMessages.CountAsync(m => m.Kind == NotificationKind.SignatureDecided && m.SubjectId == request.Id)).Should().Be(1);
            (await db.OutboxMessages.Where(m => m.Kind == NotificationKind.ApprovalCardUpdate && m.SubjectId == request.Id).Select(m => m.RecipientId).ToListAsync())
                .Should().BeEquivalentTo([World.Manager.Id, World.Manager2.Id], "each approval card is updated once, by the winning decision");
        }
    }

    [Theory]
    [InlineData("approve")]
    [InlineData("reject")]
    [InlineData("sign")]
    [InlineData("cancel")]
    public async Task Closing_a_request_in_any_way_updates_the_approval_card_of_every_manager_who_was_asked(string how)
    {
        var (contract, request) = await World.NewPendingContractAsync(World.Sales);
        // A manager who joins after the request was sent has no card to update.
        var newcomer = await World.AddCollaboratorAsync("Nadia Nouvelle", Department.Management);

        var closed = how switch
        {
            "approve" => (await World.Get<DecideSignatureRequest>().ExecuteAsync(newcomer, new SignatureDecision(request.Id, SignatureVerdict.Approve))).IsOk,
            "reject" => (await World.Get<DecideSignatureRequest>().ExecuteAsync(World.Manager, new SignatureDecision(request.Id, SignatureVerdict.Reject, "Wrong amount"))).IsOk,
            "sign" => (await World.Get<SignContract>().ExecuteAsync(World.Manager2, new SignContractRequest(contract.Id))).IsOk,
            _ => (await World.Get<CancelContract>().ExecuteAsync(World.Manager, new CancelContractRequest(contract.Id))).IsOk,
        };

        closed.Should().BeTrue();
        await using var db = World.NewContext();
        var updates = await db.OutboxMessages.Where(m => m.Kind == NotificationKind.ApprovalCardUpdate).ToListAsync();
        updates.Should().OnlyContain(m => m.SubjectId == request.Id && m.State == DeliveryState.Pending);
        updates.Select(m => m.RecipientId).Should().BeEquivalentTo([World.Manager.Id, World.Manager2.Id]);
        var requested = await db.OutboxMessages.Where(m => m.Kind == NotificationKind.SignatureRequested).MaxAsync(m => m.Id);
        updates.Should().OnlyContain(m => m.Id > requested, "a manager's card is updated after it is sent");
    }

    [Fact]
    public async Task A_decision_saved_from_a_stale_copy_of_the_request_is_refused_by_its_version()
    {
        var (_, request) = await World.NewPendingContractAsync(World.Sales);
        await using var first = World.NewContext();
        await using var second = World.NewContext();
        var a = await first.FindRequestAsync(request.Id, default);
        var b = await second.FindRequestAsync(request.Id, default);
        var manager = await first.Collaborators.SingleAsync(c => c.Id == World.Manager.Id);
        var manager2 = await second.Collaborators.SingleAsync(c => c.Id == World.Manager2.Id);

        await ContractSigning.SignAsync(first, World.Manager, a!.Contract, manager, a, null, World.Clock.UtcNow, default);
        await ContractSigning.RejectAsync(second, World.Manager2, b!, manager2, "Late", World.Clock.UtcNow, default);
        (await first.TrySaveAsync(default)).Should().BeNull();
        var loser = await second.TrySaveAsync(default);

        loser!.Outcome.Should().Be(Outcome.Conflict);
        var read = (await World.Get<GetSignatureRequest>().ExecuteAsync(World.Manager, request.Id)).ShouldBeOk();
        read.Status.Should().Be(SignatureRequestStatus.Approved);
        read.Reason.Should().BeNull();
    }

    [Fact]
    public async Task Only_management_decides_a_signature_request()
    {
        var (_, request) = await World.NewPendingContractAsync(World.Sales);

        (await World.Get<DecideSignatureRequest>().ExecuteAsync(World.Sales, new SignatureDecision(request.Id, SignatureVerdict.Approve))).ShouldBe(Outcome.Forbidden);
        (await World.Get<DecideSignatureRequest>().ExecuteAsync(World.Support, new SignatureDecision(request.Id, SignatureVerdict.Approve))).ShouldBe(Outcome.Forbidden);
        (await World.Get<DecideSignatureRequest>().ExecuteAsync(World.Manager, new SignatureDecision(999_999, SignatureVerdict.Approve))).ShouldBe(Outcome.NotFound);
        (await World.Get<DecideSignatureRequest>().ExecuteAsync(World.Manager, new SignatureDecision(request.Id, (SignatureVerdict)42, "?"))).ShouldBeInvalidOn("verdict");
        (await World.Get<GetSignatureRequest>().ExecuteAsync(World.Support, request.Id)).ShouldBeOk().IsPending.Should().BeTrue();
    }

    [Fact]
    public async Task A_decision_by_contract_id_decides_its_pending_request()
    {
        var (contract, request) = await World.NewPendingContractAsync(World.Sales);

        var rejected = (await World.Get<DecideContractSignature>().ExecuteAsync(World.Manager, new ContractSignatureDecision(contract.Id, SignatureVerdict.Reject, "Missing clause"))).ShouldBeOk();
        rejected.Id.Should().Be(request.Id);
        rejected.Status.Should().Be(SignatureRequestStatus.Rejected);

        var late = await World.Get<DecideContractSignature>().ExecuteAsync(World.Manager2, new ContractSignatureDecision(contract.Id, SignatureVerdict.Approve));
        late.ShouldBe(Outcome.Conflict);
        late.Message!.ToString().Should().Contain("already rejected by Marie Gestion").And.Contain("Missing clause");

        var second = (await World.Get<RequestSignature>().ExecuteAsync(World.Sales, new RequestSignatureRequest(contract.Id))).ShouldBeOk().Request;
        var approved = (await World.Get<DecideContractSignature>().ExecuteAsync(World.Manager2, new ContractSignatureDecision(contract.Id, SignatureVerdict.Approve))).ShouldBeOk();
        approved.Id.Should().Be(second.Id);
        approved.ContractStatus.Should().Be(ContractStatus.Signed);
    }

    [Fact]
    public async Task A_decision_by_contract_id_without_a_pending_request_says_why()
    {
        var draft = await World.NewContractAsync();
        var signed = await World.NewSignedContractAsync();

        var none = await World.Get<DecideContractSignature>().ExecuteAsync(World.Manager, new ContractSignatureDecision(draft.Id, SignatureVerdict.Approve));
        none.ShouldBe(Outcome.Conflict);
        none.Message!.ToString().Should().Be($"Contract {draft.Id} has no pending signature request.");
        var already = await World.Get<DecideContractSignature>().ExecuteAsync(World.Manager, new ContractSignatureDecision(signed.Id, SignatureVerdict.Approve));
        already.ShouldBe(Outcome.Conflict);
        already.Message!.ToString().Should().Contain("already signed by Marie Gestion");
        (await World.Get<DecideContractSignature>().ExecuteAsync(World.Manager, new ContractSignatureDecision(777_777, SignatureVerdict.Approve))).ShouldBe(Outcome.NotFound);
    }

    [Fact]
    public async Task Management_lists_the_pending_requests_oldest_first_with_names_page_by_page()
    {
        var requests = new List<SignatureRequestView>();
        for (var i = 0; i < 3; i++)
        {
            requests.Add((await World.NewPendingContractAsync(i == 1 ? World.Manager2 : World.Sales)).Request);
        }

        (await World.Get<DecideSignatureRequest>().ExecuteAsync(World.Manager, new SignatureDecision(requests[0].Id, SignatureVerdict.Approve))).ShouldBeOk();
        var more = (await World.NewPendingContractAsync(World.Sales)).Request;

        var first = (await World.Get<ListSignatureRequests>().ExecuteAsync(World.Manager, new PageRequest(2))).ShouldBeOk();
        first.Items.Select(r => r.Id).Should().Equal(requests[1].Id, requests[2].Id);
        first.Items[0].RequestedByName.Should().Be("Marc Direction");
        first.Items[1].RequestedByName.Should().Be("Sophie Commerciale");
        first.Items.Should().OnlyContain(r => r.ClientName.StartsWith("Client", StringComparison.Ordinal) && r.TotalAmount == 10_000m);
        var second = (await World.Get<ListSignatureRequests>().ExecuteAsync(World.Manager, new PageRequest(2, first.Next))).ShouldBeOk();
        second.Items.Select(r => r.Id).Should().Equal(more.Id);
        second.Next.Should().BeNull();

        (await World.Get<ListSignatureRequests>().ExecuteAsync(World.Sales, PageRequest.First())).ShouldBe(Outcome.Forbidden);
    }
}
