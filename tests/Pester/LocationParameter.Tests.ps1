# -Location (a name, an id or a location object) on every cmdlet that takes -LocationId; "Did you mean" for names
# that match nothing; and product UIDs that are not UUIDs refused before any request. Every case checks the
# simulator's request journal: what was sent, and that nothing was sent where nothing may be.
BeforeDiscovery {
    $orders = @(
        @{ Cmdlet = 'New-MegaportPort'; Extra = @{ Speed = 10000; Term = 12 }; Id = 3; Name = 'Global Switch Sydney'; ProductType = 'MEGAPORT' }
        @{ Cmdlet = 'New-MegaportMcr'; Extra = @{ Speed = 1000; Term = 1 }; Id = 3; Name = 'Global Switch Sydney'; ProductType = 'MCR2' }
        @{ Cmdlet = 'New-MegaportMve'; Extra = @{ Term = 1; Vendor = 'Cisco'; ImageId = 92; Size = 'SMALL' }; Id = 4; Name = 'Equinix SY3'; ProductType = 'MVE' }
        @{ Cmdlet = 'New-MegaportNatGateway'; Extra = @{ Speed = 1000; Term = 1 }; Id = 3; Name = 'Global Switch Sydney'; ProductType = 'NAT_GATEWAY' }
    )
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $sim = Start-TestSimulator -ProvisionDelayMs 0
    $null = Connect-TestSimulator $sim
    $null = Get-MegaportLocation   # the session's cache: naming a location must cost no request of its own

    # The requests sent since $since (a journal count), as "METHOD /path" lines, without the token endpoint.
    function Get-Sent([int]$Since) {
        @(Get-SimulatorRequests $sim | Select-Object -Skip $Since | Where-Object { $_.path -notlike '/oauth2/*' } |
                ForEach-Object { "$($_.method) $($_.path)" })
    }
    function Get-JournalCount { @(Get-SimulatorRequests $sim).Count }
    # The validate bodies sent by one script block (the order line is the array's first item).
    function Get-ValidatedLines([scriptblock]$Block) {
        $before = @(Get-SimulatorRequests $sim -Method POST -Path '/v3/networkdesign/validate').Count
        $null = & $Block
        @(Get-SimulatorRequests $sim -Method POST -Path '/v3/networkdesign/validate' | Select-Object -Skip $before |
                ForEach-Object { ($_.body | ConvertFrom-Json)[0] })
    }
}
AfterAll {
    Disconnect-Megaport
    Stop-MegaportSimulator $sim
}

