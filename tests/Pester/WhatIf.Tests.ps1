# What-if always wins: every changing cmdlet, under every form of what-if (a bound -WhatIf, $WhatIfPreference, a
# caller's -WhatIf flowing into a script), with and without -Force / -Confirm:$false, sends no changing request.
# And -Force / -Confirm:$false with $ConfirmPreference = 'Low' in a non-interactive host make the change, no prompt.
BeforeDiscovery {
    # Code run against the seed account; $P (port), $P2 (second port), $V (VXC), $C (cancelled VXC), $X (IX), $M (MCR),
    # $E (MVE), $K (service key), $L (a locked port) are set in BeforeAll. -Force is added only where a cmdlet has it.
    $changes = @(
        @{ Cmdlet = 'New-MegaportPort'; Code = 'New-MegaportPort -Name wi-port -LocationId 3 -Speed 1000 -Term 1' }
        @{ Cmdlet = 'New-MegaportVxc'; Code = 'New-MegaportVxc -AEndProductUid $P -BEndProductUid $P2 -Name wi-vxc -RateLimit 10' }
        @{ Cmdlet = 'New-MegaportIx'; Code = 'New-MegaportIx -ProductUid $P -Name wi-ix -NetworkServiceType ''Sydney IX'' -Asn 65100 -MacAddress 00:11:22:33:44:55 -RateLimit 100' }
        @{ Cmdlet = 'New-MegaportMcr'; Code = 'New-MegaportMcr -Name wi-mcr -LocationId 3 -Speed 1000 -Term 1' }
        @{ Cmdlet = 'New-MegaportMve'; Code = 'New-MegaportMve -Name wi-mve -LocationId 4 -Term 1 -Vendor Cisco -ImageId 92 -Size SMALL' }
        @{ Cmdlet = 'New-MegaportPort -Location'; Code = 'New-MegaportPort -Name wi-port -Location ''Global Switch Sydney'' -Speed 1000 -Term 1' }
        @{ Cmdlet = 'New-MegaportMcr -Location'; Code = 'New-MegaportMcr -Name wi-mcr -Location (Get-MegaportLocation -Id 3) -Speed 1000 -Term 1' }
        @{ Cmdlet = 'New-MegaportMve -Location'; Code = 'New-MegaportMve -Name wi-mve -Location 4 -Term 1 -Vendor Cisco -ImageId 92 -Size SMALL' }
        @{ Cmdlet = 'Set-MegaportPort'; Code = 'Set-MegaportPort -ProductUid $P -Name wi-renamed' }
        @{ Cmdlet = 'Set-MegaportVxc'; Code = 'Set-MegaportVxc -ProductUid $V -RateLimit 20' }
        @{ Cmdlet = 'Set-MegaportIx'; Code = 'Set-MegaportIx -ProductUid $X -RateLimit 20' }
        @{ Cmdlet = 'Set-MegaportMcr'; Code = 'Set-MegaportMcr -ProductUid $M -Asn 65333' }
        @{ Cmdlet = 'Set-MegaportMve'; Code = 'Set-MegaportMve -ProductUid $E -Name wi-edge' }
        @{ Cmdlet = 'Remove-MegaportService'; Code = 'Remove-MegaportService -ProductUid $V -Now'; Force = $true }
        @{ Cmdlet = 'Remove-MegaportService (end of term)'; Code = 'Remove-MegaportService -ProductUid $X'; Force = $true }
        @{ Cmdlet = 'Restore-MegaportService'; Code = 'Restore-MegaportService -ProductUid $C' }
        @{ Cmdlet = 'Lock-MegaportService'; Code = 'Lock-MegaportService -ProductUid $P' }
        @{ Cmdlet = 'Unlock-MegaportService'; Code = 'Unlock-MegaportService -ProductUid $L' }
        @{ Cmdlet = 'Set-MegaportServiceTag'; Code = 'Set-MegaportServiceTag -ProductUid $P -Tag @{ env = ''whatif'' }' }
        @{ Cmdlet = 'New-MegaportServiceKey'; Code = 'New-MegaportServiceKey -ProductUid $P -MaxSpeed 100' }
        @{ Cmdlet = 'Set-MegaportServiceKey'; Code = 'Set-MegaportServiceKey -Key $K -Active $false' }
        @{ Cmdlet = 'Set-MegaportMcr -IpsecTunnelCount'; Code = 'Set-MegaportMcr -ProductUid $M -IpsecTunnelCount 10' }
        @{ Cmdlet = 'Set-MegaportVxc -AEndInterface'; Code = 'Set-MegaportVxc -ProductUid $MV -AEndInterface (New-MegaportMcrInterfaceConfig -IpAddress 10.7.7.1/30)' }
        @{ Cmdlet = 'New-MegaportMcrPrefixList'; Code = 'New-MegaportMcrPrefixList -ProductUid $M -Description wi-new -AddressFamily IPv4 -Entry @{ Action = ''permit''; Prefix = ''10.0.0.0/8'' }' }
        @{ Cmdlet = 'Set-MegaportMcrPrefixList'; Code = 'Set-MegaportMcrPrefixList -ProductUid $M -Description wi-list -NewDescription wi-renamed' }
        @{ Cmdlet = 'Remove-MegaportMcrPrefixList'; Code = 'Remove-MegaportMcrPrefixList -ProductUid $M -Description wi-list'; Force = $true }
        @{ Cmdlet = 'New-MegaportUser'; Code = 'New-MegaportUser -FirstName Wi -LastName If -Email wi@example.com -Position ''Read Only''' }
        @{ Cmdlet = 'Set-MegaportUser'; Code = 'Set-MegaportUser -EmployeeId 9002 -Position Finance -Newsletter $true' }
        @{ Cmdlet = 'Set-MegaportUser -Active:$false'; Code = 'Get-MegaportUser -EmployeeId 9003 | Set-MegaportUser -Active:$false' }
        @{ Cmdlet = 'Remove-MegaportUser'; Code = 'Remove-MegaportUser -EmployeeId 9005'; Force = $true }
        @{ Cmdlet = 'Set-MegaportBillingMarket'; Code = 'Get-MegaportBillingMarket -Market AU | Set-MegaportBillingMarket -ContactName wi-contact' }
        @{ Cmdlet = 'Approve-MegaportOrderApproval'; Code = 'Approve-MegaportOrderApproval -Uid $OA -Comment wi' }
        @{ Cmdlet = 'Approve-MegaportOrderApproval (piped)'; Code = 'Get-MegaportOrderApproval -Status PENDING | Approve-MegaportOrderApproval' }
        @{ Cmdlet = 'Deny-MegaportOrderApproval'; Code = 'Deny-MegaportOrderApproval -Uid $OD -Comment wi' }
        @{ Cmdlet = 'Revoke-MegaportOrderApproval'; Code = 'Revoke-MegaportOrderApproval -Uid $OR' }
        @{ Cmdlet = 'Save-MegaportLoa'; Code = 'Save-MegaportLoa -ProductUid $P -Path $LoaFile' }
        @{ Cmdlet = 'Invoke-MegaportRestMethod POST'; Code = 'Invoke-MegaportRestMethod -Method POST -Path /v4/pricebook/product -Body @{ productType = ''MEGAPORT''; locationId = 3; speed = 1000 }' }
        @{ Cmdlet = 'Invoke-MegaportRestMethod DELETE'; Code = 'Invoke-MegaportRestMethod -Method DELETE -Path /v2/employee/9005' }
        @{ Cmdlet = 'New-MegaportManagedAccount'; Code = 'New-MegaportManagedAccount -Name wi-account -Reference WI-1' }
        @{ Cmdlet = 'Set-MegaportManagedAccount'; Code = 'Set-MegaportManagedAccount -CompanyUid 7b1e5c9a-3d2f-4a8e-b6c4-1f0d9e3a5b27 -Reference WI-2' }
        # A NAT gateway A-End (the seed's Sydney NAT Gateway and its VXC): interfaces with the gateway's packet filters.
        @{ Cmdlet = 'New-MegaportVxc (NAT gateway A-End)'; Code = 'New-MegaportVxc -AEndProductUid 9b2e6d4f-3a7c-4e1b-8f5d-2c6a0e9b4d13 -BEndProductUid $P2 -Name wi-nat-vxc -RateLimit 10 -AEndInterface @{ IpAddress = ''10.5.5.1/30''; PacketFilterIn = ''permit-https'' }' }
        @{ Cmdlet = 'Set-MegaportVxc -AEndInterface (NAT gateway A-End)'; Code = 'Set-MegaportVxc -ProductUid 1f7c5a3e-9d2b-4c6f-b8a4-6e0d2f4b8c57 -AEndInterface @{ IpAddress = ''10.0.0.1/30''; PacketFilterOut = 1 }' }
        # Designs: the walkthrough's design (a port and a VXC to AWS), and one that changes and prunes the seed account.
        @{ Cmdlet = 'Deploy-MegaportDesign'; Code = 'Deploy-MegaportDesign -Path (Join-Path (Get-Module Megaport).ModuleBase ''examples/syd-aws.psd1'') -Secret @{ aws_auth_key = (ConvertTo-SecureString k -AsPlainText -Force) }'; Force = $true }
        @{ Cmdlet = 'Deploy-MegaportDesign -Prune'; Code = 'Deploy-MegaportDesign -Path (Join-Path (Get-Module Megaport).ModuleBase ''examples/syd-aws.yaml'') -Secret @{ aws_auth_key = (ConvertTo-SecureString k -AsPlainText -Force) } -Prune'; Force = $true }
        # A report writes a file: what-if reads and writes nothing (Report.Tests.ps1 checks the file).
        @{ Cmdlet = 'Export-MegaportReport'; Code = 'Export-MegaportReport -Path ([IO.Path]::Combine([IO.Path]::GetTempPath(), ''megaport-whatif-report.html''))' }
    )
    . (Join-Path $PSScriptRoot 'WhatIfModes.ps1')
    $cases = Get-WhatIfCase $changes
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    . (Join-Path $PSScriptRoot 'WhatIfModes.ps1')
    $sim = Start-TestSimulator -ProvisionDelayMs 0
    $null = Connect-TestSimulator $sim

    function Get-ChangingRequest {
        @(Get-SimulatorRequests $sim | Where-Object {
                $_.method -in 'PUT', 'POST', 'DELETE', 'PATCH' -and $_.path -notlike '/oauth2/*' -and
                $_.path -notlike '/_simulator/*' -and $_.path -notin '/v3/networkdesign/validate', '/v4/pricebook/product'
            })
    }

    function Set-SeedVariable {
        $script:P = (Get-MegaportService -Name 'Sydney Primary' -ProductType Port).ProductUid
        $script:P2 = (Get-MegaportService -Name 'Sydney Secondary' -ProductType Port).ProductUid
        $script:V = (Get-MegaportService -Name 'Sydney Primary to Secondary').ProductUid
        $script:C = (Get-MegaportService -Name 'Melbourne to Sydney (cancelled)' -IncludeInactive).ProductUid
        $script:X = (Get-MegaportService -ProductType Ix | Select-Object -First 1).ProductUid
        $script:M = (Get-MegaportService -ProductType Mcr | Select-Object -First 1).ProductUid
        $script:E = (Get-MegaportService -ProductType Mve | Select-Object -First 1).ProductUid
        $script:K = (Get-MegaportServiceKey -ProductUid $script:P | Select-Object -First 1).Key
        $script:L = (Get-MegaportService -Name 'Melbourne Core').ProductUid
        $null = Lock-MegaportService -ProductUid $script:L
        $script:MV = (Get-MegaportService -Name 'Sydney MCR to Azure').ProductUid
        $null = New-MegaportMcrPrefixList -ProductUid $script:M -Description 'wi-list' -AddressFamily IPv4 -Entry @{ Action = 'permit'; Prefix = '10.0.0.0/8' }
        $script:OA = '0a7c3e91-5b2d-4f68-9e14-7d3b2a6c8f01'   # pending, the demo account decides it
        $script:OD = '0a7c3e91-5b2d-4f68-9e14-7d3b2a6c8f02'
        $script:OR = '0a7c3e91-5b2d-4f68-9e14-7d3b2a6c8f03'   # the demo account's own request
        $script:LoaFile = Join-Path ([IO.Path]::GetTempPath()) "megaport-whatif-$([guid]::NewGuid()).pdf"
    }
    Set-SeedVariable
    foreach ($name in 'P', 'P2', 'V', 'C', 'X', 'M', 'E', 'K', 'L', 'MV') { (Get-Variable $name -Scope Script).Value | Should -Not -BeNullOrEmpty }
}
AfterAll {
    Disconnect-Megaport
    Stop-MegaportSimulator $sim
}

