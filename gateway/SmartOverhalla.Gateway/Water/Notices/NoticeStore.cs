using System.Text.Json;
using Microsoft.Extensions.Options;
using SmartOverhalla.DurableFiles;

namespace SmartOverhalla.Gateway.Water.Notices;

/// <summary>The notices, persisted to <c>Water:Notices:File</c> (atomic writes) before a change counts.</summary>
internal sealed class NoticeStore
{
    private readonly string _path;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile IReadOnlyDictionary<Guid, Notice> _notices;

    public NoticeStore(IOptions<WaterOptions> options, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        _path = Path.GetFullPath(options.Value.Notices.File, environment.ContentRootPath);
        _notices = Load(_path).ToDictionary(n => n.Id);
    }

    /// <summary>Newest first.</summary>
    public IReadOnlyList<Notice> All => [.. _notices.Values.OrderByDescending(n => n.DraftedAt).ThenBy(n => n.Id)];

    public Notice? Find(Guid id) => _notices.GetValueOrDefault(id);

    public Task AddAsync(Notice notice, CancellationToken cancellationToken) =>
        ChangeAsync(notices => notices[notice.Id] = notice, cancellationToken);

    /// <summary>Replaces the stored notice of the same id with <paramref name="notice"/>.</summary>
    public Task SaveAsync(Notice notice, CancellationToken cancellationToken) =>
        ChangeAsync(notices => notices[notice.Id] = notice, cancellationToken);

    /// <summary>
    /// Applies <paramref name="change"/> to the stored notice <paramref name="id"/> under the store's lock, so two requests
    /// never both move the same notice; stores and returns what it gives, or null when the notice is unknown.
    /// </summary>
    public async Task<T?> UpdateAsync<T>(Guid id, Func<Notice, (Notice? Changed, T Result)> change, CancellationToken cancellationToken)
        where T : class
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!_notices.TryGetValue(id, out var notice))
            {
                return null;
            }

            var (changed, result) = change(notice);
            if (changed is not null)
            {
                await WriteAsync(new Dictionary<Guid, Notice>(_notices) { [id] = changed }, cancellationToken);
            }

            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task ChangeAsync(Action<Dictionary<Guid, Notice>> change, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var notices = new Dictionary<Guid, Notice>(_notices);
            change(notices);
            await WriteAsync(notices, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task WriteAsync(Dictionary<Guid, Notice> notices, CancellationToken cancellationToken)
    {
        var content = new NoticeFileContent(NoticeFileContent.CurrentVersion, [.. notices.Values.OrderBy(n => n.DraftedAt).ThenBy(n => n.Id)]);
        await AtomicFile.WriteAsync(
            _path,
            (file, ct) => JsonSerializer.SerializeAsync(file, content, WaterJsonContext.Default.NoticeFileContent, ct),
            cancellationToken,
            AtomicFile.OwnerOnly);
        _notices = notices;
    }

    private static List<Notice> Load(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        using var file = File.OpenRead(path);
        var content = JsonSerializer.Deserialize(file, WaterJsonContext.Default.NoticeFileContent)
            ?? throw new InvalidDataException($"Notices file {path} is empty.");
        return content.Version == NoticeFileContent.CurrentVersion
            ? content.Notices
            : throw new InvalidDataException($"Notices file {path} has version {content.Version}; this gateway reads version {NoticeFileContent.CurrentVersion}.");
    }
}
