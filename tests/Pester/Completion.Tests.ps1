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
