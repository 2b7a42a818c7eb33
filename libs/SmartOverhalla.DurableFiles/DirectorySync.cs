using System.Runtime.InteropServices;

namespace SmartOverhalla.DurableFiles;

/// <summary>
/// fsync(2) on a directory, so a newly created segment file's name is durable too, not only its content
/// (POSIX fsync: syncing a file does not necessarily sync the directory entry that names it).
/// .NET has no API for it; on Windows, where directories cannot be opened so, it does nothing.
/// Used by <see cref="AtomicFile"/> after its rename, and by the ingestion spool for new segment files.
/// </summary>
public static partial class DirectorySync
{
    private const int ReadOnly = 0; // O_RDONLY
    private static volatile bool _unavailable = OperatingSystem.IsWindows();

    public static void Flush(string directory)
    {
        if (_unavailable)
        {
            return;
        }

        int fd;
        try
        {
            fd = Open(directory, ReadOnly);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            // No libc to call (an unusual runtime image): the file's content is still fsync'd; its name
            // then relies on the file system's journal, as on ext4 and XFS in practice.
            _unavailable = true;
            return;
        }

        if (fd < 0)
        {
            throw new IOException($"Cannot open directory '{directory}' to sync it (errno {Marshal.GetLastPInvokeError()}).");
        }

        try
        {
            if (Fsync(fd) != 0)
            {
                throw new IOException($"fsync of directory '{directory}' failed (errno {Marshal.GetLastPInvokeError()}).");
            }
        }
        finally
        {
            _ = Close(fd);
        }
    }

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);
}