Describe '<Cmdlet> -Location' -ForEach $orders {
    BeforeAll {
        $location = Get-MegaportLocation -Id $Id
        $deserialized = [System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize($location))
        $base = @{ Name = 'loc-test' } + $Extra
        # The reference: the same order by -LocationId.
        $reference = Get-ValidatedLines { & $Cmdlet @base -LocationId $Id -WhatIf }
        $reference.Count | Should -Be 1
        $reference = $reference[0] | ConvertTo-Json -Depth 20 -Compress
    }

    It 'takes <Name> by <By> and validates the same order as -LocationId' -ForEach @(
        @{ By = 'exact name'; Value = { $Name } }
        @{ By = 'name in another case'; Value = { $Name.ToUpperInvariant() } }
        @{ By = 'id'; Value = { $Id } }
        @{ By = 'numeric string'; Value = { "$Id" } }
        @{ By = 'Megaport.Location'; Value = { $location } }
        @{ By = 'deserialized Megaport.Location'; Value = { $deserialized } }
        @{ By = 'hashtable with an Id'; Value = { @{ Id = $Id } } }
    ) {
        $value = & $Value
        $before = (Get-SimulatorStats $sim)
        $lines = Get-ValidatedLines { & $Cmdlet @base -Location $value -WhatIf }
        $lines.Count | Should -Be 1
        $lines[0].productType | Should -Be $ProductType
        $lines[0].locationId | Should -Be $Id
        ($lines[0] | ConvertTo-Json -Depth 20 -Compress) | Should -Be $reference
        (Get-SimulatorStats $sim).buyCalls | Should -Be $before.buyCalls
    }

    It '-WhatIf with -Location sends exactly what -WhatIf with -LocationId sends (one validate, no buy)' {
        $mark = Get-JournalCount
        $null = & $Cmdlet @base -LocationId $Id -WhatIf
        $byId = Get-Sent $mark
        $mark = Get-JournalCount
        $null = & $Cmdlet @base -Location $Name -WhatIf
        $byName = Get-Sent $mark
        $byName | Should -Be $byId
        @($byName | Where-Object { $_ -eq 'POST /v3/networkdesign/validate' }).Count | Should -Be 1
        $byName | Should -Not -Contain 'POST /v4/networkdesign/buy'
        $byName | Should -Not -Contain 'GET /v3/locations'
    }

    It 'orders by name: one buy, of the order validated for the location named' {
        Reset-TestSimulator $sim
        $new = & $Cmdlet @base -Location $Name.ToLowerInvariant() -NoWait -Confirm:$false
        $new.LocationId | Should -Be $Id
        # The first validate is the order line that was priced (a NAT gateway validates its design again after).
        $first = (Get-SimulatorRequests $sim -Method POST -Path '/v3/networkdesign/validate')[0].body | ConvertFrom-Json
        ($first[0] | ConvertTo-Json -Depth 20 -Compress) | Should -Be $reference
        (Get-SimulatorStats $sim).buyCalls | Should -Be 1
    }

    It 'still takes a location from the pipeline by property name (-LocationId)' {
        $lines = Get-ValidatedLines { Get-MegaportLocation -Name "$Name*" | & $Cmdlet @base -WhatIf }
        $lines.Count | Should -Be 1
        ($lines[0] | ConvertTo-Json -Depth 20 -Compress) | Should -Be $reference
    }

    It 'a misspelt name is MegaportLocationNotFound saying "Did you mean", and nothing is validated or bought' {
        $typo = $Name.Substring(0, 3) + $Name.Substring(4)   # one letter missing
        $mark = Get-JournalCount
        $null = & $Cmdlet @base -Location $typo -WhatIf -ErrorVariable err -ErrorAction SilentlyContinue
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MegaportLocationNotFound,*'
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err[0].TargetObject | Should -Be $typo
        $err[0].Exception.Message | Should -BeExactly "No Megaport location matches '$typo'. Did you mean '$Name'?"
        $err[0].ErrorDetails.RecommendedAction | Should -Match ([regex]::Escape("-Location '$Name' (id $Id)"))
        Get-Sent $mark | Should -BeNullOrEmpty
    }

    It 'nonsense suggests nothing' {
        $mark = Get-JournalCount
        $null = & $Cmdlet @base -Location 'xyzzy plugh' -WhatIf -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MegaportLocationNotFound,*'
        $err[0].Exception.Message | Should -BeExactly "No Megaport location matches 'xyzzy plugh'."
        $err[0].ErrorDetails.RecommendedAction | Should -Not -Match 'Did you mean'
        Get-Sent $mark | Should -BeNullOrEmpty
    }

    It 'an unknown id is MegaportLocationNotFound' {
        $mark = Get-JournalCount
        $null = & $Cmdlet @base -Location 999999 -WhatIf -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MegaportLocationNotFound,*'
        $err[0].Exception.Message | Should -Be 'There is no Megaport location with id 999999.'
        Get-Sent $mark | Should -BeNullOrEmpty
    }

    It 'a wildcard pattern is refused, listing the locations it matches' {
        $mark = Get-JournalCount
        $null = & $Cmdlet @base -Location 'Equinix SY*' -WhatIf -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MegaportInvalidArgument,*'
        $err[0].Exception.Message | Should -Match "wildcard pattern"
        $err[0].Exception.Message | Should -Match ([regex]::Escape("'Equinix SY1' (2), 'Equinix SY3' (4) and 'Equinix SY4' (7)"))
        Get-Sent $mark | Should -BeNullOrEmpty
    }

    It 'an object without a location is a binding error' {
        # An IX type has an Id, but it is no location's; a plain object with only a name is no location either.
        $ixType = Get-MegaportIxType | Select-Object -First 1
        $mark = Get-JournalCount
        { & $Cmdlet @base -Location $ixType -WhatIf } | Should -Throw -ErrorId 'ParameterArgumentTransformationError*'
        { & $Cmdlet @base -Location ([pscustomobject]@{ Name = $Name }) -WhatIf } | Should -Throw -ErrorId 'ParameterArgumentTransformationError*'
        { & $Cmdlet @base -Location @(2, 3) -WhatIf } | Should -Throw -ErrorId 'ParameterArgumentTransformationError*'
        Get-Sent $mark | Should -BeNullOrEmpty
    }

    It 'both -Location and -LocationId is a binding error, and nothing is sent' {
        $mark = Get-JournalCount
        { & $Cmdlet @base -Location $Name -LocationId $Id -WhatIf } | Should -Throw -ErrorId 'AmbiguousParameterSet*'
        Get-Sent $mark | Should -BeNullOrEmpty
    }

    It 'the help shows two syntaxes, one with -LocationId and one with -Location, each required' {
        $sets = (Get-Command $Cmdlet).ParameterSets
        $sets.Count | Should -Be 2
        ($sets | Where-Object { $_.Parameters.Name -contains 'LocationId' }).Parameters.Name | Should -Not -Contain 'Location'
        ($sets | Where-Object { $_.Parameters.Name -contains 'Location' }).Parameters.Name | Should -Not -Contain 'LocationId'
        foreach ($set in $sets) { ($set.Parameters | Where-Object Name -in 'Location', 'LocationId').IsMandatory | Should -BeTrue }
        (Get-Command $Cmdlet).DefaultParameterSet | Should -Be 'ByLocationId'
    }
}

