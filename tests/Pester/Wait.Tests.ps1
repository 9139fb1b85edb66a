BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $sim = Start-TestSimulator -ProvisionDelayMs 150
    $null = Connect-TestSimulator $sim
    $aPort = New-MegaportPort -Name wait-a -LocationId 3 -Speed 10000 -Term 1
    $bPort = New-MegaportPort -Name wait-b -LocationId 2 -Speed 10000 -Term 1
}
AfterAll {
    Disconnect-Megaport
    Stop-MegaportSimulator $sim
}

Describe 'Waiting for orders' {
    AfterEach { Set-SimulatorConfig $sim -ProvisionDelayMs 150 }

    It 'waits by default until CONFIGURED or LIVE, with a progress bar that ends with a Completed record' {
        Set-SimulatorConfig $sim -ProvisionDelayMs 700
        $ps = New-ModulePowerShell
        try {
            $null = $ps.AddCommand('New-MegaportPort').AddParameters(@{ Name = 'wait-progress'; LocationId = 3; Speed = 1000; Term = 1; Session = (Get-MegaportSession) })
            $out = @($ps.Invoke())
            $out.Count | Should -Be 1
            $out[0].ProvisioningStatus | Should -BeIn 'CONFIGURED', 'LIVE'
            $progress = @($ps.Streams.Progress)
            $progress.Count | Should -BeGreaterThan 1
            @($progress.ActivityId | Sort-Object -Unique).Count | Should -Be 1
            $progress[-1].RecordType | Should -Be 'Completed'
            $progress[0].StatusDescription | Should -Match 'wait-progress'
        }
        finally { $ps.Dispose() }
    }

    It 'times out with a non-terminating MegaportWaitTimeout whose target is the ordered service, and never orders again' {
        Set-SimulatorConfig $sim -ProvisionDelayMs 600000
        $before = Get-BuyCount $sim
        $result = @(New-MegaportVxc -AEndProductUid $aPort.ProductUid -Name wait-timeout -RateLimit 10 -BEndProductUid $bPort.ProductUid -WaitTimeout 0.02 -ErrorVariable err -ErrorAction SilentlyContinue)
        $result.Count | Should -Be 0
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MegaportWaitTimeout,*'
        $err[0].CategoryInfo.Category | Should -Be 'OperationTimeout'
        $err[0].TargetObject | Should -BeOfType ([Megaport.Vxc])
        $err[0].TargetObject.Name | Should -Be 'wait-timeout'
        (Get-BuyCount $sim) - $before | Should -Be 1
        # the order exists
        (Get-MegaportService -ProductUid $err[0].TargetObject.ProductUid).ProvisioningStatus | Should -Be 'DEPLOYABLE'
    }

    It 'accepts -WaitTimeout as a TimeSpan' {
        Set-SimulatorConfig $sim -ProvisionDelayMs 600000
        $null = New-MegaportPort -Name wait-ts -LocationId 3 -Speed 1000 -Term 1 -WaitTimeout ([timespan]::FromSeconds(1)) -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MegaportWaitTimeout,*'
    }

    It 'ends the wait with a warning when the VXC waits for the other party to approve it' {
        $marketplace = Get-MegaportPartnerPort -ConnectType DEFAULT | Select-Object -First 1
        $vxc = New-MegaportVxc -AEndProductUid $aPort.ProductUid -Name wait-approval -RateLimit 10 -BEndProductUid $marketplace -WarningVariable warn -WarningAction SilentlyContinue
        $vxc.ApprovalStatus | Should -BeLike 'PENDING*'
        $vxc.IsPendingApproval | Should -BeTrue
        $warn.Count | Should -Be 1
        $warn[0] | Should -Match 'approval'
        # approved later, Wait-MegaportService sees it through
        $null = Invoke-SimulatorAdmin $sim -Method POST -Path "/_simulator/services/$($vxc.ProductUid)/approve"
        $ready = $vxc | Wait-MegaportService -Timeout 1
        $ready.ProvisioningStatus | Should -BeIn 'CONFIGURED', 'LIVE'
        $ready.IsPendingApproval | Should -BeFalse
    }

    It 'ends the wait with an error when the service FAILS' {
        Set-SimulatorConfig $sim -ProvisionDelayMs 600000
        $port = New-MegaportPort -Name wait-fail -LocationId 3 -Speed 1000 -Term 1 -NoWait
        $null = Invoke-SimulatorAdmin $sim -Method POST -Path "/_simulator/services/$($port.ProductUid)/status" -Body @{ status = 'FAILED' }
        $out = @($port | Wait-MegaportService -Timeout 1 -ErrorVariable err -ErrorAction SilentlyContinue)
        $out.Count | Should -Be 0
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MegaportApiError,*'
        $err[0].Exception.Message | Should -Match 'FAILED'
        $err[0].TargetObject.ProductUid | Should -Be $port.ProductUid
    }

    It '-NoWait then Wait-MegaportService, for several services at once, and -Status Live' {
        Set-SimulatorConfig $sim -ProvisionDelayMs 400
        $ports = 1..3 | ForEach-Object { New-MegaportPort -Name "nowait-$_" -LocationId 3 -Speed 1000 -Term 1 -NoWait }
        $ports.ProvisioningStatus | Sort-Object -Unique | Should -Be 'DEPLOYABLE'
        $live = @($ports | Wait-MegaportService -Status Live -Timeout 1)
        $live.Count | Should -Be 3
        $live.ProvisioningStatus | Sort-Object -Unique | Should -Be 'LIVE'
    }

    It 'Wait-MegaportService reports an unknown UID and waits for the rest' {
        $uid = [guid]::NewGuid().ToString()
        $out = @(Wait-MegaportService -ProductUid $uid, $aPort.ProductUid -Timeout 1 -ErrorVariable err -ErrorAction SilentlyContinue)
        $out.ProductUid | Should -Be $aPort.ProductUid
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MegaportServiceNotFound,*'
        $err[0].TargetObject | Should -Be $uid
    }
}
