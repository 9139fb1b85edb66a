# NAT gateway route diagnostics: an asynchronous operation polled until it has routes (at the test timings: 20 ms first
# poll), typed IP and BGP routes, the neighbour's routes, 429 back-off (Retry-After, then a few more rounds), timeouts.
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $sim = Start-TestSimulator -ProvisionDelayMs 300
    $null = Connect-TestSimulator $sim
    $Nat = '9b2e6d4f-3a7c-4e1b-8f5d-2c6a0e9b4d13'
    $Root = "/v3/products/nat_gateways/$Nat/diagnostics/routes"
    function Get-Calls([string]$Path) { @(Get-SimulatorRequests $sim -Method GET -Path $Path) }
}
AfterAll {
    Disconnect-Megaport
    Stop-MegaportSimulator $sim
}

Describe 'Get-MegaportNatGatewayRoute' {
    BeforeEach { Reset-TestSimulator $sim }

    It 'asks once and polls the operation until it has the routing table' {
        $routes = @(Get-MegaportNatGateway -ProductUid $Nat | Get-MegaportNatGatewayRoute)
        $routes | ForEach-Object { $_ | Should -BeOfType ([Megaport.NatGatewayIpRoute]) }
        $routes.Prefix | Should -Be @('0.0.0.0/0', '10.0.0.0/30', '172.16.0.0/16', '192.168.100.0/24')
        ($routes | Where-Object Protocol -eq 'CONNECTED').NextHopVxcName | Should -Be 'Sydney NAT to Primary'
        (Get-Calls "$Root/ip").Count | Should -Be 1
        (Get-Calls "$Root/operation").Count | Should -BeGreaterThan 1   # pending ([]) at first, then the routes
    }

    It '-IpAddress keeps the routes that cover it and is sent as ip_address; -Bgp gives BGP routes' {
        @(Get-MegaportNatGatewayRoute -ProductUid $Nat -IpAddress 172.16.5.5).Prefix | Should -Be @('0.0.0.0/0', '172.16.0.0/16')
        (Get-Calls "$Root/ip")[-1].query | Should -Be '?ip_address=172.16.5.5'
        $bgp = @(Get-MegaportNatGatewayRoute -ProductUid $Nat -Bgp)
        $bgp | ForEach-Object { $_ | Should -BeOfType ([Megaport.NatGatewayBgpRoute]) }
        ($bgp | Where-Object External).AsPath | Should -Be '65000'
        ($bgp | Where-Object External).Since.Kind | Should -Be 'Utc'
    }

    It 'Get-MegaportNatGatewayBgpNeighborRoute sends the direction and the peer' {
        $received = @(Get-MegaportNatGatewayBgpNeighborRoute -ProductUid $Nat -PeerIpAddress 10.0.0.2)
        $received.Prefix | Should -Be '192.168.100.0/24'
        (Get-Calls "$Root/bgp/neighbor")[-1].query | Should -Be '?direction=RECEIVED&peer_ip_address=10.0.0.2'
        $advertised = @(Get-MegaportNatGatewayBgpNeighborRoute -ProductUid $Nat -PeerIpAddress 10.0.0.2 -Direction Advertised)
        $advertised.AsPath | Should -Be '64512'
        $null = Get-MegaportNatGatewayBgpNeighborRoute -ProductUid $Nat -PeerIpAddress 10.9.9.9 -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MegaportValidationFailed,*'
    }

    It 'refuses bad input before any request: <Case>' -ForEach @(
        @{ Case = 'an address that is none'; Cmd = 'Get-MegaportNatGatewayRoute'; P = @{ IpAddress = 'nope' } }
        @{ Case = 'a peer that is no address'; Cmd = 'Get-MegaportNatGatewayBgpNeighborRoute'; P = @{ PeerIpAddress = '10.0.0' } }
        @{ Case = 'a UID pattern'; Cmd = 'Get-MegaportNatGatewayRoute'; P = @{ ProductUid = 'x*' } }
        @{ Case = 'a zero timeout'; Cmd = 'Get-MegaportNatGatewayRoute'; P = @{ Timeout = [timespan]::Zero } }
    ) {
        $params = @{ ProductUid = $Nat }
        foreach ($k in $P.Keys) { $params[$k] = $P[$k] }
        $before = @(Get-SimulatorRequests $sim).Count
        $null = & $Cmd @params -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MegaportInvalidArgument,*'
        @(Get-SimulatorRequests $sim).Count | Should -Be $before
    }

    It 'backs off on 429: the transport retries after Retry-After, then the poller waits a few rounds more' {
        Add-SimulatorFault $sim @{ method = 'GET'; path = "/v3/products/nat_gateways/*/diagnostics/routes/ip"; status = 429; retryAfter = '2'; count = 5 }
        $lines = Get-MegaportNatGatewayRoute -ProductUid $Nat -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message
        ($lines -join "`n") | Should -Match 'routes/ip: HTTP 429; retry 1 of 3 in 2.0 s'
        ($lines -join "`n") | Should -Match 'diagnostics are rate-limited; waiting 2 s'
        (Get-Calls "$Root/ip").Count | Should -Be 6
        (Get-Calls "$Root/operation").Count | Should -BeGreaterThan 0
    }

    It 'gives up with MegaportRateLimited when the limit holds (the simulator allows 10 requests a minute)' {
        1..10 | ForEach-Object { $null = Invoke-RawApi $sim "$Root/bgp" }
        $null = Get-MegaportNatGatewayRoute -ProductUid $Nat -Bgp -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MegaportRateLimited,*'
        (Get-Calls "$Root/bgp").Count | Should -Be (10 + 4 * 4)   # 4 rounds of the transport's 1 + 3 retries
    }

    It 'a wait that runs out is a non-terminating MegaportWaitTimeout; a design has no routes' {
        Set-SimulatorConfig $sim -ProvisionDelayMs 60000
        $null = Get-MegaportNatGatewayRoute -ProductUid $Nat -Timeout ([timespan]::FromMilliseconds(300)) -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MegaportWaitTimeout,*'
        $err[0].Exception.Message | Should -Match 'had no routes after'
        $null = Get-MegaportNatGatewayRoute -ProductUid 'd6a4f2b8-5c1e-4b9d-a7e3-4f8c2a6d0b35' -ErrorVariable err2 -ErrorAction SilentlyContinue
        $err2[0].FullyQualifiedErrorId | Should -BeLike 'MegaportValidationFailed,*'
        $err2[0].Exception.Message | Should -Match 'diagnostics need a provisioned gateway'
    }
}
