BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $sim = Start-TestSimulator
    function Complete([string]$line) {
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches
    }
}
AfterAll {
    Disconnect-Megaport
    Stop-MegaportSimulator $sim
}

Describe 'Tab completion' {
    It 'never calls the network while typing: with empty caches it offers nothing that needs data' {
        $null = Connect-TestSimulator $sim
        $before = (Get-SimulatorStats $sim).requests
        @(Complete 'New-MegaportPort -LocationId ').Count | Should -Be 0
        @(Complete 'Get-MegaportService -ProductUid ').Count | Should -Be 0
        @(Complete 'Get-MegaportPartnerPort -Name ').Count | Should -Be 0
        (Get-SimulatorStats $sim).requests | Should -Be $before
    }

    It 'completes location ids and names from the session cache' {
        $null = Get-MegaportLocation
        $before = (Get-SimulatorStats $sim).requests
        $ids = Complete 'New-MegaportPort -LocationId '
        $ids.CompletionText | Should -Contain '3'
        ($ids | Where-Object CompletionText -eq '3').ListItemText | Should -Be '3 Global Switch Sydney'
        (Complete 'New-MegaportPort -LocationId Global').CompletionText | Should -Contain '3'
        (Complete "Get-MegaportLocation -Name 'Global Sw").CompletionText | Should -Contain "'Global Switch Sydney'"
        (Get-SimulatorStats $sim).requests | Should -Be $before
    }

    It 'completes the speeds offered at the location (and zone) already typed' {
        $sy3 = Get-MegaportLocation -Id 4
        (Complete 'New-MegaportPort -LocationId 4 -Speed ').CompletionText | Should -Be ($sy3.PortSpeeds | ForEach-Object { "$_" })
        $gs = Get-MegaportLocation -Id 3
        (Complete 'New-MegaportPort -LocationId 3 -Speed ').CompletionText | Should -Not -Contain '400000'
        (Complete 'New-MegaportMcr -LocationId 3 -DiversityZone red -Speed ').CompletionText | Should -Be ($gs.GetMcrSpeeds('red') | ForEach-Object { "$_" })
        (Complete 'New-MegaportPort -Speed ').CompletionText | Should -Be @('1000', '10000', '100000', '400000')
    }

    It 'completes -Location with names, and the speeds offered at the -Location already typed' {
        $null = Get-MegaportLocation
        $before = (Get-SimulatorStats $sim).requests
        (Complete "New-MegaportPort -Location 'Global Sw").CompletionText | Should -Contain "'Global Switch Sydney'"
        (Complete 'Get-MegaportPartnerPort -Location Equinix').CompletionText | Should -Contain "'Equinix SY1'"
        (Complete 'Get-MegaportLocation -Location NEXTDC').CompletionText | Should -Contain "'NEXTDC S1'"
        $sy3 = Get-MegaportLocation -Id 4
        (Complete "New-MegaportPort -Location 'Equinix SY3' -Speed ").CompletionText | Should -Be ($sy3.PortSpeeds | ForEach-Object { "$_" })
        (Complete "New-MegaportPort -Location 'global switch sydney' -Speed ").CompletionText | Should -Not -Contain '400000'
        (Complete 'New-MegaportPort -Location 4 -Speed ').CompletionText | Should -Be ($sy3.PortSpeeds | ForEach-Object { "$_" })
        $gs = Get-MegaportLocation -Id 3
        (Complete "New-MegaportMcr -Location 'Global Switch Sydney' -DiversityZone red -Speed ").CompletionText | Should -Be ($gs.GetMcrSpeeds('red') | ForEach-Object { "$_" })
        # A name that matches nothing is no error while typing: the standard speeds.
        (Complete "New-MegaportPort -Location 'Global Swich' -Speed ").CompletionText | Should -Be @('1000', '10000', '100000', '400000')
        (Get-SimulatorStats $sim).requests | Should -Be $before
    }

    It 'completes terms and connect types' {
        (Complete 'New-MegaportVxc -Term ').CompletionText | Should -Be @('1', '12', '24', '36', '48', '60')
        (Complete 'Get-MegaportPartnerPort -ConnectType AW').CompletionText | Should -Be @('AWS', 'AWSHC')
    }

    It 'completes partner port names and the account''s services once listed' {
        $null = Get-MegaportPartnerPort
        (Complete 'Get-MegaportPartnerPort -ConnectType AZURE -Name ').CompletionText | ForEach-Object { $_ | Should -Match 'Azure|Microsoft' }
        $null = Get-MegaportService
        $uids = (Complete 'Get-MegaportService -ProductUid ').CompletionText
        $uids | Should -Contain '2f3c8a1e-6b4d-4e9a-8c71-0d5e9b3a7f12'
        (Complete 'Remove-MegaportService -ProductUid Sydney').ListItemText | Should -Contain 'Sydney Primary (2f3c8a1e-6b4d-4e9a-8c71-0d5e9b3a7f12)'
        (Complete 'Get-MegaportService -Name Sydney').CompletionText | Should -Contain "'Sydney Primary'"
        $bEnds = Complete 'New-MegaportVxc -BEndProductUid AWS'
        $bEnds.Count | Should -BeGreaterThan 0
        $bEnds.ListItemText | ForEach-Object { $_ | Should -Match 'AWS' }
    }
}
