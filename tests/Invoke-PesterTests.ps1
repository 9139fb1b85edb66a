# Runs the Pester suite for build.ps1 -Task Test and writes a count summary for it.
# The test files run in -Jobs worker processes (fresh pwsh -NoProfile -NonInteractive, started by this script), which
# take them one at a time from a shared queue, slowest first. Most files spend their time waiting (on the simulator,
# on back-off), so one worker more than there are cores keeps the CPU busy. Each file's output is printed in one
# piece when it ends; the per-file NUnit results (out/TestResults/Pester/) are merged into -ResultPath.
param(
    [Parameter(Mandatory)][string]$PesterPath,
    [Parameter(Mandatory)][string]$TestPath,
    [Parameter(Mandatory)][string]$ResultPath,
    [Parameter(Mandatory)][string]$SummaryPath,
    [ValidateRange(1, 64)][int]$Jobs = [Environment]::ProcessorCount + 1,
    # Internal: run as a worker over the queue in this folder.
    [string]$WorkerQueue
)
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
$doneMarker = '##megaport-pester-file-done'

if ($WorkerQueue) {
    Import-Module $PesterPath -Force
    $files = @(Get-Content (Join-Path $WorkerQueue 'queue.txt'))
    for ($i = 0; $i -lt $files.Count; $i++) {
        # The first worker to create the claim file runs the test file.
        try { [IO.File]::Open((Join-Path $WorkerQueue "$i.claim"), [IO.FileMode]::CreateNew).Dispose() } catch { continue }
        $config = New-PesterConfiguration
        $config.Run.Path = $files[$i]
        $config.Run.PassThru = $true
        $config.Output.Verbosity = 'Normal'
        $config.TestResult.Enabled = $true
        $config.TestResult.OutputFormat = 'NUnitXml'
        $config.TestResult.OutputPath = Join-Path $WorkerQueue "$i.xml"
        $result = Invoke-Pester -Configuration $config
        # A failing BeforeAll fails its whole block: count those too.
        [pscustomobject]@{
            Passed  = $result.PassedCount
            Failed  = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
            Skipped = $result.SkippedCount
            Seconds = [Math]::Round($result.Duration.TotalSeconds, 1)
        } | ConvertTo-Json -Compress | Set-Content (Join-Path $WorkerQueue "$i.json")
        [Console]::Out.WriteLine("$doneMarker $i")
    }
    exit 0
}

# Seconds each file took on the 2-core build machine: only the order matters (long files first, short ones fill in).
$expected = @{
    Faults = 60; Manage = 32; Help = 21; Reliability = 9; Isolation = 8; Vxc = 6.5; Wait = 6.3; Port = 5; McrMve = 4
    Package = 4; Module = 1.7
}
$files = @(Get-ChildItem $TestPath -Recurse -Filter '*.Tests.ps1' |
    Sort-Object @{ Expression = { $expected[$_.Name -replace '\.Tests\.ps1$'] ?? 0 }; Descending = $true }, FullName)
if (-not $files) { throw "No *.Tests.ps1 under $TestPath." }
$queue = Join-Path (Split-Path $ResultPath -Parent) 'Pester'
if (Test-Path $queue) { Remove-Item $queue -Recurse -Force }
$null = New-Item $queue -ItemType Directory
Set-Content (Join-Path $queue 'queue.txt') $files.FullName
$Jobs = [Math]::Min($Jobs, $files.Count)
$clock = [Diagnostics.Stopwatch]::StartNew()

$pwsh = @([Environment]::ProcessPath)
if ([IO.Path]::GetFileNameWithoutExtension($pwsh[0]) -eq 'dotnet') { $pwsh += Join-Path $PSHOME 'pwsh.dll' }
function Start-Worker {
    $psi = [Diagnostics.ProcessStartInfo]::new($pwsh[0])
    foreach ($a in @($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-File', $PSCommandPath,
            '-PesterPath', $PesterPath, '-TestPath', $TestPath, '-ResultPath', $ResultPath, '-SummaryPath', $SummaryPath,
            '-WorkerQueue', $queue)) { $psi.ArgumentList.Add($a) }
    $psi.UseShellExecute = $false
    $psi.RedirectStandardOutput = $true
    $psi.RedirectStandardError = $true
    $process = [Diagnostics.Process]::Start($psi)
    [pscustomobject]@{ Process = $process; Lines = [Collections.Generic.List[string]]::new(); Read = $null; Done = $false
        Errors = $process.StandardError.ReadToEndAsync() }
}

# Pester's per-run banner lines (and colour-only lines), repeated for every file: left out, the totals come at the end.
$banner = '^(Starting discovery in \d+ files?\.|Discovery found \d+ tests? in|Running tests\.|Tests completed in|Tests Passed: \d+)'
function Write-Lines($Lines) {
    foreach ($line in $Lines) {
        $plain = $line -replace '\x1b\[[0-9;]*m'
        if ($plain -notmatch $banner -and ($plain -or -not $line)) { [Console]::Out.WriteLine($line) }
    }
}

