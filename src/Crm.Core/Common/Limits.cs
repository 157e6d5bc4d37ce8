namespace EpicEvents.Crm.Common;

/// <summary>Field lengths and ranges of SPEC §1, defined once and reused by validation and the schema.</summary>
public static class Limits
{
    public const int RoleName = 50;
    public const int PersonName = 100;
    public const int Email = 254;
    public const int CompanyName = 100;
    public const int PhoneText = 32;
    public const int PhoneMinDigits = 6;
    public const int PhoneMaxDigits = 20;
    public const int EventName = 100;
    public const int Location = 200;
    public const int Notes = 4000;
    public const int MaxAttendees = 100_000;
    public const decimal MaxAmount = 1_000_000_000m;
    public const int Reason = 1000;
    public const int PasswordMin = 10;
    public const int PasswordMax = 256;
    public const int EmployeeNumber = 16;
    public const int LanguageCode = 2;
    public const int SearchText = PersonName + Email + CompanyName + 2;

    // What the Teams bot keeps (schema version 3). Teams ids are opaque; these bounds are generous.
    public const int TeamsServiceUrl = 500;
    public const int TeamsChannelId = 50;
    public const int TeamsId = 300;
    public const int TeamsConversationType = 20;
    public const int TeamsName = 200;
    public const int Locale = 20;
    public const int ConversationKey = 300;
    public const int DialogKind = 40;
    public const int DialogState = 16_000;
    public const int CardActivityId = 200;
    public const int ActivityId = 300;
}