Describe 'Neither -Location nor -LocationId, in a non-interactive PowerShell' {
    It 'is a missing-parameter error for every order, not a prompt, and nothing is sent' {
        $mark = Get-JournalCount
        $script = @"
$(Get-ConnectScript $sim)
`$ErrorActionPreference = 'Continue'
foreach (`$call in
    { New-MegaportPort -Name n -Speed 1000 -Term 1 -WhatIf },
    { New-MegaportMcr -Name n -Speed 1000 -Term 1 -WhatIf },
    { New-MegaportMve -Name n -Term 1 -Vendor Cisco -ImageId 92 -Size SMALL -WhatIf },
    { New-MegaportNatGateway -Name n -Speed 1000 -Term 1 -WhatIf },
    { New-MegaportPort -Name n -Speed 1000 -Term 1 -Location 3 -LocationId 3 -WhatIf }) {
    try { & `$call; 'NO ERROR' } catch { 'ERROR ' + `$_.FullyQualifiedErrorId }
}
"@
        $run = Invoke-FreshPwsh $script
        $lines = @($run.Output -split "`r?`n" | Where-Object { $_ -like 'ERROR *' -or $_ -eq 'NO ERROR' })
        $lines.Count | Should -Be 5
        $lines[0..3] | ForEach-Object { $_ | Should -BeLike 'ERROR MissingMandatoryParameter,*' }
        $lines[4] | Should -BeLike 'ERROR AmbiguousParameterSet,*'
        Get-Sent $mark | Where-Object { $_ -notlike 'GET *' } | Should -BeNullOrEmpty
        Get-Sent $mark | Should -Not -Contain 'POST /v3/networkdesign/validate'
    }
}

