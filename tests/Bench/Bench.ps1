#Requires -Version 7.4
<#
.SYNOPSIS
    build.ps1 -Task Bench: the module against its baselines, side by side in one run.
.DESCRIPTION
    Starts the simulator with a big generated account, then measures (every module measurement in a fresh
    `pwsh -NoProfile` child with the built module imported, see BenchChild.ps1):

      1  Import       pwsh -NoProfile -c "Import-Module <module>"  vs  pwsh -NoProfile -c exit (alternating)
      2  One call     Get-MegaportService -ProductUid x  vs  Invoke-RestMethod on the same URL  vs  raw HttpClient GETs
      3  Big account  Get-MegaportService | Measure-Object  vs  (Invoke-RestMethod /v2/products).data | ForEach-Object {...}
                      wall time, peak working set, and time to the first object
      4  Bulk order   100 VXCs piped into one New-MegaportVxc  vs  one VXC alone (default wait)
      5  Locations    the second Get-MegaportLocation in a session  vs  the first

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
    [int]$ImportRuns = 11,
    [int]$CallCount = 200,
    [int]$CallRounds = 3,
    [int]$BigRounds = 3,
    [int]$SingleOrders = 3,
    [int]$BulkCount = 100,
    [int]$LocationRounds = 3,
    [string[]]$SimulatorArgument = @()
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

$rows = [Collections.Generic.List[object]]::new()
$details = [ordered]@{}

$phase = [Diagnostics.Stopwatch]::StartNew()
function Write-PhaseTime { Write-Host ("  ({0:N0} s)" -f $phase.Elapsed.TotalSeconds); $phase.Restart() }

function Add-Row {
    param([string]$Scenario, [double]$Module, [double]$Baseline, [string]$Unit, [string]$BaselineName,
        [double]$Target, [string]$TargetText, [switch]$AtLeast)
    $ratio = if ($Baseline -gt 0) { $Module / $Baseline } else { [double]::NaN }
    $pass = if ($AtLeast) { $ratio -ge $Target } else { $ratio -le $Target }
    $row = [pscustomobject][ordered]@{
        Scenario = $Scenario
        Module   = $Module
        Baseline = $Baseline
        Unit     = $Unit
        Versus   = $BaselineName
        Ratio    = $ratio
        Target   = $TargetText
        Result   = if ($pass) { 'PASS' } else { 'MISS' }
    }
    $rows.Add($row)
    Write-Host ("  {0}: module {1:N1} {3}, {2} {4:N1} {3} -> {5:N3}x (target {6}) {7}" -f $Scenario, $Module, $BaselineName, $Unit, $Baseline, $ratio, $TargetText, $row.Result)
}

$cores = [Environment]::ProcessorCount
$loadStart = Get-LoadAverage
Write-Host "Bench: $cores cores, load average $loadStart"

