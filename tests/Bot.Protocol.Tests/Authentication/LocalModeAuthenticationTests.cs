using EpicEvents.Bot.Protocol.Authentication;
using EpicEvents.Bot.Protocol.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace EpicEvents.Bot.Protocol.Tests.Authentication;

public sealed class LocalModeAuthenticationTests : IAsyncLifetime
{
    private readonly BotFrameworkAuthority _authority = new();
    private ServiceProvider _services = null!;

    public Task InitializeAsync()
    {
        _services = ProtocolServices.Build(options => options.OpenIdMetadataUrl = _authority.MetadataUrl);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _authority.DisposeAsync();
    }

    private Task<AuthenticationResult> AuthenticateAsync(string? header) =>
        _services.GetRequiredService<InboundRequestAuthenticator>()
            .AuthenticateAsync(header, "msteams", BotFrameworkAuthority.ServiceUrl, CancellationToken.None);

    [Fact]
    public async Task Request_without_authorization_header_is_anonymous_without_an_app_id()
    {
        var result = await AuthenticateAsync(null);

        result.Succeeded.Should().BeTrue();
        result.IsAnonymous.Should().BeTrue();
    }

    [Fact]
    public async Task Bad_authorization_header_is_still_refused_without_an_app_id()
    {
        (await AuthenticateAsync("Bearer not-a-jwt")).Succeeded.Should().BeFalse();
    }

    [Fact]
    public async Task Well_signed_token_is_refused_without_an_app_id_since_no_audience_can_match()
    {
        var token = BotFrameworkAuthority.Token(_authority.KeyOf("key-1"));

        (await AuthenticateAsync("Bearer " + token)).Failure.Should().Be(AuthenticationFailure.WrongAudience);
    }
}