Describe 'A location name that two locations share' {
    It 'is refused on an order, listing both; the id picks one' {
        # The API answers a location list with a second "Global Switch Sydney" (another case, another id).
        $raw = (Invoke-RawApi $sim '/v3/locations')
        $twin = $raw.data | Where-Object id -eq 3 | ConvertTo-Json -Depth 20 | ConvertFrom-Json
        $twin.id = 9003
        $twin.name = 'GLOBAL SWITCH SYDNEY'
        $raw.data = @($raw.data) + $twin
        Add-SimulatorFault $sim @{ method = 'GET'; path = '/v3/locations'; kind = 'status'; status = 200; count = 1; body = ($raw | ConvertTo-Json -Depth 30 -Compress) }
        try {
            $null = Get-MegaportLocation -Force
            (Get-MegaportLocation -Location 'global switch sydney').Id | Should -Be @(3, 9003)
            $mark = Get-JournalCount
            $null = New-MegaportPort -Name twin -Location 'Global Switch Sydney' -Speed 10000 -Term 12 -WhatIf -ErrorVariable err -ErrorAction SilentlyContinue
            $err[0].FullyQualifiedErrorId | Should -BeLike 'MegaportInvalidArgument,*'
            $err[0].Exception.Message | Should -Match "names 2 Megaport locations"
            $err[0].Exception.Message | Should -Match ([regex]::Escape("'Global Switch Sydney' (3)"))
            $err[0].Exception.Message | Should -Match ([regex]::Escape("'GLOBAL SWITCH SYDNEY' (9003)"))
            Get-Sent $mark | Should -BeNullOrEmpty
        }
        finally {
            Clear-SimulatorFault $sim
            $null = Get-MegaportLocation -Force   # the real list again
        }
        @(Get-MegaportLocation -Location 'global switch sydney').Id | Should -Be 3
    }
}

Describe 'Get-MegaportPartnerPort -Location' {
    BeforeAll {
        $null = Get-MegaportPartnerPort
        $atGs = @(Get-MegaportPartnerPort -LocationId 3).ProductUid
        $atGs.Count | Should -BeGreaterThan 1
    }

    It 'takes a name, an id, a numeric string, a location object or a service, as -LocationId does' {
        $mark = Get-JournalCount
        @(Get-MegaportPartnerPort -Location 'Global Switch Sydney').ProductUid | Should -Be $atGs
        @(Get-MegaportPartnerPort -Location 'global switch SYDNEY').ProductUid | Should -Be $atGs
        @(Get-MegaportPartnerPort -Location 3).ProductUid | Should -Be $atGs
        @(Get-MegaportPartnerPort -Location '3').ProductUid | Should -Be $atGs
        @(Get-MegaportPartnerPort -Location (Get-MegaportLocation -Id 3)).ProductUid | Should -Be $atGs
        Get-Sent $mark | Should -BeNullOrEmpty -Because 'locations and partner ports come from the session cache'
        $port = Get-MegaportService -Name 'Sydney Primary' -ProductType Port
        @(Get-MegaportPartnerPort -Location $port).ProductUid | Should -Be @(Get-MegaportPartnerPort -LocationId $port.LocationId).ProductUid
    }

    It 'takes several, mixed with wildcards' {
        $expected = @(Get-MegaportPartnerPort -ConnectType AWS -LocationId 2, 3, 4, 7).ProductUid
        @(Get-MegaportPartnerPort -ConnectType AWS -Location 'Equinix SY*', 'Global Switch Sydney').ProductUid | Should -Be $expected
        @(Get-MegaportPartnerPort -Location 'Nowhere*' -ErrorVariable err).Count | Should -Be 0
        $err.Count | Should -Be 0
    }

    It 'a misspelt name is a non-terminating error with suggestions; it lists nothing for it, the other names still filter' {
        $mark = Get-JournalCount
        $ports = @(Get-MegaportPartnerPort -Location 'Global Swich Sydney', 'Equinix SY1' -ErrorVariable err -ErrorAction SilentlyContinue)
        $ports.ProductUid | Should -Be @(Get-MegaportPartnerPort -LocationId 2).ProductUid
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MegaportLocationNotFound,*'
        $err[0].Exception.Message | Should -BeExactly "No Megaport location matches 'Global Swich Sydney'. Did you mean 'Global Switch Sydney'?"
        @(Get-MegaportPartnerPort -Location 'xyzzy' -ErrorAction SilentlyContinue).Count | Should -Be 0
        Get-Sent $mark | Should -BeNullOrEmpty
    }

    It 'both -Location and -LocationId is a binding error' {
        { Get-MegaportPartnerPort -Location 3 -LocationId 3 } | Should -Throw -ErrorId 'AmbiguousParameterSet*'
    }

    It 'still takes locations from the pipeline' {
        @(Get-MegaportLocation -Id 3 | Get-MegaportPartnerPort).ProductUid | Should -Be $atGs
    }
}

