namespace SmartOverhalla.Gateway.Water;

/// <summary>
/// The water side's audited actions. Targets are <c>{municipality}/{meterId}</c> or <c>notice:{id}</c>, never an address:
/// the audit series lives in InfluxDB, where no address may be.
/// </summary>
internal static class WaterAuditActions
{
    public const string AddressLookup = "water.address.lookup";
    public const string HouseholdHistory = "water.household.history";
    public const string AccessLog = "water.privacy.access-log";

    /// <summary>The look-ups of one household's data an access log lists.</summary>
    public static IReadOnlyList<string> HouseholdLookups { get; } = [AddressLookup, HouseholdHistory, AccessLog];

    public const string MeterImport = "water.meter.import";
    public const string MeterPut = "water.meter.put";
    public const string MeterRetire = "water.meter.retire";

    public const string NoticeDraft = "water.notice.draft";
    public const string NoticeApprove = "water.notice.approve";
    public const string NoticeSend = "water.notice.send";
    public const string NoticeFail = "water.notice.fail";
}
