using System.Management.Automation;

namespace Megaport.Transformations
{
    /// <summary>Lets -ManagedAccount take a Megaport.ManagedAccount (or any object with a CompanyUid) as well as a UID or a name.</summary>
    public sealed class ManagedAccountTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData) => PropertyInput.ValueOf(inputData, "CompanyUid");
    }
}
