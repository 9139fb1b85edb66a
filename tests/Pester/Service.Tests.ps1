BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $sim = Start-TestSimulator
    $null = Connect-TestSimulator $sim
    # The API's own view of the account, to check the module against.
    $products = @((Invoke-RawApi $sim '/v2/products').data)
    $rawAll = @{}
    foreach ($p in $products) {
        $rawAll[$p.productUid] = $p
        foreach ($n in @($p.associatedVxcs) + @($p.associatedIxs)) { if ($n) { $rawAll[$n.productUid] = $n } }
    }
    $inactive = 'DECOMMISSIONED', 'CANCELLED'
}
AfterAll {
    Disconnect-Megaport
    Stop-MegaportSimulator $sim
}

Describe 'Get-MegaportService' {
    It 'lists every active service once, VXCs and IXs flattened out of their ports, typed per kind' {
        $services = @(Get-MegaportService)
        $expected = @($rawAll.Values | Where-Object { $_.provisioningStatus -notin $inactive })
        $services.Count | Should -Be $expected.Count
        @($services.ProductUid | Sort-Object -Unique).Count | Should -Be $services.Count
        foreach ($s in $services) {
            $raw = $rawAll[$s.ProductUid]
            $s.Name | Should -Be $raw.productName
            $s.ProvisioningStatus | Should -Be $raw.provisioningStatus.ToUpper()
            $expectedType = switch ($raw.productType.ToUpper()) {
                'MEGAPORT' { 'Megaport.Port' } 'VXC' { 'Megaport.Vxc' } 'IX' { 'Megaport.Ix' } 'MCR2' { 'Megaport.Mcr' } 'MVE' { 'Megaport.Mve' } 'NAT_GATEWAY' { 'Megaport.NatGateway' } default { 'Megaport.Service' }
            }
            $s.GetType().FullName | Should -Be $expectedType
            $s.CreateDate.Kind | Should -Be 'Utc'
        }
        @($services | Where-Object { $_ -is [Megaport.Vxc] }).Count | Should -BeGreaterThan 1
        @($services | Where-Object { $_ -is [Megaport.Mcr] }).Count | Should -BeGreaterThan 0
        @($services | Where-Object { $_ -is [Megaport.Ix] }).Count | Should -BeGreaterThan 0
        @($services | Where-Object { $_ -is [Megaport.NatGateway] }).Count | Should -BeGreaterThan 0
    }

    It 'reads an unknown product type such as MEGADIRECT as a Megaport.Service, not an error' {
        $legacy = @(Get-MegaportService -ErrorVariable err | Where-Object ProductType -eq 'MEGADIRECT')
        $err.Count | Should -Be 0
        $legacy.Count | Should -Be 1
        $legacy[0].GetType().FullName | Should -Be 'Megaport.Service'
        (Get-MegaportService -ProductUid $legacy[0].ProductUid).ProductType | Should -Be 'MEGADIRECT'
    }

    It 'shows the AWS VXC with its cloud connection and both ends' {
        $aws = @(Get-MegaportService -ProductType Vxc | Where-Object ConnectType -in 'AWS', 'AWSHC')
        $aws.Count | Should -BeGreaterThan 0
        foreach ($v in $aws) {
            $v.RateLimit | Should -BeGreaterThan 0
            $v.AEnd.ProductUid | Should -Not -BeNullOrEmpty
            $v.BEnd.ProductUid | Should -Not -BeNullOrEmpty
        }
    }

    It 'hides DECOMMISSIONED and CANCELLED services unless -IncludeInactive' {
        $all = @(Get-MegaportService -IncludeInactive)
        $all.Count | Should -Be $rawAll.Count
        $gone = @($all | Where-Object ProvisioningStatus -in $inactive)
        $gone.Count | Should -BeGreaterThan 1
        @(Get-MegaportService | Where-Object ProvisioningStatus -in $inactive).Count | Should -Be 0
        # asked for by UID, an inactive service is shown
        (Get-MegaportService -ProductUid $gone[0].ProductUid).ProvisioningStatus | Should -BeIn $inactive
    }

    It 'filters by -Name (wildcards) and -ProductType' {
        $ports = @(Get-MegaportService -ProductType Port)
        $ports.Count | Should -BeGreaterThan 0
        $ports | ForEach-Object { $_ | Should -BeOfType ([Megaport.Port]) }
        $name = $ports[0].Name
        @(Get-MegaportService -Name $name).ProductUid | Should -Contain $ports[0].ProductUid
        $prefix = $name.Substring(0, [Math]::Min(4, $name.Length)) + '*'
        @(Get-MegaportService -Name $prefix) | ForEach-Object { $_.Name | Should -BeLike $prefix }
        @(Get-MegaportService -ProductType Vxc, Mcr) | ForEach-Object { $_.GetType().Name | Should -BeIn 'Vxc', 'Mcr' }
        @(Get-MegaportService -Name 'no-such-service-*').Count | Should -Be 0
    }

    It 'reads services by UID, also from the pipeline by property name' {
        $listed = @(Get-MegaportService -ProductType Vxc)
        $again = @($listed | Get-MegaportService)
        $again.ProductUid | Should -Be $listed.ProductUid
        $again | ForEach-Object { $_ | Should -BeOfType ([Megaport.Vxc]) }
        $name = $listed[0].Name
        @(Get-MegaportService -Name $name | Get-MegaportService)[0].Name | Should -Be $name
        (Get-MegaportService $listed[0].ProductUid).ProductUid | Should -Be $listed[0].ProductUid
        ([pscustomobject]@{ ProductUid = $listed[0].ProductUid } | Get-MegaportService).Name | Should -Be $name
    }

    It 'an unknown UID is a non-terminating MegaportServiceNotFound with the UID as TargetObject' {
        $good = (Get-MegaportService -ProductType Port)[0].ProductUid
        $uid = [guid]::NewGuid().ToString()
        $result = @(Get-MegaportService -ProductUid $uid, $good -ErrorVariable err -ErrorAction SilentlyContinue)
        $result.ProductUid | Should -Be $good
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MegaportServiceNotFound,*'
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err[0].TargetObject | Should -Be $uid
        $err[0].ErrorDetails.Message | Should -Match 'Trace-Id'
        { Get-MegaportService -ProductUid $uid -ErrorAction Stop } | Should -Throw -ErrorId 'MegaportServiceNotFound*'
    }

    It 'refuses a wildcard or garbage where a UID goes, without a request' {
        $before = @(Get-SimulatorRequests $sim -Method GET).Count
        $null = Get-MegaportService -ProductUid 'abc*', 'a b', "x`ty" -ErrorVariable err -ErrorAction SilentlyContinue
        $err.Count | Should -Be 3
        $err | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'MegaportInvalidArgument,*' }
        @(Get-SimulatorRequests $sim -Method GET).Count | Should -Be $before
    }

    It 'streams: the first object reaches the pipeline and Select-Object -First stops the rest' {
        $first = Get-MegaportService | Select-Object -First 1
        $first | Should -Not -BeNullOrEmpty
        # the session still works afterwards
        @(Get-MegaportService -ProductType Port).Count | Should -BeGreaterThan 0
    }
}
