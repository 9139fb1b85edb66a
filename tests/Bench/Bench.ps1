#Requires -Version 7.4
<#
.SYNOPSIS
    build.ps1 -Task Bench: the module against its baselines, side by side in one run.
.DESCRIPTION
    Measures the module against floors and baselines in one run (every module measurement in a fresh
    `pwsh -NoProfile` child with the built module imported, see BenchChild.ps1):

      1  Import       pwsh -NoProfile -c "Import-Module <module>"  vs  an empty manifest module that loads the same
                      format file; binary modules of N and 2N dummy cmdlets give the cost of one more cmdlet
                      (all generated here into a temp folder, rotating, -ImportRuns each)
      2  One call     Get-MegaportService -ProductUid x  vs  Invoke-RestMethod on the same URL  vs  an empty binary
                      cmdlet called the same way plus raw HttpClient GETs (tests/Bench/Floor)
      3  Big account  Get-MegaportService | Measure-Object  vs  (Invoke-RestMethod /v2/products).data | ForEach-Object {...}
                      wall time, peak working set, and time to the first object (simulator --scale)
      4  Bulk order   100 VXCs piped into one New-MegaportVxc  vs  one VXC alone (default wait)
      5  Locations    the second Get-MegaportLocation in a session  vs  the first
      6  Route tables time to the first route of a 10,000-route Get-MegaportMcrBgpRoute  vs  the whole table; the
                      same for Get-MegaportMcrRoute (6b) and Get-MegaportMcrBgpNeighborRoute -Direction Received (6c), jobs
                      (the demo account's MCR in a simulator of its own, its looking glass set to routesPerSession)
      7  Designs      Test-MegaportDesign of -DesignResources ports (exported with Export-MegaportDesign)  vs  the whole
                      account read once; Deploy-MegaportDesign of -DeployVxcs new VXCs  vs  as many piped to New-MegaportVxc
      8  Telemetry    Get-MegaportTelemetry of -TelemetryServices ports x -TelemetryDays  vs  an Invoke-RestMethod loop;
                      Export-MegaportReport of -ReportServices ports  vs  Get-MegaportTelemetry of them (-ReportDays),
                      both fed the same Get-MegaportService objects (read untimed in the child)

    A row is declared with its target (Register-Row) and measured by a scenario function (Set-Row); see
    "rows and scenarios" below for adding one.
    Prints a table of medians, ratios, targets and PASS/MISS, and writes it with all samples to -OutFile.
    A missed target is reported, not failed; an error (a wrong count of objects or buys, a child that fails) throws.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)][string]$ModulePath,
    [Parameter(Mandatory)][string]$SimulatorDll,
    [Parameter(Mandatory)][string]$FloorDll,
    [Parameter(Mandatory)][string]$OutFile,
    [int]$Locations = 1000,
    [int]$Ports = 10000,
    [int]$Vxcs = 20000,
    [int]$ProvisionDelayMs = 3000,
    [int]$ImportRuns = 15,
    [int]$CallCount = 200,
    [int]$CallRounds = 3,
    [int]$BigRounds = 3,
    [int]$SingleOrders = 3,
    [int]$BulkCount = 100,
    [int]$LocationRounds = 3,
    [int]$BgpRoutes = 10000,
    [int]$BgpRounds = 3,
    [int]$DesignResources = 500,
    [int]$DesignRounds = 3,
    [int]$DeployVxcs = 100,
    [int]$DeployRounds = 2,
    [int]$TelemetryServices = 100,
    [int]$TelemetryDays = 30,
    [int]$TelemetryRounds = 3,
    [int]$ReportServices = 1000,
    [int]$ReportDays = 7,
    [int]$ReportRounds = 2,
    [string[]]$SimulatorArgument = @(),
    # Only these scenarios (names as in $Scenarios, e.g. 'import', 'report'); the table then shows only their rows.
    [string[]]$Only = @()
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
Import-Module (Join-Path $PSScriptRoot '../../src/build/Simulator.psm1')

$ChildScript = Join-Path $PSScriptRoot 'BenchChild.ps1'
$Pwsh = @(Get-PwshCommand)
$Started = [Diagnostics.Stopwatch]::StartNew()

# ---- helpers -------------------------------------------------------------------------------------------------

function Get-Median([double[]]$Values) {
    if (-not $Values -or $Values.Count -eq 0) { return [double]::NaN }
    $sorted = [double[]]$Values.Clone()
    [Array]::Sort($sorted)
    $mid = [int][Math]::Floor($sorted.Count / 2)
    if ($sorted.Count % 2) { return $sorted[$mid] }
    return ($sorted[$mid - 1] + $sorted[$mid]) / 2
}

function Get-LoadAverage {
    if (Test-Path /proc/loadavg) { return (Get-Content /proc/loadavg -Raw).Trim() }
    return $null
}

# Runs one process to the end; returns its exit code, output and wall time. Stops it after -TimeoutSec.
function Invoke-BenchProcess {
    param([Parameter(Mandatory)][string[]]$CommandLine, [int]$TimeoutSec = 900, [hashtable]$Environment = @{})
    $psi = [Diagnostics.ProcessStartInfo]::new($CommandLine[0])
    foreach ($a in ($CommandLine | Select-Object -Skip 1)) { $psi.ArgumentList.Add($a) }
    $psi.UseShellExecute = $false
    $psi.RedirectStandardOutput = $true
    $psi.RedirectStandardError = $true
    $psi.RedirectStandardInput = $true
    foreach ($k in $Environment.Keys) { $psi.Environment[$k] = $Environment[$k] }
    $watch = [Diagnostics.Stopwatch]::StartNew()
    $process = [Diagnostics.Process]::Start($psi)
    try {
        $process.StandardInput.Close()
        $stdout = $process.StandardOutput.ReadToEndAsync()
        $stderr = $process.StandardError.ReadToEndAsync()
        if (-not $process.WaitForExit($TimeoutSec * 1000)) {
            $process.Kill($true)
            throw "Timed out after $TimeoutSec s: $($CommandLine -join ' ')"
        }
        $process.WaitForExit()
        $ms = $watch.Elapsed.TotalMilliseconds
        [pscustomobject]@{ ExitCode = $process.ExitCode; StdOut = $stdout.Result; StdErr = $stderr.Result; Ms = $ms }
    }
    finally {
        $process.Dispose()
    }
}

