using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace SmartOverhalla.Ingestion.Pipeline;

/// <summary>
/// The bounded queue between the MQTT receive handler and the batch writer. When it is full the handler
/// waits, which stops reading from the broker: back-pressure instead of unbounded memory.
/// </summary>
public sealed class IngestionQueue
{
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IngestionQueue(IOptions<IngestionOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Channel = System.Threading.Channels.Channel.CreateBounded<IngestItem>(new BoundedChannelOptions(options.Value.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = false,
        });
    }

    public Channel<IngestItem> Channel { get; }

    /// <summary>Completes when the writer has stored and acknowledged everything queued before the queue was closed.</summary>
    public Task Drained => _drained.Task;

    public void MarkDrained() => _drained.TrySetResult();
}
