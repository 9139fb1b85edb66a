# What-if always wins for the NAT gateway cmdlets too: under every form of what-if (a bound -WhatIf, $WhatIfPreference, a
# caller's -WhatIf), with and without -Force / -Confirm:$false, no changing request is sent (only the validate call that
# prices an order) and no design is left behind. And -Force / -Confirm:$false with $ConfirmPreference = 'Low' in a
# non-interactive host make each change without a prompt.
BeforeDiscovery {
    # $N is the seeded NAT gateway, $D the seeded design; -Force is added only where a cmdlet has it.
    $changes = @(
        @{ Cmdlet = 'New-MegaportNatGateway'; Code = 'New-MegaportNatGateway -Name wi-nat -LocationId 3 -Speed 1000 -Term 1' }
        @{ Cmdlet = 'New-MegaportNatGateway -Location'; Code = 'New-MegaportNatGateway -Name wi-nat -Location ''Global Switch Sydney'' -Speed 1000 -Term 1' }
        @{ Cmdlet = 'Set-MegaportNatGateway'; Code = 'Set-MegaportNatGateway -ProductUid $N -Name wi-renamed -Speed 2500 -SessionCount 16000' }
        @{ Cmdlet = 'Set-MegaportNatGateway (design)'; Code = 'Set-MegaportNatGateway -ProductUid $D -Name wi-design' }
        @{ Cmdlet = 'New-MegaportNatGatewayPacketFilter'; Code = 'New-MegaportNatGatewayPacketFilter -ProductUid $N -Description wi -Entry @{ Action = ''deny''; SourceAddress = ''0.0.0.0/0''; DestinationAddress = ''0.0.0.0/0'' }' }
        @{ Cmdlet = 'Set-MegaportNatGatewayPacketFilter'; Code = 'Set-MegaportNatGatewayPacketFilter -ProductUid $N -Id 1 -NewDescription wi' }
        @{ Cmdlet = 'Remove-MegaportNatGatewayPacketFilter'; Code = 'Remove-MegaportNatGatewayPacketFilter -ProductUid $N -Description permit-https'; Force = $true }
        @{ Cmdlet = 'New-MegaportNatGatewayPrefixList'; Code = 'New-MegaportNatGatewayPrefixList -ProductUid $N -Description wi -Entry @{ Action = ''permit''; Prefix = ''10.0.0.0/8'' }' }
        @{ Cmdlet = 'Set-MegaportNatGatewayPrefixList'; Code = 'Set-MegaportNatGatewayPrefixList -ProductUid $N -Id 2 -NewDescription wi' }
        @{ Cmdlet = 'Remove-MegaportNatGatewayPrefixList'; Code = 'Remove-MegaportNatGatewayPrefixList -ProductUid $N -Id 2'; Force = $true }
        @{ Cmdlet = 'Remove-MegaportService (NAT design)'; Code = 'Remove-MegaportService -ProductUid $D'; Force = $true }
        @{ Cmdlet = 'Remove-MegaportService (NAT gateway)'; Code = 'Remove-MegaportService -ProductUid $N -Now'; Force = $true }
        @{ Cmdlet = 'Lock-MegaportService (NAT gateway)'; Code = 'Lock-MegaportService -ProductUid $N' }
        @{ Cmdlet = 'Set-MegaportServiceTag (NAT gateway)'; Code = 'Set-MegaportServiceTag -ProductUid $N -Tag @{ env = ''whatif'' }' }
    )
    . (Join-Path $PSScriptRoot 'WhatIfModes.ps1')
    $cases = Get-WhatIfCase $changes
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    . (Join-Path $PSScriptRoot 'WhatIfModes.ps1')
    $sim = Start-TestSimulator -ProvisionDelayMs 0
    $null = Connect-TestSimulator $sim
    $N = '9b2e6d4f-3a7c-4e1b-8f5d-2c6a0e9b4d13'
    $D = 'd6a4f2b8-5c1e-4b9d-a7e3-4f8c2a6d0b35'
    function Get-ChangingRequest {
        @(Get-SimulatorRequests $sim | Where-Object {
                $_.method -in 'PUT', 'POST', 'DELETE', 'PATCH' -and $_.path -notlike '/oauth2/*' -and $_.path -ne '/v3/networkdesign/validate'
            })
    }
    function Get-DesignCount { @((Invoke-RawApi $sim '/v3/products/nat_gateways').data | Where-Object provisioningStatus -eq 'DESIGN').Count }
}
AfterAll {
    Disconnect-Megaport
    Stop-MegaportSimulator $sim
}

