using System.Globalization;
using Megaport.Simulator.Faults;

namespace Megaport.Simulator;

/// <summary>Size of the generated account used by <c>--scale</c> (benchmarks).</summary>
public sealed record ScaleOptions(int Locations, int Ports, int Vxcs);

/// <summary>
/// Start-up settings of the simulator. Everything here can be given on the command line;
/// <see cref="ProvisionDelayMs"/> and <see cref="TokenLifetimeSeconds"/> can later be changed
/// at run time through <c>PUT /_simulator/config</c>.
/// </summary>
public sealed class SimulatorOptions
{
    public const string DefaultAccessKey = "simulator-access-key";
    public const string DefaultSecretKey = "simulator-secret-key";

    /// <summary>0 asks the OS for a free port.</summary>
    public int Port { get; set; }
    public string AccessKey { get; set; } = DefaultAccessKey;
    public string SecretKey { get; set; } = DefaultSecretKey;
    public int TokenLifetimeSeconds { get; set; } = 3600;
    /// <summary>Time spent in each of DEPLOYABLE and CONFIGURED after an order; 0 = LIVE on the first read.</summary>
    public int ProvisionDelayMs { get; set; } = 3000;
    public ScaleOptions? Scale { get; set; }
    public List<FaultRule> Faults { get; } = new();
    public bool ExitOnStdinClose { get; set; }
    /// <summary>A SQLite file that keeps the state across restarts; null keeps it in memory.</summary>
    public string? StateFile { get; set; }

    /// <summary>The seed a state file belongs to: "demo", or the generated account of <c>--scale</c>.</summary>
    public string SeedName => Scale is null ? "demo" : $"scale locations={Scale.Locations},ports={Scale.Ports},vxcs={Scale.Vxcs}";

    /// <summary>Parses the command line; throws <see cref="ArgumentException"/> with a user-facing message.</summary>
    public static SimulatorOptions Parse(IReadOnlyList<string> args)
    {
        var o = new SimulatorOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string Value()
            {
                if (i + 1 >= args.Count) throw new ArgumentException($"{arg} needs a value");
                return args[++i];
            }
            switch (arg.ToLowerInvariant())
            {
                case "--port": o.Port = ParseInt(arg, Value(), 0, 65535); break;
                case "--access-key": o.AccessKey = NonEmpty(arg, Value()); break;
                case "--secret-key": o.SecretKey = NonEmpty(arg, Value()); break;
                case "--token-lifetime": o.TokenLifetimeSeconds = ParseInt(arg, Value(), 1, 7 * 24 * 3600); break;
                case "--provision-delay": o.ProvisionDelayMs = ParseInt(arg, Value(), 0, 24 * 3600 * 1000); break;
                case "--scale": o.Scale = ParseScale(Value()); break;
                case "--fault": o.Faults.Add(FaultSpec.ParseCompact(Value())); break;
                case "--exit-on-stdin-close": o.ExitOnStdinClose = true; break;
                case "--state-file": o.StateFile = NonEmpty(arg, Value()); break;
                case "--help":
                case "-h":
                case "-?":
                    throw new HelpRequestedException();
                default: throw new ArgumentException($"Unknown switch '{arg}'. Use --help for the list.");
            }
        }
        return o;
    }

    public const string Usage =
        "Usage: dotnet Megaport.Simulator.dll [--port <n>] [--access-key <k>] [--secret-key <s>]\n" +
        "         [--token-lifetime <seconds>] [--provision-delay <ms>]\n" +
        "         [--scale locations=<n>,ports=<n>,vxcs=<n>] [--fault \"<METHOD> <path> key=value ...\"]...\n" +
        "         [--exit-on-stdin-close] [--state-file <path>]\n" +
        "Fault examples: --fault \"POST /v4/networkdesign/buy status=500 count=1\"\n" +
        "                --fault \"GET /v2/product/* delayMs=2000\"   --fault \"POST /v4/networkdesign/buy dropAfterExecute count=1\"";

    private static int ParseInt(string name, string value, int min, int max)
    {
        if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) || n < min || n > max)
            throw new ArgumentException($"{name} must be an integer between {min} and {max} (got '{value}')");
        return n;
    }

    private static string NonEmpty(string name, string value) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException($"{name} must not be empty") : value;

    public static ScaleOptions ParseScale(string spec)
    {
        int locations = 0, ports = 0, vxcs = 0;
        foreach (var part in spec.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var kv = part.Split('=', 2);
            if (kv.Length != 2) throw new ArgumentException($"--scale: expected key=value, got '{part}'");
            var n = ParseInt("--scale " + kv[0], kv[1], 0, 1_000_000);
            switch (kv[0].ToLowerInvariant())
            {
                case "locations": locations = n; break;
                case "ports": ports = n; break;
                case "vxcs": vxcs = n; break;
                default: throw new ArgumentException($"--scale: unknown key '{kv[0]}' (use locations, ports, vxcs)");
            }
        }
        if (ports == 0 && vxcs > 0) throw new ArgumentException("--scale: vxcs need ports");
        return new ScaleOptions(locations, ports, vxcs);
    }
}

public sealed class HelpRequestedException : Exception;
