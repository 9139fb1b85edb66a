using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace Megaport.Transformations
{
    /// <summary>-ProductType takes the name of a registered product (Port, Vxc, Ix, Mcr, Mve, Service), in any case.</summary>
    public sealed class ValidateProductTypeAttribute : ValidateEnumeratedArgumentsAttribute
    {
        protected override void ValidateElement(object element)
        {
            var name = (element is PSObject p ? p.BaseObject : element) as string;
            if (name == null || Products.Products.Named(name) == null)
                throw new ValidationMetadataException($"'{element}' is not a Megaport product type; use one of {string.Join(", ", Products.Products.Names)}.");
        }
    }

    /// <summary>Tab completion of -ProductType from the product registry.</summary>
    public sealed class ProductTypeCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
            Products.Products.Names
                .Where(n => n.StartsWith(wordToComplete ?? "", StringComparison.OrdinalIgnoreCase))
                .Select(n => new CompletionResult(n, n, CompletionResultType.ParameterValue, n));
    }
}
