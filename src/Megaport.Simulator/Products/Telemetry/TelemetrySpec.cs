namespace Megaport.Simulator.Products;

/// <summary>
/// What a kind measures (<see cref="ProductKind.Telemetry"/>): the product path its telemetry hangs off, the types it
/// offers, the speed a series is scaled by, and how this kind's answers spell subtypes (the real API mixes IN, in, In).
/// </summary>
public sealed class TelemetrySpec(string root, Func<Service, int> speed, SubtypeCase casing, params string[] types)
{
    /// <summary>The product path; the route is <c>{Root}/{uid}/telemetry</c>.</summary>
    public string Root { get; } = root;
    public string Route => Root + "/{uid}/telemetry";
    public IReadOnlyList<string> Types { get; } = types;
    /// <summary>Mbps the traffic curve is scaled by (port speed, VXC/IX rate limit).</summary>
    public Func<Service, int> Speed { get; } = speed;
    public SubtypeCase Casing { get; } = casing;

    /// <summary>The offered type <paramref name="asked"/> names (any case), or null.</summary>
    public string? Find(string asked) => Types.FirstOrDefault(t => string.Equals(t, asked, StringComparison.OrdinalIgnoreCase));
}

/// <summary>How subtype (and, for <see cref="LowerWithType"/>, type) names are spelled in a kind's answers.</summary>
public enum SubtypeCase { Upper, Lower, Title, LowerWithType }
