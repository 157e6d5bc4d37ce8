namespace EpicEvents.Bot.Protocol.Authentication;

/// <summary>The kinds of credential of a single- or multi-tenant bot's app registration.</summary>
public enum BotCredentialKind
{
    /// <summary><c>MicrosoftAppPassword</c>: a client secret.</summary>
    ClientSecret,

    /// <summary>A certificate, from a file or the certificate store: a client assertion signed by its key.</summary>
    Certificate,

    /// <summary>A managed identity of the machine as federated credential of the app registration: no secret anywhere.</summary>
    FederatedManagedIdentity,
}

/// <summary>
/// The bot's credential towards Entra ID (<c>Bot:Credential:*</c>). A certificate file or store entry
/// is read again when Entra refuses the one in use, so a rotated certificate is taken without a restart.
/// </summary>
public sealed class BotCredential
{
    public BotCredentialKind Kind { get; set; } = BotCredentialKind.ClientSecret;

    /// <summary>A PKCS#12 file holding the certificate and its key.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>Or the certificate's thumbprint in the store <see cref="CertificateStore"/>.</summary>
    public string? CertificateThumbprint { get; set; }

    /// <summary>For example <c>CurrentUser/My</c> or <c>LocalMachine/My</c>.</summary>
    public string CertificateStore { get; set; } = "CurrentUser/My";

    /// <summary>The client id of the user-assigned managed identity federated with the app registration; null: the system-assigned one.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>The audience of the managed identity's token that Entra exchanges (the public cloud's by default).</summary>
    public string TokenExchangeAudience { get; set; } = "api://AzureADTokenExchange";
}
