# The MCR in full: prefix filter lists, complete vRouter configs on VXC ends, the IPsec add-on and tunnels. Every
# request body is asserted as it went over the wire (the simulator's journal); bad input sends nothing; secrets
# appear in no stream, object or error.
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $sim = Start-TestSimulator -ProvisionDelayMs 20
    $session = Connect-TestSimulator $sim
    $mcrUid = '3e7f2a9c-8d1b-4e6a-9f4c-0b5d8e2a6c65'   # the seed's "Sydney MCR"

    function Get-ChangingRequest {
        @(Get-SimulatorRequests $sim | Where-Object { $_.method -in 'PUT', 'POST', 'DELETE' -and $_.path -notlike '/oauth2/*' -and $_.path -notlike '/_simulator/*' -and $_.path -ne '/v3/networkdesign/validate' })
    }
    function Get-LastBody([string]$Method, [string]$Path) { @(Get-ReceivedBodies $sim -Method $Method -Path $Path)[-1] }
    function New-Key([string]$Text) { ConvertTo-SecureString $Text -AsPlainText -Force }
}
AfterAll {
    Disconnect-Megaport
    Stop-MegaportSimulator $sim
}

Describe 'Prefix filter lists' {
    BeforeEach { Reset-TestSimulator $sim }

    It 'creates a list with the entries as given (ge/le as integers) and reads it back with integers' {
        $list = New-MegaportMcrPrefixList -ProductUid $mcrUid -Description 'customer-routes' -AddressFamily ipv4 -Entry @(
            @{ Action = 'permit'; Prefix = '10.0.0.0/8'; Le = 24 }
            [pscustomobject]@{ Action = 'DENY'; Prefix = '192.168.0.0/16'; Ge = 24; Le = 28 }
        )
        $body = Get-LastBody POST "/v2/product/mcr2/$mcrUid/prefixList"
        $body.description | Should -Be 'customer-routes'
        $body.addressFamily | Should -Be 'IPv4'
        $body.entries.Count | Should -Be 2
        $body.entries[0].action | Should -Be 'permit'
        $body.entries[0].le | Should -BeOfType ([long])
        $body.entries[0].le | Should -Be 24
        $body.entries[0].PSObject.Properties.Name | Should -Not -Contain 'ge'
        $body.entries[1].action | Should -Be 'deny'
        $list | Should -BeOfType ([Megaport.PrefixList])
        $list.Id | Should -BeGreaterThan 0
        $list.ProductUid | Should -Be $mcrUid
        $list.Entries[1].Ge | Should -BeOfType ([int])
        $list.Entries[1].Ge | Should -Be 24
        $list.Entries[1].Le | Should -Be 28
        (Get-MegaportMcrPrefixList -ProductUid $mcrUid -Description 'customer-*').Id | Should -Be $list.Id
        (Get-MegaportService -ProductUid $mcrUid | Get-MegaportMcrPrefixList -Id $list.Id).Description | Should -Be 'customer-routes'
    }

    It 'refuses bad entries locally, naming the entry, and sends nothing: <Case>' -ForEach @(
        @{ Case = 'an IPv6 prefix in an IPv4 list'; Family = 'IPv4'; Entry = @{ Action = 'permit'; Prefix = '2001:db8::/32' } }
        @{ Case = 'no prefix length'; Family = 'IPv4'; Entry = @{ Action = 'permit'; Prefix = '10.0.0.0' } }
        @{ Case = 'ge below the length'; Family = 'IPv4'; Entry = @{ Action = 'permit'; Prefix = '10.0.0.0/16'; Ge = 8 } }
        @{ Case = 'le below ge'; Family = 'IPv4'; Entry = @{ Action = 'permit'; Prefix = '10.0.0.0/8'; Ge = 24; Le = 20 } }
        @{ Case = 'le above 128'; Family = 'IPv6'; Entry = @{ Action = 'permit'; Prefix = '2001:db8::/32'; Le = 129 } }
        @{ Case = 'an unknown action'; Family = 'IPv4'; Entry = @{ Action = 'allow'; Prefix = '10.0.0.0/8' } }
        @{ Case = 'an unknown key'; Family = 'IPv4'; Entry = @{ Action = 'permit'; Prefix = '10.0.0.0/8'; Lee = 24 } }
    ) {
        $before = (Get-ChangingRequest).Count
        $null = New-MegaportMcrPrefixList -ProductUid $mcrUid -Description 'bad' -AddressFamily $Family -Entry $Entry -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MegaportInvalidArgument,*'
        $err[0].Exception.Message | Should -Match 'Entry 1'
        (Get-ChangingRequest).Count | Should -Be $before
    }

    It 'refuses a name the MCR already uses, and a port, before any change' {
        $null = New-MegaportMcrPrefixList -ProductUid $mcrUid -Description 'dup' -AddressFamily IPv4 -Entry @{ Action = 'permit'; Prefix = '10.0.0.0/8' }
        $before = (Get-ChangingRequest).Count
        $null = New-MegaportMcrPrefixList -ProductUid $mcrUid -Description 'dup' -AddressFamily IPv4 -Entry @{ Action = 'permit'; Prefix = '10.0.0.0/8' } -ErrorVariable e1 -ErrorAction SilentlyContinue
        $e1[0].FullyQualifiedErrorId | Should -BeLike 'MegaportInvalidArgument,*'
        $port = Get-MegaportService -Name 'Sydney Primary' -ProductType Port
        $null = New-MegaportMcrPrefixList -ProductUid $port.ProductUid -Description 'x' -AddressFamily IPv4 -Entry @{ Action = 'permit'; Prefix = '10.0.0.0/8' } -ErrorVariable e2 -ErrorAction SilentlyContinue
        $e2[0].FullyQualifiedErrorId | Should -BeLike 'MegaportInvalidArgument,*'
        $e2[0].Exception.Message | Should -Match 'MCR'
        (Get-ChangingRequest).Count | Should -Be $before
    }

    It 'Set- replaces the entries and renames; the PUT carries the whole list' {
        $list = New-MegaportMcrPrefixList -ProductUid $mcrUid -Description 'old' -AddressFamily IPv4 -Entry @{ Action = 'permit'; Prefix = '10.0.0.0/8' }
        $updated = $list | Set-MegaportMcrPrefixList -NewDescription 'new' -Entry @{ Action = 'deny'; Prefix = '0.0.0.0/0'; Le = 32 } -PassThru
        $body = Get-LastBody PUT "/v2/product/mcr2/$mcrUid/prefixList/$($list.Id)"
        $body.description | Should -Be 'new'
        $body.addressFamily | Should -Be 'IPv4'
        @($body.entries).Count | Should -Be 1
        $body.entries[0].le | Should -Be 32
        $updated.Description | Should -Be 'new'
        $updated.Entries[0].Action | Should -Be 'deny'
    }

    It 'Remove- is High impact: -Force removes, -WhatIf does not, an unknown name is MegaportServiceNotFound' {
        $list = New-MegaportMcrPrefixList -ProductUid $mcrUid -Description 'gone' -AddressFamily IPv4 -Entry @{ Action = 'permit'; Prefix = '10.0.0.0/8' }
        (Get-Command Remove-MegaportMcrPrefixList).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact | Should -Be 'High'
        Remove-MegaportMcrPrefixList -ProductUid $mcrUid -Description 'gone' -WhatIf
        @(Get-MegaportMcrPrefixList -ProductUid $mcrUid -Description 'gone').Count | Should -Be 1
        Remove-MegaportMcrPrefixList -ProductUid $mcrUid -Description 'gone' -Force
        @(Get-SimulatorRequests $sim -Method DELETE -Path "/v2/product/mcr2/$mcrUid/prefixList/$($list.Id)").Count | Should -Be 1
        $null = Get-MegaportMcrPrefixList -ProductUid $mcrUid -Description 'gone' -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MegaportServiceNotFound,*'
    }

    It 'a list still used by a BGP session is refused by the API, and the error says so' {
        $null = New-MegaportMcrPrefixList -ProductUid $mcrUid -Description 'in-use' -AddressFamily IPv4 -Entry @{ Action = 'permit'; Prefix = '10.0.0.0/8' }
        $port = Get-MegaportService -Name 'Sydney Primary' -ProductType Port
        $interface = New-MegaportMcrInterfaceConfig -IpAddress 10.9.9.1/30 -BgpPeer (New-MegaportBgpPeerConfig -PeerAsn 65009 -PeerIpAddress 10.9.9.2 -ImportPrefixList 'in-use')
        $null = New-MegaportVxc -AEndProductUid $mcrUid -Name 'uses-list' -RateLimit 100 -BEndProductUid $port.ProductUid -AEndInterface $interface
        $null = Remove-MegaportMcrPrefixList -ProductUid $mcrUid -Description 'in-use' -Force -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MegaportValidationFailed,*'
        @(Get-MegaportMcrPrefixList -ProductUid $mcrUid -Description 'in-use').Count | Should -Be 1
    }
}

