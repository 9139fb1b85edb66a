# One measurement of build.ps1 -Task Bench, run by tests/Bench/Bench.ps1 in a fresh `pwsh -NoProfile -NonInteractive`.
# Module scenarios import the built module here (and only here); baseline scenarios never load it.
# The last line of stdout is "BENCH-RESULT <compressed JSON>"; any error ends the process with exit code 1.
[CmdletBinding()]
param(
    [Parameter(Mandatory)]
    [ValidateSet('CallModule', 'CallEmpty', 'CallIrm', 'BigModule', 'BigModuleFirst', 'BigIrm', 'OrderSingle', 'OrderBulk', 'Locations', 'BgpTable',
        'DesignExport', 'DesignTest', 'ServiceReads', 'DesignDeploy', 'TelemetryModule', 'TelemetryIrm', 'ReportModule')]
    [string]$Scenario,
    [string]$ModulePath,
    [string]$Url,
    [string]$AccessKey,
    [string]$SecretKey,
    [string]$Token,
    [string]$ProductUid,
    [string]$BEndProductUid,
    [string]$Name = 'bench',
    [int]$Count = 200,
    [int]$Warmup = 5,
    # Design, telemetry and report scenarios: a file of product UIDs (one a line), the design file, the days of telemetry.
    [string]$UidFile,
    [string]$DesignFile,
    [string]$ReportFile,
    [int]$Days = 1,
    [string]$Type = 'BITS',
    # BgpTable: which of the MCR's tables (the BGP table, or the IP routes or a neighbor's received routes, jobs)
    [ValidateSet('Bgp', 'Ip', 'Received')][string]$Table = 'Bgp'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
$ProgressPreference = 'SilentlyContinue'

function Complete([hashtable]$Result) {
    $Result.scenario = $Scenario
    $Result.peakWorkingSetBytes = [Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64
    'BENCH-RESULT ' + (ConvertTo-Json -InputObject $Result -Depth 5 -Compress)
}

function Connect-Bench {
    Import-Module $ModulePath
    Connect-Megaport -Credential ([pscredential]::new($AccessKey, (ConvertTo-SecureString $SecretKey -AsPlainText -Force))) -BaseUri $Url
}

$tick = [Diagnostics.Stopwatch]::Frequency / 1000.0
function Get-ElapsedMs([long]$since) { ([Diagnostics.Stopwatch]::GetTimestamp() - $since) / $tick }

$base = $Url.TrimEnd('/')
switch ($Scenario) {
    'CallModule' {
        Connect-Bench
        for ($i = 0; $i -lt $Warmup; $i++) { $null = Get-MegaportService -ProductUid $ProductUid }
        $calls = [double[]]::new($Count)
        $start = [Diagnostics.Stopwatch]::GetTimestamp()
        for ($i = 0; $i -lt $Count; $i++) {
            $t = [Diagnostics.Stopwatch]::GetTimestamp()
            $x = Get-MegaportService -ProductUid $ProductUid
            $calls[$i] = Get-ElapsedMs $t
        }
        $total = Get-ElapsedMs $start
        if ($x.ProductUid -ne $ProductUid) { throw "Get-MegaportService -ProductUid $ProductUid returned $($x.ProductUid)." }
        Complete @{ count = $Count; totalMs = $total; callsMs = $calls }
    }
    'CallEmpty' {
        # The call floor: a binary cmdlet that does nothing (a throw-away module Bench.ps1 generates), called like CallModule.
        Import-Module $ModulePath
        for ($i = 0; $i -lt $Warmup; $i++) { $null = Get-BenchEmpty -ProductUid $ProductUid }
        $calls = [double[]]::new($Count)
        $start = [Diagnostics.Stopwatch]::GetTimestamp()
        for ($i = 0; $i -lt $Count; $i++) {
            $t = [Diagnostics.Stopwatch]::GetTimestamp()
            $x = Get-BenchEmpty -ProductUid $ProductUid
            $calls[$i] = Get-ElapsedMs $t
        }
        $total = Get-ElapsedMs $start
        Complete @{ count = $Count; totalMs = $total; callsMs = $calls }
    }
    'CallIrm' {
        $headers = @{ Authorization = "Bearer $Token" }
        $uri = "$base/v2/product/$ProductUid"
        for ($i = 0; $i -lt $Warmup; $i++) { $null = Invoke-RestMethod -Uri $uri -Headers $headers }
        $calls = [double[]]::new($Count)
        $start = [Diagnostics.Stopwatch]::GetTimestamp()
        for ($i = 0; $i -lt $Count; $i++) {
            $t = [Diagnostics.Stopwatch]::GetTimestamp()
            $x = Invoke-RestMethod -Uri $uri -Headers $headers
            $calls[$i] = Get-ElapsedMs $t
        }
        $total = Get-ElapsedMs $start
        if ($x.data.productUid -ne $ProductUid) { throw "Invoke-RestMethod $uri returned $($x.data.productUid)." }
        Complete @{ count = $Count; totalMs = $total; callsMs = $calls }
    }
    'BigModule' {
        Connect-Bench
        $start = [Diagnostics.Stopwatch]::GetTimestamp()
        $m = Get-MegaportService | Measure-Object
        $total = Get-ElapsedMs $start
        Complete @{ count = $m.Count; totalMs = $total }
    }
    'BigModuleFirst' {
        # Time to the first object (recorded as it passes, before Select-Object stops the pipeline), in a cold process
        # like BigModule's, so the two compare.
        Connect-Bench
        $script:first = -1.0
        $start = [Diagnostics.Stopwatch]::GetTimestamp()
        $one = Get-MegaportService | ForEach-Object { if ($script:first -lt 0) { $script:first = Get-ElapsedMs $start }; $_ } | Select-Object -First 1
        $total = Get-ElapsedMs $start
        if ($null -eq $one) { throw 'Get-MegaportService returned nothing.' }
        Complete @{ firstMs = $script:first; stoppedMs = $total }
    }
    'BigIrm' {
        $headers = @{ Authorization = "Bearer $Token" }
        $seen = [Collections.Generic.HashSet[string]]::new([StringComparer]::OrdinalIgnoreCase)
        $script:first = -1.0
        $start = [Diagnostics.Stopwatch]::GetTimestamp()
        $m = (Invoke-RestMethod -Uri "$base/v2/products" -Headers $headers).data | ForEach-Object {
            if ($script:first -lt 0) { $script:first = Get-ElapsedMs $start }
            $_
            # Each VXC (and IX) too; a VXC between two of the account's ports is listed under both: emit it once.
            foreach ($child in @($_.associatedVxcs) + @($_.associatedIxs)) {
                if ($null -ne $child -and $seen.Add($child.productUid)) { $child }
            }
        } | Measure-Object
        $total = Get-ElapsedMs $start
        Complete @{ count = $m.Count; totalMs = $total; firstMs = $script:first }
    }
    'OrderSingle' {
        Connect-Bench
        $start = [Diagnostics.Stopwatch]::GetTimestamp()
        $out = @(New-MegaportVxc -AEndProductUid $ProductUid -BEndProductUid $BEndProductUid -Name $Name -RateLimit 10)
        $total = Get-ElapsedMs $start
        Complete @{ totalMs = $total; count = $out.Count; statuses = @($out | ForEach-Object ProvisioningStatus) }
    }
    'OrderBulk' {
        Connect-Bench
        $a = $ProductUid; $b = $BEndProductUid
        $start = [Diagnostics.Stopwatch]::GetTimestamp()
        $out = @(1..$Count | ForEach-Object { [pscustomobject]@{ AEndProductUid = $a; Name = "$Name-$_"; RateLimit = 10; BEndProductUid = $b } } | New-MegaportVxc)
        $total = Get-ElapsedMs $start
        Complete @{ totalMs = $total; count = $out.Count; statuses = @($out | ForEach-Object ProvisioningStatus) }
    }
    'BgpTable' {
        # The demo account's Sydney MCR: its session's import policy is opened to /32s first (untimed), so the whole
        # table the simulator teaches is accepted; then the time to the first route and to the last. The IP routes and
        # a neighbor's routes are jobs: Bench.ps1 sets the simulator's jobs to finish at once, so the first answer holds them.
        Connect-Bench
        $mcr = '3e7f2a9c-8d1b-4e6a-9f4c-0b5d8e2a6c65'
        $null = Set-MegaportMcrPrefixList -ProductUid $mcr -Description 'Azure VNets' -Entry @{ Action = 'permit'; Prefix = '10.77.0.0/16'; Le = 32 } -Confirm:$false
        $sessionId = (Get-MegaportMcrBgpSession -ProductUid $mcr).SessionId
        $read = switch ($Table) {
            'Bgp' { { Get-MegaportMcrBgpRoute -ProductUid $mcr } }
            'Ip' { { Get-MegaportMcrRoute -ProductUid $mcr -Protocol BGP } }
            'Received' { { Get-MegaportMcrBgpNeighborRoute -ProductUid $mcr -SessionId $sessionId -Direction Received } }
        }
        $script:first = -1.0
        $start = [Diagnostics.Stopwatch]::GetTimestamp()
        $m = & $read | ForEach-Object { if ($script:first -lt 0) { $script:first = Get-ElapsedMs $start }; $_ } | Measure-Object
        $total = Get-ElapsedMs $start
        Complete @{ count = $m.Count; firstMs = $script:first; totalMs = $total }
    }
    'Locations' {
        # Each call's output is collected into an array (not piped to Measure-Object, whose own per-object cost for
        # ~1,000 locations, 7-10 ms here, would dwarf a cached call); a third, cached call piped to Measure-Object is
        # recorded for reference.
        Connect-Bench
        $start = [Diagnostics.Stopwatch]::GetTimestamp()
        $first = @(Get-MegaportLocation)
        $firstMs = Get-ElapsedMs $start
        $start = [Diagnostics.Stopwatch]::GetTimestamp()
        $second = @(Get-MegaportLocation)
        $secondMs = Get-ElapsedMs $start
        $start = [Diagnostics.Stopwatch]::GetTimestamp()
        $third = (Get-MegaportLocation | Measure-Object).Count
        $measuredMs = Get-ElapsedMs $start
        if ($first.Count -ne $second.Count -or $first.Count -ne $third) { throw "Get-MegaportLocation returned $($first.Count) locations, then $($second.Count), then $third." }
        Complete @{ count = $first.Count; firstMs = $firstMs; secondMs = $secondMs; thirdToMeasureObjectMs = $measuredMs }
    }

    # ---- designs, telemetry, the report (rows 7a-8b) ----
    'DesignExport' {
        # Untimed: the design that DesignTest plans, exported from the services in -UidFile.
        Connect-Bench
        $uids = @(Get-Content $UidFile)
        $null = Export-MegaportDesign -Path $DesignFile -ProductUid $uids -Force -Confirm:$false
        $design = Get-Content $DesignFile -Raw | ConvertFrom-Json
        $resources = 0; foreach ($p in $design.PSObject.Properties) { if ($p.Value -is [array]) { $resources += $p.Value.Count } }
        Complete @{ count = $resources }
    }
    'DesignTest' {
        Connect-Bench
        $start = [Diagnostics.Stopwatch]::GetTimestamp()
        $changes = @(Test-MegaportDesign -Path $DesignFile -InformationAction Ignore)
        $total = Get-ElapsedMs $start
        Complete @{ totalMs = $total; count = $changes.Count; actions = @($changes | Group-Object Action | ForEach-Object { "$($_.Name)=$($_.Count)" }) }
    }
    'ServiceReads' {
        # The services of -UidFile read once each (one Get-MegaportService, UIDs piped).
        Connect-Bench
        $uids = @(Get-Content $UidFile)
        $start = [Diagnostics.Stopwatch]::GetTimestamp()
        $m = $uids | Get-MegaportService | Measure-Object
        $total = Get-ElapsedMs $start
        Complete @{ totalMs = $total; count = $m.Count }
    }
    'DesignDeploy' {
        Connect-Bench
        $start = [Diagnostics.Stopwatch]::GetTimestamp()
        $changes = @(Deploy-MegaportDesign -Path $DesignFile -Confirm:$false -InformationAction Ignore)
        $total = Get-ElapsedMs $start
        Complete @{ totalMs = $total; count = $changes.Count; results = @($changes | Group-Object Result | ForEach-Object { "$($_.Name)=$($_.Count)" }) }
    }
    'TelemetryModule' {
        # The services as Get-MegaportService writes them (read here, untimed; the report scenario reads them the same
        # way), so each costs one telemetry read.
        Connect-Bench
        $services = @(Get-MegaportService -ProductUid @(Get-Content $UidFile))
        $types = $Type -split ','
        $start = [Diagnostics.Stopwatch]::GetTimestamp()
        $m = $services | Get-MegaportTelemetry -Type $types -Days $Days | Measure-Object
        $total = Get-ElapsedMs $start
        Complete @{ totalMs = $total; count = $m.Count; services = $services.Count }
    }
    'TelemetryIrm' {
        # A script author's loop: one Invoke-RestMethod per service, one after another.
        $headers = @{ Authorization = "Bearer $Token" }
        $uids = @(Get-Content $UidFile)
        $query = (($Type -split ',' | ForEach-Object { "type=$_" }) -join '&') + "&days=$Days"
        $start = [Diagnostics.Stopwatch]::GetTimestamp()
        $m = foreach ($uid in $uids) { (Invoke-RestMethod -Uri "$base/v2/product/megaport/$uid/telemetry?$query" -Headers $headers).data }
        $m = $m | Measure-Object
        $total = Get-ElapsedMs $start
        Complete @{ totalMs = $total; count = $m.Count; services = $uids.Count }
    }
    'ReportModule' {
        # The same services as the telemetry scenario, from Get-MegaportService (untimed): the report reads their
        # traffic and prices, and the own ends of any VXC among them, not the services again.
        Connect-Bench
        $services = @(Get-MegaportService -ProductUid @(Get-Content $UidFile))
        $start = [Diagnostics.Stopwatch]::GetTimestamp()
        $file = $services | Export-MegaportReport -Path $ReportFile -Days $Days -Confirm:$false
        $total = Get-ElapsedMs $start
        Complete @{ totalMs = $total; bytes = $file.Length }
    }
}
