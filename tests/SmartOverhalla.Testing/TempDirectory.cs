namespace SmartOverhalla.Testing;

/// <summary>
/// A throw-away directory in the temp directory, deleted with everything in it when disposed: put in a <c>using</c>, it
/// goes also when the test fails. Every file a test creates lives in one of these (house style: tests delete what they
/// create; <c>test.sh</c> fails a run that leaves anything in its temp directory).
/// </summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory(string prefix)
    {
        Path = Directory.CreateTempSubdirectory(prefix).FullName;
    }

    public string Path { get; }

    /// <summary>The path of <paramref name="name"/> in this directory (not created).</summary>
    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Delete(Path);

    /// <summary>
    /// Deletes <paramref name="path"/> and everything below it. A process that has just been stopped may still be closing
    /// a file in it (a log, a server's last save), which makes a recursive delete fail with "directory not empty" once;
    /// the delete is tried again before it gives up.
    /// </summary>
    public static void Delete(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (Directory.Exists(path))
                {
                    Directory.Delete(path, recursive: true);
                }

                return;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException && attempt < 5)
            {
                // Try again: whatever was being written is there now and goes with the next pass.
            }
        }
    }
}
