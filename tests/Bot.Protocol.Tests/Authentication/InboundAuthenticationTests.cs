using EpicEvents.Bot.Protocol.Authentication;
using EpicEvents.Bot.Protocol.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace EpicEvents.Bot.Protocol.Tests.Authentication;

public sealed class InboundAuthenticationTests : IAsyncLifetime
{
    private readonly BotFrameworkAuthority _authority = new();
    private readonly FakeTimeProvider _clock = new();
    private ServiceProvider _services = null!;

    public Task InitializeAsync()
    {
        _services = ProtocolServices.Build(
            options =>
            {
                options.MicrosoftAppId = BotFrameworkAuthority.AppId;
                options.MicrosoftAppPassword = "not-used-here";
                options.MicrosoftAppTenantId = "tenant-1";
                options.OpenIdMetadataUrl = _authority.MetadataUrl;
            },
            _clock);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _authority.DisposeAsync();
    }

    private InboundRequestAuthenticator Authenticator => _services.GetRequiredService<InboundRequestAuthenticator>();

    private Task<AuthenticationResult> AuthenticateAsync(string? header, string channelId = "msteams", string serviceUrl = BotFrameworkAuthority.ServiceUrl) =>
        Authenticator.AuthenticateAsync(header, channelId, serviceUrl, CancellationToken.None);

    private string ValidToken() => BotFrameworkAuthority.Token(_authority.KeyOf("key-1"));

    [Fact]
    public async Task Valid_token_is_accepted_with_its_claims()
    {
        var result = await AuthenticateAsync("Bearer " + ValidToken());

        result.Succeeded.Should().BeTrue(result.Reason);
        result.IsAnonymous.Should().BeFalse();
        result.Identity!.FindFirst("aud")!.Value.Should().Be(BotFrameworkAuthority.AppId);
    }

    [Fact]
    public async Task Service_url_differing_only_by_trailing_slash_is_the_same_service()
    {
        var result = await AuthenticateAsync("Bearer " + ValidToken(), serviceUrl: BotFrameworkAuthority.ServiceUrl.TrimEnd('/'));

        result.Succeeded.Should().BeTrue(result.Reason);
    }

    [Fact]
    public async Task Expired_token_is_refused()
    {
        var token = BotFrameworkAuthority.Token(
            _authority.KeyOf("key-1"), notBefore: DateTime.UtcNow.AddHours(-2), expires: DateTime.UtcNow.AddMinutes(-10));

        var result = await AuthenticateAsync("Bearer " + token);

        result.Failure.Should().Be(AuthenticationFailure.Expired);
    }

    [Fact]
    public async Task Token_expired_within_the_clock_skew_is_accepted()
    {
        var token = BotFrameworkAuthority.Token(
            _authority.KeyOf("key-1"), notBefore: DateTime.UtcNow.AddHours(-2), expires: DateTime.UtcNow.AddMinutes(-2));

        var result = await AuthenticateAsync("Bearer " + token);

        result.Succeeded.Should().BeTrue(result.Reason);
    }

    [Fact]
    public async Task Token_from_another_issuer_is_refused()
    {
        var token = BotFrameworkAuthority.Token(_authority.KeyOf("key-1"), issuer: "https://sts.windows.net/attacker/");

        (await AuthenticateAsync("Bearer " + token)).Failure.Should().Be(AuthenticationFailure.WrongIssuer);
    }

    [Fact]
    public async Task Token_for_another_bot_is_refused()
    {
        var token = BotFrameworkAuthority.Token(_authority.KeyOf("key-1"), audience: "another-bot-app-id");

        (await AuthenticateAsync("Bearer " + token)).Failure.Should().Be(AuthenticationFailure.WrongAudience);
    }

    [Fact]
    public async Task Token_naming_a_published_key_but_signed_with_another_is_refused()
    {
        using var forger = System.Security.Cryptography.RSA.Create(2048);
        var token = BotFrameworkAuthority.Token(forger, keyId: "key-1");

        (await AuthenticateAsync("Bearer " + token)).Failure.Should().Be(AuthenticationFailure.InvalidSignature);
    }

