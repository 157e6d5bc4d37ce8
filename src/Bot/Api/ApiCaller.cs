using System.Reflection;
using EpicEvents.Crm.Access;
using Microsoft.AspNetCore.Http;

namespace EpicEvents.Bot.Api;

/// <summary>
/// The signed-in collaborator of an API request, as the authentication handler reloaded them from
/// the database. Bound as an endpoint parameter; never part of the request body or the OpenAPI document.
/// </summary>
public sealed record ApiCaller(Actor Actor, DateTime SessionExpiresAt)
{
    public static ValueTask<ApiCaller?> BindAsync(HttpContext context, ParameterInfo parameter) =>
        ValueTask.FromResult<ApiCaller?>(context.Features.Get<ApiCaller>()
            ?? throw new InvalidOperationException("An endpoint that takes the caller must require authorization."));
}
