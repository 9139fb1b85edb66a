BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $sim = Start-TestSimulator -ProvisionDelayMs 20
    $null = Connect-TestSimulator $sim
    function Get-LastOrder { @(Get-ReceivedBodies $sim -Path '/v4/networkdesign/buy')[-1].networkDesign[0] }
}
AfterAll {
    Disconnect-Megaport
    Stop-MegaportSimulator $sim
}

Describe 'New-MegaportMcr' {
    BeforeEach { Reset-TestSimulator $sim }

    It 'orders an MCR with the default ASN, from a location in the pipeline' {
        $mcr = Get-MegaportLocation -Id 3 | New-MegaportMcr -Name syd-mcr -Speed 5000 -Term 12
        $mcr | Should -BeOfType ([Megaport.Mcr])
        $mcr.Speed | Should -Be 5000
        $mcr.Asn | Should -Be 133937
        $mcr.ProvisioningStatus | Should -BeIn 'CONFIGURED', 'LIVE'
        $order = Get-LastOrder
        $order.productType | Should -Be 'MCR2'
        $order.portSpeed | Should -Be 5000
        $order.config.PSObject.Properties.Name | Should -Not -Contain 'mcrAsn'
    }

    It 'sends an ASN, a zone and the IPsec add-on when given' {
        $mcr = New-MegaportMcr -Name syd-mcr-2 -LocationId 3 -Speed 1000 -Term 1 -Asn 65010 -DiversityZone blue -IpsecTunnelCount 20
        $mcr.Asn | Should -Be 65010
        $order = Get-LastOrder
        $order.config.mcrAsn | Should -Be 65010
        $order.config.diversityZone | Should -Be 'blue'
        $order.addOns[0].addOnType | Should -Be 'IP_SEC'
        $order.addOns[0].tunnelCount | Should -Be 20
    }

    It '-WhatIf shows the price and buys nothing' {
        $run = Invoke-FreshPwsh ((Get-ConnectScript $sim) + "`nNew-MegaportMcr -Name priced -LocationId 3 -Speed 1000 -Term 12 -WhatIf")
        $run.Output | Should -Match "What if: Buying MCR 'priced' \(1000 Mbps, ASN 133937 \(default\)\) at Global Switch Sydney \(3\), 12 months for [\d,.]+ [A-Z]{3}/month"
        (Get-SimulatorStats $sim).buyCalls | Should -Be 0
    }

    It 'refuses bad input before any request: <Case>' -ForEach @(
        @{ Case = 'speed 3000'; P = @{ Speed = 3000 } }
        @{ Case = 'IPsec 15 tunnels'; P = @{ IpsecTunnelCount = 15 } }
        @{ Case = 'ASN 0'; P = @{ Asn = 0 } }
        @{ Case = 'term 2'; P = @{ Term = 2 } }
        @{ Case = 'speed not offered there'; P = @{ Speed = 100000; LocationId = 3; DiversityZone = 'red' } }
    ) {
        $params = @{ Name = 'bad-mcr'; LocationId = 3; Speed = 1000; Term = 1 }
        foreach ($k in $P.Keys) { $params[$k] = $P[$k] }
        $null = New-MegaportMcr @params -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MegaportInvalidArgument,*'
        (Get-SimulatorStats $sim).validateCalls | Should -Be 0
    }

    It 'is the A-End of a cloud VXC with its BGP interface' {
        $mcr = New-MegaportMcr -Name bgp-mcr -LocationId 3 -Speed 1000 -Term 1
        $aws = Get-MegaportPartnerPort -ConnectType AWS -LocationId 3 | Select-Object -First 1
        $vxc = $mcr | New-MegaportVxc -Name mcr-to-aws -RateLimit 100 -BEndProductUid $aws -AwsAccountId 123456789123 -AwsAsn 133937 `
            -McrIpAddress '169.254.100.1/30' -McrPeerIpAddress '169.254.100.2' -McrPeerAsn 64512 -McrBgpPassword 'bgp-pw' -McrBfd
        $vxc.AEnd.ProductUid | Should -Be $mcr.ProductUid
        $iface = (Get-LastOrder).associatedVxcs[0].aEnd.partnerConfig.interfaces[0]
        $iface.ipAddresses | Should -Be '169.254.100.1/30'
        $iface.bfd.multiplier | Should -Be 3
        $iface.bgpConnections[0].peerAsn | Should -Be 64512
        $iface.bgpConnections[0].peerIpAddress | Should -Be '169.254.100.2'
        $iface.bgpConnections[0].localIpAddress | Should -Be '169.254.100.1'
        $iface.bgpConnections[0].password | Should -Be 'bgp-pw'
        $iface.bgpConnections[0].bfdEnabled | Should -BeTrue
    }

    It 'refuses MCR BGP settings on a port A-End' {
        $port = Get-MegaportService -ProductType Port | Select-Object -First 1
        $other = Get-MegaportService -ProductType Port | Select-Object -Last 1
        $null = New-MegaportVxc -AEndProductUid $port.ProductUid -Name x -RateLimit 10 -BEndProductUid $other.ProductUid -McrIpAddress '10.0.0.1/30' -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MegaportInvalidArgument,*'
    }
}

Describe 'New-MegaportMve, Get-MegaportMveImage, Get-MegaportMveSize' {
    BeforeAll {
        $images = @(Get-MegaportMveImage)
        $medium = (Get-MegaportMveSize | Where-Object Size -eq 'MEDIUM').Label
        $image = $images | Where-Object { $_.AvailableSizes -contains $medium -or $_.AvailableSizes -contains 'MEDIUM' } | Select-Object -First 1
        $mveLocation = Get-MegaportLocation | Where-Object MveAvailable | Select-Object -First 1
    }
    BeforeEach { Reset-TestSimulator $sim }

    It 'lists images (filtered by vendor) and sizes' {
        $images.Count | Should -BeGreaterThan 5
        $images | ForEach-Object { $_ | Should -BeOfType ([Megaport.MveImage]) }
        $cisco = @(Get-MegaportMveImage -Vendor 'Cisco*')
        $cisco.Count | Should -BeGreaterThan 0
        $cisco.Vendor | Sort-Object -Unique | Should -BeLike 'Cisco*'
        $sizes = @(Get-MegaportMveSize)
        $sizes.Size | Should -Contain 'SMALL'
        $sizes.Size | Should -Contain 'X_LARGE_12'
        ($sizes | Where-Object Size -eq 'MEDIUM').CpuCoreCount | Should -BeGreaterThan 0
    }

    It 'orders an MVE with vendor config and vNICs' {
        $mve = New-MegaportMve -Name edge-1 -LocationId $mveLocation.Id -Term 12 -Vendor $image.Vendor -ImageId $image.Id -Size MEDIUM `
            -VendorConfig @{ adminSshPublicKey = 'ssh-ed25519 AAAA' } -Vnic 'Data Plane', 'Management'
        $mve | Should -BeOfType ([Megaport.Mve])
        $mve.VnicDescriptions | Should -Be @('Data Plane', 'Management')
        $order = Get-LastOrder
        $order.productType | Should -Be 'MVE'
        $order.vendorConfig.vendor | Should -Be $image.Vendor
        $order.vendorConfig.imageId | Should -Be $image.Id
        $order.vendorConfig.productSize | Should -Be 'MEDIUM'
        $order.vendorConfig.adminSshPublicKey | Should -Be 'ssh-ed25519 AAAA'
        $order.vnics.description | Should -Be @('Data Plane', 'Management')
    }

    It 'refuses an unknown image, a vendor mismatch, a bad size and too many vNICs without buying' {
        $cases = @(
            @{ ImageId = 999999 }
            @{ Vendor = 'NotAVendor' }
            @{ Size = 'HUGE' }
            @{ Vnic = 'a', 'b', 'c', 'd', 'e', 'f' }
        )
        foreach ($case in $cases) {
            $params = @{ Name = 'bad-mve'; LocationId = $mveLocation.Id; Term = 1; Vendor = $image.Vendor; ImageId = $image.Id; Size = 'MEDIUM' }
            foreach ($k in $case.Keys) { $params[$k] = $case[$k] }
            $null = New-MegaportMve @params -ErrorVariable err -ErrorAction SilentlyContinue
            $err[0].FullyQualifiedErrorId | Should -BeLike 'MegaportInvalidArgument,*'
        }
        (Get-SimulatorStats $sim).buyCalls | Should -Be 0
    }
}

