namespace SmartOverhalla.Analytics.Water.Directory;

/// <summary>Which water meters exist, their role and district (never an address): from the gateway's meter registry.</summary>
internal interface IMeterDirectory
{
    /// <summary>
    /// The configured municipality's meters, fetched again when the last fetch is older than the cache lifetime.
    /// </summary>
    /// <exception cref="Jobs.JobInputUnavailableException">The gateway is not configured, cannot be reached or refused.</exception>
    Task<MeterDirectorySnapshot> GetAsync(CancellationToken cancellationToken);

    /// <summary>The last snapshot fetched (empty before the first).</summary>
    MeterDirectorySnapshot Current { get; }
}
