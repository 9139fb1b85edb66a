using Megaport.Simulator.Admin;

namespace Megaport.Simulator.Tests;

/// <summary>The journal's readers wait for requests that are answered but not yet recorded.</summary>
public sealed class JournalTests
{
    [Fact]
    public async Task A_reader_waits_for_a_request_that_began_before_it()
    {
        var pending = new InFlight();
        var ticket = pending.Enter();
        var settle = pending.SettleAsync(TimeSpan.FromMinutes(1));
        await Task.Yield();
        Assert.False(settle.IsCompleted);
        pending.Exit(ticket);
        await settle.WaitAsync(TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task A_request_that_begins_after_the_reader_does_not_hold_it()
    {
        var pending = new InFlight();
        var settle = pending.SettleAsync(TimeSpan.FromMinutes(1));
        _ = pending.Enter();
        await settle.WaitAsync(TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task Every_request_is_in_the_journal_when_its_answer_arrives()
    {
        await using var sim = await TestSim.StartAsync();
        for (var i = 0; i < 20; i++)
        {
            var (status, _) = await sim.CallAsync(HttpMethod.Get, $"/v2/product/{Seed.SeedIds.SydneyPrimary}?n={i}");
            Assert.Equal(200, status);
            using var log = await sim.Http.GetAsync("/_simulator/requests?path=/v2/product/*");
            var text = await log.Content.ReadAsStringAsync();
            Assert.Contains($"?n={i}", text);
        }
    }
}