Describe 'Service keys' {
    BeforeAll {
        Reset-TestSimulator $sim
        $port = New-MegaportPort -Name key-port -LocationId 3 -Speed 10000 -Term 1
        $buyer = New-MegaportPort -Name key-buyer -LocationId 2 -Speed 10000 -Term 1
    }

    It 'creates, reads and changes a key' {
        $key = $port | New-MegaportServiceKey -MaxSpeed 500 -Description 'for a partner' -ValidTo ([datetime]::UtcNow.AddDays(7))
        $key | Should -BeOfType ([Megaport.ServiceKey])
        $key.ProductUid | Should -Be $port.ProductUid
        $key.MaxSpeed | Should -Be 500
        $key.Active | Should -BeTrue
        $key.ValidTo | Should -BeGreaterThan ([datetime]::UtcNow)
        (Get-MegaportServiceKey -Key $key.Key).Description | Should -Be 'for a partner'
        @(Get-MegaportServiceKey -ProductUid $port.ProductUid).Key | Should -Contain $key.Key
        (@(Get-MegaportServiceKey).Count) | Should -BeGreaterThan 1
        $off = $key | Set-MegaportServiceKey -Active $false -PassThru
        $off.Active | Should -BeFalse
        $body = @(Get-ReceivedBodies $sim -Method PUT -Path '/v2/service/key')[-1]
        $body.key | Should -Be $key.Key
        $body.active | Should -BeFalse
    }

    It 'a VXC ordered with a key lands on the key''s port, pending approval unless pre-approved' {
        $key = New-MegaportServiceKey -ProductUid $port.ProductUid -MaxSpeed 1000
        $vxc = New-MegaportVxc -AEndProductUid $buyer.ProductUid -Name via-key -RateLimit 100 -ServiceKey $key.Key -WarningAction SilentlyContinue
        $vxc.BEnd.ProductUid | Should -Be $port.ProductUid
        $vxc.IsPendingApproval | Should -BeTrue
        @(Get-ReceivedBodies $sim -Path '/v4/networkdesign/buy')[-1].networkDesign[0].associatedVxcs[0].serviceKey | Should -Be $key.Key
        $pre = New-MegaportServiceKey -ProductUid $port.ProductUid -MaxSpeed 1000 -PreApproved
        $ok = New-MegaportVxc -AEndProductUid $buyer.ProductUid -Name via-key-2 -RateLimit 100 -ServiceKey $pre.Key
        $ok.IsPendingApproval | Should -BeFalse
        $ok.ProvisioningStatus | Should -BeIn 'CONFIGURED', 'LIVE'
    }

    It 'refuses a single-use key without a VLAN, and a bad key, before any request' {
        $before = @(Get-SimulatorRequests $sim -Method POST -Path '/v2/service/key').Count
        $null = New-MegaportServiceKey -ProductUid $port.ProductUid -MaxSpeed 100 -SingleUse -ErrorVariable e1 -ErrorAction SilentlyContinue
        $e1[0].FullyQualifiedErrorId | Should -BeLike 'MegaportInvalidArgument,*'
        $null = New-MegaportServiceKey -ProductUid $port.ProductUid -MaxSpeed 0 -ErrorVariable e2 -ErrorAction SilentlyContinue
        $e2[0].FullyQualifiedErrorId | Should -BeLike 'MegaportInvalidArgument,*'
        @(Get-SimulatorRequests $sim -Method POST -Path '/v2/service/key').Count | Should -Be $before
        $null = Get-MegaportServiceKey -Key 'no such key!' -ErrorVariable e3 -ErrorAction SilentlyContinue
        $e3[0].FullyQualifiedErrorId | Should -BeLike 'MegaportInvalidArgument,*'
    }
}