# Runs BenchChild.ps1 in a fresh pwsh -NoProfile -NonInteractive; returns its BENCH-RESULT object.
function Invoke-BenchChild {
    param([Parameter(Mandatory)][string]$Scenario, [hashtable]$Parameters = @{})
    $line = @($Pwsh) + @('-NoProfile', '-NonInteractive', '-File', $ChildScript, '-Scenario', $Scenario)
    foreach ($k in $Parameters.Keys) { $line += "-$k"; $line += [string]$Parameters[$k] }
    $run = Invoke-BenchProcess -CommandLine $line
    $result = ($run.StdOut -split "`r?`n") | Where-Object { $_.StartsWith('BENCH-RESULT ') } | Select-Object -Last 1
    if ($run.ExitCode -ne 0 -or -not $result) {
        throw "Bench scenario $Scenario failed (exit code $($run.ExitCode)):`n$($run.StdOut)`n$($run.StdErr)"
    }
    $result.Substring('BENCH-RESULT '.Length) | ConvertFrom-Json
}

function Invoke-SimulatorApi {
    param([string]$Method = 'GET', [Parameter(Mandatory)][string]$Path, $Body)
    $params = @{ Method = $Method; Uri = $script:Simulator.Url.TrimEnd('/') + $Path }
    if ($null -ne $Body) { $params.Body = (ConvertTo-Json -InputObject $Body -Depth 10); $params.ContentType = 'application/json' }
    Invoke-RestMethod @params
}

