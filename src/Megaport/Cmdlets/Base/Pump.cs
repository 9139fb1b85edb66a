using System;
using System.Collections.Concurrent;
using System.Threading;

namespace Megaport.Cmdlets
{
    /// <summary>
    /// Hands work from worker threads to the pipeline thread. The pipeline thread blocks (it never spins: on a
    /// 2-core runbook sandbox a spinning waiter steals the core the HTTP work needs), and producers wait when
    /// the consumer is far behind, so a big listing never piles up in memory.
    /// </summary>
    internal sealed class Pump : IDisposable
    {
        const int Capacity = 4096;
        readonly ConcurrentQueue<Action> _actions = new();
        readonly SemaphoreSlim _room = new(Capacity, Capacity);
        readonly ManualResetEventSlim _signal = new(false, spinCount: 0);
        volatile bool _closed;

        public void Add(Action action, CancellationToken token)
        {
            _room.Wait(token);
            _actions.Enqueue(action);
            _signal.Set();
        }

        public void Close()
        {
            _closed = true;
            _signal.Set();
        }

        public void Drain(CancellationToken token)
        {
            while (true)
            {
                _signal.Reset();
                while (_actions.TryDequeue(out var action))
                {
                    _room.Release();
                    action();
                }
                if (_closed && _actions.IsEmpty) return;
                _signal.Wait(token);
            }
        }

        public void Dispose()
        {
            _signal.Dispose();
            _room.Dispose();
        }
    }
}
