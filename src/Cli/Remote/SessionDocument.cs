using EpicEvents.Crm.Access;

namespace EpicEvents.Cli.Remote;

/// <summary>Who is logged in and until when: <c>auth whoami --json</c>, and the server's <c>GET /api/v1/auth/whoami</c>.</summary>
internal sealed record SessionDocument(int CollaboratorId, string FullName, Department Department, DateTime ExpiresAt, bool MustChangePassword);

/// <summary>The server's answer to <c>POST /api/v1/auth/login</c>.</summary>
internal sealed record LoginDocument(string Token, DateTime ExpiresAt, int CollaboratorId, string FullName, Department Department, bool MustChangePassword);