function Get-RawToken {
    $basic = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes("$($script:Simulator.AccessKey):$($script:Simulator.SecretKey)"))
    (Invoke-RestMethod -Method Post -Uri ($script:Simulator.Url.TrimEnd('/') + '/oauth2/token') `
        -Headers @{ Authorization = "Basic $basic" } -Body @{ grant_type = 'client_credentials' }).access_token
}

# Reads GET /v2/products to the end (so the simulator's cached rendering is ready before any timing) and returns the
# UIDs of the first top-level ports in it.
function Get-FirstPortUids {
    param([Parameter(Mandatory)][string]$Token, [int]$Count = 2)
    $http = [Net.Http.HttpClient]::new()
    $http.Timeout = [TimeSpan]::FromMinutes(5)
    try {
        $request = [Net.Http.HttpRequestMessage]::new([Net.Http.HttpMethod]::Get, $script:Simulator.Url.TrimEnd('/') + '/v2/products')
        $request.Headers.Authorization = [Net.Http.Headers.AuthenticationHeaderValue]::new('Bearer', $Token)
        $response = $http.SendAsync($request, [Net.Http.HttpCompletionOption]::ResponseHeadersRead).GetAwaiter().GetResult()
        if (-not $response.IsSuccessStatusCode) { throw "GET /v2/products -> $([int]$response.StatusCode)" }
        $reader = [IO.StreamReader]::new($response.Content.ReadAsStream())
        $buffer = [char[]]::new(256KB)
        $head = [Text.StringBuilder]::new()
        $total = 0L
        while (($n = $reader.Read($buffer, 0, $buffer.Length)) -gt 0) {
            if ($head.Length -lt 1MB) { $null = $head.Append($buffer, 0, $n) }
            $total += $n
        }
        $reader.Dispose()
        $pattern = '\{"productId":\d+,"productUid":"(?<uid>[0-9a-fA-F-]{36})","productName":"[^"]*","productType":"MEGAPORT"'
        $uids = @([regex]::Matches($head.ToString(), $pattern) | ForEach-Object { $_.Groups['uid'].Value } | Select-Object -Unique -First $Count)
        if ($uids.Count -lt $Count) { throw "Found only $($uids.Count) port(s) at the start of GET /v2/products (expected the scale account's ports)." }
        [pscustomobject]@{ Uids = $uids; Chars = $total }
    }
    finally {
        $http.Dispose()
    }
}

function Get-Stats { Invoke-SimulatorApi -Path '/_simulator/stats' }

# API requests the simulator journaled between two UTC times: counts per method and path (UIDs folded to {uid}), and
# a timeline in ms since -From (journal times are when each answer was complete).
function Get-RequestBreakdown {
    param([DateTime]$From, [DateTime]$To)
    $log = Invoke-SimulatorApi -Path '/_simulator/requests'
    $counts = [ordered]@{}
    $lastBuy = $null; $polls = @(); $first = $null
    foreach ($entry in $log) {
        $time = if ($entry.time -is [DateTime]) { $entry.time.ToUniversalTime() } else { [DateTime]::Parse($entry.time, [Globalization.CultureInfo]::InvariantCulture, [Globalization.DateTimeStyles]::AdjustToUniversal) }
        if ($time -lt $From -or $time -gt $To) { continue }
        $ms = [Math]::Round(($time - $From).TotalMilliseconds)
        $key = "$($entry.method) " + ($entry.path -replace '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}', '{uid}')
        $counts[$key] = 1 + $(if ($counts.Contains($key)) { $counts[$key] } else { 0 })
        if ($null -eq $first) { $first = $ms }
        if ($key -eq 'POST /v4/networkdesign/buy') { $lastBuy = $ms }
        if ($key -eq 'GET /v2/products') { $polls += $ms }
    }
    [ordered]@{
        requestsByPath = $counts
        timelineMs     = [ordered]@{
            firstRequestDone = $first; lastBuyDone = $lastBuy; productListReadsDone = $polls
            childEnded = [Math]::Round(($To - $From).TotalMilliseconds)
        }
    }
}

# ---- rows and scenarios -------------------------------------------------------------------------------------------
# A row is declared once here, with its target; a scenario function measures one or more rows and hands each its
# numbers with Set-Row. Adding a row = one Register-Row line + the scenario that measures it (added to $Scenarios
# below). A declared row that no scenario measured fails the run, so the table never shows a row that measures nothing.

$rowTable = [ordered]@{}
$details = [ordered]@{}

function Register-Row {
    param([Parameter(Mandatory)][string]$Id, [Parameter(Mandatory)][string]$Title, [Parameter(Mandatory)][double]$Target,
        [Parameter(Mandatory)][string]$TargetText, [switch]$AtLeast)
    $rowTable[$Id] = [pscustomobject]@{ Id = $Id; Title = $Title; Target = $Target; TargetText = $TargetText; AtLeast = [bool]$AtLeast; Row = $null }
}

function Set-Row {
    param([Parameter(Mandatory)][string]$Id, [double]$Module, [double]$Baseline, [string]$Unit, [string]$Versus, [string]$Note)
    $declared = $rowTable[$Id]
    if (-not $declared) { throw "Bench row $Id is not declared (Register-Row)." }
    $ratio = if ($Baseline -gt 0) { $Module / $Baseline } else { [double]::NaN }
    $pass = if ($declared.AtLeast) { $ratio -ge $declared.Target } else { $ratio -le $declared.Target }
    $declared.Row = [pscustomobject][ordered]@{
        Scenario = "$Id $($declared.Title)"
        Module   = $Module
        Baseline = $Baseline
        Unit     = $Unit
        Versus   = $Versus
        Ratio    = $ratio
        Target   = $declared.TargetText
        Result   = if ($pass) { 'PASS' } else { 'MISS' }
        Note     = $Note
    }
    Write-Host ("  {0}: module {1:N3} {3}, {2} {4:N3} {3} -> {5:N3}x (target {6}) {7}" -f $declared.Row.Scenario, $Module, $Versus, $Unit, $Baseline, $ratio, $declared.TargetText, $declared.Row.Result)
}

Register-Row 1a 'Import vs empty manifest + our format file (process wall time)' 1.05 '<= 1.05x'
Register-Row 1b 'Import: cost of one more cmdlet ((2N - N dummy cmdlets) / N, in-process)' 1.0 '<= 1 ms'
Register-Row 2a 'One call vs Invoke-RestMethod (median per call)' 1.0 '<= 1.0x'
Register-Row 2b 'One call vs empty cmdlet call + raw HttpClient GET' 1.3 '<= 1.3x'
Register-Row 3a 'Big account wall time' 0.125 '<= 0.125x (8x faster)'
Register-Row 3b 'Big account peak working set' 0.1 '<= 0.1x'
Register-Row 3c 'Big account first object vs own total' 0.5 '<= 0.5x (streams)'
Register-Row 4 "Bulk order: $BulkCount VXCs vs one" 1.1 '<= 1.1x'
Register-Row 5 'Locations: second call (cached) vs first' 0.05 '<= 0.05x'
Register-Row 6 "MCR BGP table of $BgpRoutes routes: first route vs whole table" 0.5 '<= 0.5x (streams)'
Register-Row 6b "MCR IP routes of $BgpRoutes (a job): first route vs whole table" 0.5 '<= 0.5x (streams)'
Register-Row 6c "MCR neighbor's $BgpRoutes received routes (a job): first vs whole table" 0.5 '<= 0.5x (streams)'
Register-Row 7a "Test-MegaportDesign of $DesignResources resources vs reading the account once" 1.5 '<= 1.5x'
Register-Row 7b "Deploy-MegaportDesign of $DeployVxcs new VXCs vs $DeployVxcs piped to New-MegaportVxc" 1.1 '<= 1.1x'
Register-Row 8a "Get-MegaportTelemetry of $TelemetryServices services x $TelemetryDays days vs an Invoke-RestMethod loop" 0.5 '<= 0.5x'
Register-Row 8b "Export-MegaportReport of $ReportServices services vs their telemetry alone ($ReportDays days)" 1.3 '<= 1.3x'

$phase = [Diagnostics.Stopwatch]::StartNew()
function Write-PhaseTime { Write-Host ("  ({0:N0} s)" -f $phase.Elapsed.TotalSeconds); $phase.Restart() }

$cores = [Environment]::ProcessorCount
$loadStart = Get-LoadAverage
Write-Host "Bench: $cores cores, load average $loadStart"

# Throw-away modules the floors are made of, generated for this run (never shipped, never part of the product build).
$scratch = Join-Path ([IO.Path]::GetTempPath()) "megaport-bench-$([guid]::NewGuid().ToString('N'))"
$null = New-Item -ItemType Directory -Force -Path $scratch
$manifestPath = @(Get-ChildItem -Path $ModulePath -Recurse -Filter 'Megaport.psd1')[0].FullName
$formatFile = Join-Path (Split-Path $manifestPath -Parent) 'Megaport.Format.ps1xml'
$cmdletCount = @((Import-PowerShellDataFile $manifestPath).CmdletsToExport).Count

# A manifest module that exports nothing and loads our format file: the import floor.
function New-FloorModule {
    param([string]$Name)
    $dir = Join-Path $scratch $Name
    $null = New-Item -ItemType Directory -Force -Path $dir
    Copy-Item $formatFile $dir
    Set-Content -Path (Join-Path $dir "$Name.psd1") -Value (("@{{ ModuleVersion = '1.0'; GUID = '{0}'; FormatsToProcess = @('Megaport.Format.ps1xml'); " +
        "CmdletsToExport = @(); FunctionsToExport = @(); AliasesToExport = @(); VariablesToExport = @() }}") -f [guid]::NewGuid())
    Join-Path $dir "$Name.psd1"
}

# A binary module of -Count cmdlets that do nothing (each with two parameters, one bound from the pipeline), with our
# format file: import cost per cmdlet, and (Count 1) the empty-cmdlet call floor.
function New-DummyBinaryModule {
    param([string]$Name, [int]$Count)
    $dir = Join-Path $scratch $Name
    $null = New-Item -ItemType Directory -Force -Path $dir
    $code = [Text.StringBuilder]::new("using System.Management.Automation;`nnamespace $Name {`n")
    $names = foreach ($i in 1..$Count) {
        $noun = if ($Count -eq 1) { 'BenchEmpty' } else { "$($Name)C$i" }
        $null = $code.AppendLine("[Cmdlet(VerbsCommon.Get, `"$noun`")] public sealed class C$i : PSCmdlet { " +
            "[Parameter(Position = 0, ValueFromPipelineByPropertyName = true)] public string[] ProductUid { get; set; } " +
            "[Parameter] public SwitchParameter Force { get; set; } protected override void ProcessRecord() { } }")
        "'Get-$noun'"
    }
    $null = $code.AppendLine('}')
    Add-Type -TypeDefinition $code.ToString() -OutputAssembly (Join-Path $dir "$Name.dll")
    Copy-Item $formatFile $dir
    Set-Content -Path (Join-Path $dir "$Name.psd1") -Value (("@{{ RootModule = '{0}.dll'; ModuleVersion = '1.0'; GUID = '{1}'; FormatsToProcess = @('Megaport.Format.ps1xml'); " +
        "CmdletsToExport = @({2}); FunctionsToExport = @(); AliasesToExport = @(); VariablesToExport = @() }}") -f $Name, [guid]::NewGuid(), ($names -join ','))
    Join-Path $dir "$Name.psd1"
}

