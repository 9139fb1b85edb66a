namespace Megaport
{
    /// <summary>
    /// A company a Megaport partner manages. Connect-Megaport -ManagedAccount (or -ManagedAccount on any cmdlet)
    /// acts for it: what is read and ordered is that company's.
    /// </summary>
    public sealed class ManagedAccount
    {
        /// <summary>The managed company's UID: what acting for it sends.</summary>
        public string CompanyUid { get; internal set; } = "";
        public string Name { get; internal set; } = "";
        /// <summary>The partner's own reference for the account (a CRM or billing id); shown on invoices.</summary>
        public string Reference { get; internal set; } = "";

        public override string ToString() => Name;
    }
}
