using EpicEvents.Crm.Presentation;
using Microsoft.AspNetCore.Http;

namespace EpicEvents.Bot.Api;

/// <summary>
/// Why a request's credentials were turned away, kept on the request by whichever scheme looked at
/// them and written once as the problem: 401 for a missing, invalid or expired token, 403 for a
/// genuine sign-in of someone the CRM does not let in.
/// </summary>
internal sealed record ApiRefusal(int Status, string Code, Text Detail)
{
    public const string Key = "crm.refusal";

    private static readonly ApiRefusal NoCredentials = NotLoggedIn(BotTexts.Sentence("api.logInFirst"));

    public static ApiRefusal NotLoggedIn(Text detail) => new(StatusCodes.Status401Unauthorized, ProblemCodes.NotLoggedIn, detail);

    public static ApiRefusal Forbidden(Text detail) => new(StatusCodes.Status403Forbidden, ProblemCodes.Forbidden, detail);

    public static Task WriteAsync(HttpContext context)
    {
        var refusal = context.Items[Key] as ApiRefusal ?? NoCredentials;
        if (refusal.Status == StatusCodes.Status401Unauthorized)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
        }

        return ApiResults.Problem(refusal.Status, refusal.Code, refusal.Detail).ExecuteAsync(context);
    }
}
