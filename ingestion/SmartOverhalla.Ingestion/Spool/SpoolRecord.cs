namespace SmartOverhalla.Ingestion.Spool;

/// <summary>The oldest batch in the spool, as handed to the replayer; <see cref="BatchSpool.Complete"/> it once it is in InfluxDB.</summary>
internal sealed record SpoolRecord(long Segment, long Offset, SpoolRecordData Data)
{
    public ReadOnlyMemory<byte> LineProtocol => Data.Payload;

    public int Points => Data.Points;
}
