using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Megaport.Simulator.Tests;

/// <summary>Runs the real executable as a child process: banner, switches, stdin-close shutdown.</summary>
public partial class CommandLineTests
{
    internal static string SimulatorDll()
    {
        // The simulator project's own output (it has the runtimeconfig needed to run it).
        var config = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var candidate = Path.Combine(d.FullName, "src", "Megaport.Simulator", "bin", config, "net10.0", "Megaport.Simulator.dll");
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException("Megaport.Simulator.dll not found; build src/Megaport.Simulator first");
    }

    internal static Process Start(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        psi.ArgumentList.Add(SimulatorDll());
        foreach (var a in args) psi.ArgumentList.Add(a);
        return Process.Start(psi)!;
    }

    [GeneratedRegex(@"^Megaport simulator listening on http://127\.0\.0\.1:(\d+)$")] internal static partial Regex Banner();

    [Fact]
    public async Task Prints_the_banner_serves_and_exits_when_stdin_closes()
    {
        using var p = Start("--port", "0", "--access-key", "ak-test", "--secret-key", "sk-test", "--token-lifetime", "120",
            "--provision-delay", "0", "--fault", "GET /v3/locations status=503 count=1", "--exit-on-stdin-close");
        try
        {
            var lines = new List<string>();
            var read = Task.Run(async () => { for (var i = 0; i < 3; i++) lines.Add((await p.StandardOutput.ReadLineAsync())!); });
            Assert.True(await Task.WhenAny(read, Task.Delay(20000)) == read, "no banner within 20 s");
            var m = Banner().Match(lines[0]);
            Assert.True(m.Success, lines[0]);
            Assert.Equal("Access key: ak-test", lines[1]);
            Assert.Equal("Secret key: sk-test", lines[2]);

            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{m.Groups[1].Value}") };
            using var req = new HttpRequestMessage(HttpMethod.Post, "/oauth2/token?grant_type=client_credentials");
            req.Headers.Authorization = TestSim.Basic("ak-test", "sk-test");
            using var resp = await http.SendAsync(req);
            var token = JsonNode.Parse(await resp.Content.ReadAsStringAsync())!;
            Assert.Equal(120, token["expires_in"]!.GetValue<int>());
            http.DefaultRequestHeaders.Authorization = new("Bearer", token["access_token"]!.GetValue<string>());
            Assert.Equal(503, (int)(await http.GetAsync("/v3/locations")).StatusCode);
            Assert.Equal(200, (int)(await http.GetAsync("/v3/locations")).StatusCode);

            p.StandardInput.Close();
            Assert.True(p.WaitForExit(10000), "did not exit after stdin closed");
            Assert.Equal(0, p.ExitCode);
            Assert.Equal("", (await p.StandardOutput.ReadToEndAsync()).Trim()); // nothing noisy after the banner
        }
        finally
        {
            if (!p.HasExited) p.Kill(entireProcessTree: true);
        }
    }

    [Fact]
    public void Bad_switch_exits_2_and_help_exits_0()
    {
        using (var bad = Start("--bogus"))
        {
            Assert.True(bad.WaitForExit(20000));
            Assert.Equal(2, bad.ExitCode);
            Assert.Contains("Unknown switch '--bogus'", bad.StandardError.ReadToEnd());
        }
        using var help = Start("--help");
        Assert.True(help.WaitForExit(20000));
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("--scale", help.StandardOutput.ReadToEnd());
    }

    [Fact]
    public void Options_parse()
    {
        var o = SimulatorOptions.Parse(["--port", "5000", "--token-lifetime", "60", "--provision-delay", "0",
            "--scale", "locations=10,ports=20,vxcs=30", "--fault", "POST /v4/networkdesign/buy status=500 count=1"]);
        Assert.Equal((5000, 60, 0), (o.Port, o.TokenLifetimeSeconds, o.ProvisionDelayMs));
        Assert.Equal(new ScaleOptions(10, 20, 30), o.Scale);
        Assert.Single(o.Faults);
        var d = SimulatorOptions.Parse([]);
        Assert.Equal((0, "simulator-access-key", "simulator-secret-key", 3600, 3000), (d.Port, d.AccessKey, d.SecretKey, d.TokenLifetimeSeconds, d.ProvisionDelayMs));
        Assert.Throws<ArgumentException>(() => SimulatorOptions.Parse(["--port", "x"]));
        Assert.Throws<ArgumentException>(() => SimulatorOptions.Parse(["--scale", "planets=3"]));
        Assert.Throws<ArgumentException>(() => SimulatorOptions.Parse(["--port"]));
    }
}