Describe 'Get-MegaportLocation: "Did you mean" and -Location' {
    It 'answers a misspelt -Name with the closest name (the example of the issue)' {
        $mark = Get-JournalCount
        $null = Get-MegaportLocation -Name 'Global Swich Sydney' -ErrorVariable err -ErrorAction SilentlyContinue
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MegaportLocationNotFound,*'
        $err[0].Exception.Message | Should -BeExactly "No Megaport location matches 'Global Swich Sydney'. Did you mean 'Global Switch Sydney'?"
        $err[0].ErrorDetails.RecommendedAction | Should -Match ([regex]::Escape("-Name 'Global Switch Sydney' (id 3)"))
        $err[0].TargetObject | Should -Be 'Global Swich Sydney'
        Get-Sent $mark | Should -BeNullOrEmpty
    }

    It 'suggests up to three, best first, and nothing for nonsense' {
        $null = Get-MegaportLocation -Name 'Equinix SY9', 'Sydney Global Switch', 'qwerty asdf' -ErrorVariable err -ErrorAction SilentlyContinue
        $err.Count | Should -Be 3
        $err[0].Exception.Message | Should -BeExactly "No Megaport location matches 'Equinix SY9'. Did you mean 'Equinix SY1', 'Equinix SY3' or 'Equinix SY4'?"
        $err[1].Exception.Message | Should -BeExactly "No Megaport location matches 'Sydney Global Switch'. Did you mean 'Global Switch Sydney'?"
        $err[2].Exception.Message | Should -BeExactly "No Megaport location matches 'qwerty asdf'."
    }

    It 'suggests a location that takes no orders too, since Get- shows it by its exact name' {
        $null = Get-MegaportLocation -Name 'NEXTDC S3x' -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].Exception.Message | Should -Match "Did you mean 'NEXTDC S3'"
    }

    It 'takes names, ids and objects in -Location; exact ones show inactive locations, wildcards do not' {
        $mark = Get-JournalCount
        @(Get-MegaportLocation -Location 'Global Switch Sydney', 2).Id | Should -Be @(2, 3)
        @(Get-MegaportLocation -Location (Get-MegaportLocation -Id 4)).Id | Should -Be 4
        @(Get-MegaportLocation -Location (Get-MegaportService -Name 'Sydney Primary' -ProductType Port)).Id | Should -Be 3
        @(Get-MegaportLocation -Location 'Equinix SY*').Name | Should -Be @('Equinix SY1', 'Equinix SY3', 'Equinix SY4')
        (Get-MegaportLocation -Location 'nextdc s3').Status | Should -Be 'Deployment'
        @(Get-MegaportLocation -Location 'NEXTDC S*').Name | Should -Not -Contain 'NEXTDC S3'
        @(Get-MegaportLocation -Location 'Equinix SY*' -DiversityZone blue -Speed 100000).Id | Should -Be @(Get-MegaportLocation -Name 'Equinix SY*' -DiversityZone blue -Speed 100000).Id
        Get-Sent $mark | Where-Object { $_ -ne 'GET /v2/products' } | Should -BeNullOrEmpty
    }

    It '-Location that matches nothing is a non-terminating MegaportLocationNotFound, with suggestions for a name' {
        $found = @(Get-MegaportLocation -Location 'Global Swich Sydney', 999999, 'Equinix SY1' -ErrorVariable err -ErrorAction SilentlyContinue)
        $found.Id | Should -Be 2
        $err.Count | Should -Be 2
        $err | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'MegaportLocationNotFound,*' }
        $err[0].Exception.Message | Should -Match "Did you mean 'Global Switch Sydney'\?"
        $err[1].Exception.Message | Should -Be 'There is no Megaport location with id 999999.'
    }

    It '-Location with -Name or -Id is a binding error' {
        { Get-MegaportLocation -Location 3 -Name 'Equinix SY1' } | Should -Throw -ErrorId 'AmbiguousParameterSet*'
        { Get-MegaportLocation -Location 3 -Id 2 } | Should -Throw -ErrorId 'AmbiguousParameterSet*'
    }
}

