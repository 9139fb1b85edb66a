using Megaport.Simulator;

// Megaport API simulator: see README.md in this folder for switches, admin endpoints and seed data.
SimulatorOptions options;
try
{
    options = SimulatorOptions.Parse(args);
}
catch (HelpRequestedException)
{
    Console.WriteLine(SimulatorOptions.Usage);
    return 0;
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine("error: " + ex.Message);
    Console.Error.WriteLine(SimulatorOptions.Usage);
    return 2;
}

SimulatorApp created;
try
{
    created = SimulatorApp.Create(options);
}
catch (Megaport.Simulator.State.StateFileException ex)
{
    Console.Error.WriteLine("error: " + ex.Message);
    return 2;
}
await using var sim = created;
await sim.StartAsync();

// The exact banner other tools parse: URL first, then the key pair.
Console.Out.Write(
    $"Megaport simulator listening on {sim.BaseUri.GetLeftPart(UriPartial.Authority)}\n" +
    $"Access key: {options.AccessKey}\n" +
    $"Secret key: {options.SecretKey}\n");
Console.Out.Flush();

var lifetime = sim.App.Lifetime;
if (options.ExitOnStdinClose)
{
    // A parent that dies closes our stdin: stop instead of lingering as an orphan.
    var watcher = new Thread(() =>
    {
        try
        {
            using var stdin = Console.OpenStandardInput();
            var buffer = new byte[256];
            while (stdin.Read(buffer, 0, buffer.Length) > 0) { }
        }
        catch (IOException) { }
        lifetime.StopApplication();
    }) { IsBackground = true, Name = "stdin-watcher" };
    watcher.Start();
}

await sim.App.WaitForShutdownAsync();
return 0;
