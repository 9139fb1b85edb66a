# A NAT gateway's packet filters and prefix lists: entries in every input shape through the one converter, exact request
# bodies (ge/le as text on the wire, numbers in the module), by -Id or -Description, pipeline round trips, bad input.
BeforeDiscovery {
    $kinds = @('hashtable', 'ordered dictionary', 'pscustomobject', 'ConvertFrom-Json', 'Import-PowerShellDataFile')
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $sim = Start-TestSimulator -ProvisionDelayMs 0
    $null = Connect-TestSimulator $sim
    $Nat = '9b2e6d4f-3a7c-4e1b-8f5d-2c6a0e9b4d13'
    $psd1 = Join-Path ([IO.Path]::GetTempPath()) "megaport-nat-entry-$([guid]::NewGuid().ToString('N')).psd1"
    Set-Content -Path $psd1 -Value "@{ Action = 'permit'; SourceAddress = '0.0.0.0/0'; DestinationAddress = '10.1.0.0/16'; DestinationPorts = '443'; IpProtocol = 'tcp' }"

    function New-Entry([string]$Kind) {
        switch ($Kind) {
            'hashtable' { @{ Action = 'permit'; SourceAddress = '0.0.0.0/0'; DestinationAddress = '10.1.0.0/16'; DestinationPorts = '443'; IpProtocol = 'tcp' } }
            'ordered dictionary' { [ordered]@{ action = 'PERMIT'; sourceAddress = '0.0.0.0/0'; destinationAddress = '10.1.0.0/16'; destinationPorts = 443; ipProtocol = 6 } }
            'pscustomobject' { [pscustomobject]@{ Action = 'permit'; SourceAddress = '0.0.0.0/0'; DestinationAddress = '10.1.0.0/16'; DestinationPorts = '443'; IpProtocol = '6' } }
            'ConvertFrom-Json' { '{"action":"permit","sourceAddress":"0.0.0.0/0","destinationAddress":"10.1.0.0/16","destinationPorts":"443","ipProtocol":6}' | ConvertFrom-Json }
            'Import-PowerShellDataFile' { Import-PowerShellDataFile -Path $psd1 }
        }
    }
    function Get-LastBody([string]$Method, [string]$Path) { @(Get-ReceivedBodies $sim -Method $Method -Path $Path)[-1] }
    function Get-ChangingRequest { @(Get-SimulatorRequests $sim | Where-Object { $_.method -in 'PUT', 'POST', 'DELETE' -and $_.path -notlike '/oauth2/*' }) }
}
AfterAll {
    Disconnect-Megaport
    Stop-MegaportSimulator $sim
    Remove-Item $psd1 -ErrorAction SilentlyContinue
}

Describe 'New-MegaportNatGatewayPacketFilter -Entry as a <_>' -ForEach $kinds {
    It 'sends the entry with the API''s names (tcp as 6)' {
        Reset-TestSimulator $sim
        $f = New-MegaportNatGatewayPacketFilter -ProductUid $Nat -Description "in-$($_ -replace '\W')" -Entry (New-Entry $_)
        $f | Should -BeOfType ([Megaport.NatGatewayPacketFilter])
        $f.ProductUid | Should -Be $Nat
        $body = Get-LastBody POST "/v3/products/nat_gateways/$Nat/packet_filters"
        $body.description | Should -Be "in-$($_ -replace '\W')"
        $e = $body.entries[0]
        @($e.PSObject.Properties.Name | Sort-Object) | Should -Be @('action', 'destinationAddress', 'destinationPorts', 'ipProtocol', 'sourceAddress')
        $e.action | Should -Be 'permit'
        $e.destinationPorts | Should -Be '443'
        $e.ipProtocol | Should -Be 6
        $f.Entries[0].IpProtocol | Should -Be 6
    }
}

