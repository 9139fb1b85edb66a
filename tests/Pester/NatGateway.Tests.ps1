# NAT gateways end to end against the simulator: the design-first order (priced first, -WhatIf leaves nothing behind,
# created, validated and bought with the v3 bare array once), exact request bodies from the journal, reads, changes
# with the whole gateway, removal of designs and bought gateways, the generic service cmdlets, bad input.
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $sim = Start-TestSimulator -ProvisionDelayMs 20
    $null = Connect-TestSimulator $sim
    $Nat = '9b2e6d4f-3a7c-4e1b-8f5d-2c6a0e9b4d13'     # Sydney NAT Gateway (LIVE)
    $Design = 'd6a4f2b8-5c1e-4b9d-a7e3-4f8c2a6d0b35'  # Melbourne NAT Gateway (DESIGN)

    function Get-Designs { @((Invoke-RawApi $sim '/v3/products/nat_gateways').data | Where-Object provisioningStatus -eq 'DESIGN') }
    function Get-ChangingRequest {
        @(Get-SimulatorRequests $sim | Where-Object {
                $_.method -in 'PUT', 'POST', 'DELETE' -and $_.path -notlike '/oauth2/*' -and $_.path -ne '/v3/networkdesign/validate'
            })
    }
    function Get-Raw([string]$Method, [string]$Path) { @(Get-SimulatorRequests $sim -Method $Method -Path $Path | ForEach-Object body) }
}
AfterAll {
    Disconnect-Megaport
    Stop-MegaportSimulator $sim
}

