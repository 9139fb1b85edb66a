# The wire check: every cmdlet that sends a body, with every parameter set and optional field, against the simulator,
# which reads bodies as the real API does (exact names; unknown fields skipped and listed in the journal's
# ignoredFields). A field the API would skip is one production silently drops, so none may appear.
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $sim = Start-TestSimulator -ProvisionDelayMs 0
    $null = Connect-TestSimulator $sim
    $seedMve = '8f1b5d3e-2c7a-4f9d-b6e8-4a0c7d1f3e87'       # Sydney SD-WAN Edge: Cisco, 2 vNICs
    $demoKey = '4b9a2c1d-8e7f-4a6b-9c5d-3e2f1a0b9c8d'       # the demo account's pre-approved key on Sydney Primary
    $azureSydney = '1b2329a5-56dc-45d0-8a0d-87b706297777'
    $azureLondon = 'c3f4a1e2-9b7d-4e61-8a2c-5d0e7f6b3a91'
    $googleKey = '7e51371e-72a3-40b5-b844-2e3efefaee59/australia-southeast1/2'
    $oracleOcid = 'ocid1.virtualcircuit.oc1.ap-sydney-1.aaaaexample'
    $acme = '6056de6b-305b-5a91-a432-f2eca2cf88e3'           # Acme Hosting Sydney: its VXCs wait for approval
    $tags = @{ env = 'wire'; owner = 'network-team' }

    # Runs the cmdlets and checks every request they made: no ignored field, and each body answered 200 (201 for a created user).
    function Invoke-Wire {
        param([Parameter(Mandatory)][scriptblock]$Script, [int]$Bodies = 1)
        $before = @(Get-SimulatorRequests $sim).Count
        $result = & $Script
        $sent = @(Get-SimulatorRequests $sim | Select-Object -Skip $before)
        @($sent | Where-Object body).Count | Should -BeGreaterOrEqual $Bodies -Because 'the cmdlets send request bodies'
        foreach ($r in $sent) {
            $what = "$($r.method) $($r.path)$($r.query) $($r.body)"
            @($r.ignoredFields) -join ', ' | Should -BeNullOrEmpty -Because "the API would ignore these fields of $what"
            if ($r.body) { $r.status | Should -BeIn 200, 201 -Because $what }   # a new user is a 201
        }
        $result
    }

    $port = New-MegaportPort -Name wire-a -LocationId 3 -Speed 10000 -Term 1
    $port2 = New-MegaportPort -Name wire-b -LocationId 2 -Speed 1000 -Term 1
    $mcr = New-MegaportMcr -Name wire-mcr -LocationId 3 -Speed 1000 -Term 1
    $bareMcr = New-MegaportMcr -Name wire-mcr-bare -LocationId 3 -Speed 1000 -Term 1
}
AfterAll {
    Disconnect-Megaport
    Stop-MegaportSimulator $sim
}

