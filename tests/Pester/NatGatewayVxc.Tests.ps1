# VXCs from a NAT gateway: the A-End's interfaces with the gateway's packet filters (by description or id) and prefix
# lists (by name) resolved to ids, no natIpAddresses, no connectType, no A-End VLAN; exact request bodies from the
# simulator's journal; -WhatIf prices through validate and buys nothing; bad input sends no order and no change.
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $sim = Start-TestSimulator -ProvisionDelayMs 0
    $null = Connect-TestSimulator $sim
    $Nat = '9b2e6d4f-3a7c-4e1b-8f5d-2c6a0e9b4d13'        # Sydney NAT Gateway: packet filter 1 'permit-https', prefix list 2 'private-v4'
    $NatVxc = '1f7c5a3e-9d2b-4c6f-b8a4-6e0d2f4b8c57'     # Sydney NAT to Primary
    $Mcr = '3e7f2a9c-8d1b-4e6a-9f4c-0b5d8e2a6c65'
    $Secondary = '7a9e4c2b-1d3f-4b8e-9a6c-5e0f2d7b1c34'

    function Get-LastBody([string]$Method, [string]$Path) { @(Get-ReceivedBodies $sim -Method $Method -Path $Path)[-1] }
    function ConvertTo-Compact($Value) { $Value | ConvertTo-Json -Depth 20 -Compress }
    # Requests that order or change something: every POST, PUT and DELETE (validate included) but the token's.
    function Get-WritingRequest { @(Get-SimulatorRequests $sim | Where-Object { $_.method -in 'POST', 'PUT', 'DELETE' -and $_.path -notlike '/oauth2/*' }) }
    function New-NatInterface {
        $peer = New-MegaportBgpPeerConfig -PeerAsn 65010 -PeerIpAddress 10.30.0.2 -ImportPrefixList 'private-v4'
        New-MegaportMcrInterfaceConfig -IpAddress 10.30.0.1/30 -BgpPeer $peer -PacketFilterIn 'permit-https' -PacketFilterOut 1
    }
    $expected = '{"interfaces":[{"ipAddresses":["10.30.0.1/30"],"bgpConnections":[{"peerAsn":65010,"localIpAddress":"10.30.0.1","peerIpAddress":"10.30.0.2","shutdown":false,"bfdEnabled":false,"importWhitelist":2}],"packetFilterIn":1,"packetFilterOut":1}]}'
}
AfterAll {
    Disconnect-Megaport
    Stop-MegaportSimulator $sim
}