Describe 'What-if always wins: <Cmdlet> under <Mode>' -ForEach $cases {
    It 'sends no changing request' {
        $before = (Get-ChangingRequest).Count
        Invoke-WhatIfCase -Code $Code -Preference $Preference -Caller $Caller
        $new = @(Get-ChangingRequest | Select-Object -Skip $before)
        # $ErrorActionPreference is Stop: an error before the confirmation would fail the test, not pass it.
        $new | ForEach-Object { "$($_.method) $($_.path)" } | Should -BeNullOrEmpty
    }
}

Describe 'The state after all of that' {
    It 'nothing changed: names, locks, tags, keys and statuses are as seeded' {
        (Get-MegaportService -ProductUid $P).Name | Should -Be 'Sydney Primary'
        (Get-MegaportService -ProductUid $P).Locked | Should -BeFalse
        (Get-MegaportService -ProductUid $L).Locked | Should -BeTrue
        (Get-MegaportService -ProductUid $V).ProvisioningStatus | Should -Be 'LIVE'
        (Get-MegaportService -ProductUid $C).ProvisioningStatus | Should -Be 'CANCELLED'
        (Get-MegaportService -ProductUid $X).ProvisioningStatus | Should -Not -Be 'CANCELLED'
        @(Get-MegaportServiceTag -ProductUid $P | Where-Object Value -eq 'whatif').Count | Should -Be 0
        @(Get-MegaportService -Name 'wi-*').Count | Should -Be 0
        (Get-MegaportService -ProductUid $M).IpsecTunnelCount | Should -Be 0
        $lists = @(Get-MegaportMcrPrefixList -ProductUid $M | ForEach-Object Description)
        $lists | Should -Contain 'wi-list'
        $lists | Should -Not -Contain 'wi-new'
        $lists | Should -Not -Contain 'wi-renamed'
        (Get-MegaportManagedAccount).Name | Should -Not -Contain 'wi-account'
        (Get-MegaportManagedAccount -CompanyUid 7b1e5c9a-3d2f-4a8e-b6c4-1f0d9e3a5b27).Reference | Should -Be 'ACME-001'
    }

    It 'nothing changed in the company: users, the billing market and approvals are as seeded, and no LOA was read or written' {
        (Get-MegaportUser -EmployeeId 9002).Position | Should -Be 'Technical Admin'
        (Get-MegaportUser -EmployeeId 9002).Newsletter | Should -BeFalse
        (Get-MegaportUser -EmployeeId 9003).Active | Should -BeTrue
        (Get-MegaportUser -EmployeeId 9005).InvitationPending | Should -BeTrue
        @(Get-MegaportUser -Email 'wi@example.com').Count | Should -Be 0
        (Get-MegaportBillingMarket -Market AU).ContactName | Should -Be 'Fran Finance'
        @(Get-MegaportOrderApproval -Status PENDING).Uid | Should -Be @($OA, $OD, $OR)
        $LoaFile | Should -Not -Exist
        @(Get-SimulatorRequests $sim -Path '/v2/product/*/loa').Count | Should -Be 0
    }
}

