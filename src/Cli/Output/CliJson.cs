using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using EpicEvents.Cli.Remote;
using EpicEvents.Crm.Audit;
using EpicEvents.Crm.Auth;
using EpicEvents.Crm.Clients;
using EpicEvents.Crm.Collaborators;
using EpicEvents.Crm.Common;
using EpicEvents.Crm.Contracts;
using EpicEvents.Crm.Events;
using EpicEvents.Crm.Outbox;
using EpicEvents.Crm.Roles;
using EpicEvents.Crm.Signatures;

namespace EpicEvents.Cli.Output;

/// <summary>
/// The JSON of <c>--json</c>: camelCase names, enums as their names, dates as ISO 8601 UTC. The
/// views are serialised by generated code (start-up time), anything else by reflection.
/// </summary>
internal static class CliJson
{
    public static JsonSerializerOptions Options { get; } = new(CliJsonContext.Default.Options)
    {
        TypeInfoResolver = JsonTypeInfoResolver.Combine(CliJsonContext.Default, new DefaultJsonTypeInfoResolver()),

        // Accents in names stay readable; the output is for programs and terminals, never HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(object value) => JsonSerializer.Serialize(value, value.GetType(), Options);
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ClientView))]
[JsonSerializable(typeof(ContractView))]
[JsonSerializable(typeof(EventView))]
[JsonSerializable(typeof(CollaboratorView))]
[JsonSerializable(typeof(RoleView))]
[JsonSerializable(typeof(AuditEntryView))]
[JsonSerializable(typeof(SignatureRequestView))]
[JsonSerializable(typeof(NotificationView))]
[JsonSerializable(typeof(ErrorDocument))]
[JsonSerializable(typeof(Page<ClientView>))]
[JsonSerializable(typeof(Page<ContractView>))]
[JsonSerializable(typeof(Page<EventView>))]
[JsonSerializable(typeof(Page<CollaboratorView>))]
[JsonSerializable(typeof(Page<RoleView>))]
[JsonSerializable(typeof(Page<AuditEntryView>))]
[JsonSerializable(typeof(Page<SignatureRequestView>))]
[JsonSerializable(typeof(Page<NotificationView>))]
[JsonSerializable(typeof(ContractUpdateOutcome))]
[JsonSerializable(typeof(NewCollaborator))]
[JsonSerializable(typeof(PasswordReset))]
[JsonSerializable(typeof(CollaboratorDeactivated))]
[JsonSerializable(typeof(SessionToken))]
[JsonSerializable(typeof(Done))]
[JsonSerializable(typeof(SessionDocument))]
[JsonSerializable(typeof(LoginDocument))]
[JsonSerializable(typeof(QueuedDocument))]
[JsonSerializable(typeof(ApiProblem))]
[JsonSerializable(typeof(ListDocument<ClientView>))]
[JsonSerializable(typeof(ListDocument<ContractView>))]
[JsonSerializable(typeof(ListDocument<EventView>))]
[JsonSerializable(typeof(ListDocument<CollaboratorView>))]
[JsonSerializable(typeof(ListDocument<RoleView>))]
[JsonSerializable(typeof(ListDocument<AuditEntryView>))]
[JsonSerializable(typeof(ListDocument<SignatureRequestView>))]
[JsonSerializable(typeof(ListDocument<NotificationView>))]
[JsonSerializable(typeof(EpicEvents.Crm.Digests.Digest))]
[JsonSerializable(typeof(SettingsView))]
[JsonSerializable(typeof(SettingsChange))]
internal sealed partial class CliJsonContext : JsonSerializerContext;

/// <summary><c>{"error":{"code","message","fields"}}</c> on stderr.</summary>
internal sealed record ErrorDocument(ErrorBody Error);

internal sealed record ErrorBody(string Code, string Message, IReadOnlyDictionary<string, string> Fields);
