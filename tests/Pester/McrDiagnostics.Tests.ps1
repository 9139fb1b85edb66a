# The MCR looking glass (routes, BGP table, sessions, neighbor routes) and diagnostics (ping, traceroute) against the
# simulator: typed objects, the asynchronous job and operation requests, local checks, timeouts, Ctrl+C and 429s.
# One file for the six cmdlets (hence its length): they share the simulator, its looking-glass settings and helpers.
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $sim = Start-TestSimulator -ProvisionDelayMs 20
    $session = Connect-TestSimulator $sim
    $mcrUid = '3e7f2a9c-8d1b-4e6a-9f4c-0b5d8e2a6c65'       # Sydney MCR, BGP to Azure on "Sydney MCR to Azure"
    $azureVxc = 'a3c9e7b5-4d1f-4a6e-9b2d-8f5c3a1e7b18'
    $portUid = '2f3c8a1e-6b4d-4e9a-8c71-0d5e9b3a7f12'      # Sydney Primary, not an MCR
    $lg = "/v2/product/mcr2/$mcrUid"
    # Short job and operation delays, so the waits are real but quick; a reset brings back the defaults.
    function Set-LookingGlass([hashtable]$Settings) { Invoke-SimulatorAdmin $sim -Method PUT -Path '/_simulator/lookingGlass' -Body $Settings }
    function Reset-LookingGlass {
        Reset-TestSimulator $sim
        Clear-SimulatorFault $sim
        $null = Set-LookingGlass @{ jobDelayMs = 150; operationDelayMs = 150 }
    }
    function Get-ApiRequests { @(Get-SimulatorRequests $sim | Where-Object path -NotLike '/oauth2/*') }
}
AfterAll {
    Disconnect-Megaport
    Stop-MegaportSimulator $sim
}

