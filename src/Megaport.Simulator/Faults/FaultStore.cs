namespace Megaport.Simulator.Faults;

/// <summary>The active fault rules. The first rule that matches a request (and has calls left) applies to it.</summary>
public sealed class FaultStore
{
    private readonly List<FaultRule> _rules = new();
    private int _nextId = 1;

    public FaultRule Add(FaultRule rule)
    {
        lock (_rules)
        {
            rule.Id = _nextId++;
            rule.Remaining = rule.Count;
            _rules.Add(rule);
            return rule;
        }
    }

    /// <summary>Finds the rule for this call and uses up one of its counts.</summary>
    public FaultRule? Take(string method, string path)
    {
        lock (_rules)
        {
            foreach (var r in _rules)
            {
                if (r.Remaining == 0 || !r.Matches(method, path)) continue;
                if (r.Passed < r.After) { r.Passed++; continue; }
                if (r.Remaining is int n) r.Remaining = n - 1;
                r.Hits++;
                return r;
            }
            return null;
        }
    }

    public List<FaultRule> Snapshot()
    {
        lock (_rules) return _rules.ToList();
    }

    public void Clear()
    {
        lock (_rules) _rules.Clear();
    }
}
