using EpicEvents.Crm.Access;
using Microsoft.Extensions.Logging;

namespace EpicEvents.Crm.Telemetry;

/// <summary>
/// Crm.Core's log events. Their ids are stable (1100–1199 here; the protocol layer uses 1001–1099,
/// the CLI 2000–2999, the bot 3000–3999) so that alerts and dashboards can rely on them. They carry
/// collaborator and record ids, never names, emails, phone numbers or secrets.
/// </summary>
public static partial class CrmLog
{
    [LoggerMessage(EventId = 1100, EventName = "LoginSucceeded", Level = LogLevel.Information,
        Message = "Login succeeded for collaborator {CollaboratorId} from {Source}")]
    public static partial void LoginSucceeded(ILogger logger, int? collaboratorId, ChangeSource source);

    [LoggerMessage(EventId = 1101, EventName = "LoginFailed", Level = LogLevel.Warning,
        Message = "Login failed for collaborator {CollaboratorId} from {Source}")]
    public static partial void LoginFailed(ILogger logger, int? collaboratorId, ChangeSource source);

    [LoggerMessage(EventId = 1102, EventName = "AccountLocked", Level = LogLevel.Warning,
        Message = "Account of collaborator {CollaboratorId} is locked after repeated failed logins (attempt from {Source})")]
    public static partial void AccountLocked(ILogger logger, int? collaboratorId, ChangeSource source);

    [LoggerMessage(EventId = 1103, EventName = "InvalidSessionToken", Level = LogLevel.Warning,
        Message = "A session token from {Source} was refused: {TokenState}")]
    public static partial void InvalidSessionToken(ILogger logger, ChangeSource source, string tokenState);

    [LoggerMessage(EventId = 1104, EventName = "PermissionRefused", Level = LogLevel.Warning,
        Message = "Permission refused to collaborator {CollaboratorId} ({Department}) for {Operation}")]
    public static partial void PermissionRefused(ILogger logger, int collaboratorId, Department department, string operation);

    [LoggerMessage(EventId = 1110, EventName = "CollaboratorCreated", Level = LogLevel.Information,
        Message = "Collaborator {CollaboratorId} created by {ActorId}")]
    public static partial void CollaboratorCreated(ILogger logger, int? collaboratorId, int? actorId);

    [LoggerMessage(EventId = 1111, EventName = "CollaboratorUpdated", Level = LogLevel.Information,
        Message = "Collaborator {CollaboratorId} updated by {ActorId}")]
    public static partial void CollaboratorUpdated(ILogger logger, int? collaboratorId, int? actorId);

    [LoggerMessage(EventId = 1112, EventName = "CollaboratorDeactivated", Level = LogLevel.Information,
        Message = "Collaborator {CollaboratorId} deactivated by {ActorId}")]
    public static partial void CollaboratorDeactivated(ILogger logger, int? collaboratorId, int? actorId);

    [LoggerMessage(EventId = 1113, EventName = "RoleChanged", Level = LogLevel.Information,
        Message = "Collaborator {CollaboratorId} moved to the {Department} department by {ActorId}")]
    public static partial void RoleChanged(ILogger logger, int? collaboratorId, string? department, int? actorId);

    [LoggerMessage(EventId = 1120, EventName = "ContractSigned", Level = LogLevel.Information,
        Message = "Contract {ContractId} signed by {ActorId} (signature request {SignatureRequestId})")]
    public static partial void ContractSigned(ILogger logger, int? contractId, int? actorId, string? signatureRequestId);

    [LoggerMessage(EventId = 1121, EventName = "SignatureRejected", Level = LogLevel.Information,
        Message = "Signature request {SignatureRequestId} rejected by {ActorId}")]
    public static partial void SignatureRejected(ILogger logger, int? signatureRequestId, int? actorId);

    [LoggerMessage(EventId = 1130, EventName = "SupportAssigned", Level = LogLevel.Information,
        Message = "Event {EventId} assigned to support collaborator {SupportId} by {ActorId}")]
    public static partial void SupportAssigned(ILogger logger, int? eventId, string? supportId, int? actorId);
}