Describe 'Get-MegaportMcrRoute' {
    BeforeEach { Reset-LookingGlass }

    It 'writes the routing table as typed routes: connected, local and BGP, with AS paths as numbers' {
        $routes = @(Get-MegaportService -ProductUid $mcrUid | Get-MegaportMcrRoute)
        $routes | Should -Not -BeNullOrEmpty
        $routes | ForEach-Object { $_ | Should -BeOfType ([Megaport.McrRoute]) }
        $connected = $routes | Where-Object Protocol -eq 'CONNECTED'
        $connected.Prefix | Should -Be '10.200.0.0/30'
        $connected.VxcName | Should -Be 'Sydney MCR to Azure'
        ($routes | Where-Object Protocol -eq 'LOCAL').Prefix | Should -Be '10.200.0.1/32'
        $bgp = @($routes | Where-Object Protocol -eq 'BGP')
        $bgp.Count | Should -BeGreaterOrEqual 2
        $bgp[0].NextHop | Should -Be '10.200.0.2'
        $bgp[0].AsPath.GetType() | Should -Be ([long[]])
        $bgp[0].AsPath[0] | Should -Be 12076
        $bgp[0].Best | Should -BeTrue
        $bgp[0].Age | Should -BeOfType ([timespan])
        $routes.ProductUid | Sort-Object -Unique | Should -Be $mcrUid
        $routes[0].McrName | Should -Be 'Sydney MCR'
    }

    It 'asks for a job (?async=true) with the filters, then polls the job until it is complete' {
        $null = Set-LookingGlass @{ jobDelayMs = 400 }
        $routes = @(Get-MegaportMcrRoute -ProductUid $mcrUid -Protocol bgp -IpAddress 10.77.1.20)
        $routes.Count | Should -Be 1
        $routes[0].Prefix | Should -Be '10.77.1.0/24'
        $start = @(Get-SimulatorRequests $sim -Method GET -Path "$lg/lookingGlass/routes")
        $start.Count | Should -Be 1
        $start[0].query | Should -Match 'async=true'
        $start[0].query | Should -Match 'protocol=BGP'
        $start[0].query | Should -Match 'ip=10\.77\.1\.20'
        $polls = @(Get-SimulatorRequests $sim -Method GET -Path "$lg/lookingGlass/routes/async/*")
        $polls.Count | Should -BeGreaterThan 1
        $polls.status | Sort-Object -Unique | Should -Be 200
    }

    It 'reads several MCRs from the pipeline, each routes attributed to its MCR' {
        $empty = New-MegaportMcr -Name lg-empty -LocationId 3 -Speed 1000 -Term 1
        $routes = @($empty, (Get-MegaportService -ProductUid $mcrUid) | Get-MegaportMcrRoute)
        $routes | Should -Not -BeNullOrEmpty
        $routes.ProductUid | Sort-Object -Unique | Should -Be $mcrUid
        @(Get-SimulatorRequests $sim -Method GET -Path "/v2/product/mcr2/$($empty.ProductUid)/lookingGlass/routes").Count | Should -Be 1
    }

    It 'shows a progress bar that ends with a Completed record' {
        $null = Set-LookingGlass @{ jobDelayMs = 400 }
        $ps = New-ModulePowerShell
        try {
            $null = $ps.AddCommand('Get-MegaportMcrRoute').AddParameters(@{ ProductUid = $mcrUid; Session = $session })
            @($ps.Invoke()).Count | Should -BeGreaterThan 0
            $progress = @($ps.Streams.Progress)
            $progress.Count | Should -BeGreaterThan 1
            $progress[0].StatusDescription | Should -Match "IP routes of MCR 'Sydney MCR'"
            $progress[-1].RecordType | Should -Be 'Completed'
        }
        finally { $ps.Dispose() }
    }

    It 'shows the routes a new VXC with a BGP peer brings' {
        $vxc = Get-MegaportService -ProductUid $mcrUid | New-MegaportVxc -Name lg-new -RateLimit 100 -BEndProductUid $portUid `
            -McrIpAddress 169.254.10.1/30 -McrPeerIpAddress 169.254.10.2 -McrPeerAsn 65020 | Wait-MegaportService -Status Live
        $routes = @(Get-MegaportMcrRoute -ProductUid $mcrUid)
        ($routes | Where-Object { $_.Protocol -eq 'CONNECTED' -and $_.VxcName -eq 'lg-new' }).Prefix | Should -Be '169.254.10.0/30'
        # 65020 % 250 = 20: the new peer teaches prefixes under 10.21.0.0/16
        @($routes | Where-Object { $_.Protocol -eq 'BGP' -and $_.NextHop -eq '169.254.10.2' }).Count | Should -BeGreaterOrEqual 2
        $vxc.ProvisioningStatus | Should -Be 'LIVE'
    }
}

Describe 'Get-MegaportMcrBgpSession and Get-MegaportMcrBgpRoute' {
    BeforeEach { Reset-LookingGlass }
    BeforeAll {
        # The Azure session imports 10.77.0.0/16 up to /24 only; a big table's /32s need it opened (a reset closes it).
        function Open-AzureImportPolicy {
            $null = Set-MegaportMcrPrefixList -ProductUid $mcrUid -Description 'Azure VNets' -Entry @{ Action = 'permit'; Prefix = '10.77.0.0/16'; Le = 32 } -Confirm:$false
        }
    }

    It 'writes each BGP session with its state, uptime, prefix counts and VXC' {
        $s = @(Get-MegaportMcrBgpSession -ProductUid $mcrUid)
        $s.Count | Should -Be 1
        $s[0] | Should -BeOfType ([Megaport.McrBgpSession])
        $s[0].Status | Should -Be 'UP'
        $s[0].NeighborAddress | Should -Be '10.200.0.2'
        $s[0].NeighborAsn | Should -Be 12076
        $s[0].LocalAsn | Should -Be 133937
        $s[0].Uptime | Should -BeGreaterThan ([timespan]::Zero)
        $s[0].PrefixesIn | Should -BeGreaterThan 0
        $s[0].VxcName | Should -Be 'Sydney MCR to Azure'
        $s[0].SessionId | Should -Not -BeNullOrEmpty
        # stable across reads
        (Get-MegaportMcrBgpSession -ProductUid $mcrUid).SessionId | Should -Be $s[0].SessionId
    }

    It 'reports a session DOWN, with no routes, while its VXC is shut down' {
        $null = Set-MegaportVxc -ProductUid $azureVxc -Shutdown $true -Confirm:$false
        $s = Get-MegaportMcrBgpSession -ProductUid $mcrUid
        $s.Status | Should -Be 'DOWN'
        $s.Uptime | Should -BeNullOrEmpty
        @(Get-MegaportMcrBgpRoute -ProductUid $mcrUid).Count | Should -Be 0
        @(Get-MegaportMcrRoute -ProductUid $mcrUid -Protocol BGP).Count | Should -Be 0
    }

    It 'writes the BGP table with the neighbor of each path, filtered by -IpAddress on the API' {
        $all = @(Get-MegaportMcrBgpRoute -ProductUid $mcrUid)
        $all | ForEach-Object { $_ | Should -BeOfType ([Megaport.McrBgpRoute]) }
        $all[0].NeighborAddress | Should -Be '10.200.0.2'
        $all[0].NeighborAsn | Should -Be 12076
        $all[0].Origin | Should -Be 'IGP'
        $all[0].Communities | Should -Not -BeNullOrEmpty
        $one = @(Get-MegaportMcrBgpRoute -ProductUid $mcrUid -IpAddress 10.77.2.0/24)
        $one.Prefix | Should -Be '10.77.2.0/24'
        (Get-SimulatorRequests $sim -Method GET -Path "$lg/lookingGlass/bgp")[-1].query | Should -Be '?ip=10.77.2.0%2F24'
    }

    It 'streams a big BGP table: the first route is out while the simulator is still sending the table' {
        # ~20 MB of JSON, far more than the module's hand-over queue and the sockets hold: when the first route
        # reaches the pipeline the simulator cannot have finished the answer, so its journal (written when an answer
        # is complete) has no entry for it yet. A client that parsed the whole table first would find one.
        Open-AzureImportPolicy
        $null = Set-LookingGlass @{ routesPerSession = 65536 }
        $script:journaledAtFirst = $null
        $first = Get-MegaportMcrBgpRoute -ProductUid $mcrUid | ForEach-Object {
            if ($null -eq $script:journaledAtFirst) { $script:journaledAtFirst = @(Get-SimulatorRequests $sim -Method GET -Path "$lg/lookingGlass/bgp" -NoSettle).Count }
            $_
        } | Select-Object -First 1
        $first | Should -BeOfType ([Megaport.McrBgpRoute])
        $script:journaledAtFirst | Should -Be 0
        @(Get-MegaportMcrBgpSession -ProductUid $mcrUid).Count | Should -Be 1   # the session still works
    }

    It 'streams a big IP routing table and a neighbor''s routes: the first route is out while the job''s answer is still being sent' -ForEach @(
        @{ Table = 'IP routes'; Results = 'routes/async/*'; Read = { Get-MegaportMcrRoute -ProductUid $mcrUid -Protocol BGP } }
        @{ Table = 'received routes'; Results = 'bgpSessions/async/*'; Read = { Get-MegaportMcrBgpSession -ProductUid $mcrUid | Get-MegaportMcrBgpNeighborRoute -Direction Received } }
    ) {
        # The job's last poll carries ~20 MB of routes: while the first of them reaches the pipeline, the simulator's
        # journal (written when an answer is complete) has every earlier poll but not that one.
        Open-AzureImportPolicy
        $null = Set-LookingGlass @{ routesPerSession = 65536 }
        $script:pollsAtFirst = $null
        $count = 0
        & $Read | ForEach-Object {
            if ($null -eq $script:pollsAtFirst) { $script:pollsAtFirst = @(Get-SimulatorRequests $sim -Method GET -Path "$lg/lookingGlass/$Results" -NoSettle).Count }
            $count++
        }
        $count | Should -Be 65536 -Because "every one of the $Table is handed out once"
        $polls = @(Get-SimulatorRequests $sim -Method GET -Path "$lg/lookingGlass/$Results").Count
        $polls | Should -BeGreaterThan 0
        $script:pollsAtFirst | Should -Be ($polls - 1) -Because 'the answer that held the routes was not complete when the first one was out'
    }

    It 'hands out every route of a big table, and the sessions, as it reads them' {
        Open-AzureImportPolicy
        $null = Set-LookingGlass @{ routesPerSession = 3000 }
        $routes = @(Get-MegaportMcrBgpRoute -ProductUid $mcrUid)
        $routes.Count | Should -Be 3000
        @($routes.Prefix | Sort-Object -Unique).Count | Should -Be 3000
        $routes | Select-Object -First 1 | Should -BeOfType ([Megaport.McrBgpRoute])
        @(Get-MegaportMcrBgpSession -ProductUid $mcrUid).Count | Should -Be 1
    }
}

Describe 'Get-MegaportMcrBgpNeighborRoute' {
    BeforeEach { Reset-LookingGlass }

    It 'takes sessions from the pipeline and writes the received routes, through a job' {
        $sessionId = (Get-MegaportMcrBgpSession -ProductUid $mcrUid).SessionId
        $routes = @(Get-MegaportMcrBgpSession -ProductUid $mcrUid | Get-MegaportMcrBgpNeighborRoute -Direction Received)
        $routes.Count | Should -BeGreaterOrEqual 2
        $routes | ForEach-Object { $_ | Should -BeOfType ([Megaport.McrBgpNeighborRoute]) }
        $routes[0].Direction | Should -Be 'Received'
        $routes[0].SessionId | Should -Be $sessionId
        $routes[0].Valid | Should -BeTrue
        $routes[0].Best | Should -BeTrue
        $start = @(Get-SimulatorRequests $sim -Method GET -Path "$lg/lookingGlass/bgpSessions/$sessionId/received")
        $start.Count | Should -Be 1
        $start[0].query | Should -Be '?async=true'
        @(Get-SimulatorRequests $sim -Method GET -Path "$lg/lookingGlass/bgpSessions/async/*").Count | Should -BeGreaterThan 0
    }

    It 'writes what the MCR advertises, its own AS first' {
        $routes = @(Get-MegaportMcrBgpSession -ProductUid $mcrUid | Get-MegaportMcrBgpNeighborRoute -Direction advertised -IpAddress 10.200.0.0/24)
        $routes.Count | Should -Be 1
        $routes[0].Direction | Should -Be 'Advertised'
        $routes[0].Prefix | Should -Be '10.200.0.0/30'
        $routes[0].NextHop | Should -Be '10.200.0.1'
        $routes[0].AsPath | Should -Be @(133937)
        (Get-SimulatorRequests $sim -Method GET -Path "$lg/lookingGlass/bgpSessions/*/advertised")[-1].query | Should -Match 'ip=10\.200\.0\.0%2F24'
    }

    It 'passes on the API''s refusal of a session the MCR does not have' {
        $null = Get-MegaportMcrBgpNeighborRoute -ProductUid $mcrUid -SessionId 'no-such-session' -Direction Received -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MegaportValidationFailed,*'
    }
}

Describe 'Test-MegaportMcrConnection and Trace-MegaportMcrRoute' {
    BeforeEach { Reset-LookingGlass }

    It 'pings from the MCR: one result with the statistics, after starting and polling the operation' {
        $null = Set-LookingGlass @{ operationDelayMs = 400 }
        $r = Test-MegaportMcrConnection -ProductUid $mcrUid -Destination 10.200.0.2 -Count 3 -Size 1400 -Source 10.200.0.1
        $r | Should -BeOfType ([Megaport.McrPingResult])
        $r.PacketsTransmitted | Should -Be 3
        $r.PacketsReceived | Should -Be 3
        $r.PacketLossPercent | Should -Be 0
        $r.Reachable | Should -BeTrue
        $r.MinimumRttMs | Should -BeGreaterThan 0
        $r.MinimumRttMs | Should -BeLessOrEqual $r.AverageRttMs
        $r.AverageRttMs | Should -BeLessOrEqual $r.MaximumRttMs
        $r.RawOutput | Should -Match '3 packets transmitted, 3 received'
        $r.Destination | Should -Be '10.200.0.2'
        $r.Source | Should -Be '10.200.0.1'
        $start = @(Get-SimulatorRequests $sim -Method GET -Path "$lg/diagnostics/ping")
        $start.Count | Should -Be 1
        $start[0].query | Should -Be '?destination_address=10.200.0.2&source_address=10.200.0.1&packet_count=3&packet_size=1400'
        $polls = @(Get-SimulatorRequests $sim -Method GET -Path "$lg/diagnostics/routes/operation")
        $polls.Count | Should -BeGreaterThan 1
        $polls[0].query | Should -Match '^\?operationId=[0-9a-f-]+$'
    }

    It 'reports an unreachable destination as 100% loss; -Quiet writes a Boolean' {
        $r = Get-MegaportService -ProductUid $mcrUid | Test-MegaportMcrConnection -Destination 192.0.2.1
        $r.PacketsReceived | Should -Be 0
        $r.PacketLossPercent | Should -Be 100
        $r.Reachable | Should -BeFalse
        Test-MegaportMcrConnection -ProductUid $mcrUid -Destination 192.0.2.1 -Quiet | Should -BeExactly $false
        Test-MegaportMcrConnection -ProductUid $mcrUid -Destination 10.200.0.2 -Quiet | Should -BeExactly $true
    }

    It 'traces the route: one object per hop, with its probes' {
        $hops = @(Trace-MegaportMcrRoute -ProductUid $mcrUid -Destination 10.77.1.9 -Verbose 4>$null)
        $hops.Count | Should -BeGreaterOrEqual 2
        $hops | ForEach-Object { $_ | Should -BeOfType ([Megaport.McrTracerouteHop]) }
        $hops.Hop | Should -Be (1..$hops.Count)
        $hops[0].Host | Should -Be '10.200.0.2'
        $hops[-1].Host | Should -Be '10.77.1.9'
        $hops[0].Probes.Count | Should -Be 3
        $hops[0].Probes[0] | Should -BeOfType ([Megaport.McrTracerouteProbe])
        $hops[0].Probes[0].RttMs | Should -BeGreaterThan 0
        (Get-SimulatorRequests $sim -Method GET -Path "$lg/diagnostics/traceroute")[0].query | Should -Be '?destination_address=10.77.1.9'
    }

    It 'writes the MCR''s traceroute output to the verbose stream, and probes without an answer as nulls' {
        $verbose = @(Trace-MegaportMcrRoute -ProductUid $mcrUid -Destination 192.0.2.1 -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] })
        ($verbose.Message -join "`n") | Should -Match 'traceroute to 192\.0\.2\.1'
        $hops = @(Trace-MegaportMcrRoute -ProductUid $mcrUid -Destination 192.0.2.1)
        $hops[0].Host | Should -BeNullOrEmpty
        $hops[0].Probes[0].RttMs | Should -BeNullOrEmpty
    }

    It 'passes on the API''s refusal of a source address that is not the MCR''s' {
        $null = Test-MegaportMcrConnection -ProductUid $mcrUid -Destination 10.200.0.2 -Source 10.9.9.9 -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MegaportValidationFailed,*'
        $err[0].Exception.Message | Should -Match 'source_address'
    }
}

