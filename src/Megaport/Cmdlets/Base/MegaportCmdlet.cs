using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Megaport.Errors;
using Megaport.Transport;

namespace Megaport.Cmdlets
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

        /// <summary>The managed company this cmdlet's requests act for, when it names one (-ManagedAccount).</summary>
        internal virtual string? CallAccount => null;

        /// <summary>Runs <paramref name="body"/> (its awaits continue off the pipeline thread) and pumps its output until it ends.</summary>
        internal void Run(Func<CallContext, Task> body) => Run<object?>(async ctx => { await body(ctx).ConfigureAwait(false); return null; });

        internal T Run<T>(Func<CallContext, Task<T>> body)
        {
            // Resolved before this call's pump exists: naming an account by name may itself need a request.
            var account = CallAccount;
            using var pump = new Pump();
            var outer = _pump;
            var outerThread = _pipelineThread;
            _pump = pump;
            _pipelineThread = Environment.CurrentManagedThreadId;
            var ctx = new CallContext(_stop.Token, WriteVerboseLine, account);
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
        }

        // A MegaportException that a cmdlet does not handle itself (per item, as a non-terminating error) ends the
        // command as a terminating error with its ErrorId; any other exception from the module's own code is a bug,
        // reported as MegaportInternalError with the original kept as the inner exception.
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
            catch (Exception ex) when (IsModuleFailure(ex)) { ThrowTerminatingError(ErrorRecords.From(MegaportException.Internal(ex))); }
        }

        /// <summary>
        /// PowerShell's own flow (a stopped pipeline, -ErrorAction Stop, a downstream error) travels as RuntimeExceptions
        /// and must pass through untouched; anything else escaping a cmdlet is the module's failure.
        /// </summary>
        internal static bool IsModuleFailure(Exception ex) => ex is not (RuntimeException or MegaportException);

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

        /// <summary>
        /// Completes once the pipeline has written everything posted before it: a paged read waits for this before it
        /// asks for the next page, so a downstream Select-Object -First stops the reading, not only the output.
        /// </summary>
        internal System.Threading.Tasks.Task Consumed(System.Threading.CancellationToken token)
        {
            var done = new System.Threading.Tasks.TaskCompletionSource<bool>(System.Threading.Tasks.TaskCreationOptions.RunContinuationsAsynchronously);
            var registration = token.Register(() => done.TrySetCanceled());
            Post(() => done.TrySetResult(true));
            return done.Task.ContinueWith(t => { registration.Dispose(); return t; }, System.Threading.Tasks.TaskScheduler.Default).Unwrap();
        }
        internal void WriteVerboseLine(string text) => Post(() => WriteVerbose(text));
        internal void Warn(string text) => Post(() => WriteWarning(text));
        internal void Report(ProgressRecord record) => Post(() => WriteProgress(record));
        internal void Fail(MegaportException ex) => Post(() => WriteError(ErrorRecords.From(ex)));

        /// <summary>A terminating error for input that can be rejected before any request.</summary>
        internal static void ThrowInvalidArgument(string message, object? target) => throw MegaportException.InvalidArgument(message, target);
    }
}
