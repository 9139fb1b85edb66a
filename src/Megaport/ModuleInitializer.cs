using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;

namespace Megaport
{
    /// <summary>
    /// Import and removal of the module. On removal the runspace's session is closed (its connection released).
    /// Windows PowerShell 5.1 has no binding redirects for modules: serve our exact dependency versions
    /// (RestSharp, Newtonsoft.Json, System.Text.Json and its polyfills) from the module's bin folder, whatever
    /// version is asked for. On PowerShell 7 the load context does this job instead.
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        static readonly string Directory = Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location)!;

        public void OnImport()
        {
#if !NET
            AppDomain.CurrentDomain.AssemblyResolve -= Resolve;
            AppDomain.CurrentDomain.AssemblyResolve += Resolve;
#endif
        }

        public void OnRemove(PSModuleInfo module)
        {
            var session = SessionStore.Current;
            if (session != null)
            {
                SessionStore.Current = null;
                session.Close();
            }
#if !NET
            AppDomain.CurrentDomain.AssemblyResolve -= Resolve;
#endif
        }

#if !NET
        static Assembly? Resolve(object? sender, ResolveEventArgs args)
        {
            var name = new AssemblyName(args.Name).Name;
            if (name == null) return null;
            var path = Path.Combine(Directory, name + ".dll");
            if (!File.Exists(path)) return null;
            // Only for requests from our own assemblies or when no requester is known (polyfill chains).
            var requester = args.RequestingAssembly?.Location;
            if (requester != null && !string.Equals(Path.GetDirectoryName(requester), Directory, StringComparison.OrdinalIgnoreCase)) return null;
            return Assembly.LoadFrom(path);
        }
#endif
    }
}