Describe 'Refusals' {
    BeforeEach { Reset-LookingGlass }

    It 'refuses <Case> before any request, with MegaportInvalidArgument' -ForEach @(
        @{ Case = 'a route filter that is no address'; Command = 'Get-MegaportMcrRoute'; P = @{ IpAddress = 'ten.0.0.0' } }
        @{ Case = 'a prefix length over 32'; Command = 'Get-MegaportMcrRoute'; P = @{ IpAddress = '10.0.0.0/33' } }
        @{ Case = 'a zero timeout'; Command = 'Get-MegaportMcrRoute'; P = @{ Timeout = 0 } }
        @{ Case = 'a short IPv4 filter'; Command = 'Get-MegaportMcrBgpRoute'; P = @{ IpAddress = '10.1' } }
        @{ Case = 'a host name to ping'; Command = 'Test-MegaportMcrConnection'; P = @{ Destination = 'example.com' } }
        @{ Case = 'a destination with a prefix length'; Command = 'Test-MegaportMcrConnection'; P = @{ Destination = '10.200.0.2/30' } }
        @{ Case = 'count 0'; Command = 'Test-MegaportMcrConnection'; P = @{ Destination = '10.200.0.2'; Count = 0 } }
        @{ Case = 'count 61'; Command = 'Test-MegaportMcrConnection'; P = @{ Destination = '10.200.0.2'; Count = 61 } }
        @{ Case = 'size 0'; Command = 'Test-MegaportMcrConnection'; P = @{ Destination = '10.200.0.2'; Size = 0 } }
        @{ Case = 'size 9187'; Command = 'Test-MegaportMcrConnection'; P = @{ Destination = '10.200.0.2'; Size = 9187 } }
        @{ Case = 'a bad source'; Command = 'Test-MegaportMcrConnection'; P = @{ Destination = '10.200.0.2'; Source = '10.200.0.300' } }
        @{ Case = 'a bad traceroute destination'; Command = 'Trace-MegaportMcrRoute'; P = @{ Destination = '999.1.1.1' } }
        @{ Case = 'an empty session id'; Command = 'Get-MegaportMcrBgpNeighborRoute'; P = @{ SessionId = ' '; Direction = 'Received' } }
        @{ Case = 'a UID with a wildcard'; Command = 'Get-MegaportMcrBgpSession'; P = @{ ProductUid = 'syd*' } }
    ) {
        $params = @{ ProductUid = $mcrUid }
        foreach ($k in $P.Keys) { $params[$k] = $P[$k] }
        $before = (Get-ApiRequests).Count
        $null = & $Command @params -ErrorVariable err -ErrorAction SilentlyContinue 2>$null
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MegaportInvalidArgument,*'
        (Get-ApiRequests).Count | Should -Be $before
    }

    It 'reads a service that is not an MCR and refuses it without asking its looking glass' {
        foreach ($command in 'Get-MegaportMcrRoute', 'Get-MegaportMcrBgpRoute', 'Get-MegaportMcrBgpSession') {
            $null = & $command -ProductUid $portUid -ErrorVariable err -ErrorAction SilentlyContinue
            $err[0].FullyQualifiedErrorId | Should -BeLike 'MegaportInvalidArgument,*'
            $err[0].Exception.Message | Should -Match 'not an MCR'
        }
        $null = Test-MegaportMcrConnection -ProductUid $portUid -Destination 10.0.0.1 -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MegaportInvalidArgument,*'
        (Get-ApiRequests).path | Sort-Object -Unique | Should -Be "/v2/product/$portUid"
    }

    It 'reports an unknown MCR as MegaportServiceNotFound and goes on with the next' {
        $routes = @('0b0b0b0b-0000-4000-8000-000000000000', $mcrUid | Get-MegaportMcrBgpSession -ErrorVariable err -ErrorAction SilentlyContinue)
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MegaportServiceNotFound,*'
        $routes.Count | Should -Be 1
    }
}

