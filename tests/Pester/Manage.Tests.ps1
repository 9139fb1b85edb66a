BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $sim = Start-TestSimulator -ProvisionDelayMs 20
    $null = Connect-TestSimulator $sim
    function Get-LastBody([string]$Method, [string]$Path) { @(Get-ReceivedBodies $sim -Method $Method -Path $Path)[-1] }
    function Get-WriteCount { @(Get-SimulatorRequests $sim | Where-Object { $_.method -in 'PUT', 'POST', 'DELETE' -and $_.path -notlike '/oauth2/*' -and $_.path -notlike '/_simulator/*' }).Count }
}
AfterAll {
    Disconnect-Megaport
    Stop-MegaportSimulator $sim
}

Describe 'Set-Megaport*' {
    BeforeEach {
        Reset-TestSimulator $sim
        $port = New-MegaportPort -Name set-a -LocationId 3 -Speed 10000 -Term 1
        $other = New-MegaportPort -Name set-b -LocationId 2 -Speed 1000 -Term 1
        $vxc = New-MegaportVxc -AEndProductUid $port.ProductUid -Name set-vxc -RateLimit 100 -AEndVlan 200 -BEndProductUid $other.ProductUid
    }

    It 'Set-MegaportPort sends only the fields given and emits the updated port with -PassThru' {
        $updated = $port | Set-MegaportPort -Name set-a-renamed -CostCentre 'CC-1' -PassThru
        $updated.Name | Should -Be 'set-a-renamed'
        $updated.CostCentre | Should -Be 'CC-1'
        $body = Get-LastBody PUT "/v2/product/megaport/$($port.ProductUid)"
        @($body.PSObject.Properties.Name | Sort-Object) | Should -Be @('costCentre', 'name')
        $null = Set-MegaportPort -ProductUid $port.ProductUid -MarketplaceVisibility $true -Term 12
        $body = Get-LastBody PUT "/v2/product/megaport/$($port.ProductUid)"
        @($body.PSObject.Properties.Name | Sort-Object) | Should -Be @('marketplaceVisibility', 'term')
        (Get-MegaportService -ProductUid $port.ProductUid).Term | Should -Be 12
    }

    It 'without -PassThru emits nothing' {
        @(Set-MegaportPort -ProductUid $port.ProductUid -Name quiet).Count | Should -Be 0
    }

    It '-WhatIf shows old -> new and changes nothing' {
        $script = (Get-ConnectScript $sim) + "`nSet-MegaportVxc -ProductUid $($vxc.ProductUid) -RateLimit 500 -AEndVlan 300 -WhatIf"
        $before = Get-WriteCount
        $run = Invoke-FreshPwsh $script
        $run.ExitCode | Should -Be 0
        $run.Output | Should -Match "What if: Performing the operation `"Change AEndVlan 200 -> 300; RateLimit 100 -> 500`" on target `"VXC 'set-vxc'"
        Get-WriteCount | Should -Be $before
        (Get-MegaportService -ProductUid $vxc.ProductUid).RateLimit | Should -Be 100
    }

    It 'Set-MegaportVxc changes rate limit, VLANs and shutdown with a partial body' {
        $v = $vxc | Set-MegaportVxc -RateLimit 500 -AEndVlan 300 -Shutdown $true -PassThru
        $v.RateLimit | Should -Be 500
        $v.AEnd.Vlan | Should -Be 300
        $v.Shutdown | Should -BeTrue
        $body = Get-LastBody PUT "/v3/product/vxc/$($vxc.ProductUid)"
        @($body.PSObject.Properties.Name | Sort-Object) | Should -Be @('aEndVlan', 'rateLimit', 'shutdown')
    }

    It 'refuses bad input locally, with no change on the server: <Case>' -ForEach @(
        @{ Case = 'VLAN out of range'; P = @{ AEndVlan = 4095 } }
        @{ Case = 'rate limit above the port speed'; P = @{ RateLimit = 20000 } }
        @{ Case = 'rate limit 0'; P = @{ RateLimit = 0 } }
        @{ Case = 'term 7'; P = @{ Term = 7 } }
        @{ Case = 'name of 65 characters'; P = @{ Name = 'n' * 65 } }
        @{ Case = 'nothing to change'; P = @{} }
    ) {
        $before = Get-WriteCount
        $null = Set-MegaportVxc -ProductUid $vxc.ProductUid @P -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MegaportInvalidArgument,*'
        Get-WriteCount | Should -Be $before
    }

    It 'an unknown UID is MegaportServiceNotFound; a port given to Set-MegaportVxc is refused' {
        $null = Set-MegaportVxc -ProductUid ([guid]::NewGuid()) -RateLimit 10 -ErrorVariable e1 -ErrorAction SilentlyContinue
        $e1[0].FullyQualifiedErrorId | Should -BeLike 'MegaportServiceNotFound,*'
        $null = Set-MegaportVxc -ProductUid $port.ProductUid -RateLimit 10 -ErrorVariable e2 -ErrorAction SilentlyContinue
        $e2[0].FullyQualifiedErrorId | Should -BeLike 'MegaportInvalidArgument,*'
    }

    It 'changing a decommissioned service is refused before any request' {
        $null = Remove-MegaportService -ProductUid $vxc.ProductUid -Now -Force
        $before = Get-WriteCount
        $null = Set-MegaportVxc -ProductUid $vxc.ProductUid -Name again -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MegaportInvalidArgument,*'
        $err[0].Exception.Message | Should -Match 'DECOMMISSIONED'
        Get-WriteCount | Should -Be $before
    }

    It 'a VLAN already used on the port is the API''s MegaportValidationFailed' {
        $null = New-MegaportVxc -AEndProductUid $port.ProductUid -Name vlan-holder -RateLimit 10 -AEndVlan 777 -BEndProductUid $other.ProductUid
        $null = Set-MegaportVxc -ProductUid $vxc.ProductUid -AEndVlan 777 -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MegaportValidationFailed,*'
        (Get-MegaportService -ProductUid $vxc.ProductUid).AEnd.Vlan | Should -Be 200
    }

    It 'moving a VXC end between MCRs gets the API''s 400' {
        $mcr1 = New-MegaportMcr -Name mcr-1 -LocationId 3 -Speed 1000 -Term 1
        $mcr2 = New-MegaportMcr -Name mcr-2 -LocationId 3 -Speed 1000 -Term 1
        $v = New-MegaportVxc -AEndProductUid $mcr1.ProductUid -Name mcr-vxc -RateLimit 100 -BEndProductUid $other.ProductUid
        $null = Set-MegaportVxc -ProductUid $v.ProductUid -AEndProductUid $mcr2.ProductUid -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MegaportValidationFailed,*'
        $err[0].Exception.Message | Should -Match 'different linked interface'
    }

    It 'approves a VXC waiting for approval, and refuses -Approve on one that is not' {
        $null = Set-MegaportVxc -ProductUid $vxc.ProductUid -Approve -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MegaportInvalidArgument,*'
        $marketplace = Get-MegaportPartnerPort -ConnectType DEFAULT | Select-Object -First 1
        $pending = New-MegaportVxc -AEndProductUid $port.ProductUid -Name needs-ok -RateLimit 10 -BEndProductUid $marketplace -WarningAction SilentlyContinue
        $pending.IsPendingApproval | Should -BeTrue
        $approved = Set-MegaportVxc -ProductUid $pending.ProductUid -Approve -PassThru
        $approved.IsPendingApproval | Should -BeFalse
        (Get-LastBody PUT "/v3/product/vxc/$($pending.ProductUid)").isApproved | Should -BeTrue
    }

    It 'Set-MegaportIx, Set-MegaportMcr and Set-MegaportMve send their own fields' {
        $ix = New-MegaportIx -ProductUid $port.ProductUid -Name ix -NetworkServiceType 'Sydney IX' -Asn 65100 -MacAddress '00:11:22:33:44:55' -RateLimit 100
        $ix2 = $ix | Set-MegaportIx -RateLimit 200 -Asn 65200 -MacAddress '00:11:22:33:44:66' -Password 'bgp-secret' -PassThru
        $ix2.RateLimit | Should -Be 200
        $ix2.Asn | Should -Be 65200
        $b = Get-LastBody PUT "/v2/product/ix/$($ix.ProductUid)"
        @($b.PSObject.Properties.Name | Sort-Object) | Should -Be @('asn', 'macAddress', 'password', 'rateLimit')
        $mcr = New-MegaportMcr -Name set-mcr -LocationId 3 -Speed 1000 -Term 1
        ($mcr | Set-MegaportMcr -Asn 65333 -PassThru).Asn | Should -Be 65333
        (Get-LastBody PUT "/v2/product/mcr2/$($mcr.ProductUid)").asn | Should -Be 65333
        $mve = Get-MegaportService -ProductType Mve | Select-Object -First 1
        ($mve | Set-MegaportMve -Name 'edge-renamed' -PassThru).Name | Should -Be 'edge-renamed'
    }
}

