using System;
using System.Globalization;

namespace Megaport
{
    /// <summary>What a design plan does with one resource.</summary>
    public enum DesignAction
    {
        /// <summary>Not on the account yet: it is bought.</summary>
        Create,
        /// <summary>On the account with other settings that can be changed in place.</summary>
        Update,
        /// <summary>On the account as the design describes it.</summary>
        NoChange,
        /// <summary>On the account with a setting that cannot change in place (a port's location, say), or ambiguous.</summary>
        Conflict,
        /// <summary>On the account but not in the design: cancelled only with -Prune.</summary>
        Remove,
    }

    /// <summary>One setting a plan changes: its design key, the value on the account and the value in the design.</summary>
    public sealed class DesignFieldChange
    {
        public string Field { get; internal set; } = "";
        public string? Old { get; internal set; }
        public string? New { get; internal set; }

        public override string ToString() => $"{Field}: {Old ?? "(none)"} -> {New ?? "(none)"}";
    }

    /// <summary>
    /// One resource of a design plan (Test-MegaportDesign, Deploy-MegaportDesign): what is done with it, why, its
    /// monthly price when it is bought, and after a deploy what happened.
    /// </summary>
    public sealed class DesignChange
    {
        public DesignAction Action { get; internal set; }
        /// <summary>Port, Mcr, Mve, NatGateway, Vxc or Ix.</summary>
        public string Kind { get; internal set; } = "";
        public string Name { get; internal set; } = "";
        /// <summary>The service on the account (null for a Create until it is bought).</summary>
        public string? ProductUid { get; internal set; }
        /// <summary>The settings an Update changes (old -> new), or the one a Conflict is about.</summary>
        public DesignFieldChange[] Changes { get; internal set; } = Array.Empty<DesignFieldChange>();
        /// <summary>Monthly price of a Create, as the API quoted it (validate or the price book).</summary>
        public decimal? MonthlyPrice { get; internal set; }
        public string? Currency { get; internal set; }
        /// <summary>Why (a Conflict's reason, how the price was found, what a failed deploy left to do).</summary>
        public string? Message { get; internal set; }
        /// <summary>After Deploy-MegaportDesign: Created, Updated, Unchanged, Cancelled, Failed, RolledBack or NotDone.</summary>
        public string? Result { get; internal set; }
        /// <summary>Where the resource is in the file ("ports[0]").</summary>
        public string? Source { get; internal set; }

        /// <summary>"speed: 1000 -> 10000; term: 1 -> 12".</summary>
        public string ChangeText => string.Join("; ", Array.ConvertAll(Changes, c => c.ToString()));

        public string PriceText => MonthlyPrice is decimal p ? p.ToString("N2", CultureInfo.InvariantCulture) + " " + Currency : "";

        public override string ToString() => $"{Action} {Kind} '{Name}'";
    }
}