Describe 'Waiting for jobs and operations' {
    BeforeEach { Reset-LookingGlass }

    It 'times out with a non-terminating MegaportWaitTimeout when the job takes longer than -Timeout' {
        $null = Set-LookingGlass @{ jobDelayMs = 600000 }
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $routes = @(Get-MegaportMcrRoute -ProductUid $mcrUid -Timeout ([timespan]::FromMilliseconds(300)) -ErrorVariable err -ErrorAction SilentlyContinue)
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 5
        $routes.Count | Should -Be 0
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MegaportWaitTimeout,*'
        $err[0].CategoryInfo.Category | Should -Be 'OperationTimeout'
        $err[0].Exception.Message | Should -Match 'PENDING|PROCESSING'
        $err[0].TargetObject | Should -Be $mcrUid
    }

    It 'times out a ping the same way' {
        $null = Set-LookingGlass @{ operationDelayMs = 600000 }
        $null = Test-MegaportMcrConnection -ProductUid $mcrUid -Destination 10.200.0.2 -Timeout '00:00:00.3' -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MegaportWaitTimeout,*'
    }

    It 'reports a FAILED job as MegaportApiError' {
        $null = Set-LookingGlass @{ jobOutcome = 'FAILED' }
        $null = Get-MegaportMcrBgpSession -ProductUid $mcrUid | Get-MegaportMcrBgpNeighborRoute -Direction Received -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MegaportApiError,*'
        $err[0].Exception.Message | Should -Match 'FAILED'
    }

    It 'stops a long poll promptly on Ctrl+C' {
        $null = Set-LookingGlass @{ jobDelayMs = 600000 }
        $ps = New-ModulePowerShell
        try {
            $null = $ps.AddCommand('Get-MegaportMcrRoute').AddParameters(@{ ProductUid = $mcrUid; Session = $session })
            $null = $ps.BeginInvoke()
            $deadline = [datetime]::UtcNow.AddSeconds(20)
            while (@(Get-SimulatorRequests $sim -Method GET -Path "$lg/lookingGlass/routes/async/*").Count -lt 2 -and [datetime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 20 }
            $ps.InvocationStateInfo.State | Should -Be 'Running'
            $watch = [Diagnostics.Stopwatch]::StartNew()
            $ps.Stop()
            $watch.Elapsed.TotalSeconds | Should -BeLessThan 1.5
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
        }
        finally { $ps.Dispose() }
    }

    It 'backs off and keeps polling while the API answers 429 beyond the client''s retries' {
        Add-SimulatorFault $sim @{ method = 'GET'; path = "$lg/lookingGlass/routes/async/*"; kind = 'status'; status = 429; retryAfter = '5'; count = 6 }
        $verbose = @(Get-MegaportMcrRoute -ProductUid $mcrUid -Verbose 4>&1)
        @($verbose | Where-Object { $_ -is [Megaport.McrRoute] }).Count | Should -BeGreaterThan 0
        ($verbose | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message -join "`n" |
            Should -Match 'HTTP 429; waiting 5\.0 s before polling again'
        $polls = @(Get-SimulatorRequests $sim -Method GET -Path "$lg/lookingGlass/routes/async/*")
        @($polls | Where-Object status -eq 429).Count | Should -Be 6
        $polls[-1].status | Should -Be 200
    }

    It 'ends with MegaportRateLimited when the MCR''s diagnostics allowance is used up, after honouring Retry-After' {
        $null = Set-LookingGlass @{ diagnosticsPerMinute = 2 }
        1..2 | ForEach-Object { $null = Test-MegaportMcrConnection -ProductUid $mcrUid -Destination 10.200.0.2 -Count 1 }
        $err = { Trace-MegaportMcrRoute -ProductUid $mcrUid -Destination 10.200.0.2 -ErrorAction Stop } | Should -Throw -ErrorId 'MegaportRateLimited*' -PassThru
        $err.CategoryInfo.Category | Should -Be 'LimitsExceeded'
        $refused = @(Get-SimulatorRequests $sim -Method GET -Path "$lg/diagnostics/traceroute")
        $refused.Count | Should -Be 4     # the first try and the client's 3 retries
        $refused.status | Sort-Object -Unique | Should -Be 429
    }

    It 'forgets its settings on reset' {
        $null = Set-LookingGlass @{ jobDelayMs = 1234; diagnosticsPerMinute = 3; jobOutcome = 'FAILED' }
        Reset-TestSimulator $sim
        $config = Invoke-SimulatorAdmin $sim -Path '/_simulator/lookingGlass'
        $config.jobDelayMs | Should -Be 500
        $config.diagnosticsPerMinute | Should -Be 10
        $config.jobOutcome | Should -Be 'COMPLETE'
    }
}

Describe 'Views' {
    BeforeAll { Reset-LookingGlass }

    It 'renders <Name> as a table within 120 columns' -ForEach @(
        @{ Name = 'routes'; Run = { Get-MegaportMcrRoute -ProductUid $mcrUid } }
        @{ Name = 'BGP routes'; Run = { Get-MegaportMcrBgpRoute -ProductUid $mcrUid } }
        @{ Name = 'sessions'; Run = { Get-MegaportMcrBgpSession -ProductUid $mcrUid } }
        @{ Name = 'neighbor routes'; Run = { Get-MegaportMcrBgpSession -ProductUid $mcrUid | Get-MegaportMcrBgpNeighborRoute -Direction Received } }
        @{ Name = 'a ping'; Run = { Test-MegaportMcrConnection -ProductUid $mcrUid -Destination 10.200.0.2 -Count 2 } }
        @{ Name = 'a traceroute'; Run = { Trace-MegaportMcrRoute -ProductUid $mcrUid -Destination 10.77.0.5 } }
    ) {
        $lines = (& $Run | Format-Table | Out-String -Width 120) -split "`n" | Where-Object { $_.Trim() }
        $lines.Count | Should -BeGreaterThan 2
        $lines | ForEach-Object { $_.TrimEnd().Length | Should -BeLessOrEqual 120 }
    }
}