# ---- 1. import -------------------------------------------------------------------------------------------------------
function Measure-Import {
    $floor = New-FloorModule 'BenchFloor'
    $dummyN = New-DummyBinaryModule 'BenchDummyN' $cmdletCount
    $dummy2N = New-DummyBinaryModule 'BenchDummy2N' (2 * $cmdletCount)
    # Each child also prints how long its Import-Module took inside the process (the same stopwatch line for all,
    # "exit" included): the per-cmdlet cost is a difference of those, free of pwsh's own start-up noise.
    $timed = '$s = [Diagnostics.Stopwatch]::StartNew(); {0}; [Console]::Out.Write($s.Elapsed.TotalMilliseconds.ToString([Globalization.CultureInfo]::InvariantCulture))'
    $lines = [ordered]@{
        module  = $timed -f "Import-Module '$ModulePath'"
        floor   = $timed -f "Import-Module '$floor'"
        dummyN  = $timed -f "Import-Module '$dummyN'"
        dummy2N = $timed -f "Import-Module '$dummy2N'"
        exit    = $timed -f '$null'
    }
    Write-Host "`n[import] pwsh -NoProfile -c `"Import-Module ...`": the module, an empty manifest module with our format file, binary modules of $cmdletCount and $(2 * $cmdletCount) dummy cmdlets, pwsh -c exit; $ImportRuns runs each, rotating"
    $ms = [ordered]@{}; $inner = [ordered]@{}
    foreach ($k in $lines.Keys) { $ms[$k] = [Collections.Generic.List[double]]::new(); $inner[$k] = [Collections.Generic.List[double]]::new() }
    $keys = @($lines.Keys)
    for ($i = -1; $i -lt $ImportRuns; $i++) {
        # Rotate which goes first, so a slow spell does not always hit the same one; run -1 warms the disk cache.
        $offset = [Math]::Max(0, $i) % $keys.Count
        foreach ($k in ($keys[$offset..($keys.Count - 1)] + $(if ($offset) { $keys[0..($offset - 1)] }))) {
            $run = Invoke-BenchProcess -CommandLine (@($Pwsh) + @('-NoProfile', '-c', $lines[$k])) -TimeoutSec 120
            if ($run.ExitCode -ne 0 -or $run.StdErr.Trim()) { throw "pwsh ($k) failed (exit code $($run.ExitCode)): $($run.StdOut) $($run.StdErr)" }
            if ($i -ge 0) { $ms[$k].Add($run.Ms); $inner[$k].Add([double]::Parse($run.StdOut.Trim(), [Globalization.CultureInfo]::InvariantCulture)) }
        }
    }
    $median = [ordered]@{}; $innerMedian = [ordered]@{}
    foreach ($k in $keys) { $median[$k] = Get-Median $ms[$k]; $innerMedian[$k] = Get-Median $inner[$k] }
    Set-Row 1a -Module $median.module -Baseline $median.floor -Unit 'ms' -Versus 'empty manifest + format' `
        -Note ('Import-Module alone: module {0:N0} ms, floor {1:N0} ms' -f $innerMedian.module, $innerMedian.floor)
    $perCmdlet = ($innerMedian.dummy2N - $innerMedian.dummyN) / $cmdletCount
    Set-Row 1b -Module $perCmdlet -Baseline 1.0 -Unit 'ms' -Versus '1 ms'
    foreach ($pair in @(@('process wall time', $median), @('Import-Module alone', $innerMedian))) {
        $m = $pair[1]
        Write-Host ("  medians, {0}: module {1:N0} ms, floor {2:N0} ms, {3} dummy cmdlets {4:N0} ms, {5} dummy cmdlets {6:N0} ms, pwsh -c exit {7:N0} ms" -f
            $pair[0], $m.module, $m.floor, $cmdletCount, $m.dummyN, (2 * $cmdletCount), $m.dummy2N, $m.exit)
    }
    $details.import = [ordered]@{
        cmdlets = $cmdletCount; medianMs = $median; importModuleMedianMs = $innerMedian; samplesMs = $ms; importModuleSamplesMs = $inner
        extraOverFloorMs = $median.module - $median.floor
    }
}

