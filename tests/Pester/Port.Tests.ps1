BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $sim = Start-TestSimulator -ProvisionDelayMs 20
    $null = Connect-TestSimulator $sim
    $rawLocations = @((Invoke-RawApi $sim '/v3/locations').data)
}
AfterAll {
    Disconnect-Megaport
    Stop-MegaportSimulator $sim
}

Describe 'New-MegaportPort' {
    BeforeEach { Reset-TestSimulator $sim }

    It 'orders a port from a location in the pipeline: validate, one buy, read back, wait' {
        $port = Get-MegaportLocation -Name 'Global Switch Sydney' | New-MegaportPort -Name syd-1 -Speed 10000 -Term 12 -DiversityZone red -CostCentre 'NET-42' -Tag @{ env = 'prod'; team = 'net' }
        $port | Should -BeOfType ([Megaport.Port])
        $port.Name | Should -Be 'syd-1'
        $port.Speed | Should -Be 10000
        $port.LocationId | Should -Be 3
        $port.Term | Should -Be 12
        $port.ProvisioningStatus | Should -BeIn 'CONFIGURED', 'LIVE'
        (Get-SimulatorStats $sim).buyCalls | Should -Be 1
        $validate = @(Get-ReceivedBodies $sim -Path '/v3/networkdesign/validate')
        $validate.Count | Should -Be 1
        $buy = @(Get-ReceivedBodies $sim -Path '/v4/networkdesign/buy')
        $buy.Count | Should -Be 1
        $buy[0].discountCodes.Count | Should -Be 0
        $item = $buy[0].networkDesign[0]
        $item.productType | Should -Be 'MEGAPORT'
        $item.productName | Should -Be 'syd-1'
        $item.portSpeed | Should -Be 10000
        $item.locationId | Should -Be 3
        $item.term | Should -Be 12
        $item.config.diversityZone | Should -Be 'red'
        $item.marketplaceVisibility | Should -BeFalse
        $item.costCentre | Should -Be 'NET-42'
        $item.market | Should -Be 'AU'
        $item.PSObject.Properties.Name | Should -Not -Contain 'lagPortCount'
        ($item.resourceTags | ForEach-Object { "$($_.key)=$($_.value)" }) | Should -Be @('env=prod', 'team=net')
        # validate got the same item, as a bare array
        (Get-SimulatorRequests $sim -Method POST -Path '/v3/networkdesign/validate')[0].body | Should -BeLike '`[*'
        ($validate[0] | ConvertTo-Json -Depth 10 -Compress) | Should -Be ($item | ConvertTo-Json -Depth 10 -Compress)
        (Get-MegaportService -ProductUid $port.ProductUid).Name | Should -Be 'syd-1'
    }

    It 'orders a LAG and emits one Port per member, each listing all members' {
        $lag = @(New-MegaportPort -Name syd-lag -LocationId 3 -Speed 10000 -Term 12 -LagCount 2)
        $lag.Count | Should -Be 2
        $lag | ForEach-Object { $_ | Should -BeOfType ([Megaport.Port]) }
        $lag[0].LagMemberUids | Should -Be $lag.ProductUid
        $lag[0].AggregationId | Should -Not -Be 0
        $lag[0].AggregationId | Should -Be $lag[1].AggregationId
        (Get-ReceivedBodies $sim -Path '/v4/networkdesign/buy').networkDesign[0].lagPortCount | Should -Be 2
        (Get-SimulatorStats $sim).buyCalls | Should -Be 1
    }

    It '-WhatIf validates, prints the order with its price, and buys nothing' {
        $script = (Get-ConnectScript $sim) + "`nNew-MegaportPort -Name syd-price -LocationId 3 -Speed 10000 -Term 12 -WhatIf"
        $run = Invoke-FreshPwsh $script
        $run.ExitCode | Should -Be 0
        $quote = (Invoke-RawApi $sim '/v3/networkdesign/validate' -Method POST -Body @(@{
                    productName = 'syd-price'; term = 12; productType = 'MEGAPORT'; portSpeed = 10000; locationId = 3; createDate = 0
                    virtual = $false; market = 'AU'; marketplaceVisibility = $false; config = @{} })).data[0].price
        $price = '{0:N2} {1}/month' -f [decimal]$quote.monthlyRate, $quote.currency
        $run.Output | Should -Match ([regex]::Escape("What if: Buying port 'syd-price' (10000 Mbps) at Global Switch Sydney (3), 12 months for $price."))
        (Get-SimulatorStats $sim).buyCalls | Should -Be 0
        (Get-SimulatorStats $sim).validateCalls | Should -Be 2
    }

    It 'orders without prompting under -NonInteractive with -Confirm:$false' {
        $script = (Get-ConnectScript $sim) + "`n(New-MegaportPort -Name syd-ni -LocationId 3 -Speed 1000 -Term 1 -Confirm:`$false).ProvisioningStatus"
        $run = Invoke-FreshPwsh $script
        $run.ExitCode | Should -Be 0
        $run.Output | Should -Match 'CONFIGURED|LIVE'
        (Get-SimulatorStats $sim).buyCalls | Should -Be 1
    }

    It '-NoWait returns the new port straight after the buy' {
        Set-SimulatorConfig $sim -ProvisionDelayMs 60000
        try {
            $port = New-MegaportPort -Name syd-nowait -LocationId 3 -Speed 1000 -Term 1 -NoWait
            $port.ProvisioningStatus | Should -Be 'DEPLOYABLE'
        }
        finally { Set-SimulatorConfig $sim -ProvisionDelayMs 100 }
    }

    Context 'bad input is refused before anything is bought' {
        BeforeAll {
            # a location and zone that lack a speed another zone or location offers
            $gapCase = foreach ($l in $rawLocations | Where-Object status -eq 'Active') {
                foreach ($z in $l.diversityZones.PSObject.Properties) {
                    foreach ($speed in 1000, 10000, 100000, 400000) {
                        if ($z.Value.megaportSpeedMbps -notcontains $speed) { [pscustomobject]@{ Id = $l.id; Zone = $z.Name; Speed = $speed } }
                    }
                }
            }
            $gap = $gapCase | Select-Object -First 1
            $inactive = $rawLocations | Where-Object status -ne 'Active' | Select-Object -First 1
        }

        It '<Case> -> <ErrorId>' -ForEach @(
            @{ Case = 'term 7'; ErrorId = 'MegaportInvalidArgument'; Override = @{ Term = 7 } }
            @{ Case = 'speed 2000'; ErrorId = 'MegaportInvalidArgument'; Override = @{ Speed = 2000 } }
            @{ Case = 'name of 65 characters'; ErrorId = 'MegaportInvalidArgument'; Override = @{ Name = 'x' * 65 } }
            @{ Case = 'empty name'; ErrorId = 'MegaportInvalidArgument'; Override = @{ Name = '' } }
            @{ Case = 'cost centre of 256 characters'; ErrorId = 'MegaportInvalidArgument'; Override = @{ CostCentre = 'c' * 256 } }
            @{ Case = 'LAG of 9'; ErrorId = 'MegaportInvalidArgument'; Override = @{ LagCount = 9 } }
            @{ Case = 'LAG of 1 Gbps ports'; ErrorId = 'MegaportInvalidArgument'; Override = @{ LagCount = 2; Speed = 1000 } }
            @{ Case = 'unknown location'; ErrorId = 'MegaportLocationNotFound'; Override = @{ LocationId = 999999 } }
        ) {
            $params = @{ Name = 'bad'; LocationId = 3; Speed = 10000; Term = 12 }
            foreach ($k in $Override.Keys) { $params[$k] = $Override[$k] }
            $null = New-MegaportPort @params -ErrorVariable err -ErrorAction SilentlyContinue
            $err.Count | Should -Be 1
            $err[0].FullyQualifiedErrorId | Should -BeLike "$ErrorId,*"
            $stats = Get-SimulatorStats $sim
            $stats.buyCalls | Should -Be 0
            $stats.validateCalls | Should -Be 0
        }

        It 'a speed the location does not offer in that zone' {
            $null = New-MegaportPort -Name bad -LocationId $gap.Id -Speed $gap.Speed -Term 12 -DiversityZone $gap.Zone -ErrorVariable err -ErrorAction SilentlyContinue
            $err[0].FullyQualifiedErrorId | Should -BeLike 'MegaportInvalidArgument,*'
            $err[0].Exception.Message | Should -Match "does not offer $($gap.Speed) Mbps"
            (Get-SimulatorStats $sim).validateCalls | Should -Be 0
        }

        It 'a location that is not Active' {
            $null = New-MegaportPort -Name bad -LocationId $inactive.id -Speed 10000 -Term 12 -ErrorVariable err -ErrorAction SilentlyContinue
            $err[0].FullyQualifiedErrorId | Should -BeLike 'MegaportInvalidArgument,*'
            (Get-SimulatorStats $sim).buyCalls | Should -Be 0
        }

        It 'one bad order in a pipeline does not stop the good ones' {
            $orders = @(
                [pscustomobject]@{ LocationId = 3 }
                [pscustomobject]@{ LocationId = 999999 }
                [pscustomobject]@{ LocationId = 2 }
            )
            $ports = @($orders | New-MegaportPort -Name piped -Speed 1000 -Term 1 -ErrorVariable err -ErrorAction SilentlyContinue)
            # They come out as each is ready, not in pipeline order.
            @($ports.LocationId | Sort-Object) | Should -Be @(2, 3)
            $err.Count | Should -Be 1
            $err[0].TargetObject | Should -Be 999999
            (Get-SimulatorStats $sim).buyCalls | Should -Be 2
        }
    }
}

