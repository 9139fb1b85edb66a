BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $sim = Start-TestSimulator
    $null = Connect-TestSimulator $sim
    $raw = @((Invoke-RawApi $sim '/v3/locations').data)
}
AfterAll {
    Disconnect-Megaport
    Stop-MegaportSimulator $sim
}

Describe 'Get-MegaportLocation' {
    It 'lists every Active location as Megaport.Location objects' {
        $all = @(Get-MegaportLocation)
        $all.Count | Should -Be @($raw | Where-Object status -eq 'Active').Count
        $all.Count | Should -BeGreaterOrEqual 40
        $all | ForEach-Object { $_ | Should -BeOfType ([Megaport.Location]) }
        @($all | Where-Object Status -ne 'Active').Count | Should -Be 0
        @($all.Metro | Sort-Object -Unique).Count | Should -BeGreaterOrEqual 10
    }

    It 'includes inactive locations with -IncludeInactive' {
        $all = @(Get-MegaportLocation -IncludeInactive)
        $all.Count | Should -Be $raw.Count
        @($all | Where-Object Status -ne 'Active').Count | Should -BeGreaterThan 0
    }

    It 'finds a location by exact name with its speeds as the union of its zones' {
        $gs = Get-MegaportLocation -Name 'Global Switch Sydney'
        $gs.Id | Should -Be 3
        $gs.Metro | Should -Be 'Sydney'
        $gs.Country | Should -Be 'Australia'
        $gs.Market | Should -Be 'AU'
        $rawGs = $raw | Where-Object id -eq 3
        $zones = @($rawGs.diversityZones.PSObject.Properties.Name)
        $expected = @($zones | ForEach-Object { $rawGs.diversityZones.$_.megaportSpeedMbps } | Sort-Object -Unique)
        $gs.PortSpeeds | Should -Be $expected
        $gs.DiversityZones | Should -Be $zones
        $gs.Latitude | Should -BeLessThan 0
        $gs.DataCentre | Should -Not -BeNullOrEmpty
    }

    It 'takes wildcards and several names, also from the pipeline' {
        @(Get-MegaportLocation -Name 'Equinix SY*').Name | ForEach-Object { $_ | Should -BeLike 'Equinix SY*' }
        @('Global Switch Sydney', 'Equinix SY1' | Get-MegaportLocation).Id | Should -Be @(3, 2)
    }

    It 'finds by -Id' {
        @(Get-MegaportLocation -Id 2, 3).Name | Should -Be @('Equinix SY1', 'Global Switch Sydney')
    }

    It 'filters by -Metro, -Country and -Market' {
        $syd = @(Get-MegaportLocation -Metro Sydney)
        $syd.Count | Should -Be @($raw | Where-Object { $_.metro -eq 'Sydney' -and $_.status -eq 'Active' }).Count
        $syd.Count | Should -BeGreaterThan 1
        @(Get-MegaportLocation -Metro 'syd*').Count | Should -Be $syd.Count
        $uk = @(Get-MegaportLocation -Country 'United Kingdom')
        $uk.Count | Should -BeGreaterThan 0
        $uk.Country | Sort-Object -Unique | Should -Be 'United Kingdom'
        @(Get-MegaportLocation -Market AU).Market | Sort-Object -Unique | Should -Be 'AU'
    }

    It 'filters by -Speed and -DiversityZone' {
        $fast = @(Get-MegaportLocation -Speed 100000)
        $fast.Count | Should -BeGreaterThan 0
        $fast | ForEach-Object { $_.PortSpeeds | Should -Contain 100000 }
        $notFast = @(Get-MegaportLocation | Where-Object { $_.PortSpeeds -notcontains 100000 })
        ($fast.Count + $notFast.Count) | Should -Be @(Get-MegaportLocation).Count
        $blue = @(Get-MegaportLocation -DiversityZone blue)
        $blue | ForEach-Object { $_.DiversityZones | Should -Contain 'blue' }
        $blue400 = @(Get-MegaportLocation -DiversityZone blue -Speed 400000)
        $blue400 | ForEach-Object { $_.GetPortSpeeds('blue') | Should -Contain 400000 }
    }

    It 'a -Name or -Id that matches nothing is a non-terminating MegaportLocationNotFound' {
        $result = @(Get-MegaportLocation -Name 'No Such Place', 'Equinix SY1' -ErrorVariable err -ErrorAction SilentlyContinue)
        $result.Name | Should -Be 'Equinix SY1'
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MegaportLocationNotFound,*'
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err[0].TargetObject | Should -Be 'No Such Place'
        $null = Get-MegaportLocation -Id 999999 -ErrorVariable err2 -ErrorAction SilentlyContinue
        $err2[0].FullyQualifiedErrorId | Should -BeLike 'MegaportLocationNotFound,*'
        $err2[0].TargetObject | Should -Be '999999'
    }

    It 'a wildcard that matches nothing is no error' {
        @(Get-MegaportLocation -Name 'Nowhere*' -ErrorVariable err).Count | Should -Be 0
        $err.Count | Should -Be 0
    }

    It 'serves the second call from the session cache, and -Force reads again' {
        $before = @(Get-SimulatorRequests $sim -Method GET -Path '/v3/locations').Count
        $null = Get-MegaportLocation
        $null = Get-MegaportLocation -Metro London
        @(Get-SimulatorRequests $sim -Method GET -Path '/v3/locations').Count | Should -Be $before
        $null = Get-MegaportLocation -Force
        @(Get-SimulatorRequests $sim -Method GET -Path '/v3/locations').Count | Should -Be ($before + 1)
    }

    It 'rejects a bad -DiversityZone at binding, before any request' {
        { Get-MegaportLocation -DiversityZone green } | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
    }
}

Describe 'Get-MegaportLocation from other objects' {
    It 'takes a service or a partner port from the pipeline by its location id' {
        (Get-MegaportService -ProductUid '2f3c8a1e-6b4d-4e9a-8c71-0d5e9b3a7f12' | Get-MegaportLocation).Id | Should -Be 3
        $partner = Get-MegaportPartnerPort -ConnectType AWS -LocationId 3 | Select-Object -First 1
        ($partner | Get-MegaportLocation).Name | Should -Be 'Global Switch Sydney'
    }

    It 'shows an inactive location for its exact name or id, but not through a wildcard' {
        $inactive = $raw | Where-Object status -ne 'Active' | Select-Object -First 1
        (Get-MegaportLocation -Name $inactive.name).Id | Should -Be $inactive.id
        (Get-MegaportLocation -Id $inactive.id).Status | Should -Be $inactive.status
        $pattern = $inactive.name.Substring(0, 4) + '*'
        @(Get-MegaportLocation -Name $pattern).Id | Should -Not -Contain $inactive.id
        @(Get-MegaportLocation -Name $pattern -IncludeInactive).Id | Should -Contain $inactive.id
    }
}
