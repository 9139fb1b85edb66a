BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $sim = Start-TestSimulator
    $null = Connect-TestSimulator $sim
    $raw = @((Invoke-RawApi $sim '/v2/dropdowns/partner/megaports').data)
}
AfterAll {
    Disconnect-Megaport
    Stop-MegaportSimulator $sim
}

Describe 'Get-MegaportPartnerPort' {
    It 'lists the ports that accept VXCs, unless -IncludeNotPermitted' {
        $permitted = @(Get-MegaportPartnerPort)
        $permitted.Count | Should -Be @($raw | Where-Object vxcPermitted).Count
        $permitted | ForEach-Object { $_ | Should -BeOfType ([Megaport.PartnerPort]); $_.VxcPermitted | Should -BeTrue }
        $all = @(Get-MegaportPartnerPort -IncludeNotPermitted)
        $all.Count | Should -Be $raw.Count
        $all.Count | Should -BeGreaterThan $permitted.Count
    }

    It 'takes the name from title and fills in the location name' {
        $p = Get-MegaportPartnerPort -ConnectType AWS -LocationId 3 | Select-Object -First 1
        $r = $raw | Where-Object productUid -eq $p.ProductUid
        $p.Name | Should -Be $r.title
        $p.CompanyName | Should -Be $r.companyName
        $p.LocationName | Should -Be 'Global Switch Sydney'
        $p.Speed | Should -Be $r.speed
    }

    It 'has every cloud in Sydney' {
        foreach ($type in 'AWS', 'AWSHC', 'AZURE', 'GOOGLE', 'ORACLE', 'IBM', 'TRANSIT') {
            @(Get-MegaportPartnerPort -ConnectType $type -Metro Sydney).Count | Should -BeGreaterThan 0 -Because "$type ports exist in Sydney"
        }
    }

    It 'filters by connect type, company, name, location, metro and zone' {
        @(Get-MegaportPartnerPort -ConnectType aws).ConnectType | Sort-Object -Unique | Should -Be 'AWS'
        @(Get-MegaportPartnerPort -ConnectType AWS, AZURE).ConnectType | Sort-Object -Unique | Should -Be @('AWS', 'AZURE')
        @(Get-MegaportPartnerPort -CompanyName 'Micro*').CompanyName | Sort-Object -Unique | Should -BeLike 'Micro*'
        $named = @(Get-MegaportPartnerPort -Name '*Sydney*')
        $named.Count | Should -BeGreaterThan 0
        $named.Name | ForEach-Object { $_ | Should -BeLike '*Sydney*' }
        @(Get-MegaportPartnerPort -LocationId 3).LocationId | Sort-Object -Unique | Should -Be 3
        $sydIds = @(Get-MegaportLocation -Metro Sydney).Id
        @(Get-MegaportPartnerPort -Metro Sydney).LocationId | ForEach-Object { $sydIds | Should -Contain $_ }
        @(Get-MegaportPartnerPort -DiversityZone blue).DiversityZone | Sort-Object -Unique | Should -Be 'blue'
    }

    It 'takes the location from the pipeline' {
        $viaPipe = @(Get-MegaportLocation -Name 'Global Switch Sydney' | Get-MegaportPartnerPort -ConnectType AWS)
        $viaPipe.Count | Should -Be @(Get-MegaportPartnerPort -ConnectType AWS -LocationId 3).Count
        $viaPipe.Count | Should -BeGreaterThan 0
    }
}