Describe 'Remove-MegaportService, Restore-MegaportService' {
    BeforeEach {
        Reset-TestSimulator $sim
        $port = New-MegaportPort -Name rm-a -LocationId 3 -Speed 10000 -Term 1
        $other = New-MegaportPort -Name rm-b -LocationId 2 -Speed 1000 -Term 1
        $vxc = New-MegaportVxc -AEndProductUid $port.ProductUid -Name rm-vxc -RateLimit 100 -BEndProductUid $other.ProductUid
    }

    It 'ports can only be removed at once: without -Now it is refused locally, naming -Now' {
        $before = Get-WriteCount
        $null = Remove-MegaportService -ProductUid $port.ProductUid -Force -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MegaportInvalidArgument,*'
        $err[0].Exception.Message | Should -Match 'use -Now'
        Get-WriteCount | Should -Be $before
    }

    It 'MCRs and Internet VXCs are immediate-only too' {
        $mcr = New-MegaportMcr -Name rm-mcr -LocationId 3 -Speed 1000 -Term 1
        $inet = New-MegaportVxc -AEndProductUid $port.ProductUid -Name rm-inet -RateLimit 100 -Internet
        foreach ($uid in $mcr.ProductUid, $inet.ProductUid) {
            $null = Remove-MegaportService -ProductUid $uid -Force -ErrorVariable err -ErrorAction SilentlyContinue
            $err[0].FullyQualifiedErrorId | Should -BeLike 'MegaportInvalidArgument,*'
        }
    }

    It 'a VXC is cancelled at the end of its term, then restored' {
        $cancelled = Remove-MegaportService -ProductUid $vxc.ProductUid -Force -PassThru
        $cancelled.ProvisioningStatus | Should -Be 'CANCELLED'
        @(Get-SimulatorRequests $sim -Method POST -Path "/v3/product/$($vxc.ProductUid)/action/CANCEL").Count | Should -Be 1
        $restored = $cancelled | Restore-MegaportService -PassThru
        $restored.ProvisioningStatus | Should -BeIn 'CONFIGURED', 'LIVE'
    }

    It 'an unknown UID is MegaportServiceNotFound naming it, and nothing is cancelled' {
        $uid = [guid]::NewGuid().ToString()
        $before = Get-WriteCount
        $null = Remove-MegaportService -ProductUid $uid -Now -Force -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MegaportServiceNotFound,*'
        $err[0].TargetObject | Should -Be $uid
        Get-WriteCount | Should -Be $before
    }

    It 'restore works only from CANCELLED' {
        $null = Restore-MegaportService -ProductUid $vxc.ProductUid -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MegaportInvalidArgument,*'
        @(Get-SimulatorRequests $sim -Method POST -Path '/v3/product/*/action/UN_CANCEL').Count | Should -Be 0
    }

    It '-Now decommissions a port and what is attached to it' {
        $gone = $port | Remove-MegaportService -Now -Force -PassThru
        $gone.ProvisioningStatus | Should -Be 'DECOMMISSIONED'
        (Get-MegaportService -ProductUid $vxc.ProductUid).ProvisioningStatus | Should -Be 'DECOMMISSIONED'
        @(Get-MegaportService -Name 'rm-a').Count | Should -Be 0
    }

    It '-SafeDelete refuses a port that still has VXCs, naming them' {
        $before = Get-WriteCount
        $null = Remove-MegaportService -ProductUid $port.ProductUid -Now -SafeDelete -Force -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MegaportInvalidArgument,*'
        $err[0].Exception.Message | Should -Match "rm-vxc"
        Get-WriteCount | Should -Be $before
        $null = Remove-MegaportService -ProductUid $vxc.ProductUid -Now -Force
        $null = Remove-MegaportService -ProductUid $port.ProductUid -Now -SafeDelete -Force
        (Get-MegaportService -ProductUid $port.ProductUid).ProvisioningStatus | Should -Be 'DECOMMISSIONED'
        (Get-SimulatorRequests $sim -Method POST -Path "/v3/product/$($port.ProductUid)/action/CANCEL_NOW")[-1].query | Should -Match 'safeDelete=true'
    }

    It 'the confirmation names the service, its type and what is attached; -WhatIf removes nothing' {
        $before = Get-WriteCount
        $run = Invoke-FreshPwsh ((Get-ConnectScript $sim) + "`nRemove-MegaportService -ProductUid $($port.ProductUid) -Now -WhatIf")
        $run.Output | Should -Match "port 'rm-a' \($($port.ProductUid)\) with 1 attached service: VXC 'rm-vxc'"
        $run.Output | Should -Match 'CANCEL_NOW'
        Get-WriteCount | Should -Be $before
    }

    It 'never prompts under -NonInteractive with -Force, and fails rather than hangs without it' {
        $run = Invoke-FreshPwsh ((Get-ConnectScript $sim) + "`nRemove-MegaportService -ProductUid $($vxc.ProductUid) -Now -Force; 'done'")
        $run.ExitCode | Should -Be 0
        $run.Output | Should -Match 'done'
        (Get-MegaportService -ProductUid $vxc.ProductUid).ProvisioningStatus | Should -Be 'DECOMMISSIONED'
        $run2 = Invoke-FreshPwsh ((Get-ConnectScript $sim) + "`nRemove-MegaportService -ProductUid $($other.ProductUid) -Now")
        $run2.ExitCode | Should -Not -Be 0
        (Get-MegaportService -ProductUid $other.ProductUid).ProvisioningStatus | Should -Not -Be 'DECOMMISSIONED'
    }
}

