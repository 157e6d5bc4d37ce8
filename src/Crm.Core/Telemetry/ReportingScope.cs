using Sentry;

namespace EpicEvents.Crm.Telemetry;

/// <summary>
/// What an error reported while serving one request, or running one command, names beyond the
/// exception: the collaborator (by id), the command, the request (its method and address, scrubbed
/// when sent) and the breadcrumbs left along the way. One small object per request, current for
/// everything the request runs and read only when an event is sent — where a Sentry scope pushed per
/// request would copy the whole process's scope on every turn (ADR 23). Nothing makes one when Sentry
/// is not configured, and then every call here is a null check.
/// </summary>
public class ReportingScope
{
    /// <summary>The breadcrumbs an event carries at most from its request, the oldest dropped first (Sentry's own default).</summary>
    public const int MaxBreadcrumbs = 100;

    private static readonly AsyncLocal<ReportingScope?> Ambient = new();

    // Made with the first breadcrumb (most requests leave none), and the lock of its own changes.
    private Queue<Breadcrumb>? _breadcrumbs;
    private int? _collaboratorId;
    private string? _command;

    /// <summary>The scope of the request or command this code runs for, if one was entered.</summary>
    public static ReportingScope? Current => Ambient.Value;

    /// <summary>
    /// Makes this the scope of the calling flow and of everything it starts. Entered in an
    /// <c>async</c> method, it ends when that method returns; entered in a synchronous one, it stays
    /// for the rest of the caller's flow.
    /// </summary>
    public void Enter() => Ambient.Value = this;

    /// <summary>The signed-in collaborator's id, the only thing an event says of them.</summary>
    public int? CollaboratorId => _collaboratorId;

    /// <summary>What the person was doing: a CLI command or a bot turn's command.</summary>
    public string? Command => _command;

    /// <summary>The HTTP method of the request served, if this is a request's scope.</summary>
    public virtual string? RequestMethod => null;

    /// <summary>The address of the request served as it arrived (the event carries it scrubbed).</summary>
    public virtual string? RequestUrl => null;

    internal void SignedIn(int collaboratorId) => _collaboratorId = collaboratorId;

    internal void Runs(string command) => _command = command;

    /// <summary>Keeps a breadcrumb for this request's events only, the newest <see cref="MaxBreadcrumbs"/>.</summary>
    internal void Keep(Breadcrumb breadcrumb)
    {
        var trail = LazyInitializer.EnsureInitialized(ref _breadcrumbs);
        lock (trail)
        {
            if (trail.Count == MaxBreadcrumbs)
            {
                trail.Dequeue();
            }

            trail.Enqueue(breadcrumb);
        }
    }

    /// <summary>The breadcrumbs kept so far, oldest first.</summary>
    internal Breadcrumb[] Breadcrumbs()
    {
        if (Volatile.Read(ref _breadcrumbs) is not { } trail)
        {
            return [];
        }

        lock (trail)
        {
            return [.. trail];
        }
    }
}
