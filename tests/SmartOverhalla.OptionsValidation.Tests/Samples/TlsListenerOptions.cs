using System.ComponentModel.DataAnnotations;

namespace SmartOverhalla.OptionsValidation.Tests.Samples;

public sealed class TlsListenerOptions
{
    public bool Enabled { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 8883;

    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan HandshakeTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
