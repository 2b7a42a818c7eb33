namespace SmartOverhalla.Gateway.Devices.Mosquitto;

/// <summary>Writes a text file through a temporary file, flushed to disk and renamed over the old one, readable by its owner only.</summary>
internal static class AtomicFile
{
    public static async Task WriteAsync(string path, string text, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp";
        await using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 16 * 1024, useAsync: true))
        {
            await file.WriteAsync(System.Text.Encoding.UTF8.GetBytes(text), cancellationToken);
            await file.FlushAsync(cancellationToken);
            file.Flush(flushToDisk: true);
        }

        if (!OperatingSystem.IsWindows())
        {
            // Mosquitto 2 warns about (and later versions refuse) password files others can read.
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
