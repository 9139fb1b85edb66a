# Loads the Megaport module's binary part. Nothing else happens at import: no network, no output, and nothing
# slow (no Add-Type, no Get-Command): short runbook jobs pay for every millisecond here.
#   PowerShell 7+: Megaport.Shared.dll (public types) goes into the default load context; Megaport.dll and its
#                  dependencies go into a private AssemblyLoadContext, so other modules' RestSharp/Newtonsoft never clash.
#   Windows PowerShell 5.1: Megaport.dll is imported directly; its module initializer serves our exact dependency
#                  versions through AppDomain.AssemblyResolve.
# Import-Module is called module-qualified so that a proxy function of that name cannot get in the way.
if ($IsCoreCLR) {
    # As few .NET calls as can be (each is a dynamic call site PowerShell compiles at import); LoadFrom hands back
    # the loaded assembly when the module is imported again.
    $null = [System.Reflection.Assembly]::LoadFrom("$PSScriptRoot/bin/net8.0/Megaport.Shared.dll")
    $reloading = [Megaport.Shared.LoadContext]::Initialized
    $inner = Microsoft.PowerShell.Core\Import-Module -Assembly ([Megaport.Shared.LoadContext]::Initialize()) -PassThru
    if ($reloading) {
        # Import-Module -Force of an assembly that is already loaded loses the exported cmdlets
        # (PowerShell/PowerShell#20710): add them back to this module.
        $addExportedCmdlet = [System.Management.Automation.PSModuleInfo].GetMethod(
            'AddExportedCmdlet', [System.Reflection.BindingFlags]'Instance, NonPublic')
        foreach ($cmd in $inner.ExportedCmdlets.Values) {
            $addExportedCmdlet.Invoke($ExecutionContext.SessionState.Module, @(, $cmd))
        }
    }
}
else {
    $dll = [System.IO.Path]::Combine($PSScriptRoot, 'bin', 'net472', 'Megaport.dll')
    $loaded = [System.AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.Location -eq $dll }
    Microsoft.PowerShell.Core\Import-Module -Assembly ($(if ($loaded) { $loaded } else { [System.Reflection.Assembly]::LoadFrom($dll) }))
}