# ---- 2. one call ------------------------------------------------------------------------------------------------------
function Measure-OneCall {
    Write-Host "`n[one call] $CallCount x GET /v2/product/$portA, $CallRounds rounds (module, empty cmdlet, Invoke-RestMethod, raw HttpClient)"
    $empty = New-DummyBinaryModule 'BenchEmptyCmdlet' 1
    $floorLine = @('dotnet', $FloorDll, "$($Simulator.Url.TrimEnd('/'))/v2/product/$portA", $token, "$CallCount", '5')
    $calls = [ordered]@{ module = [Collections.Generic.List[double]]::new(); empty = [Collections.Generic.List[double]]::new()
        irm = [Collections.Generic.List[double]]::new(); floor = [Collections.Generic.List[double]]::new() }
    $totals = @{ module = @(); empty = @(); irm = @(); floor = @() }
    $f = $null
    for ($r = 0; $r -lt $CallRounds; $r++) {
        $results = [ordered]@{
            module = Invoke-BenchChild CallModule ($connection + @{ ProductUid = $portA; Count = $CallCount })
            empty  = Invoke-BenchChild CallEmpty @{ ModulePath = $empty; ProductUid = $portA; Count = $CallCount }
            irm    = Invoke-BenchChild CallIrm @{ Url = $Simulator.Url; Token = $token; ProductUid = $portA; Count = $CallCount }
        }
        $run = Invoke-BenchProcess -CommandLine $floorLine -TimeoutSec 300
        if ($run.ExitCode -ne 0) { throw "The HttpClient floor failed (exit code $($run.ExitCode)): $($run.StdOut) $($run.StdErr)" }
        $results.floor = $f = $run.StdOut.Trim() | ConvertFrom-Json
        foreach ($k in $results.Keys) {
            if ($results[$k].callsMs.Count -ne $CallCount) { throw "A one-call run ($k) made $($results[$k].callsMs.Count) calls instead of $CallCount." }
            $calls[$k].AddRange([double[]]$results[$k].callsMs); $totals[$k] += $results[$k].totalMs
        }
    }
    $median = [ordered]@{}; foreach ($k in $calls.Keys) { $median[$k] = Get-Median $calls[$k] }
    Set-Row 2a -Module $median.module -Baseline $median.irm -Unit 'ms' -Versus 'Invoke-RestMethod'
    Set-Row 2b -Module $median.module -Baseline ($median.empty + $median.floor) -Unit 'ms' -Versus 'empty cmdlet + HttpClient' `
        -Note ('empty cmdlet {0:N3} ms + HttpClient GET {1:N3} ms' -f $median.empty, $median.floor)
    $details.oneCall = [ordered]@{ productUid = $portA; medianMs = $median; totalMsPerRound = $totals; responseChars = $f.bytes; callsMs = $calls }
}

# ---- 3. big account ---------------------------------------------------------------------------------------------------
function Measure-BigAccount {
    $expected = $Ports + $Vxcs
    Write-Host "`n[big account] $Ports ports + $Vxcs VXCs, $BigRounds rounds (module, module time-to-first-object, Invoke-RestMethod script)"
    $big = @{ moduleMs = @(); moduleWs = @(); firstMs = @(); stoppedMs = @(); irmMs = @(); irmWs = @(); irmFirstMs = @() }
    for ($r = 0; $r -lt $BigRounds; $r++) {
        $m = Invoke-BenchChild BigModule $connection
        if ($m.count -ne $expected) { throw "Get-MegaportService emitted $($m.count) services; the account has $expected." }
        $big.moduleMs += $m.totalMs; $big.moduleWs += $m.peakWorkingSetBytes
        $t = Invoke-BenchChild BigModuleFirst $connection
        $big.firstMs += $t.firstMs; $big.stoppedMs += $t.stoppedMs
        $i = Invoke-BenchChild BigIrm @{ Url = $Simulator.Url; Token = $token }
        if ($i.count -ne $expected) { throw "The Invoke-RestMethod script emitted $($i.count) objects; the account has $expected." }
        $big.irmMs += $i.totalMs; $big.irmWs += $i.peakWorkingSetBytes; $big.irmFirstMs += $i.firstMs
        Write-Host ("  round {0}: module {1:N0} ms / {2:N0} MB (first object {3:N0} ms), Invoke-RestMethod {4:N0} ms / {5:N0} MB" -f ($r + 1),
            $m.totalMs, ($m.peakWorkingSetBytes / 1MB), $t.firstMs, $i.totalMs, ($i.peakWorkingSetBytes / 1MB))
    }
    $bigModuleMs = Get-Median $big.moduleMs
    Set-Row 3a -Module $bigModuleMs -Baseline (Get-Median $big.irmMs) -Unit 'ms' -Versus 'IRM script'
    Set-Row 3b -Module ((Get-Median $big.moduleWs) / 1MB) -Baseline ((Get-Median $big.irmWs) / 1MB) -Unit 'MB' -Versus 'IRM script'
    Set-Row 3c -Module (Get-Median $big.firstMs) -Baseline $bigModuleMs -Unit 'ms' -Versus 'module total'
    $big.services = $expected
    $details.bigAccount = $big
}

# ---- 5. locations (before the orders change the account) ---------------------------------------------------------------
function Measure-Locations {
    Write-Host "`n[locations] first and second Get-MegaportLocation in a session, $LocationRounds rounds"
    $loc = @{ firstMs = @(); secondMs = @(); thirdToMeasureObjectMs = @(); count = 0 }
    for ($r = 0; $r -lt $LocationRounds; $r++) {
        $l = Invoke-BenchChild Locations $connection
        if ($l.count -lt $Locations) { throw "Get-MegaportLocation returned $($l.count) locations; the simulator has more than $Locations." }
        $loc.firstMs += $l.firstMs; $loc.secondMs += $l.secondMs; $loc.thirdToMeasureObjectMs += $l.thirdToMeasureObjectMs; $loc.count = $l.count
    }
    Set-Row 5 -Module (Get-Median $loc.secondMs) -Baseline (Get-Median $loc.firstMs) -Unit 'ms' -Versus 'first call'
    $details.locations = $loc
    Write-Host ("  (a cached call piped to Measure-Object instead: {0:N1} ms, mostly Measure-Object's own cost for {1} objects)" -f (Get-Median $loc.thirdToMeasureObjectMs), $loc.count)
}

# ---- 4. bulk order (last: it changes the account) ------------------------------------------------------------------------
function Measure-BulkOrder {
    Write-Host "`n[bulk order] $BulkCount VXCs piped into one New-MegaportVxc vs one VXC alone ($SingleOrders runs), provision delay $ProvisionDelayMs ms"
    $null = Invoke-SimulatorApi -Method PUT -Path '/_simulator/config' -Body @{ provisionDelayMs = $ProvisionDelayMs }
    $singleMs = @()
    for ($r = 0; $r -lt $SingleOrders; $r++) {
        $before = (Get-Stats).buysExecuted
        $s = Invoke-BenchChild OrderSingle ($connection + @{ ProductUid = $portA; BEndProductUid = $portB; Name = "bench-single-$r" })
        $buys = (Get-Stats).buysExecuted - $before
        if ($buys -ne 1 -or $s.count -ne 1) { throw "One New-MegaportVxc made $buys buys and emitted $($s.count) VXCs (expected 1 and 1)." }
        if (@($s.statuses | Where-Object { $_ -notin 'CONFIGURED', 'LIVE' })) { throw "The single VXC ended $($s.statuses -join ', ')." }
        $singleMs += $s.totalMs
    }
    $before = (Get-Stats)
    $from = [DateTime]::UtcNow
    $b = Invoke-BenchChild OrderBulk ($connection + @{ ProductUid = $portA; BEndProductUid = $portB; Name = 'bench-bulk'; Count = $BulkCount })
    $to = [DateTime]::UtcNow
    $after = (Get-Stats)
    $buys = $after.buysExecuted - $before.buysExecuted
    if ($buys -ne $BulkCount) { throw "$BulkCount VXCs piped into New-MegaportVxc made $buys buys." }
    if ($b.count -ne $BulkCount) { throw "$BulkCount VXCs piped into New-MegaportVxc emitted $($b.count) VXCs." }
    $notReady = @($b.statuses | Where-Object { $_ -notin 'CONFIGURED', 'LIVE' })
    if ($notReady) { throw "$($notReady.Count) bulk VXCs ended not CONFIGURED/LIVE: $($notReady | Select-Object -Unique)" }
    Set-Row 4 -Module $b.totalMs -Baseline (Get-Median $singleMs) -Unit 'ms' -Versus 'one VXC'
    $journal = Get-RequestBreakdown -From $from -To $to
    $details.bulkOrder = [ordered]@{
        singleMs = $singleMs; bulkMs = $b.totalMs; buysExecuted = $buys
        apiRequests = $after.requests - $before.requests
        requestsByPath = $journal.requestsByPath
        timelineMs = $journal.timelineMs
    }
    $tl = $journal.timelineMs
    Write-Host ("  bulk child: last buy done at {0:N0} ms; GET /v2/products (waiting) done at {1}; child ended at {2:N0} ms" -f $tl.lastBuyDone, (($tl.productListReadsDone | ForEach-Object { '{0:N0} ms' -f $_ }) -join ', '), $tl.childEnded)
}

