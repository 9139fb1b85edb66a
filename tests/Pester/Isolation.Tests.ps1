# Dependency isolation on PowerShell 7: Megaport's RestSharp and Newtonsoft.Json live in its own AssemblyLoadContext,
# so a module that brings older copies (tests/ConflictProbe: RestSharp 112.1.0, Newtonsoft.Json 12.0.3) works next to
# it in one process, whichever is loaded first. Plus what importing must not do: call the network, load RestSharp,
# print anything, or lose cmdlets on -Force.
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $root = Resolve-Path (Join-Path $PSScriptRoot '../..')
    $moduleBase = (Get-Module Megaport).ModuleBase
    $moduleBin = Join-Path $moduleBase 'bin/net8.0'
    $cmdletNames = @((Import-PowerShellDataFile (Join-Path $moduleBase 'Megaport.psd1')).CmdletsToExport | Sort-Object)
    $moduleRestSharp = [Reflection.AssemblyName]::GetAssemblyName((Join-Path $moduleBin 'RestSharp.dll')).Version.ToString()
    $powerShellNewtonsoft = Join-Path $PSHOME 'Newtonsoft.Json.dll'

    # The probe: "another module" built against RestSharp 112.1.0 and Newtonsoft.Json 12.0.3, by build.ps1 -Task Test.
    $probeDir = Join-Path $root 'out/ConflictProbe'
    $missing = @('ConflictProbe.dll', 'RestSharp.dll', 'Newtonsoft.Json.dll' | Where-Object { -not (Test-Path (Join-Path $probeDir $_)) })
    if ($missing) {
        throw "out/ConflictProbe lacks $($missing -join ', '): run ./build.ps1 -Task Test (or dotnet build tests/ConflictProbe -o out/ConflictProbe)."
    }

    $sim = Start-TestSimulator
    $simUrl = $sim.Url.TrimEnd('/')

    # Runs a script in a fresh pwsh -NoProfile -NonInteractive that has imported nothing (the built module is found by
    # name on PSModulePath). The script stores what it saw with Save-Result; stdout/stderr come back as Output.
    function Invoke-IsolatedPwsh {
        param([Parameter(Mandatory)][string]$Script, [hashtable]$Environment = @{})
        $pwsh = Get-PwshCommand
        $id = [guid]::NewGuid().ToString('N')
        $file = Join-Path ([IO.Path]::GetTempPath()) "megaport-isolation-$id.ps1"
        $resultFile = Join-Path ([IO.Path]::GetTempPath()) "megaport-isolation-$id.json"
        $prelude = @"
`$ErrorActionPreference = 'Stop'
`$SimUrl = '$simUrl'
`$ProbeDir = '$probeDir'
function Save-Result(`$Value) { ConvertTo-Json -InputObject `$Value -Depth 8 | Set-Content -Path '$resultFile' }
function Get-SimRequests { (Invoke-RestMethod "`$SimUrl/_simulator/stats").requests }
# Every RestSharp and Newtonsoft.Json in the process, by load context.
function Get-Dependency {
    foreach (`$alc in [System.Runtime.Loader.AssemblyLoadContext]::All) {
        foreach (`$a in `$alc.Assemblies) {
            `$n = `$a.GetName()
            if (`$n.Name -in 'RestSharp', 'Newtonsoft.Json') {
                [pscustomobject]@{ Context = `$alc.Name; Name = `$n.Name; Version = "`$(`$n.Version)"; Location = `$a.Location }
            }
        }
    }
}
# The probe the way a classic module loads: Add-Type into the default context, dependencies first. PowerShell already
# holds Newtonsoft.Json 13 there, so the default context can only give the probe that one (Add-Type of 12.0.3 is a no-op).
function Invoke-ProbeInDefault {
    foreach (`$dll in 'Newtonsoft.Json.dll', 'RestSharp.dll', 'ConflictProbe.dll') { Add-Type -Path (Join-Path `$ProbeDir `$dll) }
    [ConflictProbe.Probe]::Run("`$SimUrl/_simulator/stats")
}
# The probe the way an isolated module loads: its own load context, where its Newtonsoft.Json 12.0.3 really runs.
function Invoke-ProbeInContext {
    if (-not `$script:probeAssembly) {
        `$alc = [System.Runtime.Loader.AssemblyLoadContext]::new('ConflictProbe', `$false)
        foreach (`$dll in 'Newtonsoft.Json.dll', 'RestSharp.dll') { `$null = `$alc.LoadFromAssemblyPath((Join-Path `$ProbeDir `$dll)) }
        `$script:probeAssembly = `$alc.LoadFromAssemblyPath((Join-Path `$ProbeDir 'ConflictProbe.dll'))
    }
    `$script:probeAssembly.GetType('ConflictProbe.Probe').GetMethod('Run').Invoke(`$null, @("`$SimUrl/_simulator/stats"))
}
# Megaport, for real: import by name, connect once, read a location from the API (-Force: not from the session cache).
function Invoke-Megaport {
    Import-Module Megaport
    if (-not (Get-MegaportSession)) { $(Get-ConnectScript $sim) }
    `$before = Get-SimRequests
    `$location = Get-MegaportLocation -Id 3 -Force
    `$alc = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext((Get-Command Get-MegaportLocation).ImplementingType.Assembly)
    [pscustomobject]@{
        Location     = `$location.Name
        Requests     = (Get-SimRequests) - `$before
        Context      = `$alc.Name
        Dependencies = @(`$alc.Assemblies | Where-Object { `$_.GetName().Name -in 'RestSharp', 'Newtonsoft.Json' } |
            ForEach-Object { [pscustomobject]@{ Name = `$_.GetName().Name; Version = "`$(`$_.GetName().Version)"; Location = `$_.Location } })
    }
}

"@
        Set-Content -Path $file -Value ($prelude + $Script)
        $Environment = @{ PSModulePath = (Split-Path $script:ModulePath -Parent) + [IO.Path]::PathSeparator + (Join-Path $PSHOME 'Modules') } + $Environment
        $saved = @{}
        foreach ($k in $Environment.Keys) { $saved[$k] = [Environment]::GetEnvironmentVariable($k); [Environment]::SetEnvironmentVariable($k, $Environment[$k]) }
        try {
            $output = & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -File $file 2>&1 | Out-String
            $result = if (Test-Path $resultFile) { Get-Content $resultFile -Raw | ConvertFrom-Json }
            [pscustomobject]@{ Output = $output; ExitCode = $LASTEXITCODE; Result = $result }
        }
        finally {
            foreach ($k in $saved.Keys) { [Environment]::SetEnvironmentVariable($k, $saved[$k]) }
            Remove-Item $file, $resultFile -ErrorAction SilentlyContinue
        }
    }

    $expectedLocation = (@((Invoke-RawApi $sim '/v3/locations').data) | Where-Object id -EQ 3).name

    function Assert-ProbeRanWell($Probe) {
        $Probe.RequestUri | Should -Be 'http://probe.invalid/api/items/42'
        $Probe.RequestBody | Should -Be '{"name":"probe","count":3}'
        $Probe.RoundTrip | Should -Be '{"probe":"conflict","numbers":[1,2,3]}'
        $Probe.HttpStatus | Should -Be 200
        ($Probe.HttpJson | ConvertFrom-Json).PSObject.Properties.Name | Should -Contain 'buysExecuted'
    }

    # Probe in the default context: its own RestSharp 112.1.0; Newtonsoft.Json is PowerShell's, never Megaport's.
    function Assert-ProbeInDefault($Probe) {
        Assert-ProbeRanWell $Probe
        $Probe.RestSharpVersion | Should -Be '112.1.0.0'
        $Probe.RestSharpFileVersion | Should -Be '112.1.0'
        $Probe.RestSharpLocation | Should -Be (Join-Path $probeDir 'RestSharp.dll')
        $Probe.RestSharpContext | Should -Be 'Default'
        $Probe.NewtonsoftContext | Should -Be 'Default'
        $Probe.NewtonsoftLocation | Should -Be $powerShellNewtonsoft
    }

    # Probe in its own context: RestSharp 112.1.0 and Newtonsoft.Json 12.0.3, both from its folder.
    function Assert-ProbeInContext($Probe) {
        Assert-ProbeRanWell $Probe
        $Probe.RestSharpVersion | Should -Be '112.1.0.0'
        $Probe.RestSharpLocation | Should -Be (Join-Path $probeDir 'RestSharp.dll')
        $Probe.RestSharpContext | Should -Be 'ConflictProbe'
        $Probe.NewtonsoftVersion | Should -Be '12.0.0.0'
        $Probe.NewtonsoftFileVersion | Should -BeLike '12.0.3.*'
        $Probe.NewtonsoftLocation | Should -Be (Join-Path $probeDir 'Newtonsoft.Json.dll')
        $Probe.NewtonsoftContext | Should -Be 'ConflictProbe'
    }

    # Megaport: a real API call, made with RestSharp and Newtonsoft.Json from its own bin folder in the 'Megaport' context.
    function Assert-MegaportRanWell($Megaport) {
        $Megaport.Location | Should -Be $expectedLocation
        $Megaport.Requests | Should -BeGreaterThan 0
        $Megaport.Context | Should -Be 'Megaport'
        $restSharp = @($Megaport.Dependencies | Where-Object Name -EQ 'RestSharp')
        $restSharp.Count | Should -Be 1
        $restSharp[0].Version | Should -Be $moduleRestSharp
        $restSharp[0].Location | Should -Be (Join-Path $moduleBin 'RestSharp.dll')
        $newtonsoft = @($Megaport.Dependencies | Where-Object Name -EQ 'Newtonsoft.Json')
        $newtonsoft.Count | Should -Be 1
        $newtonsoft[0].Location | Should -Be (Join-Path $moduleBin 'Newtonsoft.Json.dll')
    }

    # At the end: three RestSharps side by side, each where it belongs, and none of Megaport's outside its context.
    function Assert-Inventory($Dependencies) {
        $restSharp = @($Dependencies | Where-Object Name -EQ 'RestSharp')
        ($restSharp | ForEach-Object { "$($_.Context) $($_.Version)" } | Sort-Object) |
            Should -Be (@("ConflictProbe 112.1.0.0", "Default 112.1.0.0", "Megaport $moduleRestSharp") | Sort-Object)
        $fromModule = @($Dependencies | Where-Object { $_.Location -and $_.Location.StartsWith($moduleBase) })
        $fromModule | Where-Object Context -NE 'Megaport' | Should -BeNullOrEmpty
        $fromModule.Count | Should -Be 2
    }
}
AfterAll {
    Stop-MegaportSimulator $sim
}

Describe 'Megaport next to a module with older RestSharp and Newtonsoft.Json' {
    It 'tests something: the probe really is older than Megaport' {
        $moduleRestSharp | Should -Not -Be '112.1.0.0'
        [Reflection.AssemblyName]::GetAssemblyName((Join-Path $probeDir 'Newtonsoft.Json.dll')).Version | Should -Be ([version]'12.0.0.0')
    }

    It 'works with the probe loaded first, then Megaport, then the probe again, in one process' {
        $run = Invoke-IsolatedPwsh @'
$r = [ordered]@{}
$r.ProbeInDefault1 = Invoke-ProbeInDefault
$r.ProbeInContext1 = Invoke-ProbeInContext
$r.Megaport = Invoke-Megaport
$r.ProbeInDefault2 = Invoke-ProbeInDefault
$r.ProbeInContext2 = Invoke-ProbeInContext
$r.Dependencies = @(Get-Dependency)
Save-Result $r
'@
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $r = $run.Result
        Assert-ProbeInDefault $r.ProbeInDefault1
        Assert-ProbeInContext $r.ProbeInContext1
        Assert-MegaportRanWell $r.Megaport
        Assert-ProbeInDefault $r.ProbeInDefault2
        Assert-ProbeInContext $r.ProbeInContext2
        Assert-Inventory $r.Dependencies
    }

    It 'works with Megaport loaded first, then the probe, then Megaport again, in one process' {
        $run = Invoke-IsolatedPwsh @'
$r = [ordered]@{}
$r.Megaport1 = Invoke-Megaport
$r.ProbeInDefault = Invoke-ProbeInDefault
$r.ProbeInContext = Invoke-ProbeInContext
$r.Megaport2 = Invoke-Megaport
$r.Dependencies = @(Get-Dependency)
Save-Result $r
'@
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $r = $run.Result
        Assert-MegaportRanWell $r.Megaport1
        Assert-ProbeInDefault $r.ProbeInDefault
        Assert-ProbeInContext $r.ProbeInContext
        Assert-MegaportRanWell $r.Megaport2
        Assert-Inventory $r.Dependencies
    }
}

Describe 'Importing Megaport' {
    It 'makes no network call and prints nothing, even with keys in the environment' {
        $before = (Get-SimulatorStats $sim).requests
        $run = Invoke-IsolatedPwsh -Environment @{ MEGAPORT_ACCESS_KEY = $sim.AccessKey; MEGAPORT_SECRET_KEY = $sim.SecretKey } @'
$streams = @(Import-Module Megaport *>&1)
$again = @(Import-Module Megaport -Force *>&1)
Save-Result ([ordered]@{ Streams = $streams.Count + $again.Count; Requests = Get-SimRequests; Loaded = [bool](Get-Module Megaport) })
'@
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Output | Should -BeNullOrEmpty
        $run.Result.Loaded | Should -BeTrue
        $run.Result.Streams | Should -Be 0
        $run.Result.Requests | Should -Be $before
        (Get-SimulatorStats $sim).requests | Should -Be $before
    }

    It 'loads no RestSharp in any load context until the first API call' {
        $run = Invoke-IsolatedPwsh @'
$r = [ordered]@{}
Import-Module Megaport
$null = Get-Command -Module Megaport
$null = Get-Help Get-MegaportLocation
$r.AfterImport = @(Get-Dependency | Where-Object Name -EQ 'RestSharp')
$null = Get-Command Get-MegaportLocation -Syntax
$r.AfterCommandInfo = @(Get-Dependency | Where-Object Name -EQ 'RestSharp')
$r.RequestsBeforeCall = Get-SimRequests
$r.Megaport = Invoke-Megaport
$r.AfterCall = @(Get-Dependency | Where-Object Name -EQ 'RestSharp')
Save-Result $r
'@
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Result.AfterImport | Should -BeNullOrEmpty
        $run.Result.AfterCommandInfo | Should -BeNullOrEmpty
        Assert-MegaportRanWell $run.Result.Megaport
        @($run.Result.AfterCall).Count | Should -Be 1
        $run.Result.AfterCall[0].Context | Should -Be 'Megaport'
    }

    It 'keeps every cmdlet through Import-Module -Force twice, and they still work' {
        $run = Invoke-IsolatedPwsh @'
$r = [ordered]@{}
Import-Module Megaport
$r.First = @((Get-Command -Module Megaport -CommandType Cmdlet).Name | Sort-Object)
Import-Module Megaport -Force
Import-Module Megaport -Force
$r.AfterForce = @((Get-Command -Module Megaport -CommandType Cmdlet).Name | Sort-Object)
$r.Modules = @(Get-Module Megaport).Count
$r.Megaport = Invoke-Megaport
Save-Result $r
'@
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Result.First | Should -Be $cmdletNames
        $run.Result.AfterForce | Should -Be $cmdletNames
        $run.Result.Modules | Should -Be 1
        Assert-MegaportRanWell $run.Result.Megaport
    }

    It 'makes [Megaport.Port] and [Megaport.Session] resolve, in the default context, and -Session work from a script' {
        $run = Invoke-IsolatedPwsh @"
`$r = [ordered]@{}
Import-Module Megaport
`$r.PortContext = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext([Megaport.Port].Assembly).Name
`$r.SessionContext = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext([Megaport.Session].Assembly).Name
`$session = $(Get-ConnectScript $sim) -PassThru
`$r.SessionType = `$session.GetType().FullName
`$script = Join-Path ([IO.Path]::GetTempPath()) "megaport-session-`$([guid]::NewGuid().ToString('N')).ps1"
Set-Content -Path `$script -Value @'
param([Parameter(Mandatory)][Megaport.Session]`$Session)
`$ErrorActionPreference = 'Stop'
[pscustomobject]@{
    HasDefaultSession = [bool](Get-MegaportSession)
    PortType          = [Megaport.Port].FullName
    Location          = (Get-MegaportLocation -Session `$Session -Id 3 -Force).Name
}
'@
try {
    `$r.SameRunspace = & `$script -Session `$session
    # A new runspace has no default session: -Session is the only way in (as in an Automation job).
    `$ps = [powershell]::Create()
    try {
        `$r.NewRunspace = `$ps.AddCommand(`$script).AddParameter('Session', `$session).Invoke() | Select-Object -First 1
        `$r.NewRunspaceErrors = @(`$ps.Streams.Error | ForEach-Object { "`$_" })
    }
    finally { `$ps.Dispose() }
}
finally { Remove-Item `$script }
Save-Result `$r
"@
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $r = $run.Result
        $r.PortContext | Should -Be 'Default'
        $r.SessionContext | Should -Be 'Default'
        $r.SessionType | Should -Be 'Megaport.Session'
        $r.SameRunspace.PortType | Should -Be 'Megaport.Port'
        $r.SameRunspace.Location | Should -Be $expectedLocation
        $r.NewRunspaceErrors | Should -BeNullOrEmpty
        $r.NewRunspace.HasDefaultSession | Should -BeFalse
        $r.NewRunspace.PortType | Should -Be 'Megaport.Port'
        $r.NewRunspace.Location | Should -Be $expectedLocation
    }
}
