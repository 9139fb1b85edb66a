using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using Megaport.Errors;
using Megaport.Ordering;

namespace Megaport.Transformations
{
    /// <summary>
    /// Lets an MCR config parameter take hashtables (or objects) with the config's keys as well as the objects the
    /// New-Megaport*Config cmdlets return; each goes through the same checks as those cmdlets.
    /// </summary>
    public sealed class McrConfigTransformationAttribute : ArgumentTransformationAttribute
    {
        readonly Func<object, object> _make;

        public McrConfigTransformationAttribute(Type configType)
        {
            _make = configType == typeof(McrInterfaceConfig) ? McrConfigRules.InterfaceFrom
                : configType == typeof(BgpPeerConfig) ? McrConfigRules.BgpPeerFrom
                : configType == typeof(McrStaticRoute) ? McrConfigRules.StaticRouteFrom
                : configType == typeof(IpsecTunnelConfig) ? McrConfigRules.IpsecTunnelFrom
                : throw new ArgumentOutOfRangeException(nameof(configType), configType, "Not an MCR config type.");
        }

        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject p ? p.BaseObject : inputData;
            try
            {
                switch (value)
                {
                    case null:
                        return null;
                    case IEnumerable items when value is not string and not IDictionary:
                        var list = new List<object>();
                        foreach (var item in items) if (item != null) list.Add(_make(item));
                        return list.ToArray();
                    default:
                        return _make(inputData!);
                }
            }
            catch (MegaportException ex)
            {
                throw new ArgumentTransformationMetadataException(ex.Message, ex);
            }
        }
    }
}
