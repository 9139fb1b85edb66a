#if NET
using System;
using System.ComponentModel;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace Megaport.Shared
{
    /// <summary>
    /// PowerShell 7: loads Megaport.dll and its dependencies (RestSharp, Newtonsoft.Json) into a private
    /// AssemblyLoadContext so another module's versions never clash with ours. This assembly stays in the
    /// default context, so the public types ([Megaport.Port], [Megaport.Session]) keep one identity.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public sealed class LoadContext : AssemblyLoadContext
    {
        static readonly object Sync = new();
        static LoadContext? _instance;

        readonly string _directory;
        readonly Assembly _shared = typeof(LoadContext).Assembly;

        LoadContext(string directory) : base("Megaport", isCollectible: false) => _directory = directory;

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            if (string.Equals(assemblyName.Name, _shared.GetName().Name, StringComparison.Ordinal)) return _shared;
            var path = Path.Combine(_directory, assemblyName.Name + ".dll");
            return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
        }

        /// <summary>Whether <see cref="Initialize"/> has run in this process (the module is being imported again).</summary>
        public static bool Initialized
        {
            get { lock (Sync) return _instance != null; }
        }

        /// <summary>Creates the context once per process and returns the module assembly loaded in it.</summary>
        public static Assembly Initialize()
        {
            lock (Sync)
            {
                _instance ??= new LoadContext(Path.GetDirectoryName(typeof(LoadContext).Assembly.Location)!);
                return _instance.LoadFromAssemblyName(new AssemblyName("Megaport"));
            }
        }
    }
}
#endif