Describe 'Packet filters' {
    BeforeEach { Reset-TestSimulator $sim }

    It 'are listed with their entries, by -Id and by -Description with wildcards' {
        $all = @(Get-MegaportNatGateway -ProductUid $Nat | Get-MegaportNatGatewayPacketFilter)
        $all.Description | Should -Be 'permit-https'
        $all[0].Entries.Count | Should -Be 2
        $all[0].Entries[0].DestinationPorts | Should -Be '443'
        $all[0].Entries[1].Action | Should -Be 'deny'
        (Get-MegaportNatGatewayPacketFilter -ProductUid $Nat -Id 1).Description | Should -Be 'permit-https'
        @(Get-MegaportNatGatewayPacketFilter -ProductUid $Nat -Description 'permit-*').Count | Should -Be 1
        @(Get-MegaportNatGatewayPacketFilter -ProductUid $Nat -Description 'nothing*').Count | Should -Be 0
        $null = Get-MegaportNatGatewayPacketFilter -ProductUid $Nat -Id 42 -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MegaportServiceNotFound,*'
    }

    It 'Set- replaces the whole filter: read-back entries pipe back in, old -> new in the confirmation' {
        $filter = Get-MegaportNatGatewayPacketFilter -ProductUid $Nat -Id 1
        $entries = @(@{ Action = 'permit'; SourceAddress = '198.51.100.0/24'; DestinationAddress = '10.0.0.0/24'; IpProtocol = 'udp'; DestinationPorts = '53' }) + $filter.Entries
        $run = Invoke-FreshPwsh ((Get-ConnectScript $sim) + "`nSet-MegaportNatGatewayPacketFilter -ProductUid $Nat -Description permit-https -NewDescription web -WhatIf")
        $run.Output | Should -Match "Change Description 'permit-https' -> 'web'`" on target `"packet filter 'permit-https' \(1\) of NAT gateway $Nat`""
        $changed = $filter | Set-MegaportNatGatewayPacketFilter -Entry $entries -PassThru
        $changed.Entries.Count | Should -Be 3
        $body = Get-LastBody PUT "/v3/products/nat_gateways/$Nat/packet_filters/1"
        $body.description | Should -Be 'permit-https'
        $body.entries[0].ipProtocol | Should -Be 17
        $body.entries[1].description | Should -Be 'https in'
        @($body.entries[2].PSObject.Properties.Name | Sort-Object) | Should -Be @('action', 'destinationAddress', 'sourceAddress')
        (Set-MegaportNatGatewayPacketFilter -ProductUid $Nat -Description 'permit-https' -NewDescription 'web' -PassThru).Description | Should -Be 'web'
        (Get-LastBody PUT "/v3/products/nat_gateways/$Nat/packet_filters/1").entries.Count | Should -Be 3
    }

    It 'Remove- deletes by description or from the pipeline; -WhatIf deletes nothing' {
        Get-MegaportNatGatewayPacketFilter -ProductUid $Nat | Remove-MegaportNatGatewayPacketFilter -WhatIf
        Get-ChangingRequest | Should -BeNullOrEmpty
        $null = New-MegaportNatGatewayPacketFilter -ProductUid $Nat -Description temp -Entry @{ Action = 'deny'; SourceAddress = '0.0.0.0/0'; DestinationAddress = '0.0.0.0/0' }
        Remove-MegaportNatGatewayPacketFilter -ProductUid $Nat -Description temp -Force
        Get-MegaportNatGatewayPacketFilter -ProductUid $Nat | Remove-MegaportNatGatewayPacketFilter -Force
        @(Get-MegaportNatGatewayPacketFilter -ProductUid $Nat).Count | Should -Be 0
        @(Get-SimulatorRequests $sim -Method DELETE).path | Should -Be @("/v3/products/nat_gateways/$Nat/packet_filters/3", "/v3/products/nat_gateways/$Nat/packet_filters/1")
    }

    It 'refuses bad entries before any request: <Case>' -ForEach @(
        @{ Case = 'no entries'; E = @(); Match = '-Entry must hold at least one entry' }
        @{ Case = 'an unknown key'; E = @{ Action = 'permit'; SourceAddress = '0.0.0.0/0'; DestinationAddress = '0.0.0.0/0'; Port = 1 }; Match = "key 'Port'" }
        @{ Case = 'action allow'; E = @{ Action = 'allow'; SourceAddress = '0.0.0.0/0'; DestinationAddress = '0.0.0.0/0' }; Match = "Action 'allow' must be permit or deny" }
        @{ Case = 'no prefix length'; E = @{ Action = 'permit'; SourceAddress = '10.0.0.1'; DestinationAddress = '0.0.0.0/0' }; Match = 'SourceAddress' }
        @{ Case = 'no destination'; E = @{ Action = 'permit'; SourceAddress = '0.0.0.0/0' }; Match = 'DestinationAddress is required' }
        @{ Case = 'ports 70000'; E = @{ Action = 'permit'; SourceAddress = '0.0.0.0/0'; DestinationAddress = '0.0.0.0/0'; SourcePorts = '70000' }; Match = 'is not a port list' }
        @{ Case = 'protocol gre by name'; E = @{ Action = 'permit'; SourceAddress = '0.0.0.0/0'; DestinationAddress = '0.0.0.0/0'; IpProtocol = 'gre' }; Match = 'is not an IP protocol' }
        @{ Case = 'a nested value'; E = @{ Action = 'permit'; SourceAddress = @{ a = 1 }; DestinationAddress = '0.0.0.0/0' }; Match = 'must be text or a number' }
        @{ Case = 'a secret'; E = @{ Action = 'permit'; SourceAddress = (ConvertTo-SecureString x -AsPlainText -Force); DestinationAddress = '0.0.0.0/0' }; Match = 'holds a secret' }
    ) {
        $before = @(Get-SimulatorRequests $sim).Count
        $null = New-MegaportNatGatewayPacketFilter -ProductUid $Nat -Description bad -Entry $E -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MegaportInvalidArgument,*'
        $err[0].Exception.Message | Should -Match ([regex]::Escape($Match))
        @(Get-SimulatorRequests $sim).Count | Should -Be $before
    }

    It 'refuses a bad gateway UID, an empty description and a Set- with nothing to change before any request' {
        $before = @(Get-SimulatorRequests $sim).Count
        $entry = @{ Action = 'permit'; SourceAddress = '0.0.0.0/0'; DestinationAddress = '0.0.0.0/0' }
        $null = New-MegaportNatGatewayPacketFilter -ProductUid 'x*' -Description d -Entry $entry -ErrorVariable e1 -ErrorAction SilentlyContinue
        $null = New-MegaportNatGatewayPacketFilter -ProductUid $Nat -Description ' ' -Entry $entry -ErrorVariable e2 -ErrorAction SilentlyContinue
        $null = Set-MegaportNatGatewayPacketFilter -ProductUid $Nat -Id 1 -ErrorVariable e3 -ErrorAction SilentlyContinue
        $null = Remove-MegaportNatGatewayPacketFilter -ProductUid $Nat -Id 0 -Force -ErrorVariable e4 -ErrorAction SilentlyContinue
        foreach ($e in $e1, $e2, $e3, $e4) { $e[0].FullyQualifiedErrorId | Should -BeLike 'MegaportInvalidArgument,*' }
        @(Get-SimulatorRequests $sim).Count | Should -Be $before
    }
}

