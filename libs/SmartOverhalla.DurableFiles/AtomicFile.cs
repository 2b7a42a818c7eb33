using System.Text;

namespace SmartOverhalla.DurableFiles;

/// <summary>
/// Replaces a file so that after a crash or power loss it holds either the old content or the new, never a mix
/// or nothing: write a temporary file beside it, fsync it, rename it over the old one, fsync the directory (the
/// rename is durable only once the directory entry is; POSIX rename(2) and fsync(2)). Every state file of the
/// platform is written through here.
/// </summary>
public static class AtomicFile
{
    /// <summary>Owner read and write only: for files holding secrets or personal data.</summary>
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Writes <paramref name="text"/> as UTF-8 (without a byte-order mark) to <paramref name="path"/>.</summary>
    /// <param name="mode">Unix permissions of the new file (ignored on Windows); default: <see cref="OwnerOnly"/>.</param>
    public static Task WriteAsync(string path, string text, CancellationToken cancellationToken, UnixFileMode mode = OwnerOnly)
    {
        ArgumentNullException.ThrowIfNull(text);
        return WriteAsync(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text), cancellationToken, mode);
    }

    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/>, creating its directory when missing.</summary>
    /// <param name="mode">Unix permissions of the new file (ignored on Windows); default: <see cref="OwnerOnly"/>.</param>
    public static async Task WriteAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken, UnixFileMode mode = OwnerOnly)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);

        // One temporary name per writer: two processes replacing the same file never write into each other's temporary.
        var temporary = $"{full}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            var creation = new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                Share = FileShare.None,
                Options = FileOptions.Asynchronous,
            };
            if (!OperatingSystem.IsWindows())
            {
                // Set at creation, so the content is never readable by others, not even for a moment.
                creation.UnixCreateMode = mode;
            }

            await using (var file = new FileStream(temporary, creation))
            {
                await file.WriteAsync(content, cancellationToken);
                await file.FlushAsync(cancellationToken);
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, full, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }

        DirectorySync.Flush(directory);
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Left behind: a stray *.tmp beside the state file, harmless (never read).
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}