# ---- 6. looking glass: a big BGP table (the demo account's Sydney MCR, in a simulator of its own) ----------------------
function Measure-BgpTable {
    Write-Host "`n[bgp table] Get-MegaportMcrBgpRoute of $BgpRoutes routes (routesPerSession on the demo MCR's one session): first route vs the whole table, $BgpRounds rounds"
    $own = Start-MegaportSimulator -Path $SimulatorDll -ArgumentList $SimulatorArgument
    $outer = $script:Simulator
    $script:Simulator = $own
    try {
        # Jobs finish at once: the job's first answer holds the table, so first-vs-whole measures the reading, not the wait.
        $null = Invoke-SimulatorApi -Method PUT -Path '/_simulator/lookingGlass' -Body @{ routesPerSession = $BgpRoutes; jobDelayMs = 0 }
        $connect = @{ ModulePath = $ModulePath; Url = $own.Url; AccessKey = $own.AccessKey; SecretKey = $own.SecretKey }
        $details.bgpTable = [ordered]@{}
        foreach ($t in @(@{ Row = '6'; Table = 'Bgp' }, @{ Row = '6b'; Table = 'Ip' }, @{ Row = '6c'; Table = 'Received' })) {
            $bgp = @{ firstMs = @(); totalMs = @() }
            for ($r = 0; $r -lt $BgpRounds; $r++) {
                $b = Invoke-BenchChild BgpTable ($connect + @{ Table = $t.Table })
                if ($b.count -ne $BgpRoutes) { throw "The $($t.Table) table emitted $($b.count) routes; it has $BgpRoutes." }
                $bgp.firstMs += $b.firstMs; $bgp.totalMs += $b.totalMs
            }
            Set-Row $t.Row -Module (Get-Median $bgp.firstMs) -Baseline (Get-Median $bgp.totalMs) -Unit 'ms' -Versus 'whole table'
            $details.bgpTable[$t.Table] = $bgp
        }
    }
    finally {
        $script:Simulator = $outer
        Stop-MegaportSimulator $own
    }
}

# ---- 7, 8. designs, telemetry, the report ------------------------------------------------------------------------------
# The scale account's first -Count ports (top-level in GET /v2/products, in order), read untimed; written to a file the
# children read (too many for a command line).
$script:scalePortUids = $null
function Get-ScalePortUidFile {
    param([Parameter(Mandatory)][int]$Count, [Parameter(Mandatory)][string]$Name)
    if (-not $script:scalePortUids -or $script:scalePortUids.Count -lt $Count) {
        $http = [Net.Http.HttpClient]::new()
        $http.Timeout = [TimeSpan]::FromMinutes(5)
        $http.DefaultRequestHeaders.Authorization = [Net.Http.Headers.AuthenticationHeaderValue]::new('Bearer', $token)
        try { $listing = $http.GetStringAsync($script:Simulator.Url.TrimEnd('/') + '/v2/products').GetAwaiter().GetResult() }
        finally { $http.Dispose() }
        $pattern = '\{"productId":\d+,"productUid":"(?<uid>[0-9a-fA-F-]{36})","productName":"scale-port-[^"]*","productType":"MEGAPORT"'
        $script:scalePortUids = @([regex]::Matches($listing, $pattern) | ForEach-Object { $_.Groups['uid'].Value } | Select-Object -Unique)
        $listing = $null
    }
    if ($script:scalePortUids.Count -lt $Count) { throw "The scale account has $($script:scalePortUids.Count) ports; $Count are needed." }
    $null = New-Item -ItemType Directory -Force -Path $scratch
    $file = Join-Path $scratch "$Name.txt"
    Set-Content -Path $file -Value ($script:scalePortUids | Select-Object -First $Count)
    $file
}