    [Fact]
    public async Task Token_signed_with_an_unpublished_key_is_refused()
    {
        using var forger = System.Security.Cryptography.RSA.Create(2048);
        var token = BotFrameworkAuthority.Token(forger, keyId: "key-of-nobody");

        (await AuthenticateAsync("Bearer " + token)).Failure.Should().Be(AuthenticationFailure.UnknownSigningKey);
    }

    [Fact]
    public async Task Unsigned_token_is_refused()
    {
        (await AuthenticateAsync("Bearer " + BotFrameworkAuthority.UnsignedToken())).Failure
            .Should().Be(AuthenticationFailure.DisallowedAlgorithm);
    }

    [Fact]
    public async Task Token_signed_with_another_algorithm_is_refused()
    {
        var token = BotFrameworkAuthority.Token(_authority.KeyOf("key-1"), algorithm: SecurityAlgorithms.RsaSha512);

        (await AuthenticateAsync("Bearer " + token)).Failure.Should().Be(AuthenticationFailure.DisallowedAlgorithm);
    }

    [Fact]
    public async Task Token_issued_for_another_service_url_is_refused()
    {
        var result = await AuthenticateAsync("Bearer " + ValidToken(), serviceUrl: "https://attacker.example/teams/");

        result.Failure.Should().Be(AuthenticationFailure.ServiceUrlMismatch);
    }

    [Fact]
    public async Task Token_without_service_url_claim_is_refused()
    {
        var token = BotFrameworkAuthority.Token(_authority.KeyOf("key-1"), serviceUrl: null);

        (await AuthenticateAsync("Bearer " + token)).Failure.Should().Be(AuthenticationFailure.ServiceUrlMismatch);
    }

    [Fact]
    public async Task Key_that_does_not_endorse_the_channel_is_refused()
    {
        var key = _authority.Publish("webchat-only", "webchat");
        var token = BotFrameworkAuthority.Token(key, keyId: "webchat-only");

        (await AuthenticateAsync("Bearer " + token, channelId: "msteams")).Failure.Should().Be(AuthenticationFailure.ChannelNotEndorsed);
    }

    [Fact]
    public async Task Request_without_authorization_header_is_refused_when_an_app_id_is_configured()
    {
        (await AuthenticateAsync(null)).Failure.Should().Be(AuthenticationFailure.MissingHeader);
    }

    [Theory]
    [InlineData("Basic dXNlcjpwYXNz", AuthenticationFailure.NotBearer)]
    [InlineData("Bearer not-a-jwt", AuthenticationFailure.MalformedToken)]
    [InlineData("Bearer ", AuthenticationFailure.MalformedToken)]
    public async Task Header_that_is_not_a_bearer_jwt_is_refused(string header, AuthenticationFailure expected)
    {
        (await AuthenticateAsync(header)).Failure.Should().Be(expected);
    }

    [Fact]
    public async Task Signing_keys_are_fetched_once_for_many_validations()
    {
        for (var i = 0; i < 5; i++)
        {
            (await AuthenticateAsync("Bearer " + ValidToken())).Succeeded.Should().BeTrue();
        }

        _authority.KeySetFetches.Should().Be(1);
    }

    [Fact]
    public async Task Signing_keys_are_refreshed_when_a_token_names_a_new_key()
    {
        (await AuthenticateAsync("Bearer " + ValidToken())).Succeeded.Should().BeTrue();
        var rotated = _authority.Publish("key-2", "msteams");
        _clock.Advance(TimeSpan.FromMinutes(6));

        var result = await AuthenticateAsync("Bearer " + BotFrameworkAuthority.Token(rotated, keyId: "key-2"));

        result.Succeeded.Should().BeTrue(result.Reason);
        _authority.KeySetFetches.Should().Be(2);
    }