Describe 'New-MegaportIx and Get-MegaportIxType' {
    BeforeAll {
        Reset-TestSimulator $sim
        $port = New-MegaportPort -Name ix-host -LocationId 3 -Speed 10000 -Term 1
    }

    It 'lists exchanges and filters them by metro' {
        $syd = @(Get-MegaportIxType -Metro Sydney)
        $syd.Count | Should -BeGreaterThan 0
        $syd | ForEach-Object { $_ | Should -BeOfType ([Megaport.IxType]); $_.Metro | Should -Be 'Sydney' }
    }

    It 'orders an IX on a port with the exact body' {
        $exchange = (Get-MegaportIxType -Metro Sydney)[0].Name
        $ix = $port | New-MegaportIx -Name syd-ix -NetworkServiceType $exchange -Asn 65100 -MacAddress '00:11:22:33:44:55' -RateLimit 1000 -Vlan 300
        $ix | Should -BeOfType ([Megaport.Ix])
        $ix.Name | Should -Be 'syd-ix'
        $ix.RateLimit | Should -Be 1000
        $body = @(Get-ReceivedBodies $sim -Path '/v4/networkdesign/buy')[-1].networkDesign[0]
        $body.productUid | Should -Be $port.ProductUid
        $body.associatedIxs[0].networkServiceType | Should -Be $exchange
        $body.associatedIxs[0].asn | Should -Be 65100
        $body.associatedIxs[0].macAddress | Should -Be '00:11:22:33:44:55'
        $body.associatedIxs[0].vlan | Should -Be 300
    }

    It 'refuses a bad MAC, an unknown exchange and a rate above the port speed without buying' {
        $before = Get-BuyCount $sim
        $null = New-MegaportIx -ProductUid $port.ProductUid -Name x -NetworkServiceType 'Sydney IX' -Asn 65100 -MacAddress 'zz:11' -RateLimit 100 -ErrorVariable e1 -ErrorAction SilentlyContinue
        $null = New-MegaportIx -ProductUid $port.ProductUid -Name x -NetworkServiceType 'Atlantis IX' -Asn 65100 -MacAddress '00:11:22:33:44:55' -RateLimit 100 -ErrorVariable e2 -ErrorAction SilentlyContinue
        $null = New-MegaportIx -ProductUid $port.ProductUid -Name x -NetworkServiceType 'Sydney IX' -Asn 65100 -MacAddress '00:11:22:33:44:55' -RateLimit 20000 -ErrorVariable e3 -ErrorAction SilentlyContinue
        foreach ($e in $e1, $e2, $e3) { $e[0].FullyQualifiedErrorId | Should -BeLike 'MegaportInvalidArgument,*' }
        Get-BuyCount $sim | Should -Be $before
    }
}