function Measure-DesignTest {
    Write-Host "`n[design test] Test-MegaportDesign of $DesignResources of the scale account's ports (Export-MegaportDesign -ProductUid) vs reading the whole account once (Get-MegaportService | Measure-Object), $DesignRounds rounds"
    $uidFile = Get-ScalePortUidFile -Count $DesignResources -Name 'design-ports'
    $designFile = Join-Path $scratch 'bench-design.json'
    $e = Invoke-BenchChild DesignExport ($connection + @{ UidFile = $uidFile; DesignFile = $designFile })
    if ($e.count -ne $DesignResources) { throw "Export-MegaportDesign of $DesignResources ports wrote $($e.count) resources." }
    $d = @{ testMs = @(); accountMs = @(); serviceReadsMs = @(); resources = $e.count }
    for ($r = 0; $r -lt $DesignRounds; $r++) {
        $t = Invoke-BenchChild DesignTest ($connection + @{ DesignFile = $designFile })
        if ($t.count -ne $DesignResources -or @($t.actions) -join ',' -ne "NoChange=$DesignResources") { throw "Test-MegaportDesign planned $($t.count) changes ($($t.actions -join ', ')); expected $DesignResources NoChange." }
        $a = Invoke-BenchChild BigModule $connection
        $s = Invoke-BenchChild ServiceReads ($connection + @{ UidFile = $uidFile })
        if ($s.count -ne $DesignResources) { throw "Get-MegaportService of $DesignResources UIDs emitted $($s.count)." }
        $d.testMs += $t.totalMs; $d.accountMs += $a.totalMs; $d.serviceReadsMs += $s.totalMs
        Write-Host ("  round {0}: Test-MegaportDesign {1:N0} ms, whole account read {2:N0} ms, {3} services read one by one {4:N0} ms" -f ($r + 1), $t.totalMs, $a.totalMs, $DesignResources, $s.totalMs)
    }
    Set-Row 7a -Module (Get-Median $d.testMs) -Baseline (Get-Median $d.accountMs) -Unit 'ms' -Versus 'whole account read' `
        -Note ('{0} services read by UID: {1:N0} ms' -f $DesignResources, (Get-Median $d.serviceReadsMs))
    $details.designTest = $d
}

function Measure-Telemetry {
    Write-Host "`n[telemetry] Get-MegaportTelemetry -Type BITS,PACKETS,ERRORS -Days $TelemetryDays of $TelemetryServices ports vs an Invoke-RestMethod loop over the same URLs, $TelemetryRounds rounds"
    $uidFile = Get-ScalePortUidFile -Count $TelemetryServices -Name 'telemetry-ports'
    $common = @{ UidFile = $uidFile; Days = $TelemetryDays; Type = 'BITS,PACKETS,ERRORS' }
    $tm = @{ moduleMs = @(); irmMs = @(); series = 0 }
    for ($r = 0; $r -lt $TelemetryRounds; $r++) {
        $m = Invoke-BenchChild TelemetryModule ($connection + $common)
        $i = Invoke-BenchChild TelemetryIrm ($common + @{ Url = $Simulator.Url; Token = $token })
        if ($m.count -ne $i.count -or $m.count -ne 6 * $TelemetryServices) { throw "Get-MegaportTelemetry emitted $($m.count) series, the Invoke-RestMethod loop $($i.count); expected $(6 * $TelemetryServices)." }
        $tm.moduleMs += $m.totalMs; $tm.irmMs += $i.totalMs; $tm.series = $m.count
        Write-Host ("  round {0}: module {1:N0} ms, Invoke-RestMethod loop {2:N0} ms ({3} series)" -f ($r + 1), $m.totalMs, $i.totalMs, $m.count)
    }
    Set-Row 8a -Module (Get-Median $tm.moduleMs) -Baseline (Get-Median $tm.irmMs) -Unit 'ms' -Versus 'IRM loop'
    $details.telemetry = $tm
}

function Measure-Report {
    Write-Host "`n[report] Export-MegaportReport of $ReportServices ports from Get-MegaportService -Days $ReportDays vs Get-MegaportTelemetry -Type BITS of the same services (what the report reads for its charts), $ReportRounds rounds"
    $uidFile = Get-ScalePortUidFile -Count $ReportServices -Name 'report-ports'
    $rp = @{ reportMs = @(); telemetryMs = @(); bytes = 0 }
    # Round 0 is not counted: it warms the simulator's side of these reads (its first answers of each kind are slow),
    # which otherwise only the first command of round 1 pays. Which command goes first alternates.
    for ($r = 0; $r -le $ReportRounds; $r++) {
        $report = { Invoke-BenchChild ReportModule ($connection + @{ UidFile = $uidFile; Days = $ReportDays; ReportFile = (Join-Path $scratch "report-$r.html") }) }
        $alone = { Invoke-BenchChild TelemetryModule ($connection + @{ UidFile = $uidFile; Days = $ReportDays; Type = 'BITS' }) }
        if ($r % 2) { $x = & $report; $t = & $alone } else { $t = & $alone; $x = & $report }
        if ($t.count -ne 2 * $ReportServices) { throw "Get-MegaportTelemetry -Type BITS of $ReportServices ports emitted $($t.count) series." }
        if ($r -eq 0) { Write-Host ("  warm-up: report {0:N0} ms, telemetry alone {1:N0} ms (not counted)" -f $x.totalMs, $t.totalMs); continue }
        $rp.reportMs += $x.totalMs; $rp.telemetryMs += $t.totalMs; $rp.bytes = $x.bytes
        Write-Host ("  round {0}: report {1:N0} ms ({2:N1} MB), telemetry alone {3:N0} ms" -f $r, $x.totalMs, ($x.bytes / 1MB), $t.totalMs)
    }
    Set-Row 8b -Module (Get-Median $rp.reportMs) -Baseline (Get-Median $rp.telemetryMs) -Unit 'ms' -Versus 'telemetry alone'
    $details.report = $rp
}

# Last: it buys. 100 VXCs between the scale account's first two ports, as a generated design (names new in each round)
# and piped to New-MegaportVxc, alternating.
function Measure-DesignDeploy {
    Write-Host "`n[design deploy] Deploy-MegaportDesign of $DeployVxcs new VXCs vs $DeployVxcs piped into New-MegaportVxc, $DeployRounds rounds, provision delay $ProvisionDelayMs ms"
    $null = Invoke-SimulatorApi -Method PUT -Path '/_simulator/config' -Body @{ provisionDelayMs = $ProvisionDelayMs }
    $dp = @{ deployMs = @(); bulkMs = @() }
    for ($r = 0; $r -lt $DeployRounds; $r++) {
        $designFile = Join-Path $scratch "bench-deploy-$r.psd1"
        $vxcs = foreach ($i in 1..$DeployVxcs) {
            "        @{{ Name = 'bench-design-{0}-{1}'; RateLimit = 10; Term = 1; AEnd = @{{ ProductUid = '{2}' }}; BEnd = @{{ ProductUid = '{3}' }} }}" -f $r, $i, $portA, $portB
        }
        Set-Content -Path $designFile -Value ("@{`n    Vxcs = @(`n" + ($vxcs -join "`n") + "`n    )`n}")
        $before = (Get-Stats).buysExecuted
        $d = Invoke-BenchChild DesignDeploy ($connection + @{ DesignFile = $designFile })
        $buys = (Get-Stats).buysExecuted - $before
        if ($buys -lt 1 -or $d.count -ne $DeployVxcs -or @($d.results) -join ',' -ne "Created=$DeployVxcs") { throw "Deploy-MegaportDesign of $DeployVxcs VXCs made $buys buys and emitted $($d.count) changes ($($d.results -join ', '))." }
        $before = (Get-Stats).buysExecuted
        $b = Invoke-BenchChild OrderBulk ($connection + @{ ProductUid = $portA; BEndProductUid = $portB; Name = "bench-design-bulk-$r"; Count = $DeployVxcs })
        $bulkBuys = (Get-Stats).buysExecuted - $before
        if ($b.count -ne $DeployVxcs -or $bulkBuys -ne $DeployVxcs) { throw "$DeployVxcs VXCs piped into New-MegaportVxc made $bulkBuys buys and emitted $($b.count)." }
        $dp.deployMs += $d.totalMs; $dp.bulkMs += $b.totalMs
        Write-Host ("  round {0}: Deploy-MegaportDesign {1:N0} ms ({2} buy calls), New-MegaportVxc {3:N0} ms" -f ($r + 1), $d.totalMs, $buys, $b.totalMs)
    }
    Set-Row 7b -Module (Get-Median $dp.deployMs) -Baseline (Get-Median $dp.bulkMs) -Unit 'ms' -Versus 'New-MegaportVxc pipe'
    $details.designDeploy = $dp
}