Describe 'Locks, tags and VLANs' {
    BeforeEach {
        Reset-TestSimulator $sim
        $port = New-MegaportPort -Name lock-a -LocationId 3 -Speed 10000 -Term 1 -Tag @{ env = 'test' }
    }

    It 'a locked service refuses changes and removal with the API''s error, and unlocks again' {
        ($port | Lock-MegaportService -PassThru).Locked | Should -BeTrue
        $null = Set-MegaportPort -ProductUid $port.ProductUid -Name nope -ErrorVariable e1 -ErrorAction SilentlyContinue
        $e1[0].FullyQualifiedErrorId | Should -BeLike 'MegaportValidationFailed,*'
        $e1[0].Exception.Message | Should -Match 'locked'
        $null = Remove-MegaportService -ProductUid $port.ProductUid -Now -Force -ErrorVariable e2 -ErrorAction SilentlyContinue
        $e2[0].FullyQualifiedErrorId | Should -BeLike 'MegaportValidationFailed,*'
        (Get-MegaportService -ProductUid $port.ProductUid).Name | Should -Be 'lock-a'
        $null = Lock-MegaportService -ProductUid $port.ProductUid -WarningVariable w -WarningAction SilentlyContinue
        $w[0] | Should -Match 'already locked'
        ($port | Unlock-MegaportService -PassThru).Locked | Should -BeFalse
        (Set-MegaportPort -ProductUid $port.ProductUid -Name unlocked -PassThru).Name | Should -Be 'unlocked'
    }

    It 'reads tags, merges new ones, removes one with $null, and replaces the set with -Replace' {
        $tags = @(Get-MegaportServiceTag -ProductUid $port.ProductUid)
        $tags.Count | Should -Be 1
        $tags[0] | Should -BeOfType ([Megaport.ServiceTag])
        "$($tags[0])" | Should -Be 'env=test'
        $merged = @(Set-MegaportServiceTag -ProductUid $port.ProductUid -Tag @{ team = 'net'; owner = 'ops' } -PassThru)
        ($merged | ForEach-Object { "$_" }) | Should -Be @('env=test', 'owner=ops', 'team=net')
        $null = Set-MegaportServiceTag -ProductUid $port.ProductUid -Tag @{ owner = $null }
        (Get-MegaportServiceTag $port.ProductUid).Key | Should -Be @('env', 'team')
        $replaced = @($port | Set-MegaportServiceTag -Tag @{ only = 'this' } -Replace -PassThru)
        "$replaced" | Should -Be 'only=this'
        (Get-LastBody PUT "/v2/product/$($port.ProductUid)/tags").resourceTags.Count | Should -Be 1
    }

    It 'Test-MegaportVlan says whether a VLAN is free on a port' {
        Test-MegaportVlan -ProductUid $port.ProductUid -Vlan 1234 | Should -BeTrue
        $other = New-MegaportPort -Name vlan-b -LocationId 2 -Speed 1000 -Term 1
        $null = New-MegaportVxc -AEndProductUid $port.ProductUid -Name uses-1234 -RateLimit 10 -AEndVlan 1234 -BEndProductUid $other.ProductUid
        Test-MegaportVlan -ProductUid $port.ProductUid -Vlan 1234 | Should -BeFalse
        $port | Test-MegaportVlan -Vlan 1235 | Should -BeTrue
    }

    It 'Test-MegaportVlan refuses an out-of-range VLAN without a request' {
        $before = @(Get-SimulatorRequests $sim -Path '/v2/product/port/*/vlan').Count
        $null = Test-MegaportVlan -ProductUid $port.ProductUid -Vlan 4095 -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MegaportInvalidArgument,*'
        @(Get-SimulatorRequests $sim -Path '/v2/product/port/*/vlan').Count | Should -Be $before
    }
}