$workers = [Collections.Generic.List[object]]::new()
foreach ($n in 1..$Jobs) { $workers.Add((Start-Worker)) }
$replacements = 0
while ($running = @($workers | Where-Object { -not $_.Done })) {
    foreach ($w in $running | Where-Object { -not $_.Read }) { $w.Read = $w.Process.StandardOutput.ReadLineAsync() }
    $null = [Threading.Tasks.Task]::WaitAny([Threading.Tasks.Task[]]@($running | ForEach-Object Read), 1000)
    foreach ($w in $running | Where-Object { $_.Read.IsCompleted }) {
        $line = $w.Read.Result
        $w.Read = $null
        if ($null -ne $line -and -not $line.StartsWith($doneMarker)) { $w.Lines.Add($line); continue }
        Write-Lines $w.Lines
        $w.Lines.Clear()
        if ($null -ne $line) { continue }
        $w.Done = $true
        $w.Process.WaitForExit()
        if ($w.Errors.Result) { [Console]::Out.Write($w.Errors.Result) }
        if ($w.Process.ExitCode -ne 0) {
            Write-Host "A Pester worker exited with code $($w.Process.ExitCode)."
            # A worker that died takes only its current file with it: the rest of the queue gets a new one.
            $unclaimed = @(0..($files.Count - 1) | Where-Object { -not (Test-Path (Join-Path $queue "$_.claim")) })
            if ($unclaimed -and $replacements++ -lt $files.Count) { $workers.Add((Start-Worker)) }
        }
    }
}

# Merge: one suite per test file under the root "Pester" suite, in file-name order; counts summed.
$passed = 0; $failed = 0; $skipped = 0
$merged = $null; $suites = @()
$counters = 'total', 'errors', 'failures', 'not-run', 'inconclusive', 'ignored', 'skipped', 'invalid'
$sums = @{}; foreach ($c in $counters) { $sums[$c] = 0 }
$times = foreach ($i in 0..($files.Count - 1)) {
    $file = $files[$i].FullName
    $json = Join-Path $queue "$i.json"
    $xmlPath = Join-Path $queue "$i.xml"
    if ((Test-Path $json) -and (Test-Path $xmlPath)) {
        $s = Get-Content $json -Raw | ConvertFrom-Json
        $passed += $s.Passed; $failed += $s.Failed; $skipped += $s.Skipped
        $xml = [xml](Get-Content $xmlPath -Raw)
        if (-not $merged) { $merged = $xml }
        foreach ($c in $counters) { $sums[$c] += [int]$xml.'test-results'.$c }
        $suites += [pscustomobject]@{ File = $file; Node = $xml.'test-results'.'test-suite'.results.'test-suite' }
        [pscustomobject]@{ File = $files[$i].Name; Seconds = $s.Seconds }
    }
    else {
        Write-Host "[-] $file did not finish: its worker stopped (see the output above)."
        $failed++
        $sums['total']++; $sums['failures']++
        $suites += [pscustomobject]@{ File = $file; Node = $null }
        [pscustomobject]@{ File = $files[$i].Name; Seconds = 'not run' }
    }
}
if ($merged) {
    $root = $merged.'test-results'
    foreach ($c in $counters) { $root.SetAttribute($c, [string]$sums[$c]) }
    $top = $root.'test-suite'
    $results = $top.SelectSingleNode('results')
    $results.RemoveAll()
    foreach ($suite in $suites | Sort-Object File) {
        if ($suite.Node) { $null = $results.AppendChild($merged.ImportNode($suite.Node, $true)); continue }
        $node = $merged.CreateElement('test-suite')
        foreach ($a in ([ordered]@{ type = 'TestFixture'; name = $suite.File; description = $suite.File; executed = 'True'; result = 'Failure'; success = 'False'; time = '0'; asserts = '0' }).GetEnumerator()) {
            $node.SetAttribute($a.Key, $a.Value)
        }
        $node.InnerXml = '<results><test-case name="' + [Security.SecurityElement]::Escape($suite.File) +
            '" executed="True" result="Failure" success="False" time="0" asserts="0"><failure><message>The test file did not finish: its Pester worker stopped.</message></failure></test-case></results>'
        $null = $results.AppendChild($node)
    }
    $ok = $failed -eq 0
    $top.SetAttribute('result', $(if ($ok) { 'Success' } else { 'Failure' }))
    $top.SetAttribute('success', [string]$ok)
    $top.SetAttribute('time', $clock.Elapsed.TotalSeconds.ToString('0.0###', [cultureinfo]::InvariantCulture))
    $merged.Save($ResultPath)
}

Write-Host ''
Write-Host "Pester: $passed passed, $failed failed, $skipped skipped in $([Math]::Round($clock.Elapsed.TotalSeconds, 1)) s, $Jobs files at a time. Seconds per file:"
Write-Host (($times | Sort-Object File | ForEach-Object { "$($_.File -replace '\.Tests\.ps1$') $($_.Seconds)" }) -join ', ')
[pscustomobject]@{ Passed = $passed; Failed = $failed; Skipped = $skipped } | ConvertTo-Json | Set-Content -Path $SummaryPath
exit ([int]($failed -gt 0))