Describe 'New-MegaportVxc from a NAT gateway' {
    BeforeEach { Reset-TestSimulator $sim }

    It 'sends the interfaces with the filters and the prefix list as ids, no connectType and no A-End VLAN' {
        $vxc = Get-MegaportNatGateway -ProductUid $Nat |
            New-MegaportVxc -Name 'nat-to-secondary' -RateLimit 200 -BEndProductUid $Secondary -BEndVlan 1300 -AEndInterface (New-NatInterface)
        $vxc | Should -BeOfType ([Megaport.Vxc])
        $vxc.AEnd.ProductUid | Should -Be $Nat
        $vxc.ProvisioningStatus | Should -BeIn 'CONFIGURED', 'LIVE'
        $line = (Get-LastBody POST '/v4/networkdesign/buy').networkDesign[0]
        $line.productUid | Should -Be $Nat
        $aEnd = $line.associatedVxcs[0].aEnd
        @($aEnd.PSObject.Properties.Name) | Should -Be @('partnerConfig')
        ConvertTo-Compact $aEnd.partnerConfig | Should -Be $expected
        $line.associatedVxcs[0].bEnd.vlan | Should -Be 1300
        # The validate call carried the same line.
        ConvertTo-Compact (Get-LastBody POST '/v3/networkdesign/validate')[0].associatedVxcs[0].aEnd.partnerConfig | Should -Be $expected
        # The VXC keeps the filters: the API shows them on the A-End's vRouter interface.
        $csp = (Invoke-RawApi $sim "/v2/product/$($vxc.ProductUid)").data.resources.csp_connection
        $csp.interfaces[0].packetFilterIn | Should -Be 1
        $csp.interfaces[0].packetFilterOut | Should -Be 1
    }

    It 'takes the gateway by UID and the interface as a hashtable, filters by id or in another case' {
        $null = New-MegaportVxc -AEndProductUid $Nat -Name 'nat-hashtable' -RateLimit 100 -BEndProductUid $Secondary -AEndInterface @{
            IpAddress = '10.31.0.1/30'; PacketFilterIn = 'PERMIT-HTTPS'; StaticRoute = @{ Prefix = '192.168.9.0/24'; NextHop = '10.31.0.2' }
        }
        $config = (Get-LastBody POST '/v4/networkdesign/buy').networkDesign[0].associatedVxcs[0].aEnd.partnerConfig
        ConvertTo-Compact $config | Should -Be '{"interfaces":[{"ipAddresses":["10.31.0.1/30"],"ipRoutes":[{"prefix":"192.168.9.0/24","nextHop":"10.31.0.2"}],"packetFilterIn":1}]}'
        # The -Mcr* shortcut configures a NAT gateway end too.
        $null = New-MegaportVxc -AEndProductUid $Nat -Name 'nat-shortcut' -RateLimit 100 -BEndProductUid $Secondary -McrIpAddress 10.32.0.1/30 -McrPeerIpAddress 10.32.0.2 -McrPeerAsn 65032
        $config = (Get-LastBody POST '/v4/networkdesign/buy').networkDesign[0].associatedVxcs[0].aEnd.partnerConfig
        $config.interfaces[0].bgpConnections[0].peerAsn | Should -Be 65032
        $config.PSObject.Properties.Name | Should -Not -Contain 'connectType'
    }

    It '-WhatIf shows the price from validate and buys nothing' {
        $before = @(Get-WritingRequest).Count
        $run = Invoke-FreshPwsh ((Get-ConnectScript $sim) + "`n" + @"
`$peer = New-MegaportBgpPeerConfig -PeerAsn 65010 -PeerIpAddress 10.30.0.2 -ImportPrefixList 'private-v4'
`$i = New-MegaportMcrInterfaceConfig -IpAddress 10.30.0.1/30 -BgpPeer `$peer -PacketFilterIn 'permit-https' -PacketFilterOut 1
New-MegaportVxc -AEndProductUid $Nat -Name 'nat-whatif' -RateLimit 200 -BEndProductUid $Secondary -AEndInterface `$i -WhatIf
"@)
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Output | Should -Match "What if: .*VXC 'nat-whatif' \(200 Mbps\) from Sydney NAT Gateway to Sydney Secondary.*AUD"
        $new = @(Get-WritingRequest | Select-Object -Skip $before)
        @($new | ForEach-Object { "$($_.method) $($_.path)" }) | Should -Be @('POST /v3/networkdesign/validate')
        ConvertTo-Compact ($new[0].body | ConvertFrom-Json)[0].associatedVxcs[0].aEnd.partnerConfig | Should -Be $expected
        (Get-SimulatorStats $sim).buyCalls | Should -Be 0
        @(Get-MegaportService -Name 'nat-whatif').Count | Should -Be 0
    }

    It 'refuses, before any order request: <Case>' -ForEach @(
        @{ Case = 'NAT addresses'; Interface = @{ IpAddress = '10.33.0.1/30'; NatIpAddress = '203.0.113.9' }; Match = 'NatIpAddress (203.0.113.9) is not allowed on a NAT gateway end'; Reads = 1 }
        @{ Case = 'an unknown filter name'; Interface = @{ IpAddress = '10.33.0.1/30'; PacketFilterIn = 'web' }; Match = "PacketFilterIn 'web' is not a packet filter of NAT gateway 'Sydney NAT Gateway'; it has 'permit-https' (1)" }
        @{ Case = 'an unknown filter id'; Interface = @{ IpAddress = '10.33.0.1/30'; PacketFilterOut = 7 }; Match = "PacketFilterOut '7' is not a packet filter of NAT gateway" }
        @{ Case = 'an MCR''s prefix list'; Interface = @{ IpAddress = '10.33.0.1/30'; BgpPeer = @{ PeerAsn = 65033; PeerIpAddress = '10.33.0.2'; ImportPrefixList = 'Azure VNets' } }; Match = "-ImportPrefixList 'Azure VNets' is not a prefix list of NAT gateway 'Sydney NAT Gateway'; it has 'private-v4'" }
    ) {
        $reads = @(Get-SimulatorRequests $sim -Method GET).Count
        $before = @(Get-WritingRequest).Count
        $null = New-MegaportVxc -AEndProductUid $Nat -Name 'nat-bad' -RateLimit 100 -BEndProductUid $Secondary -AEndInterface $Interface -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MegaportInvalidArgument,*'
        $err[0].Exception.Message | Should -Match ([regex]::Escape($Match))
        @(Get-WritingRequest).Count | Should -Be $before
        # NAT addresses are refused as soon as the A-End is known to be a NAT gateway: one read, of the A-End.
        if ($Reads) { @(Get-SimulatorRequests $sim -Method GET).Count - $reads | Should -Be $Reads }
    }

    It 'refuses an A-End VLAN, packet filters on an MCR, and IPsec tunnels from a NAT gateway, before any order request' {
        $before = @(Get-WritingRequest).Count
        $key = ConvertTo-SecureString 'a-long-pre-shared-key' -AsPlainText -Force
        $cases = @(
            @{ Run = { New-MegaportVxc -AEndProductUid $Nat -Name 'x' -RateLimit 10 -BEndProductUid $Secondary -AEndVlan 100 -ErrorAction Stop }; Match = 'Megaport allocates its VLAN' }
            @{ Run = { New-MegaportVxc -AEndProductUid $Mcr -Name 'x' -RateLimit 10 -BEndProductUid $Secondary -AEndInterface @{ IpAddress = '10.1.0.1/30'; PacketFilterIn = 1 } -ErrorAction Stop }; Match = "only a NAT gateway end has; MCR 'Sydney MCR' is not one" }
            @{ Run = { New-MegaportVxc -AEndProductUid $Nat -Name 'x' -RateLimit 10 -Internet -IpsecTunnel (New-MegaportIpsecTunnelConfig -SourceIpAddress 192.0.2.1/30 -DestinationIpAddress 198.51.100.1 -PreSharedKey $key) -ErrorAction Stop }; Match = 'configure an MCR A-End' }
        )
        foreach ($c in $cases) {
            $record = $null
            try { & $c.Run } catch { $record = $_ }
            $record.FullyQualifiedErrorId | Should -BeLike 'MegaportInvalidArgument,*'
            $record.Exception.Message | Should -Match ([regex]::Escape($c.Match))
        }
        @(Get-WritingRequest).Count | Should -Be $before
    }
}

Describe 'Set-MegaportVxc -AEndInterface on a NAT gateway''s VXC' {
    BeforeEach { Reset-TestSimulator $sim }

    It 'sends the new interfaces as the aEndConfig, filters and prefix lists as ids; -WhatIf sends nothing' {
        $interface = New-NatInterface
        Get-MegaportService -ProductUid $NatVxc | Set-MegaportVxc -AEndInterface $interface -WhatIf
        @(Get-SimulatorRequests $sim -Method PUT).Count | Should -Be 0
        $vxc = Get-MegaportService -ProductUid $NatVxc | Set-MegaportVxc -AEndInterface $interface -PassThru
        $vxc.ProvisioningStatus | Should -BeIn 'CONFIGURED', 'LIVE'
        $body = Get-LastBody PUT "/v3/product/vxc/$NatVxc"
        @($body.PSObject.Properties.Name) | Should -Be @('aEndConfig')
        ConvertTo-Compact $body.aEndConfig | Should -Be $expected
    }

    It 'refuses an A-End VLAN for the gateway (Megaport allocates it) before any change, under -WhatIf too' {
        $vxc = Get-MegaportService -ProductUid $NatVxc
        foreach ($p in @(@{ AEndVlan = 100 }, @{ AEndInnerVlan = 200 }, @{ AEndVlan = 100; WhatIf = $true })) {
            $null = $vxc | Set-MegaportVxc @p -ErrorVariable err -ErrorAction SilentlyContinue
            $err[0].FullyQualifiedErrorId | Should -BeLike 'MegaportInvalidArgument,*'
            $err[0].Exception.Message | Should -Match 'Megaport allocates its VLAN'
        }
        @(Get-WritingRequest).Count | Should -Be 0
    }

    It 'refuses NAT addresses and an unknown filter before any change' {
        $vxc = Get-MegaportService -ProductUid $NatVxc
        foreach ($interface in @(@{ IpAddress = '10.0.0.1/30'; NatIpAddress = '203.0.113.9' }, @{ IpAddress = '10.0.0.1/30'; PacketFilterOut = 'no-such-filter' })) {
            $null = $vxc | Set-MegaportVxc -AEndInterface $interface -ErrorVariable err -ErrorAction SilentlyContinue
            $err[0].FullyQualifiedErrorId | Should -BeLike 'MegaportInvalidArgument,*'
        }
        @(Get-SimulatorRequests $sim -Method PUT).Count | Should -Be 0
    }
}

Describe 'New-MegaportMcrInterfaceConfig -PacketFilterIn/-PacketFilterOut' {
    It 'keeps the names as given, shows them in the view, and refuses an empty one' {
        $i = New-MegaportMcrInterfaceConfig -IpAddress 10.0.0.1/30 -PacketFilterIn 'permit-https' -PacketFilterOut 3
        $i.PacketFilterIn | Should -Be 'permit-https'
        $i.PacketFilterOut | Should -Be '3'
        ($i | Format-Table | Out-String -Width 200) | Should -Match 'permit-https / 3'
        { New-MegaportMcrInterfaceConfig -IpAddress 10.0.0.1/30 -PacketFilterIn ' ' -ErrorAction Stop } | Should -Throw -ErrorId 'MegaportInvalidArgument*'
    }
}