Describe 'What-if always wins: <Cmdlet> under <Mode>' -ForEach $cases {
    It 'sends no changing request and leaves no design behind' {
        $before = (Get-ChangingRequest).Count
        $designs = Get-DesignCount
        Invoke-WhatIfCase -Code $Code -Preference $Preference -Caller $Caller
        @(Get-ChangingRequest | Select-Object -Skip $before) | ForEach-Object { "$($_.method) $($_.path)" } | Should -BeNullOrEmpty
        Get-DesignCount | Should -Be $designs
    }
}

Describe 'The state after all of that' {
    It 'nothing changed: names, filters, lists, locks, tags and designs are as seeded' {
        $nat = Get-MegaportNatGateway -ProductUid $N
        $nat.Name | Should -Be 'Sydney NAT Gateway'
        $nat.Speed | Should -Be 1000
        $nat.Locked | Should -BeFalse
        $nat.ProvisioningStatus | Should -Be 'LIVE'
        (Get-MegaportNatGateway -ProductUid $D).Name | Should -Be 'Melbourne NAT Gateway'
        @(Get-MegaportNatGatewayPacketFilter -ProductUid $N).Description | Should -Be 'permit-https'
        @(Get-MegaportNatGatewayPrefixList -ProductUid $N).Description | Should -Be 'private-v4'
        @(Get-MegaportServiceTag -ProductUid $N | Where-Object Value -eq 'whatif').Count | Should -Be 0
        @(Get-MegaportNatGateway -Name 'wi-*').Count | Should -Be 0
    }
}

Describe '-Force and -Confirm:$false in a non-interactive host with $ConfirmPreference = Low' {
    It 'every NAT gateway cmdlet that changes something makes its change without a prompt error' {
        Reset-TestSimulator $sim
        $script = @"
$(Get-ConnectScript $sim)
`$N = '$N'; `$D = '$D'
`$ConfirmPreference = 'Low'
`$ErrorActionPreference = 'Stop'
`$ProgressPreference = 'SilentlyContinue'
`$null = New-MegaportNatGateway -Name ci-nat -LocationId 3 -Speed 1000 -Term 1 -Confirm:`$false
`$null = Set-MegaportNatGateway -ProductUid `$N -Name ci-renamed -Confirm:`$false
`$null = New-MegaportNatGatewayPacketFilter -ProductUid `$N -Description ci -Entry @{ Action = 'deny'; SourceAddress = '0.0.0.0/0'; DestinationAddress = '0.0.0.0/0' } -Confirm:`$false
`$null = Set-MegaportNatGatewayPacketFilter -ProductUid `$N -Description ci -NewDescription ci-2 -Confirm:`$false
`$null = Remove-MegaportNatGatewayPacketFilter -ProductUid `$N -Id 1 -Force
`$null = New-MegaportNatGatewayPrefixList -ProductUid `$N -Description ci -Entry @{ Action = 'permit'; Prefix = '10.0.0.0/8' } -Confirm:`$false
`$null = Set-MegaportNatGatewayPrefixList -ProductUid `$N -Id 2 -NewDescription ci-old -Confirm:`$false
`$null = Remove-MegaportNatGatewayPrefixList -ProductUid `$N -Description ci -Force -Confirm:`$false
`$null = Remove-MegaportService -ProductUid `$D -Force
'done'
"@
        $run = Invoke-FreshPwsh $script
        $run.Output | Should -Not -Match 'non-interactive|PromptFor'
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Output | Should -Match 'done'
        @(Get-MegaportNatGateway -Name 'ci-nat').Count | Should -Be 1
        (Get-MegaportNatGateway -ProductUid $N).Name | Should -Be 'ci-renamed'
        @(Get-MegaportNatGatewayPacketFilter -ProductUid $N).Description | Should -Be 'ci-2'
        @(Get-MegaportNatGatewayPrefixList -ProductUid $N).Description | Should -Be 'ci-old'
        @(Get-MegaportNatGateway | Where-Object IsDesign).Count | Should -Be 0
    }
}
