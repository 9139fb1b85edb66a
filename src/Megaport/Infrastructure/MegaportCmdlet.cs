using System;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Megaport.Client;

namespace Megaport.Infrastructure
{
    /// <summary>
    /// Base of every Megaport cmdlet. API work runs on a worker task; everything that must happen on the pipeline
    /// thread (WriteObject, WriteVerbose, WriteProgress, WriteError) is queued back to it. Ctrl+C cancels the
    /// worker's token, so a request or a wait stops at once and the pipeline ends as stopped, not as an error.
    /// </summary>
    public abstract class MegaportCmdlet : PSCmdlet, IDisposable
    {
        readonly CancellationTokenSource _stop = new();
        Pump? _pump;
        int _pipelineThread = -1;

        protected override void StopProcessing() => _stop.Cancel();

        public void Dispose()
        {
            _stop.Dispose();
            GC.SuppressFinalize(this);
        }

        /// <summary>Runs <paramref name="body"/> (its awaits continue off the pipeline thread) and pumps its output until it ends.</summary>
        internal void Run(Func<CallContext, Task> body) => Run<object?>(async ctx => { await body(ctx).ConfigureAwait(false); return null; });

        internal T Run<T>(Func<CallContext, Task<T>> body)
        {
            using var pump = new Pump();
            var outer = _pump;
            var outerThread = _pipelineThread;
            _pump = pump;
            _pipelineThread = Environment.CurrentManagedThreadId;
            var ctx = new CallContext(_stop.Token, WriteVerboseLine);
            Task<T> task;
            try { task = body(ctx); }
            catch (Exception ex) { task = Task.FromException<T>(ex); }
            task.ContinueWith(_ => pump.Close(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            try
            {
                pump.Drain(_stop.Token);
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
            catch
            {
                // Downstream stopped (Select-Object -First) or a write failed: release the worker, let PowerShell handle it.
                _stop.Cancel();
                throw;
            }
            finally
            {
                _pump = outer;
                _pipelineThread = outerThread;
            }
            try
            {
                return task.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
            catch (Exception ex) when (ex is not MegaportException && ex is not PipelineStoppedException)
            {
                throw ErrorRecords.Unexpected(ex);
            }
        }

        /// <summary>
        /// Hands work from worker threads to the pipeline thread. The pipeline thread blocks (it never spins: on a
        /// 2-core runbook sandbox a spinning waiter steals the core the HTTP work needs), and producers wait when
        /// the consumer is far behind, so a big listing never piles up in memory.
        /// </summary>
        sealed class Pump : IDisposable
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

        // A MegaportException that a cmdlet does not handle itself (per item, as a non-terminating error)
        // ends the command as a terminating error with its ErrorId.
        protected sealed override void BeginProcessing() => Guard(Begin);
        protected sealed override void ProcessRecord() => Guard(Process);
        protected sealed override void EndProcessing() => Guard(End);

        protected virtual void Begin() { }
        protected virtual void Process() { }
        protected virtual void End() { }

        void Guard(Action block)
        {
            try { block(); }
            catch (MegaportException ex) { ThrowTerminatingError(ErrorRecords.From(ex)); }
        }

        /// <summary>Writes a non-terminating error for <paramref name="ex"/> (the pipeline goes on with the next item).</summary>
        internal void WriteError(MegaportException ex) => WriteError(ErrorRecords.From(ex));

        /// <summary>Runs <paramref name="action"/> on the pipeline thread (directly when already on it).</summary>
        internal void Post(Action action)
        {
            var pump = _pump;
            if (pump == null || Environment.CurrentManagedThreadId == _pipelineThread)
            {
                action();
                return;
            }
            pump.Add(action, _stop.Token);
        }

        internal void Emit(object item) => Post(() => WriteObject(item));
        internal void WriteVerboseLine(string text) => Post(() => WriteVerbose(text));
        internal void Warn(string text) => Post(() => WriteWarning(text));
        internal void Report(ProgressRecord record) => Post(() => WriteProgress(record));
        internal void Fail(MegaportException ex) => Post(() => WriteError(ErrorRecords.From(ex)));

        /// <summary>A terminating error for input that can be rejected before any request.</summary>
        internal static void ThrowInvalidArgument(string message, object? target) => throw MegaportException.InvalidArgument(message, target);
    }

    /// <summary>Base of cmdlets that call the API: adds -Session and resolves the runspace's session.</summary>
    public abstract class MegaportApiCmdlet : MegaportCmdlet
    {
        /// <summary>The session to use; defaults to this runspace's Connect-Megaport session.</summary>
        [Parameter]
        public Session? Session { get; set; }

        Session? _resolved;

        /// <summary>The session in use, or a terminating MegaportNotConnected error.</summary>
        internal Session CurrentSession
        {
            get
            {
                if (_resolved != null) return _resolved;
                var session = Session ?? SessionStore.Current;
                if (session == null || session.Disposed)
                {
                    var ex = new MegaportException(ErrorIds.NotConnected, ErrorCategory.InvalidOperation,
                        session == null ? "Not connected to Megaport. Run Connect-Megaport first." : "This Megaport session was disconnected. Run Connect-Megaport first.")
                    { RecommendedAction = "Run Connect-Megaport first." };
                    throw ex;
                }
                return _resolved = session!;
            }
        }

        internal MegaportApi Api => new((MegaportClient)CurrentSession.Connection);
    }
}