Describe 'New-MegaportNatGateway' {
    BeforeEach { Reset-TestSimulator $sim }

    It '-WhatIf shows the price and creates nothing: no design, no buy, the designs on the account unchanged' {
        $before = @(Get-Designs).Count
        $run = Invoke-FreshPwsh ((Get-ConnectScript $sim) + "`nNew-MegaportNatGateway -Name priced -LocationId 3 -Speed 1000 -Term 12 -WhatIf")
        $run.Output | Should -Match "What if: Buying NAT gateway 'priced' \(1000 Mbps, 4000 sessions\) at Global Switch Sydney \(3\), 12 months for 472\.50 AUD/month"
        Get-ChangingRequest | ForEach-Object { "$($_.method) $($_.path)" } | Should -BeNullOrEmpty
        @(Get-Designs).Count | Should -Be $before
        $line = (Get-ReceivedBodies $sim -Path '/v3/networkdesign/validate')[-1][0]
        @($line.PSObject.Properties.Name | Sort-Object) | Should -Be @('autoRenewTerm', 'config', 'locationId', 'productName', 'productType', 'speed', 'term')
        $line.productType | Should -Be 'NAT_GATEWAY'
        @($line.config.PSObject.Properties.Name | Sort-Object) | Should -Be @('bgpShutdownDefault', 'sessionCount')
        $line.config.sessionCount | Should -Be 4000
    }

    It 'creates the design, validates it and buys it with the v3 bare array once, then waits until it is ready' {
        $nat = Get-MegaportLocation -Id 3 | New-MegaportNatGateway -Name syd-nat -Speed 2500 -SessionCount 32000 -Term 12 -Asn 64600 `
            -DiversityZone blue -AutoRenewTerm -ServiceLevelReference SLR-9 -Tag @{ env = 'prod'; team = 'net' } -PromoCode P1
        $nat | Should -BeOfType ([Megaport.NatGateway])
        $nat.ProvisioningStatus | Should -BeIn 'CONFIGURED', 'LIVE'
        $nat.SessionCount | Should -Be 32000
        $nat.Asn | Should -Be 64600
        $nat.CreateDate.Kind | Should -Be 'Utc'

        $create = @(Get-ReceivedBodies $sim -Path '/v3/products/nat_gateways')
        $create.Count | Should -Be 1
        $c = $create[0]
        @($c.PSObject.Properties.Name | Sort-Object) | Should -Be @('autoRenewTerm', 'config', 'locationId', 'productName', 'promoCode', 'resourceTags', 'serviceLevelReference', 'speed', 'term')
        $c.productName | Should -Be 'syd-nat'; $c.locationId | Should -Be 3; $c.speed | Should -Be 2500; $c.term | Should -Be 12
        $c.autoRenewTerm | Should -BeTrue; $c.promoCode | Should -Be 'P1'; $c.serviceLevelReference | Should -Be 'SLR-9'
        $c.config.asn | Should -Be 64600; $c.config.diversityZone | Should -Be 'blue'; $c.config.sessionCount | Should -Be 32000
        @($c.resourceTags | ForEach-Object { "$($_.key)=$($_.value)" }) | Should -Be @('env=prod', 'team=net')

        $expected = "[{`"productUid`":`"$($nat.ProductUid)`"}]"
        Get-Raw POST '/v3/networkdesign/buy' | Should -Be $expected
        @(Get-Raw POST '/v3/networkdesign/validate')[-1] | Should -Be $expected
        @(Get-SimulatorRequests $sim -Path '/v4/networkdesign/buy').Count | Should -Be 0
        (Get-SimulatorStats $sim).buyCalls | Should -Be 1
    }

    It '-NoWait returns the bought gateway at once; the API''s refusal of a buy deletes the design again' {
        $nat = New-MegaportNatGateway -Name quick -LocationId 3 -Speed 1000 -Term 1 -NoWait
        $nat.ProvisioningStatus | Should -Be 'DEPLOYABLE'
        $before = @(Get-Designs).Count
        Add-SimulatorFault $sim @{ method = 'POST'; path = '/v3/networkdesign/buy'; status = 400; body = '{"message":"Validation failed","data":"no capacity"}'; count = 1 }
        $null = New-MegaportNatGateway -Name refused -LocationId 3 -Speed 1000 -Term 1 -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MegaportValidationFailed,*'
        @(Get-Designs).Count | Should -Be $before
        @(Get-SimulatorRequests $sim -Method DELETE).Count | Should -Be 1
    }

    It 'a lost buy answer is not sent again: the design is read back and the gateway carries on' {
        Add-SimulatorFault $sim @{ method = 'POST'; path = '/v3/networkdesign/buy'; kind = 'dropAfterExecute'; count = 1 }
        $nat = New-MegaportNatGateway -Name lost -LocationId 3 -Speed 1000 -Term 1 -WarningVariable warn -WarningAction SilentlyContinue
        $nat.ProvisioningStatus | Should -BeIn 'CONFIGURED', 'LIVE'
        (Get-SimulatorStats $sim).buyCalls | Should -Be 1
        ($warn -join "`n") | Should -Match 'not sent again'
        ($warn -join "`n") | Should -Match 'The order went through'
    }

    It 'refuses bad input before any request: <Case>' -ForEach @(
        @{ Case = 'empty name'; P = @{ Name = '' } }
        @{ Case = 'term 2'; P = @{ Term = 2 } }
        @{ Case = 'speed 0'; P = @{ Speed = 0 } }
        @{ Case = 'session count -1'; P = @{ SessionCount = -1 } }
        @{ Case = 'ASN 0'; P = @{ Asn = 0 } }
        @{ Case = 'reference with a control character'; P = @{ ServiceLevelReference = "a`tb" } }
        @{ Case = 'a tag holding a list'; P = @{ Tag = @{ env = @('a', 'b') } } }
    ) {
        $params = @{ Name = 'bad-nat'; LocationId = 3; Speed = 1000; Term = 1 }
        foreach ($k in $P.Keys) { $params[$k] = $P[$k] }
        $before = @(Get-SimulatorRequests $sim).Count
        $null = New-MegaportNatGateway @params -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MegaportInvalidArgument,*'
        @(Get-SimulatorRequests $sim).Count | Should -Be $before
    }

    It 'checks speed and session count against the matrix locally: <Case>' -ForEach @(
        @{ Case = 'a speed the matrix lacks'; P = @{ Speed = 3000 }; Match = 'not a NAT gateway speed; use one of 1000, 2500, 5000, 10000' }
        @{ Case = 'a count the speed lacks'; P = @{ SessionCount = 64000 }; Match = 'SessionCount 64000 is not offered at 1000 Mbps; use one of 4000, 8000, 16000' }
        @{ Case = 'a location that does not exist'; P = @{ LocationId = 999 }; Match = 'no Megaport location with id 999'; Id = 'MegaportLocationNotFound' }
    ) {
        $params = @{ Name = 'bad-nat'; LocationId = 3; Speed = 1000; Term = 1 }
        foreach ($k in $P.Keys) { $params[$k] = $P[$k] }
        $null = New-MegaportNatGateway @params -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike "$($Id ?? 'MegaportInvalidArgument'),*"
        $err[0].Exception.Message | Should -Match ([regex]::Escape($Match))
        (Get-SimulatorStats $sim).validateCalls | Should -Be 0
        Get-ChangingRequest | Should -BeNullOrEmpty
    }
}