Describe 'Orders send only fields the API reads' {
    It 'New-MegaportPort with every option, and a LAG' {
        Invoke-Wire -Bodies 4 {
            $null = New-MegaportPort -Name wire-port -LocationId 3 -Speed 10000 -Term 12 -MarketplaceVisibility -DiversityZone red `
                -CostCentre 'CC-WIRE' -PromoCode 'PROMO1' -Tag $tags
            $null = New-MegaportPort -Name wire-lag -LocationId 4 -Speed 10000 -Term 1 -LagCount 2
        }
    }

    It 'New-MegaportMcr with ASN, IPsec and every option' {
        Invoke-Wire -Bodies 2 {
            $null = New-MegaportMcr -Name wire-mcr-full -LocationId 3 -Speed 1000 -Term 12 -Asn 65000 -IpsecTunnelCount 10 `
                -MarketplaceVisibility -DiversityZone red -CostCentre 'CC-WIRE' -PromoCode 'PROMO1' -Tag $tags
        }
    }

    It 'New-MegaportMve <Vendor> image <ImageId> with its vendor settings' -ForEach @(
        @{ Vendor = 'Cisco'; ImageId = 92; Settings = @{ adminSshPublicKey = 'ssh-rsa AAAA'; sshPublicKey = 'ssh-rsa BBBB'; manageLocally = $true; adminPassword = 'pw'; cloudInit = '#cloud-config' } }
        @{ Vendor = 'Cisco'; ImageId = 79; Settings = @{ fmcIpAddress = '10.1.1.1'; fmcRegistrationKey = 'reg'; fmcNatId = 'nat'; adminPassword = 'pw' } }
        @{ Vendor = 'Fortinet'; ImageId = 101; Settings = @{ adminSshPublicKey = 'ssh-rsa AAAA'; sshPublicKey = 'ssh-rsa BBBB'; licenseData = 'LICENSE' } }
        @{ Vendor = 'Palo Alto'; ImageId = 104; Settings = @{ adminSshPublicKey = 'ssh-rsa AAAA'; sshPublicKey = 'ssh-rsa BBBB'; adminPasswordHash = '$1$hash'; adminPassword = 'pw'; licenseData = 'LICENSE' } }
        @{ Vendor = 'Palo Alto'; ImageId = 85; Settings = @{ ionKey = 'ion'; secretKey = 'secret' } }
        @{ Vendor = 'Aruba'; ImageId = 71; Settings = @{ accountName = 'acct'; accountKey = 'key'; systemTag = 'tag' } }
        @{ Vendor = 'Versa'; ImageId = 74; Settings = @{ directorAddress = 'director.example'; controllerAddress = 'controller.example'; localAuth = 'local'; remoteAuth = 'remote'; serialNumber = 'SN1' } }
        @{ Vendor = 'VMware'; ImageId = 68; Settings = @{ adminSshPublicKey = 'ssh-rsa AAAA'; sshPublicKey = 'ssh-rsa BBBB'; vcoAddress = 'vco.example'; vcoActivationCode = 'ACT' } }
        @{ Vendor = '6WIND'; ImageId = 83; Settings = @{ sshPublicKey = 'ssh-rsa AAAA' } }
        @{ Vendor = 'Aviatrix'; ImageId = 90; Settings = @{ cloudInit = '#cloud-config' } }
        @{ Vendor = 'Meraki'; ImageId = 97; Settings = @{ token = 'meraki-token' } }
    ) {
        Invoke-Wire -Bodies 2 {
            $null = New-MegaportMve -Name "wire-mve-$ImageId" -LocationId 4 -Term 12 -Vendor $Vendor -ImageId $ImageId -Size SMALL `
                -VendorConfig $Settings -Vnic 'Data Plane', 'Management' -MveLabel 'MVE 2/8' -DiversityZone red -CostCentre 'CC-WIRE' `
                -PromoCode 'PROMO1' -Tag $tags
        }
    }

    It 'New-MegaportIx with every option' {
        Invoke-Wire -Bodies 2 {
            $null = New-MegaportIx -ProductUid $port.ProductUid -Name wire-ix -NetworkServiceType 'Sydney IX' -Asn 65100 `
                -MacAddress '00:11:22:33:44:55' -RateLimit 500 -Vlan 2345 -PromoCode 'PROMO1'
        }
    }
}

Describe 'New-MegaportVxc sends only fields the API reads, in every parameter set' {
    It 'port to port with every option' {
        Invoke-Wire -Bodies 2 {
            $null = New-MegaportVxc -AEndProductUid $port.ProductUid -BEndProductUid $port2.ProductUid -Name wire-p2p -RateLimit 100 -Term 12 `
                -AEndVlan 101 -BEndVlan 102 -AEndInnerVlan 300 -CostCentre 'CC-WIRE' -PromoCode 'PROMO1' -Tag $tags
        }
    }

    It 'from an MVE vNIC' {
        Invoke-Wire -Bodies 2 {
            $null = New-MegaportVxc -AEndProductUid $seedMve -AEndVnicIndex 1 -AEndVlan 103 -AEndInnerVlan 200 -BEndProductUid $port2.ProductUid -Name wire-mve-vxc -RateLimit 100
        }
    }

    It 'AWS hosted VIFs: private with every field, public with prefixes' {
        $aws = Get-MegaportPartnerPort -ConnectType AWS -LocationId 3 | Select-Object -First 1
        Invoke-Wire -Bodies 4 {
            $null = New-MegaportVxc -AEndProductUid $port.ProductUid -BEndProductUid $aws -Name wire-aws -RateLimit 100 -AwsAccountId 123456789012 `
                -AwsAsn 65001 -AwsConnectionType Private -AmazonAsn 64512 -AwsAuthKey 'bgp-auth' -CustomerIpAddress '169.254.10.1/30' `
                -AmazonIpAddress '169.254.10.2/30' -AwsConnectionName 'prod-vif'
            $null = New-MegaportVxc -AEndProductUid $port.ProductUid -BEndProductUid $aws -Name wire-aws-public -RateLimit 100 -AwsAccountId 123456789012 `
                -AwsAsn 65001 -AwsConnectionType Public -AwsPrefixes '203.0.113.0/24', '198.51.100.0/24'
        }
    }

    It 'AWS hosted connection' {
        $hc = Get-MegaportPartnerPort -ConnectType AWSHC -LocationId 3 | Select-Object -First 1
        Invoke-Wire -Bodies 2 {
            $null = New-MegaportVxc -AEndProductUid $port.ProductUid -BEndProductUid $hc -Name wire-awshc -RateLimit 200 -AwsHostedConnection `
                -AwsAccountId 123456789012 -AwsConnectionName 'hc-1'
        }
    }

    It 'Azure with private and Microsoft peerings, on the secondary port and on a primary' {
        Invoke-Wire -Bodies 4 {
            $null = New-MegaportVxc -AEndProductUid $port.ProductUid -Name wire-azure -RateLimit 100 -AzureServiceKey $azureSydney -AzurePortChoice Secondary `
                -AzurePeering @{ Type = 'private'; PeerAsn = 65010; PrimarySubnet = '10.0.0.0/30'; SecondarySubnet = '10.0.0.4/30'; SharedKey = 'shh'; Vlan = 100 },
                @{ Type = 'microsoft'; PeerAsn = 65011; PrimarySubnet = '203.0.113.0/30'; SecondarySubnet = '203.0.113.4/30'; Prefixes = '203.0.113.64/26'; Vlan = 101 }
            $null = New-MegaportVxc -AEndProductUid $port.ProductUid -Name wire-azure-london -RateLimit 100 -AzureServiceKey $azureLondon
        }
    }

    It 'Google (pinned to a port) and Oracle' {
        $pinned = @((Invoke-RawApi $sim "/v2/secure/google/$googleKey").data.megaports)[-1].productUid
        Invoke-Wire -Bodies 4 {
            $null = New-MegaportVxc -AEndProductUid $port.ProductUid -Name wire-google -RateLimit 100 -GooglePairingKey $googleKey -BEndProductUid $pinned
            $null = New-MegaportVxc -AEndProductUid $port.ProductUid -Name wire-oracle -RateLimit 100 -OracleVirtualCircuitId $oracleOcid
        }
    }

    It 'IBM with every field' {
        $ibm = Get-MegaportPartnerPort -ConnectType IBM -Metro Sydney | Select-Object -First 1
        Invoke-Wire -Bodies 2 {
            $null = New-MegaportVxc -AEndProductUid $port.ProductUid -BEndProductUid $ibm -Name wire-ibm -RateLimit 100 `
                -IbmAccountId '0123456789abcdef0123456789abcdef' -IbmCustomerAsn 64999 -IbmName 'dl-syd' `
                -IbmCustomerIpAddress '169.254.0.1/30' -IbmProviderIpAddress '169.254.0.2/30'
        }
    }

    It 'Megaport Internet and a service key' {
        Invoke-Wire -Bodies 4 {
            $null = New-MegaportVxc -AEndProductUid $port.ProductUid -Name wire-internet -RateLimit 100 -Internet
            $null = New-MegaportVxc -AEndProductUid $port2.ProductUid -Name wire-key -RateLimit 100 -ServiceKey $demoKey
        }
    }

    It 'an MCR A-End with the BGP shortcut (-Mcr*)' {
        $aws = Get-MegaportPartnerPort -ConnectType AWS -LocationId 3 | Select-Object -First 1
        Invoke-Wire -Bodies 2 {
            $null = $mcr | New-MegaportVxc -Name wire-mcr-aws -RateLimit 100 -BEndProductUid $aws -AwsAccountId 123456789012 -AwsAsn 133937 `
                -McrIpAddress '169.254.100.1/30' -McrPeerIpAddress '169.254.100.2' -McrPeerAsn 64512 -McrBgpPassword 'bgp-pw' -McrBfd
        }
    }
}