Describe 'Full vRouter configuration on VXC ends' {
    BeforeEach { Reset-TestSimulator $sim }

    It 'New-MegaportVxc -AEndInterface sends every setting, with prefix lists resolved to their ids' {
        $in = New-MegaportMcrPrefixList -ProductUid $mcrUid -Description 'aws-in' -AddressFamily IPv4 -Entry @{ Action = 'permit'; Prefix = '10.0.0.0/8'; Le = 24 }
        $out = New-MegaportMcrPrefixList -ProductUid $mcrUid -Description 'aws-out' -AddressFamily IPv4 -Entry @{ Action = 'permit'; Prefix = '172.16.0.0/12' }
        $peer = New-MegaportBgpPeerConfig -PeerAsn 64512 -PeerIpAddress 169.254.100.2 -Password (New-Key 'bgp-Secret-71') -BfdEnabled -MedIn 5 -MedOut 50 `
            -ImportPrefixList 'aws-in' -ExportPrefixList 'aws-out' -AsPathPrependCount 2 -PeerType PRIV_CLOUD -ExportPolicy permit -DenyExportTo 169.254.9.9 -Description 'to aws'
        $interface = New-MegaportMcrInterfaceConfig -IpAddress 169.254.100.1/30 -Bfd -BfdMultiplier 5 -StaticRoute @{ Prefix = '10.50.0.0/16'; NextHop = '169.254.100.2'; Description = 'static' } -BgpPeer $peer
        $aws = Get-MegaportPartnerPort -ConnectType AWS -LocationId 3 | Select-Object -First 1
        $vxc = New-MegaportVxc -AEndProductUid $mcrUid -Name 'mcr-full' -RateLimit 500 -BEndProductUid $aws -AwsAccountId 123456789012 -AwsAsn 133937 -AEndInterface $interface
        $vxc.ProvisioningStatus | Should -BeIn 'CONFIGURED', 'LIVE'
        $line = (Get-LastBody POST '/v4/networkdesign/buy').networkDesign[0]
        $config = $line.associatedVxcs[0].aEnd.partnerConfig
        $config.PSObject.Properties.Name | Should -Not -Contain 'connectType'
        $i = $config.interfaces[0]
        $i.ipAddresses | Should -Be @('169.254.100.1/30')
        $i.bfd.txInterval | Should -Be 300
        $i.bfd.multiplier | Should -Be 5
        $i.ipRoutes[0].prefix | Should -Be '10.50.0.0/16'
        $b = $i.bgpConnections[0]
        $b.peerAsn | Should -Be 64512
        $b.localIpAddress | Should -Be '169.254.100.1'
        $b.peerIpAddress | Should -Be '169.254.100.2'
        $b.password | Should -Be 'bgp-Secret-71'
        $b.bfdEnabled | Should -BeTrue
        $b.importWhitelist | Should -Be $in.Id
        $b.exportWhitelist | Should -Be $out.Id
        $b.medIn | Should -Be 5
        $b.medOut | Should -Be 50
        $b.asPathPrependCount | Should -Be 2
        $b.peerType | Should -Be 'PRIV_CLOUD'
        $b.exportPolicy | Should -Be 'permit'
        $b.denyExportTo | Should -Be @('169.254.9.9')
        $b.description | Should -Be 'to aws'
        # The validate call carried the same config.
        ((Get-LastBody POST '/v3/networkdesign/validate')[0].associatedVxcs[0].aEnd.partnerConfig | ConvertTo-Json -Depth 10) | Should -Be ($config | ConvertTo-Json -Depth 10)
    }

    It 'takes the same configuration as hashtables' {
        $port = Get-MegaportService -Name 'Sydney Primary' -ProductType Port
        $null = New-MegaportVxc -AEndProductUid $mcrUid -Name 'mcr-hashtable' -RateLimit 100 -BEndProductUid $port.ProductUid -AEndInterface @{
            IpAddress = '10.1.1.1/30'; BgpPeer = @{ PeerAsn = 65001; PeerIpAddress = '10.1.1.2'; Password = (New-Key 'pw-1') }
        }
        $b = (Get-LastBody POST '/v4/networkdesign/buy').networkDesign[0].associatedVxcs[0].aEnd.partnerConfig.interfaces[0].bgpConnections[0]
        $b.peerAsn | Should -Be 65001
        $b.password | Should -Be 'pw-1'
    }

    It 'refuses, before any request: an unknown prefix list, both the shortcut and -AEndInterface, a port A-End, a typo in a hashtable' {
        $port = Get-MegaportService -Name 'Sydney Primary' -ProductType Port
        $withList = New-MegaportMcrInterfaceConfig -IpAddress 10.2.2.1/30 -BgpPeer (New-MegaportBgpPeerConfig -PeerAsn 65002 -PeerIpAddress 10.2.2.2 -ImportPrefixList 'no-such-list')
        $plain = New-MegaportMcrInterfaceConfig -IpAddress 10.2.2.1/30
        $cases = @(
            { New-MegaportVxc -AEndProductUid $mcrUid -Name 'x' -RateLimit 10 -BEndProductUid $port.ProductUid -AEndInterface $withList -ErrorAction Stop }
            { New-MegaportVxc -AEndProductUid $mcrUid -Name 'x' -RateLimit 10 -BEndProductUid $port.ProductUid -AEndInterface $plain -McrIpAddress 10.2.2.1/30 -ErrorAction Stop }
            { New-MegaportVxc -AEndProductUid $port.ProductUid -Name 'x' -RateLimit 10 -BEndProductUid (Get-MegaportService -Name 'Sydney Secondary').ProductUid -AEndInterface $plain -ErrorAction Stop }
        )
        $before = @(Get-SimulatorRequests $sim | Where-Object path -like '/v*/networkdesign/*').Count
        foreach ($case in $cases) { $case | Should -Throw -ErrorId 'MegaportInvalidArgument*' }
        { New-MegaportVxc -AEndProductUid $mcrUid -Name 'x' -RateLimit 10 -BEndProductUid $port.ProductUid -AEndInterface @{ IpAdress = '10.2.2.1/30' } } |
            Should -Throw -ExpectedMessage "*no setting 'IpAdress'*"
        @(Get-SimulatorRequests $sim | Where-Object path -like '/v*/networkdesign/*').Count | Should -Be $before
    }

    It 'Set-MegaportVxc -AEndInterface replaces the A-End interfaces with an aEndConfig' {
        $port = Get-MegaportService -Name 'Sydney Primary' -ProductType Port
        $vxc = New-MegaportVxc -AEndProductUid $mcrUid -Name 'mcr-set' -RateLimit 100 -BEndProductUid $port.ProductUid -McrIpAddress 10.3.3.1/30 -McrPeerIpAddress 10.3.3.2 -McrPeerAsn 65003
        $interface = New-MegaportMcrInterfaceConfig -IpAddress 10.3.3.1/30 -BgpPeer (New-MegaportBgpPeerConfig -PeerAsn 65003 -PeerIpAddress 10.3.3.2 -MedIn 100 -Shutdown)
        $null = $vxc | Set-MegaportVxc -AEndInterface $interface
        $body = Get-LastBody PUT "/v3/product/vxc/$($vxc.ProductUid)"
        @($body.PSObject.Properties.Name) | Should -Be @('aEndConfig')
        $body.aEndConfig.interfaces[0].bgpConnections[0].medIn | Should -Be 100
        $body.aEndConfig.interfaces[0].bgpConnections[0].shutdown | Should -BeTrue
    }
}

Describe 'IPsec' {
    BeforeEach { Reset-TestSimulator $sim }

    It 'Set-MegaportMcr -IpsecTunnelCount adds the add-on, changes it, and waits; Megaport.Mcr shows it' {
        $mcr = Set-MegaportMcr -ProductUid $mcrUid -IpsecTunnelCount 10 -PassThru
        (Get-LastBody POST "/v3/product/$mcrUid/addon") | ConvertTo-Json -Compress | Should -Be '{"addOnType":"IP_SEC","tunnelCount":10}'
        @(Get-SimulatorRequests $sim -Method PUT -Path "/v2/product/mcr2/$mcrUid").Count | Should -Be 0   # nothing else to change
        $mcr.IpsecTunnelCount | Should -Be 10
        $mcr.IpsecAddOnUid | Should -Not -BeNullOrEmpty
        $mcr.ProvisioningStatus | Should -BeIn 'CONFIGURED', 'LIVE'
        $mcr = $mcr | Set-MegaportMcr -IpsecTunnelCount 20 -PassThru
        (Get-LastBody PUT "/v3/product/$mcrUid/addon/$($mcr.IpsecAddOnUid)").tunnelCount | Should -Be 20
        $mcr.IpsecTunnelCount | Should -Be 20
    }

    It 'refuses a tunnel count that is not offered, locally' {
        $before = (Get-ChangingRequest).Count
        $null = Set-MegaportMcr -ProductUid $mcrUid -IpsecTunnelCount 15 -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MegaportInvalidArgument,*'
        (Get-ChangingRequest).Count | Should -Be $before
    }

    It 'orders tunnels over Megaport Internet: a sub-interface for the source, one ipSecTunnel interface each; keys never shown' {
        $null = Set-MegaportMcr -ProductUid $mcrUid -IpsecTunnelCount 10
        $key = New-Key 'Tunnel-Key-8f2c9a'
        $tunnels = @(
            New-MegaportIpsecTunnelConfig -SourceIpAddress 192.0.2.1/30 -DestinationIpAddress 198.51.100.1 -PreSharedKey $key -Passive $false -Phase1Lifetime 28800 -Phase2Lifetime 3600 -Description 'a'
            @{ SourceIpAddress = '192.0.2.1/30'; DestinationIpAddress = '198.51.100.2'; PreSharedKey = $key }
        )
        $all = & { New-MegaportVxc -AEndProductUid $mcrUid -Name 'ipsec-vxc' -RateLimit 100 -Internet -IpsecTunnel $tunnels -Verbose -Debug } *>&1 | Out-String
        $all | Should -Not -Match 'Tunnel-Key-8f2c9a'
        $interfaces = (Get-LastBody POST '/v4/networkdesign/buy').networkDesign[0].associatedVxcs[0].aEnd.partnerConfig.interfaces
        $interfaces.Count | Should -Be 3
        $interfaces[0].ipAddresses | Should -Be @('192.0.2.1/30')
        $interfaces[1].interfaceType | Should -Be 'ipSecTunnel'
        $interfaces[1].ipSecTunnelOptions.sourceIpAddress | Should -Be '192.0.2.1'
        $interfaces[1].ipSecTunnelOptions.preSharedKey | Should -Be 'Tunnel-Key-8f2c9a'
        $interfaces[1].ipSecTunnelOptions.passive | Should -BeFalse
        $interfaces[2].ipSecTunnelOptions.PSObject.Properties.Name | Should -Not -Contain 'passive'
        $read = @(Get-MegaportMcrIpsec -ProductUid $mcrUid)
        $read.Count | Should -Be 2
        $read[0].VxcName | Should -Be 'ipsec-vxc'
        ($read | Format-List * | Out-String) | Should -Not -Match 'Tunnel-Key-8f2c9a'
        ($tunnels[0] | Format-List * | Out-String) | Should -Not -Match 'Tunnel-Key-8f2c9a'
    }

    It 'refuses tunnels without the add-on, and more tunnels than it holds, before buying' {
        $key = New-Key 'Tunnel-Key-1234'
        $tunnel = New-MegaportIpsecTunnelConfig -SourceIpAddress 192.0.2.1/30 -DestinationIpAddress 198.51.100.1 -PreSharedKey $key
        $before = @(Get-SimulatorRequests $sim | Where-Object path -like '/v*/networkdesign/*').Count
        $null = New-MegaportVxc -AEndProductUid $mcrUid -Name 'no-addon' -RateLimit 100 -Internet -IpsecTunnel $tunnel -ErrorVariable e1 -ErrorAction SilentlyContinue
        $e1[0].FullyQualifiedErrorId | Should -BeLike 'MegaportInvalidArgument,*'
        $e1[0].Exception.Message | Should -Match 'IPsec add-on'
        $null = Set-MegaportMcr -ProductUid $mcrUid -IpsecTunnelCount 10
        $eleven = 1..11 | ForEach-Object { New-MegaportIpsecTunnelConfig -SourceIpAddress 192.0.2.1/30 -DestinationIpAddress "198.51.100.$_" -PreSharedKey $key }
        $null = New-MegaportVxc -AEndProductUid $mcrUid -Name 'too-many' -RateLimit 100 -Internet -IpsecTunnel $eleven -ErrorVariable e2 -ErrorAction SilentlyContinue
        $e2[0].FullyQualifiedErrorId | Should -BeLike 'MegaportInvalidArgument,*'
        $e2[0].Exception.Message | Should -Match '10 IPsec tunnels'
        @(Get-SimulatorRequests $sim | Where-Object path -like '/v*/networkdesign/*').Count | Should -Be $before
    }

    It 'a plain-text pre-shared key in a hashtable is refused' {
        { New-MegaportVxc -AEndProductUid $mcrUid -Name 'plain' -RateLimit 100 -Internet -IpsecTunnel @{ SourceIpAddress = '192.0.2.1'; DestinationIpAddress = '198.51.100.1'; PreSharedKey = 'plain-text-key' } } |
            Should -Throw -ExpectedMessage '*SecureString*'
    }
}

Describe 'The ASN rule' {
    It 'Set-MegaportMcr -Asn on an MCR with VXCs attached is the API''s MegaportValidationFailed, and the ASN stays' {
        Reset-TestSimulator $sim
        $null = Set-MegaportMcr -ProductUid $mcrUid -Asn 65020 -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MegaportValidationFailed,*'
        $err[0].Exception.Message | Should -Match 'Cannot update ASN while VXCs are attached'
        (Get-MegaportService -ProductUid $mcrUid).Asn | Should -Be 133937
    }
}