Describe 'Reading NAT gateways' {
    BeforeAll { Reset-TestSimulator $sim }

    It 'Get-MegaportNatGateway lists gateways and designs from their own endpoint, typed, with UTC dates' {
        $all = @(Get-MegaportNatGateway)
        $all.Name | Should -Be @('Sydney NAT Gateway', 'Melbourne NAT Gateway')
        $all | ForEach-Object { $_ | Should -BeOfType ([Megaport.NatGateway]) }
        ($all | Where-Object IsDesign).ProductUid | Should -Be $Design
        $all[0].CreateDate.Kind | Should -Be 'Utc'
        $all[0].SessionCount | Should -Be 8000
        (Get-MegaportNatGateway -Name 'syd*').ProductUid | Should -Be $Nat
        ($Nat | Get-MegaportNatGateway).Asn | Should -Be 64512
    }

    It 'an unknown UID is a non-terminating MegaportServiceNotFound; a pattern or a non-UUID is MegaportInvalidArgument' {
        # The first is a well-formed UUID of nothing (a 404), the third a port's; 'nope-1' is no UUID, refused locally.
        $out = @(Get-MegaportNatGateway -ProductUid '0f1e2d3c-0000-4000-8000-00000000cafe', $Nat, '2f3c8a1e-6b4d-4e9a-8c71-0d5e9b3a7f12', 'x*', 'nope-1' -ErrorVariable err -ErrorAction SilentlyContinue)
        $out.ProductUid | Should -Be $Nat
        @($err | ForEach-Object { ($_.FullyQualifiedErrorId -split ',')[0] }) | Should -Be @('MegaportServiceNotFound', 'MegaportServiceNotFound', 'MegaportInvalidArgument', 'MegaportInvalidArgument')
    }

    It 'NAT gateways are services: Get-MegaportService -ProductType NatGateway, the session matrix, completion' {
        @(Get-MegaportService -ProductType NatGateway).ProductUid | Sort-Object | Should -Be (@($Nat, $Design) | Sort-Object)
        (Get-MegaportService -ProductUid $Nat) | Should -BeOfType ([Megaport.NatGateway])
        $matrix = @(Get-MegaportNatGatewaySession)
        $matrix.Speed | Should -Be @(1000, 2500, 5000, 10000)
        (Get-MegaportNatGatewaySession -Speed 2500).SessionCounts | Should -Be @(16000, 32000)
        $before = (Get-SimulatorStats $sim).requests
        $line = 'New-MegaportNatGateway -Speed 2500 -SessionCount '
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('16000', '32000')
        $line = 'Set-MegaportNatGateway -Speed '
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('1000', '2500', '5000', '10000')
        (Get-SimulatorStats $sim).requests | Should -Be $before
    }
}