$script:Simulator = $null
# The order of the run: scenarios without the simulator first, then those that read the account, then those that change it.
$Scenarios = @(
    @{ Name = 'import'; Simulator = $false; Run = ${function:Measure-Import} }
    @{ Name = 'bgp table'; Simulator = $false; Run = ${function:Measure-BgpTable} }
    @{ Name = 'one call'; Simulator = $true; Run = ${function:Measure-OneCall} }
    @{ Name = 'big account'; Simulator = $true; Run = ${function:Measure-BigAccount} }
    @{ Name = 'locations'; Simulator = $true; Run = ${function:Measure-Locations} }
    @{ Name = 'design test'; Simulator = $true; Run = ${function:Measure-DesignTest} }
    @{ Name = 'telemetry'; Simulator = $true; Run = ${function:Measure-Telemetry} }
    @{ Name = 'report'; Simulator = $true; Run = ${function:Measure-Report} }
    @{ Name = 'bulk order'; Simulator = $true; Run = ${function:Measure-BulkOrder} }
    @{ Name = 'design deploy'; Simulator = $true; Run = ${function:Measure-DesignDeploy} }
)

if ($Only) {
    # From -File the list arrives as one comma-separated string.
    $Only = @($Only | ForEach-Object { $_ -split ',' } | ForEach-Object { $_.Trim() } | Where-Object { $_ })
    $unknown = @($Only | Where-Object { $_ -notin $Scenarios.Name })
    if ($unknown) { throw "Unknown bench scenario(s): $($unknown -join ', '). Known: $($Scenarios.Name -join ', ')" }
    $Scenarios = @($Scenarios | Where-Object { $_.Name -in $Only })
}

try {
    foreach ($scenario in $Scenarios | Where-Object { -not $_.Simulator }) { & $scenario.Run; Write-PhaseTime }

    $scale = "locations=$Locations,ports=$Ports,vxcs=$Vxcs"
    # The scale account is started only for the scenarios that read it.
    if (@($Scenarios | Where-Object { $_.Simulator }).Count -gt 0) {
        Write-Host "`nStarting the simulator: --scale $scale --provision-delay $ProvisionDelayMs"
        $script:Simulator = Start-MegaportSimulator -Path $SimulatorDll -ArgumentList (@('--scale', $scale, '--provision-delay', "$ProvisionDelayMs") + $SimulatorArgument)
        try {
            $token = Get-RawToken
            $sw = [Diagnostics.Stopwatch]::StartNew()
            $first = Get-FirstPortUids -Token $token -Count 2
            Write-Host ("  GET /v2/products: {0:N1} MB of JSON, first read in {1:N0} ms" -f ($first.Chars / 1MB), $sw.Elapsed.TotalMilliseconds)
            $portA, $portB = $first.Uids
            $connection = @{ ModulePath = $ModulePath; Url = $Simulator.Url; AccessKey = $Simulator.AccessKey; SecretKey = $Simulator.SecretKey }
            foreach ($scenario in $Scenarios | Where-Object { $_.Simulator }) { & $scenario.Run; Write-PhaseTime }
        }
        finally {
            Stop-MegaportSimulator $script:Simulator
        }
    }
}
finally {
    Remove-Item $scratch -Recurse -Force -ErrorAction SilentlyContinue
}

$unmeasured = @($rowTable.Values | Where-Object { $null -eq $_.Row } | ForEach-Object Id)
if ($unmeasured -and -not $Only) { throw "Bench rows declared but not measured: $($unmeasured -join ', ')" }
$rows = @($rowTable.Values | Where-Object { $null -ne $_.Row } | ForEach-Object Row)

# ---- report -----------------------------------------------------------------------------------------------------------
$loadEnd = Get-LoadAverage
$report = [ordered]@{
    date      = [DateTime]::UtcNow.ToString('o')
    machine   = [ordered]@{
        cores = $cores; os = [Runtime.InteropServices.RuntimeInformation]::OSDescription
        dotnet = [Runtime.InteropServices.RuntimeInformation]::FrameworkDescription; pwsh = $PSVersionTable.PSVersion.ToString()
        loadAverageStart = $loadStart; loadAverageEnd = $loadEnd
    }
    simulator = [ordered]@{ scale = $scale; provisionDelayMs = $ProvisionDelayMs }
    durationSeconds = [Math]::Round($Started.Elapsed.TotalSeconds)
    rows      = $rows
    details   = $details
}
$null = New-Item -ItemType Directory -Force -Path (Split-Path $OutFile -Parent)
ConvertTo-Json -InputObject $report -Depth 8 | Set-Content -Path $OutFile -Encoding utf8

$table = $rows | ForEach-Object {
    [pscustomobject][ordered]@{
        Scenario = $_.Scenario
        Module   = '{0:N2} {1}' -f $_.Module, $_.Unit
        Baseline = '{0:N2} {1} ({2})' -f $_.Baseline, $_.Unit, $_.Versus
        Ratio    = '{0:N3}x' -f $_.Ratio
        Target   = $_.Target
        Result   = $_.Result
    }
}
Write-Host ''
Write-Host (($table | Format-Table -AutoSize | Out-String -Width 200).TrimEnd())
Write-Host ''
Write-Host "Machine: $cores cores (nproc), $($report.machine.os); load average $loadStart at the start, $loadEnd at the end."
Write-Host "Simulator: --scale $scale, --provision-delay $ProvisionDelayMs. Bench took $($report.durationSeconds) s. Written to $OutFile"
$missed = @($rows | Where-Object Result -eq 'MISS')
Write-Host $(if ($missed) { "Targets missed: $($missed.Count) of $($rows.Count) (reported, not failed)." } else { "All $($rows.Count) targets met." })