    [Fact]
    public async Task Unknown_key_ids_refresh_the_keys_at_most_once_per_interval()
    {
        (await AuthenticateAsync("Bearer " + ValidToken())).Succeeded.Should().BeTrue();
        _clock.Advance(TimeSpan.FromMinutes(6));
        using var forger = System.Security.Cryptography.RSA.Create(2048);

        for (var i = 0; i < 4; i++)
        {
            (await AuthenticateAsync("Bearer " + BotFrameworkAuthority.Token(forger, keyId: $"forged-{i}"))).Failure
                .Should().Be(AuthenticationFailure.UnknownSigningKey);
        }

        _authority.KeySetFetches.Should().Be(2);
    }

    [Fact]
    public async Task Signing_keys_are_fetched_again_once_their_lifetime_is_over()
    {
        (await AuthenticateAsync("Bearer " + ValidToken())).Succeeded.Should().BeTrue();
        _clock.Advance(TimeSpan.FromHours(25));

        (await AuthenticateAsync("Bearer " + ValidToken())).Succeeded.Should().BeTrue();

        _authority.KeySetFetches.Should().Be(2);
    }

    [Fact]
    public async Task After_a_failed_fetch_the_keys_are_fetched_again_within_seconds_not_minutes()
    {
        _authority.State = AuthorityState.Failing;
        (await AuthenticateAsync("Bearer " + ValidToken())).Succeeded.Should().BeFalse();
        _authority.State = AuthorityState.Up;

        _clock.Advance(TimeSpan.FromSeconds(2));
        var result = await AuthenticateAsync("Bearer " + ValidToken());

        result.Succeeded.Should().BeTrue(result.Reason);
    }

    [Fact]
    public async Task Repeated_failures_back_off_to_one_attempt_every_thirty_seconds_at_most()
    {
        _authority.State = AuthorityState.Failing;
        for (var second = 0; second < 120; second++)
        {
            await AuthenticateAsync("Bearer " + ValidToken());
            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        // 1 + 2 + 4 + 8 + 16 s, then every 30 s: 8 attempts in two minutes, not 120.
        _authority.MetadataRequests.Should().BeInRange(7, 9);
    }

    [Fact]
    public async Task The_last_good_keys_stay_in_use_while_the_endpoint_fails()
    {
        (await AuthenticateAsync("Bearer " + ValidToken())).Succeeded.Should().BeTrue();
        _clock.Advance(TimeSpan.FromHours(25));
        _authority.State = AuthorityState.Failing;

        var result = await AuthenticateAsync("Bearer " + ValidToken());

        result.Succeeded.Should().BeTrue(result.Reason);
    }
}

/// <summary>A key endpoint that never answers, on the real clock: it holds a request a few seconds at most.</summary>
public sealed class HangingKeyEndpointTests : IAsyncLifetime
{
    private readonly BotFrameworkAuthority _authority = new() { State = AuthorityState.Hanging };
    private ServiceProvider _services = null!;

    public Task InitializeAsync()
    {
        _services = ProtocolServices.Build(options =>
        {
            options.MicrosoftAppId = BotFrameworkAuthority.AppId;
            options.MicrosoftAppPassword = "not-used-here";
            options.MicrosoftAppTenantId = "tenant-1";
            options.OpenIdMetadataUrl = _authority.MetadataUrl;
            options.SigningKeysFetchTimeout = TimeSpan.FromSeconds(1);
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _authority.DisposeAsync();
    }

    [Fact]
    public async Task A_hanging_key_endpoint_refuses_the_request_after_the_fetch_timeout_instead_of_holding_it()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var result = await _services.GetRequiredService<InboundRequestAuthenticator>()
            .AuthenticateAsync("Bearer " + BotFrameworkAuthority.Token(_authority.KeyOf("key-1")), "msteams", BotFrameworkAuthority.ServiceUrl, CancellationToken.None);

        result.Succeeded.Should().BeFalse();
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(15), "the fetch gives up after its 1 s time-out, not after the HTTP client's 30 s");
    }
}
