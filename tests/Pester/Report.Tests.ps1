# Export-MegaportReport: one self-contained HTML page of the demo account (nothing loaded from outside it), its rows,
# prices and totals, the local refusals (no request), -WhatIf (nothing read or written), Ctrl+C (the old file stays,
# no temporary file is left), and the page rendered in headless Chromium: the DOM and a non-blank screenshot.
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $sim = Start-TestSimulator -ProvisionDelayMs 0
    $session = Connect-TestSimulator $sim
    $dir = Join-Path ([IO.Path]::GetTempPath()) "megaport-report-test-$([guid]::NewGuid().ToString('N').Substring(0, 8))"
    $null = New-Item -ItemType Directory -Path $dir
    $Port = '2f3c8a1e-6b4d-4e9a-8c71-0d5e9b3a7f12'
    $Vxc = 'b7d3a1f9-6e2c-4a8b-9d5f-3c0e7a1b9d52'
    $chromium = @('/usr/bin/chromium', '/usr/bin/chromium-browser') | Where-Object { Test-Path $_ } | Select-Object -First 1
    function Get-Rows([string]$Html) { [regex]::Matches($Html, '<tr class="service" data-uid="([^"]+)" data-kind="([^"]*)" data-measured="(yes|no)"') }
    function Invoke-Chromium([string[]]$Arguments) {
        $profileDir = Join-Path $dir "chromium-$([guid]::NewGuid().ToString('N'))"
        # Its stderr (D-Bus complaints) goes to a file: with stderr closed it can die before writing its output.
        $output = & $chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run "--user-data-dir=$profileDir" @Arguments 2> "$profileDir.log"
        Remove-Item $profileDir, "$profileDir.log" -Recurse -Force -ErrorAction SilentlyContinue
        $output -join "`n"
    }
}
AfterAll {
    Disconnect-Megaport
    Stop-MegaportSimulator $sim
    Remove-Item $dir -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Export-MegaportReport' {
    BeforeAll {
        Reset-TestSimulator $sim
        $path = Join-Path $dir 'report.html'
        $file = Export-MegaportReport -Path $path
        $html = Get-Content $path -Raw
        $active = @(Get-MegaportService)
        $sent = @(Get-SimulatorRequests $sim)
    }

    It 'writes one HTML file and returns it' {
        $file | Should -BeOfType ([IO.FileInfo])
        $file.FullName | Should -Be $path
        $html | Should -Match '^<!DOCTYPE html>'
        $html | Should -Match '</html>\s*$'
        @(Get-ChildItem $dir -Filter '*.tmp' -Force).Count | Should -Be 0
    }

    It 'is self-contained: nothing loads from outside the page, and its policy forbids it' {
        $html | Should -Match "<meta http-equiv=""Content-Security-Policy"" content=""default-src 'none';"
        $html | Should -Not -Match '\s(src|href|srcset|action)\s*='
        $html | Should -Not -Match '@import'
        [regex]::Matches($html, 'url\(([^)]*)\)') | ForEach-Object { $_.Groups[1].Value | Should -Be '#arrow' }
        [regex]::Matches($html, 'https?://[^"''\s<]+') | ForEach-Object { $_.Value | Should -Be 'http://www.w3.org/2000/svg' }
    }

    It 'has one inventory row per active service, and reads only (validate prices; no buy, no change)' {
        $rows = Get-Rows $html
        $rows.Count | Should -Be $active.Count
        @($rows | ForEach-Object { $_.Groups[1].Value } | Sort-Object) | Should -Be @($active.ProductUid | Sort-Object)
        $changing = @($sent | Where-Object { $_.method -ne 'GET' -and $_.path -notin '/oauth2/token', '/v3/networkdesign/validate' })
        $changing | ForEach-Object { "$($_.method) $($_.path)" } | Should -BeNullOrEmpty
        (Get-SimulatorStats $sim).buyCalls | Should -Be 0
        # Prices are asked in batches: fewer validate calls than priced services, at least one.
        $validates = @($sent | Where-Object path -eq '/v3/networkdesign/validate').Count
        $validates | Should -BeGreaterThan 0
        $validates | Should -BeLessThan ([regex]::Matches($html, '<td class="num cost" data-value=').Count)
        @($sent | Where-Object { @($_.ignoredFields).Count }) | ForEach-Object { "$($_.path): $($_.ignoredFields)" } | Should -BeNullOrEmpty
        @($sent | Where-Object { $_.status -ne 200 }) | ForEach-Object { "$($_.method) $($_.path) $($_.status)" } | Should -BeNullOrEmpty
    }

    It 'prices what the API can price, says why where it cannot, and totals per currency' {
        $costs = [regex]::Matches($html, '<td class="num cost" data-value="([0-9.]+)" data-currency="([A-Z]+)"')
        $costs.Count | Should -BeGreaterThan 8
        $unknown = [regex]::Matches($html, '<td class="num cost unknown" data-value="" title="([^"]+)"')
        $unknown.Count | Should -BeGreaterThan 0
        $unknown | ForEach-Object { $_.Groups[1].Value | Should -Not -BeNullOrEmpty }
        $html | Should -Match 'Price unknown for: '
        $sums = @{}
        foreach ($c in $costs) { $sums[$c.Groups[2].Value] += [decimal]::Parse($c.Groups[1].Value, [cultureinfo]::InvariantCulture) }
        $totals = [regex]::Match($html, 'id="total-cost" data-totals="([^"]*)"').Groups[1].Value
        $expected = ($sums.Keys | Sort-Object | ForEach-Object { "$_=$($sums[$_].ToString([cultureinfo]::InvariantCulture))" }) -join ';'
        $totals | Should -Be $expected
        $totals | Should -Match 'AUD=.*;USD='   # Sydney in AUD, Los Angeles in USD
    }

    It 'only the services asked for, from the pipeline' {
        $subset = Join-Path $dir 'subset.html'
        $null = Get-MegaportService -ProductUid $Port, $Vxc | Export-MegaportReport -Path $subset -Days 1
        $rows = Get-Rows (Get-Content $subset -Raw)
        @($rows | ForEach-Object { $_.Groups[1].Value } | Sort-Object) | Should -Be @($Port, $Vxc | Sort-Object)
    }

    It 'with -ProductUid reads those services by UID (and the own ends of chosen VXCs), never the whole account' {
        $vxcObject = Get-MegaportService -ProductUid $Vxc
        $ends = @($vxcObject.AEnd.ProductUid, $vxcObject.BEnd.ProductUid | Where-Object { $_ -and $_ -ne $Port })
        $ends.Count | Should -BeGreaterThan 0 -Because 'the demo VXC reaches a service other than the port asked for'
        $before = @(Get-SimulatorRequests $sim).Count
        $subset = Join-Path $dir 'by-uid.html'
        $null = Export-MegaportReport -Path $subset -Days 1 -ProductUid $Port, $Vxc
        $reads = @(Get-SimulatorRequests $sim) | Select-Object -Skip $before
        @($reads | Where-Object { $_.method -eq 'GET' -and $_.path -eq '/v2/products' }).Count | Should -Be 0
        foreach ($uid in @($Port, $Vxc) + $ends) { @($reads | Where-Object path -eq "/v2/product/$uid").Count | Should -Be 1 -Because "$uid is read once" }
        @($reads | Where-Object { $_.method -ne 'GET' -and $_.path -notlike '*/validate' }).Count | Should -Be 0 -Because 'a report only reads and validates'
        $page = Get-Content $subset -Raw
        @(Get-Rows $page | ForEach-Object { $_.Groups[1].Value } | Sort-Object) | Should -Be @($Port, $Vxc | Sort-Object)
        [regex]::Matches($page, '<g class="edge" data-uid="([^"]+)"') | ForEach-Object { $_.Groups[1].Value } | Should -Be @($Vxc)
        $nodes = [regex]::Matches($page, '<g class="node[^"]*" data-uid="[^"]+" data-members="([^"]+)"') | ForEach-Object { $_.Groups[1].Value -split ' ' }
        foreach ($uid in @($Port) + $ends) { $nodes | Should -Contain $uid }
    }

    It 'uses services piped from Get-MegaportService as they were read, and reads a UID beside them' {
        $services = @(Get-MegaportService -ProductUid $Port, $Vxc)
        $before = @(Get-SimulatorRequests $sim).Count
        $subset = Join-Path $dir 'piped.html'
        $null = $services | Export-MegaportReport -Path $subset -Days 1
        $sent = @(Get-SimulatorRequests $sim) | Select-Object -Skip $before
        @($sent | Where-Object { $_.path -in "/v2/product/$Port", "/v2/product/$Vxc", '/v2/products' }).Count | Should -Be 0
        $page = Get-Content $subset -Raw
        @(Get-Rows $page | ForEach-Object { $_.Groups[1].Value } | Sort-Object) | Should -Be @($Port, $Vxc | Sort-Object)
        [regex]::Matches($page, '<g class="edge" data-uid="([^"]+)"') | ForEach-Object { $_.Groups[1].Value } | Should -Be @($Vxc)
        # An object and a UID in one pipeline: the object as read, the UID read.
        $before = @(Get-SimulatorRequests $sim).Count
        $null = $services[0], $Vxc | Export-MegaportReport -Path $subset -Days 1
        $sent = @(Get-SimulatorRequests $sim) | Select-Object -Skip $before
        @($sent | Where-Object path -eq "/v2/product/$($services[0].ProductUid)").Count | Should -Be 0
        @($sent | Where-Object path -eq "/v2/product/$Vxc").Count | Should -Be 1
        @(Get-Rows (Get-Content $subset -Raw) | ForEach-Object { $_.Groups[1].Value } | Sort-Object) | Should -Be @($Port, $Vxc | Sort-Object)
    }

    It 'with -ProductUid of a LAG member reads the account, so the LAG is drawn whole' {
        $lagMember = '9d4a7f1c-2e8b-4c5d-a3f6-7b0e1c9d5a21'
        $before = @(Get-SimulatorRequests $sim).Count
        $subset = Join-Path $dir 'lag.html'
        $null = Export-MegaportReport -Path $subset -Days 1 -ProductUid $lagMember
        @(@(Get-SimulatorRequests $sim) | Select-Object -Skip $before | Where-Object path -eq '/v2/products').Count | Should -Be 1
        $page = Get-Content $subset -Raw
        @(Get-Rows $page | ForEach-Object { $_.Groups[1].Value }) | Should -Be @($lagMember)
        $members = [regex]::Matches($page, '<g class="node[^"]*" data-uid="[^"]+" data-members="([^"]+)"') | ForEach-Object { $_.Groups[1].Value -split ' ' }
        @($members | Sort-Object) | Should -Be @('1c6e9b3d-7a2f-4d8c-b5e1-3f9a0d6c2b90', $lagMember | Sort-Object)
    }

    It 'with -ProductUid of a service the account does not have, says so and writes the rest' {
        $subset = Join-Path $dir 'missing.html'
        $absent = '00000000-0000-4000-8000-000000000001'
        $null = Export-MegaportReport -Path $subset -Days 1 -ProductUid $Port, $absent -ErrorVariable err -ErrorAction SilentlyContinue
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MegaportServiceNotFound*'
        $err[0].TargetObject | Should -Be $absent
        @(Get-Rows (Get-Content $subset -Raw) | ForEach-Object { $_.Groups[1].Value }) | Should -Be @($Port)
    }

    It 'refuses bad input before any request: <Case>' -ForEach @(
        @{ Case = '-Days 0'; P = @{ Days = 0 } }
        @{ Case = '-Days 181'; P = @{ Days = 181 } }
        @{ Case = 'a folder that does not exist'; P = @{ Path = '/no/such/folder/report.html' } }
        @{ Case = 'a folder as the file'; P = @{ Path = [IO.Path]::GetTempPath() } }
        @{ Case = 'a UID that is none'; P = @{ ProductUid = 'Sydney Primary' } }
    ) {
        $params = @{ Path = (Join-Path $dir 'refused.html') }
        foreach ($k in $P.Keys) { $params[$k] = $P[$k] }
        $before = @(Get-SimulatorRequests $sim).Count
        $err = $null
        try { $null = Export-MegaportReport @params -ErrorVariable err -ErrorAction SilentlyContinue } catch { $err = @($_) }
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MegaportInvalidArgument*'
        @(Get-SimulatorRequests $sim).Count | Should -Be $before
        Test-Path (Join-Path $dir 'refused.html') | Should -BeFalse
    }

    It '-WhatIf reads and writes nothing' {
        $before = @(Get-SimulatorRequests $sim).Count
        $null = Export-MegaportReport -Path (Join-Path $dir 'whatif.html') -WhatIf
        @(Get-SimulatorRequests $sim).Count | Should -Be $before
        Test-Path (Join-Path $dir 'whatif.html') | Should -BeFalse
    }

    It 'Ctrl+C while reading leaves the previous file as it was and no temporary file' {
        $target = Join-Path $dir 'stopped.html'
        Set-Content -Path $target -Value 'previous report' -NoNewline
        Add-SimulatorFault $sim @{ method = 'GET'; path = '/v2/product/*/*/telemetry'; delayMs = 5000 }
        $ps = New-ModulePowerShell
        try {
            function Get-TelemetryCount { @(Get-SimulatorRequests $sim -Method GET | Where-Object path -like '*/telemetry').Count }
            $before = Get-TelemetryCount
            $null = $ps.AddCommand('Export-MegaportReport').AddParameter('Path', $target).AddParameter('Session', $session)
            $async = $ps.BeginInvoke()
            # Waits for the export to be reading (polling the journal), not for any backoff.
            $deadline = [DateTime]::UtcNow.AddSeconds(30)
            while ((Get-TelemetryCount) -eq $before -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
            (Get-TelemetryCount) | Should -BeGreaterThan $before
            $ps.Stop()
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
        }
        finally { $ps.Dispose(); Clear-SimulatorFault $sim }
        Get-Content $target -Raw | Should -Be 'previous report'
        @(Get-ChildItem $dir -Filter '.stopped.html.*' -Force).Count | Should -Be 0
    }
}

Describe 'The report in a real browser (headless Chromium)' {
    BeforeAll {
        Reset-TestSimulator $sim
        $page = Join-Path $dir 'browser.html'
        $null = Export-MegaportReport -Path $page
        $expected = @(Get-MegaportService)
        $vxcs = @($expected | Where-Object { $_ -is [Megaport.Vxc] })
    }

    It 'renders the DOM: a row per service, an SVG node per service and an edge per VXC, a chart with data per service, the total' {
        if (-not $chromium) { Set-ItResult -Skipped -Because 'Chromium is not installed (Debian package chromium; .ci/run installs it)'; return }
        $dom = Invoke-Chromium @('--dump-dom', "file://$page")
        $dom | Should -Match '<html[^>]* data-script="ready"' -Because 'the page''s inline script ran'
        $rows = Get-Rows $dom
        $rows.Count | Should -Be $expected.Count
        $members = [regex]::Matches($dom, '<g class="node[^"]*" data-uid="[^"]+" data-members="([^"]+)"') | ForEach-Object { $_.Groups[1].Value -split ' ' }
        $edges = [regex]::Matches($dom, '<g class="edge" data-uid="([^"]+)"') | ForEach-Object { $_.Groups[1].Value }
        $edges.Count | Should -Be $vxcs.Count
        foreach ($r in $rows) {
            $uid = $r.Groups[1].Value
            if ($uid -in $vxcs.ProductUid) { $edges | Should -Contain $uid } else { $members | Should -Contain $uid }
        }
        $charts = [regex]::Matches($dom, '<svg class="chart" data-uid="([^"]+)" data-points="(\d+)"')
        $measured = @($rows | Where-Object { $_.Groups[3].Value -eq 'yes' })
        $charts.Count | Should -Be $measured.Count
        $charts.Count | Should -BeGreaterThan 10
        foreach ($c in $charts) { [int]$c.Groups[2].Value | Should -BeGreaterThan 100 -Because "the chart of $($c.Groups[1].Value) has its samples" }
        ([regex]::Matches($dom, '<polyline class="series (in|out)" points="[0-9., ]+"')).Count | Should -BeGreaterOrEqual (2 * $charts.Count)
        ([regex]::Matches($dom, '<line class="p95 in"')).Count | Should -Be $charts.Count
        $dom | Should -Match 'id="total-cost" data-totals="AUD=[0-9.]+;USD=[0-9.]+">AUD [0-9,]+\.\d\d<br>USD [0-9,]+\.\d\d<'
    }

    It 'draws a page that is not blank (the screenshot''s pixels vary)' {
        if (-not $chromium) { Set-ItResult -Skipped -Because 'Chromium is not installed (Debian package chromium; .ci/run installs it)'; return }
        $shot = Join-Path $dir 'browser.png'
        $null = Invoke-Chromium @("--screenshot=$shot", '--window-size=1280,1600', '--hide-scrollbars', "file://$page")
        Test-Path $shot | Should -BeTrue
        Add-Type -Path (Join-Path $PSScriptRoot '../Tools/PngPixels.cs')
        $pixels = [MegaportTests.PngPixels]::Read($shot)
        $pixels.Width | Should -Be 1280
        $pixels.Height | Should -Be 1600
        $pixels.DistinctColours | Should -BeGreaterThan 100
        $pixels.NonBackground | Should -BeGreaterThan 0.1
    }
}