Describe 'Changing and removing NAT gateways' {
    BeforeEach { Reset-TestSimulator $sim }

    It 'Set-MegaportNatGateway shows old -> new and sends the whole gateway, tags included' {
        $null = Set-MegaportServiceTag -ProductUid $Nat -Tag @{ owner = 'neteng' }
        $updated = Get-MegaportNatGateway -ProductUid $Nat | Set-MegaportNatGateway -Speed 2500 -SessionCount 16000 -CostCentre NET -PassThru
        $updated.Speed | Should -Be 2500
        $updated.ProvisioningStatus | Should -BeIn 'CONFIGURED', 'LIVE'
        $body = @(Get-ReceivedBodies $sim -Method PUT -Path "/v3/products/nat_gateways/$Nat")[-1]
        @($body.PSObject.Properties.Name | Sort-Object) | Should -Be @('autoRenewTerm', 'config', 'costCentre', 'locationId', 'productName', 'resourceTags', 'serviceLevelReference', 'speed', 'term')
        $body.productName | Should -Be 'Sydney NAT Gateway'; $body.locationId | Should -Be 3; $body.term | Should -Be 12
        $body.autoRenewTerm | Should -BeTrue; $body.serviceLevelReference | Should -Be 'SLR-DEMO-1'; $body.costCentre | Should -Be 'NET'
        $body.config.asn | Should -Be 64512; $body.config.diversityZone | Should -Be 'red'; $body.config.sessionCount | Should -Be 16000
        @($body.resourceTags | ForEach-Object { "$($_.key)=$($_.value)" } | Sort-Object) | Should -Be @('env=prod', 'owner=neteng')
    }

    It 'the confirmation names only the changes' {
        $out = Invoke-FreshPwsh ((Get-ConnectScript $sim) + "`nSet-MegaportNatGateway -ProductUid $Nat -Speed 2500 -SessionCount 16000 -Name renamed -WhatIf")
        $out.Output | Should -Match "Change Name 'Sydney NAT Gateway' -> 'renamed'; Speed 1000 -> 2500; SessionCount 8000 -> 16000"
        Get-ChangingRequest | Should -BeNullOrEmpty
    }

    It 'a speed whose matrix row lacks the current session count asks for -SessionCount, before any change' {
        $null = Set-MegaportNatGateway -ProductUid $Nat -Speed 5000 -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MegaportInvalidArgument,*'
        $err[0].Exception.Message | Should -Match 'give -SessionCount \(32000, 64000\)'
        Get-ChangingRequest | Should -BeNullOrEmpty
    }

    It 'a design is changed without waiting, deleted by Remove-MegaportService, and refused by Wait-MegaportService' {
        $d = Set-MegaportNatGateway -ProductUid $Design -Name 'mel-nat' -PassThru
        $d.ProvisioningStatus | Should -Be 'DESIGN'
        $null = Wait-MegaportService -ProductUid $Design -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MegaportInvalidArgument,*'
        $err[0].Exception.Message | Should -Match 'DESIGN that was never bought'
        Remove-MegaportService -ProductUid $Design -Force
        Get-Raw DELETE "/v3/products/nat_gateways/$Design" | Should -HaveCount 1
        @(Get-SimulatorRequests $sim -Method POST -Path "/v3/product/$Design/action/*").Count | Should -Be 0
        @(Get-Designs).Count | Should -Be 0
    }

    It 'a bought gateway is removed only at once, refused locally without -Now' {
        $null = Remove-MegaportService -ProductUid $Nat -Force -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MegaportInvalidArgument,*'
        $err[0].Exception.Message | Should -Match 'NAT gateways only at once: use -Now'
        Get-ChangingRequest | Should -BeNullOrEmpty
        (Remove-MegaportService -ProductUid $Nat -Now -Force -PassThru).ProvisioningStatus | Should -Be 'DECOMMISSIONED'
        @(Get-SimulatorRequests $sim -Method POST -Path "/v3/product/$Nat/action/CANCEL_NOW").Count | Should -Be 1
    }

    It 'locks, unlocks and tags like any service' {
        (Lock-MegaportService -ProductUid $Nat -PassThru).Locked | Should -BeTrue
        $null = Set-MegaportNatGateway -ProductUid $Nat -Name locked -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MegaportValidationFailed,*'
        (Unlock-MegaportService -ProductUid $Nat -PassThru).Locked | Should -BeFalse
        (Get-MegaportServiceTag -ProductUid $Nat | Where-Object Key -eq 'env').Value | Should -Be 'prod'
    }
}
