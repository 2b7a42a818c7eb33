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

    /// <summary>
    /// Read and write for everyone, narrowed by the process umask (typically to 0644): what <see cref="File.Create(string)"/>
    /// gives a new file. For state files that hold nothing secret.
    /// </summary>
    public const UnixFileMode UmaskDefault = OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite;

    private const int BufferSize = 64 * 1024;

    /// <summary>Writes <paramref name="text"/> as UTF-8 (without a byte-order mark) to <paramref name="path"/>.</summary>
    /// <param name="mode">Unix permissions of the new file (ignored on Windows); default: <see cref="OwnerOnly"/>.</param>
    public static Task WriteAsync(string path, string text, CancellationToken cancellationToken, UnixFileMode mode = OwnerOnly)
    {
        ArgumentNullException.ThrowIfNull(text);
        return WriteAsync(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text), cancellationToken, mode);
    }

    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/>, creating its directory when missing.</summary>
    /// <param name="mode">Unix permissions of the new file (ignored on Windows); default: <see cref="OwnerOnly"/>.</param>
    public static Task WriteAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken, UnixFileMode mode = OwnerOnly) =>
        WriteAsync(path, (stream, ct) => stream.WriteAsync(content, ct).AsTask(), cancellationToken, mode);

    /// <summary>
    /// Writes what <paramref name="write"/> writes into the stream it is given (e.g. a JSON serializer, without the
    /// whole document in memory first) to <paramref name="path"/>, creating its directory when missing. When
    /// <paramref name="write"/> throws, the old file stays as it was and the temporary is deleted.
    /// </summary>
    /// <param name="mode">Unix permissions of the new file (ignored on Windows); default: <see cref="OwnerOnly"/>.</param>
    public static async Task WriteAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken, UnixFileMode mode = OwnerOnly)
    {
        ArgumentNullException.ThrowIfNull(write);
        var (full, directory, temporary) = Prepare(path);
        try
        {
            await using (var file = new FileStream(temporary, CreateOptions(mode, FileOptions.Asynchronous)))
            {
                await write(file, cancellationToken);
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

    /// <summary>
    /// Writes <paramref name="content"/> to <paramref name="path"/> synchronously, for callers that hold a lock
    /// (e.g. the ingestion spool's replay cursor); creates the directory when missing.
    /// </summary>
    /// <param name="mode">Unix permissions of the new file (ignored on Windows); default: <see cref="OwnerOnly"/>.</param>
    public static void Write(string path, ReadOnlySpan<byte> content, UnixFileMode mode = OwnerOnly)
    {
        var (full, directory, temporary) = Prepare(path);
        try
        {
            using (var file = new FileStream(temporary, CreateOptions(mode, FileOptions.None)))
            {
                file.Write(content);
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

    private static (string Full, string Directory, string Temporary) Prepare(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);

        // One temporary name per writer: two processes replacing the same file never write into each other's temporary.
        return (full, directory, $"{full}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
    }

    private static FileStreamOptions CreateOptions(UnixFileMode mode, FileOptions options)
    {
        var creation = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
            BufferSize = BufferSize,
            Options = options,
        };
        if (!OperatingSystem.IsWindows())
        {
            // Set at creation, so the content is never readable by others, not even for a moment.
            creation.UnixCreateMode = mode;
        }

        return creation;
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
