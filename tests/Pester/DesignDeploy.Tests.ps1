# Deploy-MegaportDesign under failure: a run killed after its first buy completes on the next run without buying
# anything twice; -RollbackOnFailure cancels only what the run bought, last first; and the export round trip on the
# simulator's scale account.
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')

    function Get-Buys($Sim) { @(Get-SimulatorRequests $Sim -Method POST | Where-Object { $_.path -like '/v*/networkdesign/buy' }) }
    function Get-Cancels($Sim) { @(Get-SimulatorRequests $Sim -Method POST | Where-Object { $_.path -like '/v3/product/*/action/CANCEL*' }) }

    $design = @'
ports:
  - { name: dd-port-a, location_id: 3, speed: 1000, term: 1 }
  - { name: dd-port-b, location_id: 2, speed: 1000, term: 1 }
vxcs:
  - name: dd-a-to-b
    rate_limit: 100
    a_end: { product_uid: "{{.port.dd-port-a}}", vlan: 300 }
    b_end: { product_uid: "{{.port.dd-port-b}}", vlan: 300 }
  - name: dd-primary-to-b
    rate_limit: 100
    a_end: { product_uid: Sydney Primary, vlan: 301 }
    b_end: { product_uid: "{{.port.dd-port-b}}", vlan: 301 }
'@
    $names = 'dd-port-a', 'dd-port-b', 'dd-a-to-b', 'dd-primary-to-b'
}

