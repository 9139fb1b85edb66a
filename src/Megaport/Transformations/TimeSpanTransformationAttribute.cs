using System;
using System.Globalization;
using System.Management.Automation;

namespace Megaport.Transformations
{
    /// <summary>A wait timeout given as a TimeSpan, a TimeSpan string ("00:30:00"), or a number of minutes (30, 0.5).</summary>
    public sealed class TimeSpanTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject p ? p.BaseObject : inputData;
            switch (value)
            {
                case TimeSpan: return value;
                case int or long or short or byte or double or float or decimal:
                    return FromMinutes(Convert.ToDouble(value, CultureInfo.InvariantCulture));
                case string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var minutes):
                    return FromMinutes(minutes);
                case string s when TimeSpan.TryParse(s, CultureInfo.InvariantCulture, out var span):
                    return span;
                default:
                    return inputData;
            }
        }

        static TimeSpan FromMinutes(double minutes)
        {
            if (double.IsNaN(minutes) || minutes < 0 || minutes > TimeSpan.MaxValue.TotalMinutes)
                throw new ArgumentTransformationMetadataException($"{minutes} is not a valid number of minutes.");
            return TimeSpan.FromMinutes(minutes);
        }
    }
}
