BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $sim = Start-TestSimulator -ProvisionDelayMs 20
    $null = Connect-TestSimulator $sim
    $aPort = New-MegaportPort -Name vxc-a -LocationId 3 -Speed 10000 -Term 1
    $bPort = New-MegaportPort -Name vxc-b -LocationId 2 -Speed 1000 -Term 1
    $azureKey = '1b2329a5-56dc-45d0-8a0d-87b706297777'
    $googleKey = '7e51371e-72a3-40b5-b844-2e3efefaee59/australia-southeast1/2'
    $oracleOcid = 'ocid1.virtualcircuit.oc1.ap-sydney-1.aaaaexample'
    function Get-LastVxcOrder { @(Get-ReceivedBodies $sim -Path '/v4/networkdesign/buy')[-1].networkDesign[0] }
}
AfterAll {
    Disconnect-Megaport
    Stop-MegaportSimulator $sim
}

Describe 'New-MegaportVxc' {
    It 'orders port to port with the exact body (VLAN 0 omitted)' {
        $vxc = $aPort | New-MegaportVxc -Name p2p -RateLimit 500 -AEndVlan 100 -BEndProductUid $bPort.ProductUid
        $vxc | Should -BeOfType ([Megaport.Vxc])
        $vxc.RateLimit | Should -Be 500
        $vxc.AEnd.ProductUid | Should -Be $aPort.ProductUid
        $vxc.BEnd.ProductUid | Should -Be $bPort.ProductUid
        $vxc.AEnd.Vlan | Should -Be 100
        $order = Get-LastVxcOrder
        $order.productUid | Should -Be $aPort.ProductUid
        $v = $order.associatedVxcs[0]
        $v.productName | Should -Be 'p2p'
        $v.rateLimit | Should -Be 500
        $v.term | Should -Be 1
        $v.shutdown | Should -BeFalse
        $v.aEnd.vlan | Should -Be 100
        $v.aEnd.PSObject.Properties.Name | Should -Not -Contain 'productUid'
        $v.bEnd.productUid | Should -Be $bPort.ProductUid
        $v.bEnd.PSObject.Properties.Name | Should -Not -Contain 'vlan'
        $v.bEnd.PSObject.Properties.Name | Should -Not -Contain 'partnerConfig'
    }

    It 'sends -1 for an untagged end' {
        $null = New-MegaportVxc -AEndProductUid $aPort.ProductUid -Name untagged -RateLimit 100 -AEndVlan -1 -BEndProductUid $bPort.ProductUid
        (Get-LastVxcOrder).associatedVxcs[0].aEnd.vlan | Should -Be -1
    }

    It 'orders a hosted VIF to AWS, taking the partner port object as the B-End' {
        $aws = Get-MegaportPartnerPort -ConnectType AWS -LocationId 3 | Select-Object -First 1
        $vxc = New-MegaportVxc -AEndProductUid $aPort -Name to-aws -RateLimit 100 -AEndVlan 887 -BEndProductUid $aws `
            -AwsAccountId 123456789123 -AwsAsn 65001 -AwsConnectionType Private -AmazonAsn 64512 -AwsAuthKey 'bgp-auth' `
            -CustomerIpAddress '169.254.10.1/30' -AmazonIpAddress '169.254.10.2/30' -AwsConnectionName 'prod-vif'
        $vxc.ConnectType | Should -Be 'AWS'
        $vxc.BEnd.ProductUid | Should -Be $aws.ProductUid
        $pc = (Get-LastVxcOrder).associatedVxcs[0].bEnd.partnerConfig
        $pc.connectType | Should -Be 'AWS'
        $pc.type | Should -Be 'private'
        $pc.ownerAccount | Should -Be '123456789123'
        $pc.asn | Should -Be 65001
        $pc.amazonAsn | Should -Be 64512
        $pc.authKey | Should -Be 'bgp-auth'
        $pc.customerIpAddress | Should -Be '169.254.10.1/30'
        $pc.amazonIpAddress | Should -Be '169.254.10.2/30'
        $pc.name | Should -Be 'prod-vif'
    }

    It 'orders an AWS hosted connection with -AwsHostedConnection' {
        $hc = Get-MegaportPartnerPort -ConnectType AWSHC -LocationId 3 | Select-Object -First 1
        $vxc = New-MegaportVxc -AEndProductUid $aPort.ProductUid -Name to-awshc -RateLimit 200 -BEndProductUid $hc -AwsHostedConnection -AwsAccountId 123456789123 -AwsConnectionName hc1
        $vxc.ConnectType | Should -Be 'AWSHC'
        $pc = (Get-LastVxcOrder).associatedVxcs[0].bEnd.partnerConfig
        $pc.connectType | Should -Be 'AWSHC'
        $pc.ownerAccount | Should -Be '123456789123'
        $pc.name | Should -Be 'hc1'
    }

    It 'orders to Azure from the service key alone (primary and secondary)' {
        $lookup = (Invoke-RawApi $sim "/v2/secure/azure/$azureKey").data.megaports
        $primary = New-MegaportVxc -AEndProductUid $aPort.ProductUid -Name to-azure -RateLimit 100 -AzureServiceKey $azureKey `
            -AzurePeering @{ Type = 'private'; PeerAsn = 65010; PrimarySubnet = '10.0.0.0/30'; SecondarySubnet = '10.0.0.4/30'; Vlan = 100 }
        $primary.BEnd.ProductUid | Should -Be ($lookup | Where-Object type -eq 'primary').productUid
        $order = Get-LastVxcOrder
        $order.associatedVxcs[0].bEnd.productUid | Should -Be ($lookup | Where-Object type -eq 'primary').productUid
        $pc = $order.associatedVxcs[0].bEnd.partnerConfig
        $pc.connectType | Should -Be 'AZURE'
        $pc.serviceKey | Should -Be $azureKey
        $pc.peers[0].type | Should -Be 'private'
        $pc.peers[0].peer_asn | Should -Be '65010'
        $pc.peers[0].primary_subnet | Should -Be '10.0.0.0/30'
        $pc.peers[0].vlan | Should -Be 100
        $secondary = New-MegaportVxc -AEndProductUid $aPort.ProductUid -Name to-azure-2 -RateLimit 100 -AzureServiceKey $azureKey -AzurePortChoice Secondary
        $secondary.BEnd.ProductUid | Should -Be ($lookup | Where-Object type -eq 'secondary').productUid
    }

    It 'orders to Google with the pairing key, and to Oracle with the OCID' {
        $g = New-MegaportVxc -AEndProductUid $aPort.ProductUid -Name to-google -RateLimit 100 -GooglePairingKey $googleKey
        $g.ConnectType | Should -Be 'GOOGLE'
        $pc = (Get-LastVxcOrder).associatedVxcs[0].bEnd.partnerConfig
        $pc.connectType | Should -Be 'GOOGLE'
        $pc.pairingKey | Should -Be $googleKey
        (Get-LastVxcOrder).associatedVxcs[0].bEnd.productUid | Should -BeIn @((Invoke-RawApi $sim "/v2/secure/google/$googleKey").data.megaports.productUid)
        $o = New-MegaportVxc -AEndProductUid $aPort.ProductUid -Name to-oracle -RateLimit 100 -OracleVirtualCircuitId $oracleOcid
        $o.ConnectType | Should -Be 'ORACLE'
        (Get-LastVxcOrder).associatedVxcs[0].bEnd.partnerConfig.virtualCircuitId | Should -Be $oracleOcid
    }

    It 'pins the Google port with -BEndProductUid' {
        $ports = @((Invoke-RawApi $sim "/v2/secure/google/$googleKey").data.megaports)
        $pinned = $ports[-1].productUid
        $g = New-MegaportVxc -AEndProductUid $aPort.ProductUid -Name pinned-google -RateLimit 50 -GooglePairingKey $googleKey -BEndProductUid $pinned
        $g.BEnd.ProductUid | Should -Be $pinned
        $null = New-MegaportVxc -AEndProductUid $aPort.ProductUid -Name bad-pin -RateLimit 50 -GooglePairingKey $googleKey -BEndProductUid $bPort.ProductUid -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MegaportInvalidArgument,*'
    }

    It 'orders to IBM with the snake_case fields' {
        $ibm = Get-MegaportPartnerPort -ConnectType IBM -Metro Sydney | Select-Object -First 1
        $account = '0123456789abcdef0123456789abcdef'
        $v = New-MegaportVxc -AEndProductUid $aPort.ProductUid -Name to-ibm -RateLimit 100 -BEndProductUid $ibm -IbmAccountId $account -IbmCustomerAsn 64999 -IbmName 'dl-syd' -IbmCustomerIpAddress '169.254.0.1/30' -IbmProviderIpAddress '169.254.0.2/30'
        $v.ConnectType | Should -Be 'IBM'
        $pc = (Get-LastVxcOrder).associatedVxcs[0].bEnd.partnerConfig
        $pc.connectType | Should -Be 'IBM'
        $pc.account_id | Should -Be $account
        $pc.customer_asn | Should -Be 64999
        $pc.name | Should -Be 'dl-syd'
        $pc.customer_ip_address | Should -Be '169.254.0.1/30'
        $pc.provider_ip_address | Should -Be '169.254.0.2/30'
    }

    It 'orders Megaport Internet with -Internet, picking a TRANSIT port near the A-End' {
        $v = New-MegaportVxc -AEndProductUid $aPort.ProductUid -Name to-internet -RateLimit 100 -Internet
        $v.ConnectType | Should -Be 'TRANSIT'
        $order = Get-LastVxcOrder
        $order.associatedVxcs[0].bEnd.partnerConfig.connectType | Should -Be 'TRANSIT'
        (Get-MegaportPartnerPort -ConnectType TRANSIT -Metro Sydney).ProductUid | Should -Contain $order.associatedVxcs[0].bEnd.productUid
    }

    It 'chains location -> port -> VXC in one pipeline' {
        $aws = Get-MegaportPartnerPort -ConnectType AWS -LocationId 3 | Select-Object -First 1
        $vxc = Get-MegaportLocation -Name 'Global Switch Sydney' |
            New-MegaportPort -Name chain-port -Speed 10000 -Term 12 |
            New-MegaportVxc -Name chain-vxc -RateLimit 100 -BEndProductUid $aws -AwsAccountId 123456789123 -AwsAsn 65001
        $vxc.Name | Should -Be 'chain-vxc'
        (Get-MegaportService -ProductUid $vxc.AEnd.ProductUid).Name | Should -Be 'chain-port'
    }

    It 'takes a partner port from the pipeline as the B-End when the A-End is given' {
        $vxc = Get-MegaportPartnerPort -ConnectType AWSHC -LocationId 3 | Select-Object -First 1 |
            New-MegaportVxc -AEndProductUid $aPort.ProductUid -Name piped-partner -RateLimit 50 -AwsHostedConnection -AwsAccountId 123456789123
        $vxc.AEnd.ProductUid | Should -Be $aPort.ProductUid
        $vxc.ConnectType | Should -Be 'AWSHC'
    }

    It 'orders many VXCs from one pipeline (CSV-style objects) and waits for them together' {
        $before = Get-BuyCount $sim
        $rows = 1..5 | ForEach-Object { [pscustomobject]@{ AEndProductUid = $aPort.ProductUid; Name = "bulk-$_"; RateLimit = 10 * $_; BEndProductUid = $bPort.ProductUid } }
        $vxcs = @($rows | New-MegaportVxc)
        $vxcs.Count | Should -Be 5
        ($vxcs.Name | Sort-Object) | Should -Be @('bulk-1', 'bulk-2', 'bulk-3', 'bulk-4', 'bulk-5')
        $vxcs | ForEach-Object { $_.ProvisioningStatus | Should -BeIn 'CONFIGURED', 'LIVE' }
        (Get-BuyCount $sim) - $before | Should -Be 5
        # every order is validated and confirmed before any of them is bought
        $log = @(Get-SimulatorRequests $sim -Method POST | Where-Object path -in '/v3/networkdesign/validate', '/v4/networkdesign/buy' | Select-Object -Last 10)
        ($log.path | Select-Object -First 5) | Sort-Object -Unique | Should -Be '/v3/networkdesign/validate'
        ($log.path | Select-Object -Last 5) | Sort-Object -Unique | Should -Be '/v4/networkdesign/buy'
    }

    Context 'bad input: the right ErrorId and nothing bought' {
        BeforeAll {
            $aws = Get-MegaportPartnerPort -ConnectType AWS -LocationId 3 | Select-Object -First 1
            $foreign = (Get-MegaportPartnerPort -ConnectType DEFAULT | Select-Object -First 1).ProductUid
        }
        It '<Case>' -ForEach @(
            @{ Case = 'rate limit 0'; Id = 'MegaportInvalidArgument'; P = @{ RateLimit = 0 } }
            @{ Case = 'rate limit above the A-End speed'; Id = 'MegaportInvalidArgument'; P = @{ RateLimit = 20000 } }
            @{ Case = 'A-End VLAN 4095'; Id = 'MegaportInvalidArgument'; P = @{ AEndVlan = 4095 } }
            @{ Case = 'B-End VLAN 1'; Id = 'MegaportInvalidArgument'; P = @{ BEndVlan = 1 } }
            @{ Case = 'term 7'; Id = 'MegaportInvalidArgument'; P = @{ Term = 7 } }
            @{ Case = 'name of 65 characters'; Id = 'MegaportInvalidArgument'; P = @{ Name = 'v' * 65 } }
            @{ Case = 'AWS account of 11 digits'; Id = 'MegaportInvalidArgument'; P = @{ AwsAccountId = '12345678912' } }
            @{ Case = 'AWS ASN 0'; Id = 'MegaportInvalidArgument'; P = @{ AwsAsn = 0 } }
            @{ Case = 'A-End that is not yours'; Id = 'MegaportInvalidArgument'; P = @{ AEndProductUid = 'foreign' } }
            @{ Case = 'A-End that is a wildcard'; Id = 'MegaportInvalidArgument'; P = @{ AEndProductUid = 'abc*' } }
        ) {
            $params = @{ AEndProductUid = $aPort.ProductUid; Name = 'bad'; RateLimit = 100; BEndProductUid = $aws.ProductUid; AwsAccountId = '123456789123'; AwsAsn = 65001 }
            foreach ($k in $P.Keys) { $params[$k] = $P[$k] }
            if ($params.AEndProductUid -eq 'foreign') { $params.AEndProductUid = $foreign }
            $before = Get-SimulatorStats $sim
            $null = New-MegaportVxc @params -ErrorVariable err -ErrorAction SilentlyContinue
            $err.Count | Should -Be 1
            $err[0].FullyQualifiedErrorId | Should -BeLike "$Id,*"
            $after = Get-SimulatorStats $sim
            $after.buyCalls | Should -Be $before.buyCalls
            $after.validateCalls | Should -Be $before.validateCalls
        }

        It 'an Azure key the API does not know is MegaportValidationFailed with the API message' {
            $before = Get-BuyCount $sim
            $null = New-MegaportVxc -AEndProductUid $aPort.ProductUid -Name bad-azure -RateLimit 100 -AzureServiceKey '00000000-0000-0000-0000-000000000000' -ErrorVariable err -ErrorAction SilentlyContinue
            $err[0].FullyQualifiedErrorId | Should -BeLike 'MegaportValidationFailed,*'
            $err[0].Exception.Message | Should -Match '/v2/secure/azure/'
            Get-BuyCount $sim | Should -Be $before
        }

        It 'a rate limit above the B-End port speed is refused locally, nothing bought' {
            $before = Get-BuyCount $sim
            # 1000 Mbps B-End port: 5000 passes the local A-End check (10000) and the local B-End check reads the port's speed
            $null = New-MegaportVxc -AEndProductUid $aPort.ProductUid -Name too-fast -RateLimit 5000 -BEndProductUid $bPort.ProductUid -ErrorVariable err -ErrorAction SilentlyContinue
            $err[0].FullyQualifiedErrorId | Should -BeLike 'MegaportInvalidArgument,*'
            $err[0].Exception.Message | Should -Match 'B-End'
            Get-BuyCount $sim | Should -Be $before
        }

        It 'an AWS port given for a hosted connection is refused locally' {
            $null = New-MegaportVxc -AEndProductUid $aPort.ProductUid -Name wrong-type -RateLimit 100 -BEndProductUid $aws -AwsHostedConnection -AwsAccountId 123456789123 -ErrorVariable err -ErrorAction SilentlyContinue
            $err[0].FullyQualifiedErrorId | Should -BeLike 'MegaportInvalidArgument,*'
        }

        It 'a VLAN already used on the port is refused by the API validate call: MegaportValidationFailed' {
            $null = New-MegaportVxc -AEndProductUid $aPort.ProductUid -Name vlan-1 -RateLimit 10 -AEndVlan 3001 -BEndProductUid $bPort.ProductUid
            $before = Get-BuyCount $sim
            $null = New-MegaportVxc -AEndProductUid $aPort.ProductUid -Name vlan-2 -RateLimit 10 -AEndVlan 3001 -BEndProductUid $bPort.ProductUid -ErrorVariable err -ErrorAction SilentlyContinue
            $err[0].FullyQualifiedErrorId | Should -BeLike 'MegaportValidationFailed,*'
            $err[0].Exception.Message | Should -Match 'Validation failed'
            $err[0].Exception.Message | Should -Match 'Trace-Id'
            Get-BuyCount $sim | Should -Be $before
        }
    }
}

Describe 'Piping the A-End into cloud VXCs' {
    It 'takes a piped port as the A-End for Google, Oracle and Internet VXCs' {
        $g = $aPort | New-MegaportVxc -Name piped-google -RateLimit 50 -GooglePairingKey $googleKey
        $g.AEnd.ProductUid | Should -Be $aPort.ProductUid
        $i = $aPort | New-MegaportVxc -Name piped-internet -RateLimit 50 -Internet
        $i.AEnd.ProductUid | Should -Be $aPort.ProductUid
        $o = $aPort | New-MegaportVxc -Name piped-oracle -RateLimit 50 -OracleVirtualCircuitId $oracleOcid
        $o.ConnectType | Should -Be 'ORACLE'
    }

    It 'refuses a piped port that would be both ends' {
        $null = $aPort | New-MegaportVxc -Name both-ends -RateLimit 10 -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MegaportInvalidArgument,*'
        $err[0].Exception.Message | Should -Match 'both'
    }
}

Describe 'The cloud side of a VXC (Megaport.Vxc.Cloud)' {
    It 'names the AWS virtual interface of a hosted VIF, for AWS.Tools to take over' {
        $vif = Get-MegaportService -ProductUid 'd9f5c3b1-8a4e-4c2d-b7f9-5e2a0c3d1f74'   # the seed's AWS prod private VIF
        $vif.Cloud | Should -BeOfType ([Megaport.VxcCloudConnection])
        $vif.Cloud.ConnectType | Should -Be 'AWS'
        $vif.Cloud.AwsVirtualInterfaceId | Should -Match '^dxvif-'
        $vif.Cloud.AwsAccountId | Should -Be '123456789012'
        $vif.Cloud.AwsInterfaceType | Should -Be 'private'
        $vif.Cloud.CustomerAsn | Should -Be 65010
        $vif.Cloud.AzureServiceKey | Should -BeNullOrEmpty
        # No BGP key is ever carried out.
        $vif.Cloud.PSObject.Properties.Name | Should -Not -Contain 'AuthKey'
    }

    It 'names the AWS connection of a hosted connection' {
        $hc = Get-MegaportService -ProductUid 'f2a8e6d4-3c9b-4e7f-8a1c-7d4b2e0f6a96'
        $hc.Cloud.ConnectType | Should -Be 'AWSHC'
        $hc.Cloud.AwsConnectionId | Should -Match '^dxcon-'
        $hc.Cloud.AwsVirtualInterfaceId | Should -BeNullOrEmpty
    }

    It 'gives the Azure service key and the Google pairing key' {
        $azure = Get-MegaportService -Name to-azure -ProductType Vxc   # ordered above with the key
        $azure.Cloud.ConnectType | Should -Be 'AZURE'
        $azure.Cloud.AzureServiceKey | Should -Be $azureKey
        $google = $aPort | New-MegaportVxc -Name cloud-google -RateLimit 100 -GooglePairingKey $googleKey
        $google.Cloud.GooglePairingKey | Should -Be $googleKey
    }

    It 'is null for a VXC between two ports, and on an MCR''s own vRouter end' {
        (Get-MegaportService -ProductUid 'b7d3a1f9-6e2c-4a8b-9d5f-3c0e7a1b9d52').Cloud | Should -BeNullOrEmpty
        (Get-MegaportService -ProductUid 'a3c9e7b5-4d1f-4a6e-9b2d-8f5c3a1e7b18').Cloud.ConnectType | Should -Be 'AZURE'
    }
}