Describe 'A run killed half-way' {
    BeforeAll {
        # Slow provisioning: the killed run is still waiting for its ports when it is stopped.
        $sim = Start-TestSimulator -ProvisionDelayMs 4000
        $null = Connect-TestSimulator $sim
        $file = Join-Path $TestDrive 'kill.yaml'
        Set-Content $file $design
    }
    AfterAll {
        Disconnect-Megaport
        Stop-MegaportSimulator $sim
    }

    It 'completes on the next run and buys nothing twice' {
        $script = Join-Path $TestDrive 'deploy.ps1'
        Set-Content $script @"
`$ErrorActionPreference = 'Stop'
Import-Module '$($script:ModulePath)'
$(Get-ConnectScript $sim)
Deploy-MegaportDesign -Path '$file' -Confirm:`$false
"@
        $pwsh = Get-PwshCommand
        $info = [Diagnostics.ProcessStartInfo]::new($pwsh[0])
        foreach ($a in @($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-File', $script)) { $info.ArgumentList.Add($a) }
        $info.RedirectStandardOutput = $true
        $info.RedirectStandardError = $true
        $child = [Diagnostics.Process]::Start($info)
        try {
            $deadline = [DateTime]::UtcNow.AddSeconds(60)
            while ((Get-Buys $sim).Count -eq 0 -and -not $child.HasExited -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 20 }
            (Get-Buys $sim).Count | Should -BeGreaterThan 0 -Because 'the child deploy should have bought something'
            $child.HasExited | Should -BeFalse -Because 'the child is still waiting for its ports'
        }
        finally { $child.Kill($true); $child.WaitForExit() }
        $killedBuys = (Get-Buys $sim).Count
        $killedBuys | Should -BeLessThan 4

        Set-SimulatorConfig $sim -ProvisionDelayMs 100
        $result = @(Deploy-MegaportDesign -Path $file -Confirm:$false)
        ($result | Where-Object Result -notin 'Created', 'Unchanged') | Should -BeNullOrEmpty
        (Get-Buys $sim).Count | Should -Be 4
        foreach ($n in $names) {
            @(Get-MegaportService -Name $n).Count | Should -Be 1 -Because "'$n' exists once"
            @(Get-Buys $sim | Where-Object { $_.body -match "`"productName`":`"$n`"" }).Count | Should -Be 1 -Because "'$n' was bought once"
        }
        (Test-MegaportDesign -Path $file).Action | Sort-Object -Unique | Should -Be 'NoChange'
    }
}

Describe 'A failure half-way' {
    BeforeAll {
        $sim = Start-TestSimulator -ProvisionDelayMs 0
        $null = Connect-TestSimulator $sim
        $file = Join-Path $TestDrive 'fail.yaml'
        Set-Content $file $design
    }
    AfterAll {
        Disconnect-Megaport
        Stop-MegaportSimulator $sim
    }
    BeforeEach { Reset-TestSimulator $sim }

    It '-RollbackOnFailure cancels, at once and last first, only what this run bought' {
        $before = @(Get-MegaportService).ProductUid
        # The two ports are bought; the first VXC buy is refused.
        Add-SimulatorFault $sim @{ method = 'POST'; path = '/v4/networkdesign/buy'; kind = 'status'; status = 400; after = 2; count = 1
            body = '{"message":"Validation failed","terms":"","data":"injected"}' }
        $warnings = $null
        $result = @(Deploy-MegaportDesign -Path $file -Confirm:$false -RollbackOnFailure -ErrorAction SilentlyContinue -WarningVariable warnings -WarningAction SilentlyContinue)
        $bought = @($result | Where-Object ProductUid | Where-Object { $_.ProductUid -notin $before } | ForEach-Object ProductUid)
        $bought.Count | Should -BeGreaterOrEqual 2
        $cancels = Get-Cancels $sim
        $cancelled = @($cancels | ForEach-Object { ($_.path -split '/')[3] })
        ($cancelled | Sort-Object) | Should -Be ($bought | Sort-Object)
        $cancels | ForEach-Object { $_.path | Should -BeLike '*/action/CANCEL_NOW' }
        # Reverse order: any VXC bought is cancelled before the ports.
        $ports = @($result | Where-Object Kind -eq 'Port' | ForEach-Object ProductUid)
        $firstPortCancel = [Array]::FindIndex([object[]]$cancelled, [Predicate[object]] { param($u) $u -in $ports })
        $vxcCancels = @($cancelled | Select-Object -Skip $firstPortCancel | Where-Object { $_ -notin $ports })
        $vxcCancels | Should -BeNullOrEmpty
        ($result | Where-Object Kind -eq 'Port').Result | Should -Be @('RolledBack', 'RolledBack')
        ($warnings -match 'Rolled back').Count | Should -Be $bought.Count
        foreach ($uid in $before) { $cancelled | Should -Not -Contain $uid }
    }

    It 'without rollback keeps what was bought, says what is left, and the next run finishes' {
        Add-SimulatorFault $sim @{ method = 'POST'; path = '/v4/networkdesign/buy'; kind = 'status'; status = 400; after = 2; count = 2
            body = '{"message":"Validation failed","terms":"","data":"injected"}' }
        $warnings = $null
        $result = @(Deploy-MegaportDesign -Path $file -Confirm:$false -ErrorAction SilentlyContinue -WarningVariable warnings -WarningAction SilentlyContinue)
        ($result | Where-Object Kind -eq 'Port').Result | Should -Be @('Created', 'Created')
        ($warnings -match 'Left to do: .*Create Vxc').Count | Should -Be 1
        (Get-Cancels $sim).Count | Should -Be 0
        Clear-SimulatorFault $sim
        $again = @(Deploy-MegaportDesign -Path $file -Confirm:$false)
        ($again | Where-Object Kind -eq 'Port').Result | Should -Be @('Unchanged', 'Unchanged')
        ($again | Where-Object Kind -eq 'Vxc').Result | Should -Be @('Created', 'Created')
        foreach ($n in $names) { @(Get-MegaportService -Name $n).Count | Should -Be 1 }
    }
}

Describe 'The round trip on the scale account' {
    BeforeAll {
        $sim = Start-TestSimulator -ProvisionDelayMs 0 -ArgumentList '--scale', 'locations=40,ports=60,vxcs=150'
        $null = Connect-TestSimulator $sim
    }
    AfterAll {
        Disconnect-Megaport
        Stop-MegaportSimulator $sim
    }

    It 'export -> Test plans only NoChange' {
        $file = Join-Path $TestDrive 'scale.yaml'
        $null = Export-MegaportDesign -Path $file
        $plan = @(Test-MegaportDesign -Path $file)
        $plan.Count | Should -BeGreaterOrEqual 200
        ($plan | Where-Object Action -ne 'NoChange' | Select-Object -First 5 | ForEach-Object { "$($_.Kind) $($_.Name): $($_.Action) $($_.ChangeText) $($_.Message)" }) | Should -BeNullOrEmpty
    }
}