Describe 'Prefix lists' {
    BeforeEach { Reset-TestSimulator $sim }

    It 'send ge and le as text and show them as numbers; the family comes from the prefixes' {
        $list = Get-MegaportNatGateway -ProductUid $Nat | New-MegaportNatGatewayPrefixList -Description rfc1918 -Entry @(
            @{ Action = 'permit'; Prefix = '10.0.0.0/8'; Ge = 24; Le = 32 }
            [pscustomobject]@{ action = 'deny'; prefix = '172.16.0.0/12'; le = '24' }
        )
        $list | Should -BeOfType ([Megaport.PrefixList])
        $list.AddressFamily | Should -Be 'IPv4'
        $list.Entries[0].Ge | Should -Be 24
        $list.Entries[0].Ge | Should -BeOfType ([int])
        $raw = @(Get-SimulatorRequests $sim -Method POST -Path "/v3/products/nat_gateways/$Nat/prefix_lists")[-1].body
        $raw | Should -Match '"ge":"24","le":"32"'
        $raw | Should -Match '"action":"deny","prefix":"172.16.0.0/12","le":"24"'
        $raw | Should -Match '"addressFamily":"IPv4"'
        (Get-MegaportNatGatewayPrefixList -ProductUid $Nat -Description 'private-v4').Entries[0].Le | Should -Be 32
    }

    It 'Set- renames, replaces entries or changes the family (checked against the entries)' {
        $renamed = Set-MegaportNatGatewayPrefixList -ProductUid $Nat -Description 'private-v4' -NewDescription 'old' -PassThru
        $renamed.Description | Should -Be 'old'
        $body = Get-LastBody PUT "/v3/products/nat_gateways/$Nat/prefix_lists/2"
        $body.entries[0].ge | Should -BeOfType ([string])
        $body.entries[0].ge | Should -Be '24'
        $null = Set-MegaportNatGatewayPrefixList -ProductUid $Nat -Id 2 -AddressFamily IPv6 -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MegaportInvalidArgument,*'
        $err[0].Exception.Message | Should -Match 'is not an IPv6 prefix'
        $v6 = Get-MegaportNatGatewayPrefixList -ProductUid $Nat -Id 2 |
            Set-MegaportNatGatewayPrefixList -AddressFamily IPv6 -Entry @{ Action = 'permit'; Prefix = '2001:db8::/32'; Ge = 48 } -PassThru
        $v6.AddressFamily | Should -Be 'IPv6'
        $v6.Entries[0].Ge | Should -Be 48
    }

    It 'refuses bad entries before any request: <Case>' -ForEach @(
        @{ Case = 'mixed families'; E = @(@{ Action = 'permit'; Prefix = '10.0.0.0/8' }, @{ Action = 'permit'; Prefix = '2001:db8::/32' }); Match = 'is not an IPv4 prefix' }
        @{ Case = 'ge below the length'; E = @{ Action = 'permit'; Prefix = '10.0.0.0/16'; Ge = 8 }; Match = 'Ge 8 is shorter than the prefix length 16' }
        @{ Case = 'le below ge'; E = @{ Action = 'permit'; Prefix = '10.0.0.0/8'; Ge = 24; Le = 16 }; Match = 'Le 16 is below Ge 24' }
        @{ Case = 'le 33'; E = @{ Action = 'permit'; Prefix = '10.0.0.0/8'; Le = 33 }; Match = 'Le 33 is not a prefix length (0-32)' }
        @{ Case = 'no prefix'; E = @{ Action = 'permit' }; Match = 'Prefix is required' }
    ) {
        $before = @(Get-SimulatorRequests $sim).Count
        $null = New-MegaportNatGatewayPrefixList -ProductUid $Nat -Description bad -Entry $E -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MegaportInvalidArgument,*'
        $err[0].Exception.Message | Should -Match ([regex]::Escape($Match))
        @(Get-SimulatorRequests $sim).Count | Should -Be $before
    }

    It 'Remove- deletes a list; an unknown description is MegaportServiceNotFound' {
        Remove-MegaportNatGatewayPrefixList -ProductUid $Nat -Description 'private-v4' -Force
        @(Get-MegaportNatGatewayPrefixList -ProductUid $Nat).Count | Should -Be 0
        $null = Remove-MegaportNatGatewayPrefixList -ProductUid $Nat -Description 'private-v4' -Force -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MegaportServiceNotFound,*'
    }
}