# ---- 1. import --------------------------------------------------------------------------------------------------
Write-Host "`n[1/5] Import: pwsh -NoProfile -c `"Import-Module ...`" vs pwsh -NoProfile -c exit, $ImportRuns runs each, alternating"
$importLine = @($Pwsh) + @('-NoProfile', '-c', "Import-Module '$ModulePath'")
$exitLine = @($Pwsh) + @('-NoProfile', '-c', 'exit')
$importMs = [Collections.Generic.List[double]]::new()
$exitMs = [Collections.Generic.List[double]]::new()
for ($i = -1; $i -lt $ImportRuns; $i++) {
    # Alternate which goes first, so a slow spell does not always hit the same side; run -1 warms the disk cache.
    $pair = if ($i % 2) { @('import', 'exit') } else { @('exit', 'import') }
    foreach ($which in $pair) {
        $run = Invoke-BenchProcess -CommandLine $(if ($which -eq 'import') { $importLine } else { $exitLine }) -TimeoutSec 120
        if ($run.ExitCode -ne 0 -or $run.StdErr.Trim()) { throw "pwsh ($which) failed (exit code $($run.ExitCode)): $($run.StdOut) $($run.StdErr)" }
        if ($i -ge 0) { if ($which -eq 'import') { $importMs.Add($run.Ms) } else { $exitMs.Add($run.Ms) } }
    }
}
$importMedian = Get-Median $importMs
$exitMedian = Get-Median $exitMs
Add-Row -Scenario '1 Import (process wall time)' -Module $importMedian -Baseline $exitMedian -Unit 'ms' -BaselineName 'pwsh -c exit' -Target 1.10 -TargetText '<= 1.10x'
$details.import = [ordered]@{ importMs = $importMs; exitMs = $exitMs; extraMs = $importMedian - $exitMedian }
Write-PhaseTime

# ---- simulator ----------------------------------------------------------------------------------------------------
$scale = "locations=$Locations,ports=$Ports,vxcs=$Vxcs"
Write-Host "`nStarting the simulator: --scale $scale --provision-delay $ProvisionDelayMs"
$script:Simulator = Start-MegaportSimulator -Path $SimulatorDll -ArgumentList (@('--scale', $scale, '--provision-delay', "$ProvisionDelayMs") + $SimulatorArgument)
try {
    $token = Get-RawToken
    $sw = [Diagnostics.Stopwatch]::StartNew()
    $first = Get-FirstPortUids -Token $token -Count 2
    Write-Host ("  GET /v2/products: {0:N1} MB of JSON, first read in {1:N0} ms" -f ($first.Chars / 1MB), $sw.Elapsed.TotalMilliseconds)
    $portA, $portB = $first.Uids
    $connection = @{ ModulePath = $ModulePath; Url = $Simulator.Url; AccessKey = $Simulator.AccessKey; SecretKey = $Simulator.SecretKey }

    # ---- 2. one call ------------------------------------------------------------------------------------------------
    Write-Host "`n[2/5] One call: $CallCount x GET /v2/product/$portA, $CallRounds rounds (module, Invoke-RestMethod, raw HttpClient)"
    $floorLine = @('dotnet', $FloorDll, "$($Simulator.Url.TrimEnd('/'))/v2/product/$portA", $token, "$CallCount", '5')
    $callModule = [Collections.Generic.List[double]]::new()
    $callIrm = [Collections.Generic.List[double]]::new()
    $callFloor = [Collections.Generic.List[double]]::new()
    $totals = @{ module = @(); irm = @(); floor = @() }
    for ($r = 0; $r -lt $CallRounds; $r++) {
        $m = Invoke-BenchChild CallModule ($connection + @{ ProductUid = $portA; Count = $CallCount })
        $callModule.AddRange([double[]]$m.callsMs); $totals.module += $m.totalMs
        $i = Invoke-BenchChild CallIrm @{ Url = $Simulator.Url; Token = $token; ProductUid = $portA; Count = $CallCount }
        $callIrm.AddRange([double[]]$i.callsMs); $totals.irm += $i.totalMs
        $run = Invoke-BenchProcess -CommandLine $floorLine -TimeoutSec 300
        if ($run.ExitCode -ne 0) { throw "The HttpClient floor failed (exit code $($run.ExitCode)): $($run.StdOut) $($run.StdErr)" }
        $f = $run.StdOut.Trim() | ConvertFrom-Json
        $callFloor.AddRange([double[]]$f.callsMs); $totals.floor += $f.totalMs
        foreach ($x in @($m, $i, $f)) { if ($x.callsMs.Count -ne $CallCount) { throw "A one-call run made $($x.callsMs.Count) calls instead of $CallCount." } }
    }
    $mCall = Get-Median $callModule
    Add-Row -Scenario '2a One call vs Invoke-RestMethod (median per call)' -Module $mCall -Baseline (Get-Median $callIrm) -Unit 'ms' -BaselineName 'Invoke-RestMethod' -Target 1.0 -TargetText '<= 1.0x'
    Add-Row -Scenario '2b One call vs raw HttpClient (median per call)' -Module $mCall -Baseline (Get-Median $callFloor) -Unit 'ms' -BaselineName 'HttpClient' -Target 1.3 -TargetText '<= 1.3x'
    $details.oneCall = [ordered]@{
        productUid = $portA
        medianMs = [ordered]@{ module = $mCall; irm = (Get-Median $callIrm); floor = (Get-Median $callFloor) }
        totalMsPerRound = $totals
        responseChars = $f.bytes
        callsMs = [ordered]@{ module = $callModule; irm = $callIrm; floor = $callFloor }
    }
    Write-PhaseTime

    # ---- 3. big account ---------------------------------------------------------------------------------------------
    $expected = $Ports + $Vxcs
    Write-Host "`n[3/5] Big account: $Ports ports + $Vxcs VXCs, $BigRounds rounds (module, module time-to-first-object, Invoke-RestMethod script)"
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
    Add-Row -Scenario '3a Big account wall time' -Module $bigModuleMs -Baseline (Get-Median $big.irmMs) -Unit 'ms' -BaselineName 'IRM script' -Target (1 / 3) -TargetText '<= 0.33x (3x faster)'
    Add-Row -Scenario '3b Big account peak working set' -Module ((Get-Median $big.moduleWs) / 1MB) -Baseline ((Get-Median $big.irmWs) / 1MB) -Unit 'MB' -BaselineName 'IRM script' -Target 1.0 -TargetText '<= 1.0x'
    Add-Row -Scenario '3c Big account first object vs own total' -Module (Get-Median $big.firstMs) -Baseline $bigModuleMs -Unit 'ms' -BaselineName 'module total' -Target 0.5 -TargetText '<= 0.5x (streams)'
    $big.services = $expected
    $details.bigAccount = $big
    Write-PhaseTime

    # ---- 5. locations (before the orders change the account) --------------------------------------------------------
    Write-Host "`n[4/5] Locations (scenario 5, run before the orders change the account): first and second Get-MegaportLocation in a session, $LocationRounds rounds"
    $loc = @{ firstMs = @(); secondMs = @(); thirdToMeasureObjectMs = @(); count = 0 }
    for ($r = 0; $r -lt $LocationRounds; $r++) {
        $l = Invoke-BenchChild Locations $connection
        if ($l.count -lt $Locations) { throw "Get-MegaportLocation returned $($l.count) locations; the simulator has more than $Locations." }
        $loc.firstMs += $l.firstMs; $loc.secondMs += $l.secondMs; $loc.thirdToMeasureObjectMs += $l.thirdToMeasureObjectMs; $loc.count = $l.count
    }
    Add-Row -Scenario '5 Locations: second call (cached) vs first' -Module (Get-Median $loc.secondMs) -Baseline (Get-Median $loc.firstMs) -Unit 'ms' -BaselineName 'first call' -Target 0.05 -TargetText '<= 0.05x'
    $details.locations = $loc
    Write-Host ("  (a cached call piped to Measure-Object instead: {0:N1} ms, mostly Measure-Object's own cost for {1} objects)" -f (Get-Median $loc.thirdToMeasureObjectMs), $loc.count)
    Write-PhaseTime

    # ---- 4. bulk order ----------------------------------------------------------------------------------------------
    Write-Host "`n[5/5] Bulk order (scenario 4): $BulkCount VXCs piped into one New-MegaportVxc vs one VXC alone ($SingleOrders runs), provision delay $ProvisionDelayMs ms"
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
    Add-Row -Scenario "4 Bulk order: $BulkCount VXCs vs one" -Module $b.totalMs -Baseline (Get-Median $singleMs) -Unit 'ms' -BaselineName 'one VXC' -Target 1.5 -TargetText '<= 1.5x'
    $journal = Get-RequestBreakdown -From $from -To $to
    $details.bulkOrder = [ordered]@{
        singleMs = $singleMs; bulkMs = $b.totalMs; buysExecuted = $buys
        apiRequests = $after.requests - $before.requests
        requestsByPath = $journal.requestsByPath
        timelineMs = $journal.timelineMs
    }
    $tl = $journal.timelineMs
    Write-Host ("  bulk child: last buy done at {0:N0} ms; GET /v2/products (waiting) done at {1}; child ended at {2:N0} ms" -f $tl.lastBuyDone, (($tl.productListReadsDone | ForEach-Object { '{0:N0} ms' -f $_ }) -join ', '), $tl.childEnded)
    Write-PhaseTime
}
finally {
    Stop-MegaportSimulator $script:Simulator
}

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
    rows      = @($rows | Sort-Object Scenario)
    details   = $details
}
$null = New-Item -ItemType Directory -Force -Path (Split-Path $OutFile -Parent)
ConvertTo-Json -InputObject $report -Depth 8 | Set-Content -Path $OutFile -Encoding utf8

$table = $rows | Sort-Object Scenario | ForEach-Object {
    [pscustomobject][ordered]@{
        Scenario = $_.Scenario
        Module   = '{0:N1} {1}' -f $_.Module, $_.Unit
        Baseline = '{0:N1} {1} ({2})' -f $_.Baseline, $_.Unit, $_.Versus
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
