# Loads the Megaport module's binary part. Nothing else happens at import: no network, no output.
#   PowerShell 7+: Megaport.Shared.dll (public types) goes into the default load context; Megaport.dll and its
#                  dependencies go into a private AssemblyLoadContext, so other modules' RestSharp/Newtonsoft never clash.
#   Windows PowerShell 5.1: Megaport.dll is imported directly; its module initializer serves our exact dependency
#                  versions through AppDomain.AssemblyResolve.
$importModule = Get-Command -Name Import-Module -Module Microsoft.PowerShell.Core

if ($IsCoreCLR) {
    $reloading = $true
    if (-not ('Megaport.Shared.LoadContext' -as [type])) {
        $reloading = $false
        Add-Type -Path ([System.IO.Path]::Combine($PSScriptRoot, 'bin', 'net8.0', 'Megaport.Shared.dll'))
    }
    $inner = & $importModule -Assembly ([Megaport.Shared.LoadContext]::Initialize()) -PassThru
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
    & $importModule -Assembly ($(if ($loaded) { $loaded } else { [System.Reflection.Assembly]::LoadFrom($dll) }))
}