Describe '-Force and -Confirm:$false in a non-interactive host with $ConfirmPreference = Low' {
    It 'every changing cmdlet makes its change without a prompt error' {
        Reset-TestSimulator $sim
        Set-SeedVariable
        $vars = foreach ($name in 'P', 'P2', 'V', 'C', 'X', 'M', 'E', 'K', 'L', 'MV') { "`$$name = '$((Get-Variable $name -Scope Script).Value)'" }
        # Each line runs in the fresh non-interactive pwsh; a prompt there would be an error ("non-interactive mode").
        $script = @"
$(Get-ConnectScript $sim)
$($vars -join "`n")
`$ConfirmPreference = 'Low'
`$ErrorActionPreference = 'Stop'
`$ProgressPreference = 'SilentlyContinue'
`$null = New-MegaportPort -Name ci-port -LocationId 3 -Speed 1000 -Term 1 -Confirm:`$false
`$null = New-MegaportServiceKey -ProductUid `$P -MaxSpeed 100 -Description ci-key -Confirm:`$false
`$null = Set-MegaportServiceKey -Key `$K -Active `$false -Confirm:`$false
`$null = Set-MegaportPort -ProductUid `$P2 -Name ci-renamed -Confirm:`$false
`$null = Set-MegaportServiceTag -ProductUid `$P -Tag @{ env = 'ci' } -Confirm:`$false
`$null = Lock-MegaportService -ProductUid `$P -Confirm:`$false
`$null = Unlock-MegaportService -ProductUid `$L -Confirm:`$false
`$null = Restore-MegaportService -ProductUid `$C -Confirm:`$false
`$null = Remove-MegaportService -ProductUid `$V -Now -Force
`$null = Remove-MegaportService -ProductUid `$X -Force -Confirm:`$false
`$null = New-MegaportMcrPrefixList -ProductUid `$M -Description ci-list -AddressFamily IPv4 -Entry @{ Action = 'permit'; Prefix = '10.0.0.0/8' } -Confirm:`$false
`$null = Remove-MegaportMcrPrefixList -ProductUid `$M -Description wi-list -Force
`$null = New-MegaportUser -FirstName Ci -LastName User -Email ci@example.com -Position 'Read Only' -Confirm:`$false
`$null = Set-MegaportUser -EmployeeId 9002 -Position Finance -Confirm:`$false
Remove-MegaportUser -EmployeeId 9005 -Force
Get-MegaportBillingMarket -Market AU | Set-MegaportBillingMarket -ContactName ci-contact -Confirm:`$false
Approve-MegaportOrderApproval -Uid '$OA' -Confirm:`$false
Deny-MegaportOrderApproval -Uid '$OD' -Confirm:`$false
Revoke-MegaportOrderApproval -Uid '$OR' -Confirm:`$false
Save-MegaportLoa -ProductUid `$P -Path '$LoaFile' -Confirm:`$false
`$null = Invoke-MegaportRestMethod -Method POST -Path /v4/pricebook/product -Body @{ productType = 'MEGAPORT'; locationId = 3; speed = 1000 } -Confirm:`$false
`$null = New-MegaportVxc -AEndProductUid 9b2e6d4f-3a7c-4e1b-8f5d-2c6a0e9b4d13 -BEndProductUid `$P2 -Name ci-nat-vxc -RateLimit 10 -AEndInterface @{ IpAddress = '10.5.5.1/30'; PacketFilterIn = 'permit-https' } -Confirm:`$false
'done'
"@
        $run = Invoke-FreshPwsh $script
        $run.Output | Should -Not -Match 'non-interactive|PromptFor'
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Output | Should -Match 'done'
        @(Get-MegaportService -Name 'ci-port').Count | Should -Be 1
        (Get-MegaportServiceKey -Key $K).Active | Should -BeFalse
        (Get-MegaportService -ProductUid $P2).Name | Should -Be 'ci-renamed'
        (Get-MegaportServiceTag -ProductUid $P | Where-Object Key -eq 'env').Value | Should -Be 'ci'
        (Get-MegaportService -ProductUid $P).Locked | Should -BeTrue
        (Get-MegaportService -ProductUid $L).Locked | Should -BeFalse
        (Get-MegaportService -ProductUid $C).ProvisioningStatus | Should -Not -Be 'CANCELLED'
        (Get-MegaportService -ProductUid $V).ProvisioningStatus | Should -Be 'DECOMMISSIONED'
        (Get-MegaportService -ProductUid $X).ProvisioningStatus | Should -Be 'CANCELLED'
        $lists = @(Get-MegaportMcrPrefixList -ProductUid $M | ForEach-Object Description)
        $lists | Should -Contain 'ci-list'
        $lists | Should -Not -Contain 'wi-list'
        @(Get-MegaportUser -Email 'ci@example.com').Count | Should -Be 1
        (Get-MegaportUser -EmployeeId 9002).Position | Should -Be 'Finance'
        @(Get-MegaportUser -EmployeeId 9005 -ErrorAction SilentlyContinue).Count | Should -Be 0
        (Get-MegaportBillingMarket -Market AU).ContactName | Should -Be 'ci-contact'
        @(Get-MegaportOrderApproval -Status PENDING).Count | Should -Be 0
        $LoaFile | Should -Exist
        Remove-Item $LoaFile
        (Get-MegaportService -Name 'ci-nat-vxc').AEnd.ProductUid | Should -Be '9b2e6d4f-3a7c-4e1b-8f5d-2c6a0e9b4d13'
    }
}
