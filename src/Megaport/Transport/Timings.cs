using System;
using System.Threading;
using System.Threading.Tasks;

namespace Megaport.Transport
{
    /// <summary>
    /// Every wait the module makes on its own - retry backoff, the pause before looking for a lost order, the
    /// provisioning poll interval - and the clock tokens expire by, in one place, so tests can run them at full
    /// speed and still see what was asked for. A client takes a copy of <see cref="Default"/> when it is made.
    /// </summary>
    internal sealed class Timings
    {
        /// <summary>What new clients start from. Tests change it (by reflection) before connecting.</summary>
        public static Timings Default { get; set; } = new();

        /// <summary>First retry waits this long (then doubles, with jitter), unless the API sends Retry-After.</summary>
        public TimeSpan BackoffBase { get; set; } = TimeSpan.FromSeconds(1);
        /// <summary>No retry waits longer, whatever Retry-After says.</summary>
        public TimeSpan BackoffCap { get; set; } = TimeSpan.FromSeconds(30);
        /// <summary>Between the two looks for an order whose answer was lost.</summary>
        public TimeSpan RecoveryDelay { get; set; } = TimeSpan.FromSeconds(2);
        /// <summary>The waiter's first poll interval; it grows by half each round up to <see cref="PollMax"/>.</summary>
        public TimeSpan PollFirst { get; set; } = TimeSpan.FromMilliseconds(250);
        public TimeSpan PollMax { get; set; } = TimeSpan.FromSeconds(10);
        /// <summary>
        /// Multiplies the retry and recovery pauses actually slept (not what -Verbose reports, not the poll interval):
        /// 1 in use, 0 in tests that must not sleep for backoff.
        /// </summary>
        public double PauseScale { get; set; } = 1;
        /// <summary>Added to the system clock for token expiry (tests move time forward instead of sleeping).</summary>
        public TimeSpan ClockOffset { get; set; }

        public DateTime UtcNow => DateTime.UtcNow + ClockOffset;

        /// <summary>A retry or recovery pause: <paramref name="nominal"/> scaled by <see cref="PauseScale"/>.</summary>
        public Task Pause(TimeSpan nominal, CancellationToken token)
        {
            var scaled = TimeSpan.FromTicks((long)(Math.Max(0, nominal.Ticks) * Math.Max(0, PauseScale)));
            if (scaled <= TimeSpan.Zero)
            {
                token.ThrowIfCancellationRequested();
                return Task.CompletedTask;
            }
            return Task.Delay(scaled, token);
        }

        public Timings Copy() => (Timings)MemberwiseClone();
    }
}