Describe 'Answers that name the real problem' {
    BeforeEach { Reset-TestSimulator $sim }

    It 'rejecting a VXC is no error and is not waited for' {
        $port = New-MegaportPort -Name rej-a -LocationId 3 -Speed 10000 -Term 1
        $marketplace = Get-MegaportPartnerPort -ConnectType DEFAULT | Select-Object -First 1
        $pending = New-MegaportVxc -AEndProductUid $port.ProductUid -Name to-reject -RateLimit 10 -BEndProductUid $marketplace -WarningAction SilentlyContinue
        $rejected = Set-MegaportVxc -ProductUid $pending.ProductUid -Reject -PassThru -ErrorVariable err
        $err.Count | Should -Be 0
        $rejected.ProvisioningStatus | Should -BeIn 'DECOMMISSIONED', 'CANCELLED'
        (Get-LastBody PUT "/v3/product/vxc/$($pending.ProductUid)").isApproved | Should -BeFalse
    }

    It 'an unknown service key is MegaportServiceNotFound' {
        $key = [guid]::NewGuid().ToString()
        $null = Get-MegaportServiceKey -Key $key -ErrorVariable e1 -ErrorAction SilentlyContinue
        $e1[0].FullyQualifiedErrorId | Should -BeLike 'MegaportServiceNotFound,*'
        $e1[0].TargetObject | Should -Be $key
        $null = Set-MegaportServiceKey -Key $key -Active $false -ErrorVariable e2 -ErrorAction SilentlyContinue
        $e2[0].FullyQualifiedErrorId | Should -BeLike 'MegaportServiceNotFound,*'
    }

    It 'Test-MegaportVlan on something that is not a port says so' {
        $null = Test-MegaportVlan -ProductUid '3e7f2a9c-8d1b-4e6a-9f4c-0b5d8e2a6c65' -Vlan 100 -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MegaportInvalidArgument,*'
        $err[0].Exception.Message | Should -Match 'MCR2'
    }
}

Describe 'MEGADIRECT' {
    It 'can be read but not changed: MegaportNotSupported, nothing sent' {
        $legacy = Get-MegaportService -ProductUid '6c2d9f4b-5e1a-4c7f-8b3d-1e9a6f0c4d09'
        $legacy.ProductType | Should -Be 'MEGADIRECT'
        $before = @(Get-SimulatorRequests $sim -Method PUT).Count
        $null = Set-MegaportPort -ProductUid $legacy.ProductUid -Name renamed -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MegaportNotSupported,*'
        $err[0].CategoryInfo.Category | Should -Be 'NotImplemented'
        @(Get-SimulatorRequests $sim -Method PUT).Count | Should -Be $before
    }
}
