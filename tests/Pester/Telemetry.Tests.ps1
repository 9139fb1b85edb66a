# Get-MegaportTelemetry against the simulator: each kind's path and default types, the non-enveloped answer with
# mixed-case names emitted in one casing, gaps kept as $null, statistics, the sparkline view, local range checks
# (zero requests), and many pipeline inputs read concurrently but emitted in input order.
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $sim = Start-TestSimulator -ProvisionDelayMs 0
    $null = Connect-TestSimulator $sim
    $Port = '2f3c8a1e-6b4d-4e9a-8c71-0d5e9b3a7f12'   # Sydney Primary, 10 Gbps
    $Vxc = 'b7d3a1f9-6e2c-4a8b-9d5f-3c0e7a1b9d52'    # Sydney Primary to Secondary, 1 Gbps
    $Mcr = '3e7f2a9c-8d1b-4e6a-9f4c-0b5d8e2a6c65'
    $Nat = '9b2e6d4f-3a7c-4e1b-8f5d-2c6a0e9b4d13'
    function Get-TelemetryCalls { @(Get-SimulatorRequests $sim -Method GET | Where-Object path -like '*/telemetry') }
}
AfterAll {
    Disconnect-Megaport
    Stop-MegaportSimulator $sim
}

Describe 'Get-MegaportTelemetry' {
    BeforeEach { Reset-TestSimulator $sim }

    It 'reads a port''s default types (BITS, PACKETS, ERRORS) for the last day: one series per type and direction' {
        $series = @(Get-MegaportTelemetry -ProductUid $Port)
        $series | ForEach-Object { $_ | Should -BeOfType ([Megaport.TelemetrySeries]) }
        ($series | ForEach-Object { "$($_.Type)/$($_.Subtype)" }) | Should -Be @('BITS/IN', 'BITS/OUT', 'PACKETS/IN', 'PACKETS/OUT', 'ERRORS/IN', 'ERRORS/OUT')
        $calls = Get-TelemetryCalls
        $calls.path | Should -Be "/v2/product/megaport/$Port/telemetry"
        @(Get-SimulatorRequests $sim -Method GET -Path "/v2/product/$Port").Count | Should -Be 1 -Because 'a bare UID is read first to learn its kind'

        $calls[0].query | Should -Be '?type=BITS&type=PACKETS&type=ERRORS&days=1'
        $bits = $series[0]
        $bits.ServiceName | Should -Be 'Sydney Primary'
        $bits.Unit | Should -Be 'Mbps'
        $bits.ProductType | Should -Be 'MEGAPORT'
        $bits.Samples.Count | Should -BeGreaterThan 250   # 5-minute samples over a day
        $bits.Samples[0].Timestamp.Kind | Should -Be 'Utc'
        ($bits.To - $bits.From).TotalHours | Should -BeGreaterOrEqual 23.9
    }

    It 'keeps gaps as $null samples and leaves them out of the statistics' {
        $in = Get-MegaportTelemetry -ProductUid $Port -Type BITS | Where-Object Subtype -eq 'IN'
        $gaps = @($in.Samples | Where-Object { $null -eq $_.Value })
        $gaps.Count | Should -BeGreaterThan 0
        $in.Gaps | Should -Be $gaps.Count
        $values = @($in.Samples | Where-Object { $null -ne $_.Value } | ForEach-Object Value | Sort-Object)
        $in.Minimum | Should -Be $values[0]
        $in.Maximum | Should -Be $values[-1]
        [math]::Round($in.Average, 6) | Should -Be ([math]::Round(($values | Measure-Object -Average).Average, 6))
        $in.Percentile95 | Should -Be $values[[math]::Ceiling(0.95 * $values.Count) - 1]
        $in.Maximum | Should -BeLessOrEqual 10000   # scaled by the port's 10 Gbps
    }

    It 'emits type and subtype in upper case whatever case the API sends (the MCR says In/Out, a NAT gateway bits/in)' {
        $raw = Invoke-RawApi $sim "/v2/product/mcr2/$Mcr/telemetry?type=BITS&days=1"
        $raw.data[0].subtype | Should -BeExactly 'In'
        $rawNat = Invoke-RawApi $sim "/v3/products/nat_gateways/$Nat/telemetry?type=bits&days=1"
        $rawNat.data[0].type | Should -BeExactly 'bits'
        $raw.PSObject.Properties.Name | Should -Not -Contain 'message'   # not enveloped

        (Get-MegaportTelemetry -ProductUid $Mcr -Type bits).Subtype | Should -BeExactly @('IN', 'OUT')
        $nat = @(Get-MegaportTelemetry -ProductUid $Nat -Type Bits, speed)
        ($nat | ForEach-Object { "$($_.Type)/$($_.Subtype)" }) | Should -BeExactly @('BITS/IN', 'BITS/OUT', 'SPEED/CURRENT')
        (Get-TelemetryCalls | Where-Object path -like '/v3/products/nat_gateways/*').query | Should -Contain '?type=BITS&type=SPEED&days=1'
    }

    It 'reads each kind at its own path with its own defaults, one request per piped service' -ForEach @(
        @{ Name = 'Sydney Primary to Secondary'; Path = '/v2/product/vxc/'; Types = 'A_BITS', 'B_BITS' }
        @{ Name = 'Sydney MCR'; Path = '/v2/product/mcr2/'; Types = 'BITS', 'PACKETS' }
        @{ Name = 'Sydney SD-WAN Edge'; Path = '/v2/product/mve/'; Types = 'BITS', 'PACKETS' }
        @{ Name = 'Sydney IX peering'; Path = '/v2/product/ix/'; Types = 'BITS', 'PACKETS' }
        @{ Name = 'Sydney NAT Gateway'; Path = '/v3/products/nat_gateways/'; Types = 'BITS', 'PACKETS' }
    ) {
        $service = Get-MegaportService -Name $Name
        $before = @(Get-SimulatorRequests $sim).Count
        $series = @($service | Get-MegaportTelemetry)
        $sent = @(Get-SimulatorRequests $sim | Select-Object -Skip $before)
        $sent.Count | Should -Be 1 -Because 'a piped service carries its kind and name'
        $sent[0].path | Should -Be "$Path$($service.ProductUid)/telemetry"
        @($series.Type | Select-Object -Unique) | Should -Be $Types
        $series[0].ServiceName | Should -Be $Name
    }

    It 'sends -From/-To as epoch milliseconds and -Days as days' {
        $to = [datetime]::SpecifyKind([datetime]'2026-11-30T12:00:00', 'Utc')
        $from = $to.AddHours(-6)
        $series = @(Get-MegaportTelemetry -ProductUid $Vxc -Type A_BITS -From $from -To $to)
        (Get-TelemetryCalls)[0].query | Should -Be "?type=A_BITS&from=$(([DateTimeOffset]$from).ToUnixTimeMilliseconds())&to=$(([DateTimeOffset]$to).ToUnixTimeMilliseconds())"
        $series[0].From | Should -Be $from
        $series[0].Samples.Count | Should -BeGreaterOrEqual 70
        $null = Get-MegaportTelemetry -ProductUid $Vxc -Days 180
        # The journal takes a big answer's entry once it is sent: look for it, not for the last entry.
        $deadline = [DateTime]::UtcNow.AddSeconds(5)
        while (-not @(Get-TelemetryCalls | Where-Object query -match '&days=180$').Count -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 20 }
        @(Get-TelemetryCalls | Where-Object query -match '&days=180$').Count | Should -Be 1
    }

    It 'refuses bad ranges and unknown types before any request: <Case>' -ForEach @(
        @{ Case = '-Days 0'; P = @{ Days = 0 } }
        @{ Case = '-Days 181'; P = @{ Days = 181 } }
        @{ Case = '-From after -To'; P = @{ From = [datetime]'2026-11-02'; To = [datetime]'2026-11-01' } }
        @{ Case = '-From equal to -To'; P = @{ From = [datetime]'2026-11-02'; To = [datetime]'2026-11-02' } }
        @{ Case = 'more than 180 days apart'; P = @{ From = [datetime]'2026-01-01'; To = [datetime]'2026-07-01' } }
        @{ Case = 'a type no product has'; P = @{ Type = 'BANANAS' } }
        @{ Case = 'a UID that is none'; P = @{ ProductUid = 'Sydney Primary' } }
    ) {
        $params = @{ ProductUid = $Port }
        foreach ($k in $P.Keys) { $params[$k] = $P[$k] }
        $before = @(Get-SimulatorRequests $sim).Count
        $err = $null
        try { $null = Get-MegaportTelemetry @params -ErrorVariable err -ErrorAction SilentlyContinue } catch { $err = @($_) }
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MegaportInvalidArgument*'
        @(Get-SimulatorRequests $sim).Count | Should -Be $before
    }

    It 'a type the product does not offer is an error for that service only; MEGADIRECT has no telemetry (a warning)' {
        $out = @(Get-MegaportTelemetry -ProductUid $Vxc, $Port -Type BITS -ErrorVariable err -ErrorAction SilentlyContinue -WarningVariable warn -WarningAction SilentlyContinue)
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MegaportInvalidArgument*'
        "$($err[0])" | Should -BeLike '*A_BITS*'
        $out.ProductUid | Select-Object -Unique | Should -Be $Port
        $null = Get-MegaportService -Name 'Legacy MegaDirect Sydney' | Get-MegaportTelemetry -WarningVariable warn -WarningAction SilentlyContinue
        "$warn" | Should -BeLike '*no telemetry*'
    }

    It 'an unknown UID is MegaportServiceNotFound, and the other services still come' {
        $missing = '00000000-0000-4000-8000-000000000000'
        $out = @(Get-MegaportTelemetry -ProductUid $missing, $Port -Type BITS -ErrorVariable err -ErrorAction SilentlyContinue)
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MegaportServiceNotFound*'
        $out.Count | Should -Be 2
    }

    It 'reads many piped services concurrently and emits them in the order they came' {
        $services = @(Get-MegaportService | Where-Object ProductType -ne 'MEGADIRECT' | Where-Object ProvisioningStatus -ne 'DESIGN')
        $services.Count | Should -BeGreaterThan 8
        Add-SimulatorFault $sim @{ method = 'GET'; path = '/v2/product/*/*/telemetry'; delayMs = 300 }
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $series = @($services | Get-MegaportTelemetry)
        $watch.Stop()
        Clear-SimulatorFault $sim
        $v2 = @($services | Where-Object ProductType -ne 'NAT_GATEWAY')
        $watch.Elapsed.TotalMilliseconds | Should -BeLessThan ($v2.Count * 300 * 0.6) -Because 'four reads are in flight at once'
        $order = @($series.ProductUid | Select-Object -Unique)
        $order | Should -Be @($services.ProductUid | Select-Object -Unique)
    }

    It 'shows a sparkline per row in a table that fits 120 columns, and flattens to CSV rows' {
        $text = Get-MegaportTelemetry -ProductUid $Port -Type BITS | Format-Table | Out-String -Width 300
        $rows = @($text -split "`r?`n" | Where-Object { $_ -like 'Sydney Primary*' })
        $rows.Count | Should -Be 2
        foreach ($r in ($text -split "`r?`n")) { $r.TrimEnd().Length | Should -BeLessOrEqual 120 }
        $rows[0] | Should -Match '[▁▂▃▄▅▆▇█]{20,}'
        $csv = Get-MegaportTelemetry -ProductUid $Port -Type BITS | Select-Object -ExpandProperty Samples | ConvertTo-Csv -NoTypeInformation
        $csv[0] | Should -Be '"ProductUid","Type","Subtype","Timestamp","Value"'
        $csv.Count | Should -BeGreaterThan 500
        @($csv | Where-Object { $_ -match ',(""|)$' }).Count | Should -BeGreaterThan 0 -Because 'a gap is an empty value'
    }

    It 'draws sparklines from gaps and flat series' {
        [Megaport.Sparkline]::Draw([Nullable[double][]]@(1, 2, 3, 4, 5, 6, 7, 8), 8) | Should -Be '▁▂▃▄▅▆▇█'
        [Megaport.Sparkline]::Draw([Nullable[double][]]@(1, $null, 1), 3) | Should -Be '▅ ▅'
        [Megaport.Sparkline]::Draw([Nullable[double][]]@(), 10) | Should -Be ''
        [Megaport.Sparkline]::Draw([Nullable[double][]](1..100), 10).Length | Should -Be 10
    }
}
