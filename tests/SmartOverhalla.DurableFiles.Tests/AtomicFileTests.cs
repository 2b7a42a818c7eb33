using System.Runtime.Versioning;
using System.Text;

namespace SmartOverhalla.DurableFiles.Tests;

/// <summary>The one atomic "write temp, fsync, rename, fsync the directory" of every state file, on a real file system.</summary>
public sealed class AtomicFileTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("so-atomicfile-");

    [Fact]
    public async Task WriteAsync_ExistingFile_ReplacesItsContentAndLeavesNoTemporary()
    {
        // Given a file with longer content than the new one
        var path = Path.Combine(_directory.FullName, "state.json");
        await File.WriteAllTextAsync(path, "the old content, longer than the new", TestContext.Current.CancellationToken);

        // When it is replaced
        await AtomicFile.WriteAsync(path, "new", TestContext.Current.CancellationToken);

        // Then it holds exactly the new content (UTF-8 without a byte-order mark), and nothing else is in the folder
        Assert.Equal("new"u8.ToArray(), await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken));
        Assert.Equal([path], Directory.GetFiles(_directory.FullName));
    }

    [Fact]
    public async Task WriteAsync_StreamWriter_WritesWhatItWrites()
    {
        var path = Path.Combine(_directory.FullName, "streamed.txt");

        await AtomicFile.WriteAsync(path, (stream, ct) => stream.WriteAsync("streamed"u8.ToArray(), ct).AsTask(), TestContext.Current.CancellationToken);

        Assert.Equal("streamed", await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken));
        Assert.Equal([path], Directory.GetFiles(_directory.FullName));
    }

    [Fact]
    public async Task WriteAsync_WriterThrowsHalfway_KeepsTheOldContentAndDeletesTheTemporary()
    {
        // Given a file with content
        var path = Path.Combine(_directory.FullName, "state.json");
        await AtomicFile.WriteAsync(path, "old", TestContext.Current.CancellationToken);

        // When a write fails after it has written part of the new content
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => AtomicFile.WriteAsync(
            path,
            async (stream, ct) =>
            {
                await stream.WriteAsync(Encoding.UTF8.GetBytes(new string('x', 100_000)), ct);
                throw new InvalidOperationException("serializer failed");
            },
            TestContext.Current.CancellationToken));

        // Then the failure reaches the caller, the old content is untouched and no temporary is left
        Assert.Equal("serializer failed", failure.Message);
        Assert.Equal("old", await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken));
        Assert.Equal([path], Directory.GetFiles(_directory.FullName));
    }

    [Fact]
    public async Task WriteAsync_Cancelled_KeepsTheOldContentAndDeletesTheTemporary()
    {
        var path = Path.Combine(_directory.FullName, "state.json");
        await AtomicFile.WriteAsync(path, "old", TestContext.Current.CancellationToken);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => AtomicFile.WriteAsync(path, "new"u8.ToArray(), cancelled.Token));

        Assert.Equal("old", await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken));
        Assert.Equal([path], Directory.GetFiles(_directory.FullName));
    }

    [Fact]
    public void Write_RenameFails_ThrowsAndDeletesTheTemporary()
    {
        // Given a directory where the file should be: the temporary is written, the rename over it fails
        var path = Path.Combine(_directory.FullName, "cursor");
        Directory.CreateDirectory(path);

        Assert.ThrowsAny<IOException>(() => AtomicFile.Write(path, "1 2"u8));

        Assert.Empty(Directory.GetFiles(_directory.FullName));
        Assert.True(Directory.Exists(path));
    }

    [Fact]
    public void Write_ExistingFile_ReplacesItsContentAndLeavesNoTemporary()
    {
        var path = Path.Combine(_directory.FullName, "cursor");
        AtomicFile.Write(path, "1 16"u8);

        AtomicFile.Write(path, "2 0"u8);

        Assert.Equal("2 0", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(_directory.FullName));
    }

    [Fact]
    public async Task WriteAsync_MissingDirectories_CreatesThem()
    {
        var path = Path.Combine(_directory.FullName, "data", "lighting", "state.json");

        await AtomicFile.WriteAsync(path, "{}", TestContext.Current.CancellationToken);

        Assert.Equal("{}", await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken));
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task WriteAsync_DefaultMode_IsOwnerReadAndWriteOnly()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes only");
        var path = Path.Combine(_directory.FullName, "passwd");

        // Even over a file that others could read: the new file has the mode, not the old one's
        await File.WriteAllTextAsync(path, "old", TestContext.Current.CancellationToken);
        File.SetUnixFileMode(path, AtomicFile.UmaskDefault);
        await AtomicFile.WriteAsync(path, "user:$7$hash", TestContext.Current.CancellationToken);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void Write_UmaskDefault_GivesWhatFileCreateGives()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes only");
        var created = Path.Combine(_directory.FullName, "created");
        using (File.Create(created))
        {
        }

        var path = Path.Combine(_directory.FullName, "state.json");
        AtomicFile.Write(path, "{}"u8, AtomicFile.UmaskDefault);

        Assert.Equal(File.GetUnixFileMode(created), File.GetUnixFileMode(path));
        if (ProcessUmask() is { } umask)
        {
            Assert.Equal(AtomicFile.UmaskDefault & ~umask, File.GetUnixFileMode(path));
        }
    }

    public void Dispose() => _directory.Delete(recursive: true);

    /// <summary>The process umask from /proc (Linux); null elsewhere.</summary>
    private static UnixFileMode? ProcessUmask()
    {
        const string status = "/proc/self/status";
        if (!File.Exists(status))
        {
            return null;
        }

        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("Umask:", StringComparison.Ordinal));
        return line is null ? null : (UnixFileMode)Convert.ToInt32(line["Umask:".Length..].Trim(), 8);
    }
}