Describe 'Changes send only fields the API reads' {
    It 'Set-MegaportPort, Set-MegaportMcr and Set-MegaportMve with every field' {
        Invoke-Wire -Bodies 3 {
            Set-MegaportPort -ProductUid $port.ProductUid -Name wire-a-renamed -CostCentre 'CC-2' -MarketplaceVisibility $true -Term 24
            # The ASN changes only while no VXC is attached: this MCR is the one without.
            Set-MegaportMcr -ProductUid $bareMcr.ProductUid -Asn 65001 -Name wire-mcr-renamed -CostCentre 'CC-2' -MarketplaceVisibility $true -Term 12
            Set-MegaportMve -ProductUid $seedMve -VnicDescription 'inside', 'outside' -Name wire-mve-renamed -CostCentre 'CC-2' -MarketplaceVisibility $false -Term 24
        }
    }

    It 'Set-MegaportIx with every field' {
        $ix = New-MegaportIx -ProductUid $port.ProductUid -Name wire-ix-set -NetworkServiceType 'Sydney IX' -Asn 65100 -MacAddress '00:11:22:33:44:55' -RateLimit 100
        Invoke-Wire {
            Set-MegaportIx -ProductUid $ix.ProductUid -Name wire-ix-renamed -RateLimit 600 -CostCentre 'CC-2' -Vlan 2346 -MacAddress '00:11:22:33:44:66' `
                -Asn 65200 -Password 'bgp-secret' -PublicGraph $false -ReverseDns 'peer.example.' -Shutdown $true
        }
    }

    It 'Set-MegaportVxc with every change, moving both ends' {
        $vxc = New-MegaportVxc -AEndProductUid $port.ProductUid -BEndProductUid $port2.ProductUid -Name wire-move -RateLimit 50
        $c = New-MegaportPort -Name wire-c -LocationId 3 -Speed 10000 -Term 1
        $d = New-MegaportPort -Name wire-d -LocationId 2 -Speed 1000 -Term 1
        Invoke-Wire {
            Set-MegaportVxc -ProductUid $vxc.ProductUid -Name wire-moved -RateLimit 200 -AEndVlan 111 -BEndVlan 112 -AEndInnerVlan 301 -BEndInnerVlan 302 `
                -CostCentre 'CC-2' -Term 24 -Shutdown $true -AEndProductUid $c.ProductUid -BEndProductUid $d.ProductUid
        }
    }

    It 'Set-MegaportVxc -Approve and -Reject' {
        $first = New-MegaportVxc -AEndProductUid $port.ProductUid -BEndProductUid $acme -Name wire-approve -RateLimit 10 -WarningAction SilentlyContinue
        $second = New-MegaportVxc -AEndProductUid $port.ProductUid -BEndProductUid $acme -Name wire-reject -RateLimit 10 -WarningAction SilentlyContinue
        Invoke-Wire -Bodies 2 {
            Set-MegaportVxc -ProductUid $first.ProductUid -Approve
            Set-MegaportVxc -ProductUid $second.ProductUid -Reject
        }
    }

    It 'New-MegaportServiceKey with validity, and Set-MegaportServiceKey with every field' {
        $from = (Get-Date).AddMinutes(-5)
        $key = Invoke-Wire {
            New-MegaportServiceKey -ProductUid $port.ProductUid -MaxSpeed 500 -SingleUse -Vlan 2400 -PreApproved -Description 'wire key' `
                -ValidFrom $from -ValidTo $from.AddDays(30)
        }
        Invoke-Wire {
            Set-MegaportServiceKey -Key $key.Key -Active $false -ValidFrom $from -ValidTo $from.AddDays(60)
        }
    }

    It 'Set-MegaportServiceTag, merged and replaced' {
        Invoke-Wire -Bodies 2 {
            Set-MegaportServiceTag -ProductUid $port.ProductUid -Tag @{ tier = 'gold' }
            Set-MegaportServiceTag -ProductUid $port.ProductUid -Tag @{ only = 'this' } -Replace
        }
    }

    It 'lock, unlock, cancel, restore and remove send no body the API would skip' {
        $vxc = New-MegaportVxc -AEndProductUid $port.ProductUid -BEndProductUid $port2.ProductUid -Name wire-gone -RateLimit 10
        Invoke-Wire -Bodies 0 {
            Lock-MegaportService -ProductUid $vxc.ProductUid
            Unlock-MegaportService -ProductUid $vxc.ProductUid
            Remove-MegaportService -ProductUid $vxc.ProductUid -Force
            Restore-MegaportService -ProductUid $vxc.ProductUid
            Remove-MegaportService -ProductUid $vxc.ProductUid -Now -SafeDelete -Force
        }
    }
}

Describe 'Company administration and the platform send only fields the API reads' {
    It 'New-MegaportUser with a phone, and Set-MegaportUser with every field' {
        $user = Invoke-Wire { New-MegaportUser -FirstName Wire -LastName User -Email wire.user@example.com -Position 'Technical Contact' -Phone '+61400111222' }
        Invoke-Wire -Bodies 2 {
            # An invited user can only be deactivated; a user who has signed in can change in full.
            Set-MegaportUser -EmployeeId $user.EmployeeId -Active:$false
            Set-MegaportUser -EmployeeId 9002 -FirstName Terrence -LastName Techie -Email terrence@example.com -Phone '+61400333444' `
                -Position 'Company Admin' -Active $true -NotificationEnabled $false -Newsletter $true -Promotions $true
        }
    }

    It 'Set-MegaportBillingMarket with every field, piped and in full' {
        Invoke-Wire -Bodies 2 {
            Get-MegaportBillingMarket -Market AU | Set-MegaportBillingMarket -ContactName 'Wire Contact' -Address2 'Suite 1' -PurchaseOrder PO-1 -TaxNumber 'ABN 1'
            Set-MegaportBillingMarket -Market UK -Currency GBP -Language en -ContactName 'Wire UK' -ContactEmail 'uk@example.com' -ContactPhone '+44 20 7946 0000' `
                -Address1 '1 Wire Street' -Address2 'Floor 2' -City London -State London -Postcode 'EC1A 1AA' -Country GB -PurchaseOrder PO-2 -TaxNumber GB123
        }
    }

    It 'Approve-, Deny- and Revoke-MegaportOrderApproval with and without a comment' {
        Invoke-Wire -Bodies 3 {
            Approve-MegaportOrderApproval -Uid '0a7c3e91-5b2d-4f68-9e14-7d3b2a6c8f01' -Comment 'wire approve'
            Deny-MegaportOrderApproval -Uid '0a7c3e91-5b2d-4f68-9e14-7d3b2a6c8f02'
            Revoke-MegaportOrderApproval -Uid '0a7c3e91-5b2d-4f68-9e14-7d3b2a6c8f03' -Comment 'wire withdraw'
        }
    }

    It 'Get-MegaportPrice for every kind with every option' {
        Invoke-Wire -Bodies 7 {
            $null = Get-MegaportPrice -Port -LocationId 3 -Speed 10000 -Term 12
            $null = Get-MegaportPrice -Port -LocationId 3 -Speed 1000
            $null = Get-MegaportPrice -Mcr -LocationId 3 -Speed 1000 -Term 24 -IpsecTunnelCount 20
            $null = Get-MegaportPrice -Mve -LocationId 4 -Size LARGE -MveLabel 'MVE 8/32' -Term 36
            $null = Get-MegaportPrice -Vxc -LocationId 3 -BEndLocationId 80 -RateLimit 500 -Term 12 -AEndProductType Mcr -ConnectType AWS
            $null = Get-MegaportPrice -Vxc -LocationId 3 -BEndLocationId 2 -RateLimit 100
            $null = Get-MegaportPrice -Ix -LocationId 3 -IxType 'Sydney IX' -RateLimit 1000 -Term 1
        }
    }

    It 'Invoke-MegaportRestMethod passes a body through as given' {
        Invoke-Wire -Bodies 2 {
            $null = Invoke-MegaportRestMethod -Method POST -Path /v4/pricebook/product -Body @{ productType = 'MEGAPORT'; locationId = 3; speed = 1000; term = 12 }
            $null = Invoke-MegaportRestMethod -Method POST -Path /v4/pricebook/product -Body '{"productType":"MCR2","locationId":3,"speed":1000}'
        }
    }
}

Describe 'Prefix lists and NAT gateway ends send only fields the API reads' {
    BeforeAll {
        $nat = '9b2e6d4f-3a7c-4e1b-8f5d-2c6a0e9b4d13'       # Sydney NAT Gateway: packet filter 1 'permit-https', prefix list 2 'private-v4'
        $natVxc = '1f7c5a3e-9d2b-4c6f-b8a4-6e0d2f4b8c57'    # Sydney NAT to Primary
    }

    It 'the one prefix list spec, in each owner''s form: an MCR''s and a NAT gateway''s, created and replaced' {
        $entries = @(@{ Action = 'permit'; Prefix = '10.0.0.0/8'; Ge = 16; Le = 24 }, @{ Action = 'deny'; Prefix = '0.0.0.0/0'; Le = 32 })
        Invoke-Wire -Bodies 4 {
            $m = New-MegaportMcrPrefixList -ProductUid $mcr.ProductUid -Description 'wire-list' -AddressFamily IPv4 -Entry $entries
            $m | Set-MegaportMcrPrefixList -NewDescription 'wire-list-2' -Entry $entries[0]
            $n = New-MegaportNatGatewayPrefixList -ProductUid $nat -Description 'wire-list' -AddressFamily IPv4 -Entry $entries
            $null = $n | Set-MegaportNatGatewayPrefixList -NewDescription 'wire-list-2' -Entry $entries[0]
        }
    }

    It 'New-MegaportVxc from a NAT gateway with every interface option, and Set-MegaportVxc -AEndInterface on its VXC' {
        $peer = New-MegaportBgpPeerConfig -PeerAsn 65020 -PeerIpAddress 10.40.0.2 -LocalAsn 64700 -Password (ConvertTo-SecureString 'bgp-pw' -AsPlainText -Force) `
            -Shutdown -Description 'wire peer' -MedIn 10 -MedOut 20 -BfdEnabled -ExportPolicy deny -PermitExportTo 10.40.0.9 -DenyExportTo 10.40.0.8 `
            -ImportPrefixList 'private-v4' -ImportDenyPrefixList 'private-v4' -ExportPrefixList 'private-v4' -ExportDenyPrefixList 'private-v4' `
            -AsPathPrependCount 2 -PeerType NON_CLOUD -AsOverride
        $interface = New-MegaportMcrInterfaceConfig -IpAddress 10.40.0.1/30 -StaticRoute @{ Prefix = '192.168.40.0/24'; NextHop = '10.40.0.2'; Description = 'wire' } `
            -BfdTransmitInterval 400 -BfdReceiveInterval 400 -BfdMultiplier 4 -BgpPeer $peer -PacketFilterIn 'permit-https' -PacketFilterOut 1
        Invoke-Wire -Bodies 3 {
            $null = New-MegaportVxc -AEndProductUid $nat -Name wire-nat -RateLimit 100 -BEndProductUid $port2.ProductUid -AEndInterface $interface
            $null = Set-MegaportVxc -ProductUid $natVxc -AEndInterface $interface
        }
    }
}

Describe 'Reports send only fields the API reads' {
    It 'Export-MegaportReport prices the account with validate lines the API reads in full' {
        $path = Join-Path ([IO.Path]::GetTempPath()) "megaport-wire-report-$([guid]::NewGuid().ToString('N').Substring(0, 8)).html"
        # One validate call carries every line (prices are asked in batches), each field of each line read.
        try { $null = Invoke-Wire -Bodies 1 { Export-MegaportReport -Path $path -Days 1 } }
        finally { Remove-Item $path -ErrorAction SilentlyContinue }
    }
}

Describe 'The whole file' {
    It 'no request the module sent carried a field the API ignores' {
        $ignored = @(Get-SimulatorRequests $sim | Where-Object { $_.hasBearer -and @($_.ignoredFields).Count })
        $ignored | ForEach-Object { "$($_.method) $($_.path): $($_.ignoredFields -join ', ')" } | Should -BeNullOrEmpty
    }
}
