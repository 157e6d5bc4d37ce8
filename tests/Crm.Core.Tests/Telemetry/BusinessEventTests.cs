using System.Diagnostics;
using EpicEvents.Crm.Access;
using EpicEvents.Crm.Auth;
using EpicEvents.Crm.Clients;
using EpicEvents.Crm.Collaborators;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Contracts;
using EpicEvents.Crm.Events;
using EpicEvents.Crm.Signatures;
using EpicEvents.Crm.Telemetry;
using EpicEvents.Crm.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EpicEvents.Crm.Tests.Telemetry;

public sealed class BusinessEventTestsOnSqlite : BusinessEventTests<Sqlite>;

public sealed class BusinessEventTestsOnPostgres : BusinessEventTests<Postgres>;

public abstract class BusinessEventTests<TDatabase> : WorldTest<TDatabase>
    where TDatabase : IDatabaseKind
{
    private readonly LogCollector _logs = new();

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddLogging(logging => logging.AddProvider(_logs).SetMinimumLevel(LogLevel.Debug));

    [Fact]
    public async Task Contract_sign_logs_contract_signed_once_with_the_contract_and_the_signer()
    {
        var contract = await World.NewContractAsync();

        (await World.Get<SignContract>().ExecuteAsync(World.Manager, new SignContractRequest(contract.Id))).ShouldBeOk();

        var signed = _logs.Named("ContractSigned").Should().ContainSingle().Subject;
        signed.Level.Should().Be(LogLevel.Information);
        signed.EventId.Id.Should().Be(1120);
        signed["ContractId"].Should().Be(contract.Id);
        signed["ActorId"].Should().Be(World.Manager.Id);
    }

    [Fact]
    public async Task Update_with_signed_true_by_management_logs_contract_signed_once()
    {
        var contract = await World.NewContractAsync();

        (await World.Get<UpdateContract>().ExecuteAsync(World.Manager, new UpdateContractRequest(contract.Id, TotalAmount: 12_000m, Signed: true))).ShouldBeOk();

        _logs.Named("ContractSigned").Should().ContainSingle().Which["ContractId"].Should().Be(contract.Id);
    }

    [Fact]
    public async Task Update_with_signed_true_by_sales_asks_management_and_logs_no_signature()
    {
        var contract = await World.NewContractAsync();

        (await World.Get<UpdateContract>().ExecuteAsync(World.Sales, new UpdateContractRequest(contract.Id, Signed: true))).ShouldBeOk();

        _logs.Named("ContractSigned").Should().BeEmpty();
    }

    [Fact]
    public async Task Approving_a_sales_request_logs_contract_signed_once_with_the_request()
    {
        var (contract, request) = await World.NewPendingContractAsync();

        (await World.Get<DecideContractSignature>().ExecuteAsync(World.Manager, new ContractSignatureDecision(contract.Id, SignatureVerdict.Approve))).ShouldBeOk();

        var signed = _logs.Named("ContractSigned").Should().ContainSingle().Subject;
        signed["ContractId"].Should().Be(contract.Id);
        signed["SignatureRequestId"].Should().Be(request.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Two_managers_approving_the_same_request_at_once_log_one_signature()
    {
        var (_, request) = await World.NewPendingContractAsync();

        await Task.WhenAll(
            World.Get<DecideSignatureRequest>().ExecuteAsync(World.Manager, new SignatureDecision(request.Id, SignatureVerdict.Approve)),
            World.Get<DecideSignatureRequest>().ExecuteAsync(World.Manager2, new SignatureDecision(request.Id, SignatureVerdict.Approve)));

        _logs.Named("ContractSigned").Should().ContainSingle();
    }

    [Fact]
    public async Task A_rejected_request_logs_signature_rejected_and_no_signature()
    {
        var (_, request) = await World.NewPendingContractAsync();

        (await World.Get<DecideSignatureRequest>().ExecuteAsync(World.Manager, new SignatureDecision(request.Id, SignatureVerdict.Reject, "Wrong total"))).ShouldBeOk();

        _logs.Named("SignatureRejected").Should().ContainSingle().Which["SignatureRequestId"].Should().Be(request.Id);
        _logs.Named("ContractSigned").Should().BeEmpty();
    }

    [Fact]
    public async Task A_refused_signature_logs_nothing_but_its_refusal_is_left_to_the_front_end()
    {
        var contract = await World.NewContractAsync();

        (await World.Get<SignContract>().ExecuteAsync(World.Sales, new SignContractRequest(contract.Id))).ShouldBe(Outcome.Forbidden);

        _logs.Named("ContractSigned").Should().BeEmpty();
    }

    [Fact]
    public async Task Logins_are_logged_by_collaborator_id_and_never_with_the_email_or_password()
    {
        var email = await World.EmailOfAsync(World.Sales);

        await World.LoginAsync(World.Sales, "Wrong-Password-1");
        await World.Get<Login>().ExecuteAsync("nobody@epicevents.test", "Secret-Guess-2", ChangeSource.Bot);
        await World.LoginAsync(World.Sales);

        var failed = _logs.Named("LoginFailed");
        failed.Should().HaveCount(2).And.OnlyContain(l => l.Level == LogLevel.Warning);
        failed[0]["CollaboratorId"].Should().Be(World.Sales.Id);
        failed[1]["CollaboratorId"].Should().BeNull();
        _logs.Named("LoginSucceeded").Should().ContainSingle().Which["CollaboratorId"].Should().Be(World.Sales.Id);
        var everything = string.Join('\n', _logs.Logs.Select(l => l.Message + string.Join(',', l.State)));
        everything.Should().NotContain(email).And.NotContain("nobody@").And.NotContain("Wrong-Password-1").And.NotContain("Secret-Guess-2");
    }

    [Fact]
    public async Task Five_failed_logins_lock_the_account_and_the_lock_is_a_warning()
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await World.LoginAsync(World.Support, "Wrong-Password-1");
        }

        var locked = _logs.Named("AccountLocked").Should().ContainSingle().Subject;
        locked.Level.Should().Be(LogLevel.Warning);
        locked["CollaboratorId"].Should().Be(World.Support.Id);
    }

    [Fact]
    public async Task A_tampered_session_token_is_a_warning_without_the_token()
    {
        var token = await World.TokenOfAsync(World.Sales);
        var tampered = token[..^4] + (token.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");

        (await World.ResolveAsync(tampered)).State.Should().Be(SessionState.Invalid);

        var warning = _logs.Named("InvalidSessionToken").Should().ContainSingle().Subject;
        warning.Level.Should().Be(LogLevel.Warning);
        warning.Message.Should().NotContain(tampered).And.NotContain(token);
    }

    [Fact]
    public async Task Creating_updating_moving_and_deactivating_a_collaborator_are_each_logged_once()
    {
        var created = (await World.Get<CreateCollaborator>().ExecuteAsync(World.Manager,
            new CreateCollaboratorRequest("Paul Nouveau", "paul.nouveau@epicevents.test", World.RoleIds[Department.Sales]))).ShouldBeOk();
        var id = created.Collaborator.Id;
        (await World.Get<UpdateCollaborator>().ExecuteAsync(World.Manager, new UpdateCollaboratorRequest(id, FullName: "Paul Renommé"))).ShouldBeOk();
        (await World.Get<UpdateCollaborator>().ExecuteAsync(World.Manager, new UpdateCollaboratorRequest(id, RoleId: World.RoleIds[Department.Support]))).ShouldBeOk();
        (await World.Get<DeactivateCollaborator>().ExecuteAsync(World.Manager, new DeactivateCollaboratorRequest(id))).ShouldBeOk();

        _logs.Named("CollaboratorCreated").Should().ContainSingle().Which["CollaboratorId"].Should().Be(id);
        _logs.Named("CollaboratorUpdated").Should().HaveCount(2);
        var moved = _logs.Named("RoleChanged").Should().ContainSingle().Subject;
        moved["CollaboratorId"].Should().Be(id);
        moved["Department"].Should().Be(Department.Support.Key());
        _logs.Named("CollaboratorDeactivated").Should().ContainSingle().Which["ActorId"].Should().Be(World.Manager.Id);
        string.Join('\n', _logs.Logs.Select(l => l.Message)).Should().NotContain("paul.nouveau@").And.NotContain("Paul");
    }

    [Fact]
    public async Task Assigning_support_logs_the_event_and_the_support_collaborator()
    {
        var created = await World.NewEventAsync();

        (await World.Get<AssignSupport>().ExecuteAsync(World.Manager, new AssignSupportRequest(created.Id, World.Support.Id))).ShouldBeOk();

        var assigned = _logs.Named("SupportAssigned").Should().ContainSingle().Subject;
        assigned["EventId"].Should().Be(created.Id);
        assigned["SupportId"].Should().Be(World.Support.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Database_commands_become_spans_naming_the_operation_but_never_the_values()
    {
        var spans = new List<Activity>();
        // Tests of other classes run at the same time and start spans of the same source: only those
        // of this test's own trace are kept.
        using var root = new Activity("database spans test").SetIdFormat(ActivityIdFormat.W3C).Start();
        var trace = root.TraceId;
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == CrmTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = span =>
            {
                if (span.TraceId != trace)
                {
                    return;
                }

                lock (spans)
                {
                    spans.Add(span);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);

        await World.Get<ListClients>().ExecuteAsync(World.Sales, new ClientFilter(Search: "needle-in-the-haystack"), new PageRequest());
        root.Stop();

        lock (spans)
        {
            spans.Should().NotBeEmpty();
            spans.Should().OnlyContain(s => s.Kind == ActivityKind.Client && s.GetTagItem("db.system.name") != null);
            spans.Select(s => s.DisplayName).Should().Contain("SELECT");
            spans.SelectMany(s => s.TagObjects).Select(t => t.Value?.ToString()).Should().NotContain(v => v != null && v.Contains("needle", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_notification_written_inside_a_trace_carries_its_traceparent()
    {
        using var source = new ActivitySource("EpicEvents.Tests");
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == source.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        var contract = await World.NewContractAsync();

        string traceParent;
        using (var command = source.StartActivity("epicevents contract update"))
        {
            traceParent = command!.Id!;
            (await World.Get<RequestSignature>().ExecuteAsync(World.Sales, new RequestSignatureRequest(contract.Id))).ShouldBeOk();
        }

        await using var db = World.NewContext();
        var messages = await db.OutboxMessages.ToListAsync();
        messages.Should().NotBeEmpty().And.OnlyContain(m => m.TraceParent == traceParent);
        // W3C Trace Context: version, trace id, parent id, flags (sampled, and "random" since Trace Context level 2).
        traceParent.Should().MatchRegex("^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$");
    }
}
