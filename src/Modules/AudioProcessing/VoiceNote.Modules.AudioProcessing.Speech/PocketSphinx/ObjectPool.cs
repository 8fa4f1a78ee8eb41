using System.Collections.Concurrent;

namespace VoiceNote.Modules.AudioProcessing.Speech.PocketSphinx;

/// <summary>
/// At most <see cref="Size"/> expensive, single-threaded objects (decoders), created lazily on first need
/// and reused. Callers beyond the size wait asynchronously. An object whose use failed half-way is
/// discarded rather than returned, and a fresh one is created when next needed.
/// </summary>
internal sealed class ObjectPool<T> : IDisposable
    where T : class, IDisposable
{
    private readonly Func<T> _create;
    private readonly SemaphoreSlim _slots;
    private readonly ConcurrentBag<T> _idle = [];
    private int _created;
    private bool _disposed;

    public ObjectPool(int size, Func<T> create)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        Size = size;
        _create = create;
        _slots = new SemaphoreSlim(size, size);
    }

    public int Size { get; }

    /// <summary>How many objects exist now (idle or rented).</summary>
    public int Created => Volatile.Read(ref _created);

    /// <summary>Waits for a free slot. The object itself is taken or created when <see cref="Lease.Item"/> is first read.</summary>
    public async Task<Lease> RentAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Lease(this);
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var item))
        {
            item.Dispose();
        }
    }

    private T TakeOrCreate()
    {
        if (_idle.TryTake(out var item))
        {
            return item;
        }

        var created = _create();
        Interlocked.Increment(ref _created);
        return created;
    }

    private void Return(T? item, bool healthy)
    {
        if (item is not null)
        {
            if (healthy && !_disposed)
            {
                _idle.Add(item);
            }
            else
            {
                item.Dispose();
                Interlocked.Decrement(ref _created);
            }
        }

        _slots.Release();
    }

    /// <summary>One slot of the pool; dispose to give it back.</summary>
    internal sealed class Lease(ObjectPool<T> pool) : IDisposable
    {
        private T? _item;
        private bool _healthy = true;
        private bool _returned;

        /// <summary>The rented object; taken from the idle ones or created (slow) on first read.</summary>
        public T Item => _item ??= pool.TakeOrCreate();

        /// <summary>The object may be in a bad state: do not give it to anyone else.</summary>
        public void Discard() => _healthy = false;

        public void Dispose()
        {
            if (_returned)
            {
                return;
            }

            _returned = true;
            pool.Return(_item, _healthy);
        }
    }
}