Describe 'Product UIDs that are not UUIDs are refused before any request' {
    BeforeDiscovery {
        $uid = '2f3c8a1e-6b4d-4e9a-8c71-0d5e9b3a7f12'   # Sydney Primary, for the other end where one is needed
        $calls = @(
            @{ Cmdlet = 'Get-MegaportService'; Code = { param($u) Get-MegaportService -ProductUid $u } }
            @{ Cmdlet = 'Wait-MegaportService'; Code = { param($u) Wait-MegaportService -ProductUid $u -Timeout 1 } }
            @{ Cmdlet = 'Lock-MegaportService'; Code = { param($u) Lock-MegaportService -ProductUid $u } }
            @{ Cmdlet = 'Unlock-MegaportService'; Code = { param($u) Unlock-MegaportService -ProductUid $u } }
            @{ Cmdlet = 'Remove-MegaportService'; Code = { param($u) Remove-MegaportService -ProductUid $u -Now -Force } }
            @{ Cmdlet = 'Restore-MegaportService'; Code = { param($u) Restore-MegaportService -ProductUid $u } }
            @{ Cmdlet = 'Set-MegaportPort'; Code = { param($u) Set-MegaportPort -ProductUid $u -Name x } }
            @{ Cmdlet = 'Set-MegaportVxc'; Code = { param($u) Set-MegaportVxc -ProductUid $u -RateLimit 10 } }
            @{ Cmdlet = 'Get-MegaportServiceTag'; Code = { param($u) Get-MegaportServiceTag -ProductUid $u } }
            @{ Cmdlet = 'Set-MegaportServiceTag'; Code = { param($u) Set-MegaportServiceTag -ProductUid $u -Tag @{ a = 'b' } } }
            @{ Cmdlet = 'Test-MegaportVlan'; Code = { param($u) Test-MegaportVlan -ProductUid $u -Vlan 100 } }
            @{ Cmdlet = 'New-MegaportVxc (A-End)'; Code = { param($u) New-MegaportVxc -AEndProductUid $u -BEndProductUid '7a9e4c2b-1d3f-4b8e-9a6c-5e0f2d7b1c34' -Name x -RateLimit 10 -WhatIf } }
            @{ Cmdlet = 'New-MegaportVxc (B-End)'; Code = { param($u) New-MegaportVxc -AEndProductUid '2f3c8a1e-6b4d-4e9a-8c71-0d5e9b3a7f12' -BEndProductUid $u -Name x -RateLimit 10 -WhatIf } }
            @{ Cmdlet = 'New-MegaportIx'; Code = { param($u) New-MegaportIx -ProductUid $u -Name x -NetworkServiceType 'Sydney IX' -Asn 65100 -MacAddress 00:11:22:33:44:55 -RateLimit 10 -WhatIf } }
            @{ Cmdlet = 'New-MegaportServiceKey'; Code = { param($u) New-MegaportServiceKey -ProductUid $u -MaxSpeed 100 -WhatIf } }
            @{ Cmdlet = 'Get-MegaportServiceKey -ProductUid'; Code = { param($u) Get-MegaportServiceKey -ProductUid $u } }
            @{ Cmdlet = 'Get-MegaportServiceKey -Key'; Code = { param($u) Get-MegaportServiceKey -Key $u } }
            @{ Cmdlet = 'Set-MegaportServiceKey -Key'; Code = { param($u) Set-MegaportServiceKey -Key $u -Active $false } }
            @{ Cmdlet = 'Get-MegaportMcrRoute'; Code = { param($u) Get-MegaportMcrRoute -ProductUid $u } }
            @{ Cmdlet = 'Get-MegaportMcrPrefixList'; Code = { param($u) Get-MegaportMcrPrefixList -ProductUid $u } }
            @{ Cmdlet = 'Get-MegaportMcrIpsec'; Code = { param($u) Get-MegaportMcrIpsec -ProductUid $u } }
            @{ Cmdlet = 'Test-MegaportMcrConnection'; Code = { param($u) Test-MegaportMcrConnection -ProductUid $u -Destination 10.0.0.1 } }
            @{ Cmdlet = 'Get-MegaportNatGateway'; Code = { param($u) Get-MegaportNatGateway -ProductUid $u } }
            @{ Cmdlet = 'Set-MegaportNatGateway'; Code = { param($u) Set-MegaportNatGateway -ProductUid $u -Name x } }
            @{ Cmdlet = 'Get-MegaportNatGatewayPacketFilter'; Code = { param($u) Get-MegaportNatGatewayPacketFilter -ProductUid $u } }
            @{ Cmdlet = 'Get-MegaportNatGatewayRoute'; Code = { param($u) Get-MegaportNatGatewayRoute -ProductUid $u } }
        )
        $malformed = @(
            'first-uid'
            'not-a-real-uid-0000'
            '2f3c8a1e6b4d4e9a8c710d5e9b3a7f12'           # no hyphens
            '{2f3c8a1e-6b4d-4e9a-8c71-0d5e9b3a7f12}'     # braces
            '2f3c8a1e-6b4d-4e9a-8c71-0d5e9b3a7f1'        # a digit short
            '2f3c8a1e-6b4d-4e9a-8c71-0d5e9b3a7f12x'      # one too many
            "2f3c8a1e-6b4d-4e9a-8c71-0d5e9b3a7f12`n"     # a trailing newline
            'Sydney Primary'                             # a name, not a UID
        )
        $cases = foreach ($c in $calls) { foreach ($m in $malformed) { @{ Cmdlet = $c.Cmdlet; Code = $c.Code; Uid = $m; Shown = ($m -replace "`n", '\n') } } }
    }

    It '<Cmdlet> refuses ''<Shown>'' with MegaportInvalidArgument and sends nothing' -ForEach $cases {
        # The simulator's request counter (API requests, not these admin calls): it must not move.
        $before = (Get-SimulatorStats $sim).requests
        $record = $null
        try { $null = & $Code $Uid -ErrorAction Stop -WarningAction SilentlyContinue } catch { $record = $_ }
        $record | Should -Not -BeNullOrEmpty
        $record.FullyQualifiedErrorId | Should -BeLike 'MegaportInvalidArgument,*'
        $record.Exception.Message | Should -Match 'is not a (product UID|service key) \(a UUID'
        (Get-SimulatorStats $sim).requests | Should -Be $before
    }

    It 'a well-formed UID of no service, in upper case, still reaches the API: a 404, MegaportServiceNotFound' {
        $mark = Get-JournalCount
        $null = Get-MegaportService -ProductUid '0F1E2D3C-0000-4000-8000-00000000BEEF' -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MegaportServiceNotFound,*'
        Get-Sent $mark | Should -Be 'GET /v2/product/0F1E2D3C-0000-4000-8000-00000000BEEF'
    }

    It 'every seeded service, partner port and service key has a UID the check accepts' {
        $uids = @((Get-MegaportService -IncludeInactive).ProductUid) + @((Get-MegaportPartnerPort -IncludeNotPermitted).ProductUid) + @((Get-MegaportServiceKey).Key)
        $uids.Count | Should -BeGreaterThan 50
        $bad = @($uids | Where-Object { $_ -notmatch '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$' })
        $bad | Should -BeNullOrEmpty
        # and the module takes each of them: Get-MegaportService answers every service by its UID
        $services = @(Get-MegaportService -IncludeInactive)
        @($services | Get-MegaportService).Count | Should -Be $services.Count
    }
}
