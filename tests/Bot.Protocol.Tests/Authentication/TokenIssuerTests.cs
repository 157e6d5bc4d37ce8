using EpicEvents.Bot.Protocol.Authentication;
using EpicEvents.Bot.Protocol.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace EpicEvents.Bot.Protocol.Tests.Authentication;

/// <summary>
/// Tokens of each issuer Azure Bot Service uses, each checked with the keys of its own metadata: the
/// Bot Framework's (keys with endorsements) and Entra's for the bot's tenant (v1 and v2 forms, keys
/// without endorsements), on loopback authorities.
/// </summary>
public sealed class TokenIssuerTests : IAsyncLifetime
{
    private const string OwnTenant = "3a1b5c7d-0000-4000-8000-00000000beef";
    private const string OtherTenant = "0e9c3c1b-7d1e-4a5c-8f2a-3b4c5d6e7f80";
    private static readonly string EntraV2 = $"https://login.microsoftonline.com/{OwnTenant}/v2.0";
    private static readonly string EntraV1 = $"https://sts.windows.net/{OwnTenant}/";

    private readonly BotFrameworkAuthority _botFramework = new();
    private readonly BotFrameworkAuthority _entra = new(EntraV2, endorsements: false);
    private ServiceProvider _services = null!;

    public Task InitializeAsync()
    {
        _services = ProtocolServices.Build(options =>
        {
            options.MicrosoftAppId = BotFrameworkAuthority.AppId;
            options.MicrosoftAppPassword = "not-used-here";
            options.MicrosoftAppTenantId = OwnTenant;
            options.TrustedIssuers =
            [
                new(TrustedIssuers.BotFrameworkIssuer, _botFramework.MetadataUrl),
                new(EntraV1, _entra.MetadataUrl),
                new(EntraV2, _entra.MetadataUrl),
            ];
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _botFramework.DisposeAsync();
        await _entra.DisposeAsync();
    }

    private Task<AuthenticationResult> AuthenticateAsync(string token) =>
        _services.GetRequiredService<InboundRequestAuthenticator>().AuthenticateAsync("Bearer " + token, "msteams", BotFrameworkAuthority.ServiceUrl, CancellationToken.None);

    [Fact]
    public async Task A_bot_framework_token_is_accepted_with_the_bot_framework_keys()
    {
        var result = await AuthenticateAsync(BotFrameworkAuthority.Token(_botFramework.KeyOf("key-1")));

        result.Succeeded.Should().BeTrue(result.Reason);
    }

    [Theory]
    [InlineData("v2")]
    [InlineData("v1")]
    public async Task An_entra_token_of_the_bots_tenant_is_accepted_with_that_tenants_keys_and_no_endorsements(string form)
    {
        var result = await AuthenticateAsync(BotFrameworkAuthority.Token(_entra.KeyOf("key-1"), issuer: form == "v2" ? EntraV2 : EntraV1, serviceUrl: null));

        result.Succeeded.Should().BeTrue(result.Reason);
    }

    [Fact]
    public async Task An_entra_token_of_another_tenant_is_refused()
    {
        var result = await AuthenticateAsync(BotFrameworkAuthority.Token(_entra.KeyOf("key-1"), issuer: $"https://login.microsoftonline.com/{OtherTenant}/v2.0", serviceUrl: null));

        result.Failure.Should().Be(AuthenticationFailure.WrongIssuer);
    }

    [Fact]
    public async Task A_token_naming_the_bot_framework_but_signed_with_an_entra_key_is_refused()
    {
        // Both authorities publish a "key-1": the issuer decides whose is used.
        var result = await AuthenticateAsync(BotFrameworkAuthority.Token(_entra.KeyOf("key-1")));

        result.Failure.Should().Be(AuthenticationFailure.InvalidSignature);
    }

    [Fact]
    public async Task An_entra_token_for_another_audience_or_another_service_url_is_refused()
    {
        (await AuthenticateAsync(BotFrameworkAuthority.Token(_entra.KeyOf("key-1"), issuer: EntraV2, audience: "another-app", serviceUrl: null))).Failure
            .Should().Be(AuthenticationFailure.WrongAudience);
        (await AuthenticateAsync(BotFrameworkAuthority.Token(_entra.KeyOf("key-1"), issuer: EntraV2, serviceUrl: "https://smba.trafficmanager.net/amer/"))).Failure
            .Should().Be(AuthenticationFailure.ServiceUrlMismatch);
    }

    [Fact]
    public void The_public_cloud_list_is_the_bot_framework_and_entra_for_the_service_tenants_and_the_bots_own()
    {
        var issuers = TrustedIssuers.PublicCloud(new BotProtocolOptions { MicrosoftAppTenantId = OwnTenant });

        issuers[0].Should().Be(new TrustedIssuer("https://api.botframework.com", BotProtocolOptions.DefaultOpenIdMetadataUrl));
        issuers.Select(i => i.Issuer).Should().Contain(
        [
            "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/", "https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0",
            "https://sts.windows.net/f8cdef31-a31e-4b4a-93e4-5f571e91255a/", "https://login.microsoftonline.com/f8cdef31-a31e-4b4a-93e4-5f571e91255a/v2.0",
            "https://sts.windows.net/69e9b82d-4842-4902-8d1e-abc5b98a55e8/", "https://login.microsoftonline.com/69e9b82d-4842-4902-8d1e-abc5b98a55e8/v2.0",
            EntraV1, EntraV2,
        ]).And.HaveCount(9);
        issuers.Single(i => i.Issuer == EntraV2).MetadataUrl.Should().Be($"https://login.microsoftonline.com/{OwnTenant}/v2.0/.well-known/openid-configuration");
        issuers.Single(i => i.Issuer == EntraV1).MetadataUrl.Should().Be($"https://login.microsoftonline.com/{OwnTenant}/.well-known/openid-configuration");
    }
}
