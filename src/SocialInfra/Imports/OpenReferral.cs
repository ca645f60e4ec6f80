namespace SocialInfra.Imports;

/// <summary>The names SocialInfra uses within Open Referral UK (HSDS 3.0, UK profile) for what the standard has no field for.</summary>
public static class OpenReferral
{
    public const string Source = "openreferral";

    /// <summary>Taxonomy vocabulary of a service's prevention level: universal, early-help, targeted, acute.</summary>
    public const string PreventionVocabulary = "socialinfra-prevention-level";

    /// <summary>Taxonomy vocabulary whose attribute value says who a service is for.</summary>
    public const string WhoForVocabulary = "socialinfra-who-for";

    public const string Version = "HSDS 3.0";
    public const string Profile = "https://github.com/OpenReferralUK/uk-profile/blob/main/docs/index.md";

    /// <summary>"early-help" for EarlyHelp.</summary>
    public static string Code(Services.PreventionLevel level) => EnumText.Words(level).ToLowerInvariant().Replace(' ', '-');

    /// <summary>"temporarily closed" for TemporarilyClosed, as the standard spells statuses.</summary>
    public static string Status(Services.ServiceStatus status) => EnumText.Lower(status);
}
