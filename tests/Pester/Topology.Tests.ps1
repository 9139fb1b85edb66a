# Get-MegaportTopology: the demo account by metro, LAG members as one node, VXCs and IXs with their far ends (own
# service, cloud, Internet, exchange), the console tree within 120 columns, and the Mermaid and DOT forms.
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $sim = Start-TestSimulator -ProvisionDelayMs 0
    $null = Connect-TestSimulator $sim
}
AfterAll {
    Disconnect-Megaport
    Stop-MegaportSimulator $sim
}

Describe 'Get-MegaportTopology' {
    BeforeAll {
        Reset-TestSimulator $sim
        $topology = Get-MegaportTopology
        $nodes = @($topology.Metros.Services)
        $links = @($nodes.Links)
    }

    It 'groups the active services by metro, a LAG as one node, without decommissioned or cancelled ones' {
        $topology | Should -BeOfType ([Megaport.Topology])
        $topology.Metros.Name | Should -Be @('Los Angeles', 'Melbourne', 'Sydney')
        $lag = @($nodes | Where-Object Kind -eq 'LAG')
        $lag.Count | Should -Be 1
        $lag[0].MemberUids.Count | Should -Be 2
        $lag[0].Speed | Should -Be 20000
        $nodes.Name | Should -Not -Contain 'Brisbane Old Port'
        $links.Name | Should -Not -Contain 'Melbourne to Sydney (cancelled)'
        $nodes.Name | Should -Contain 'Sydney NAT Gateway'
    }

    It 'names the far end of each VXC and IX: <Link>' -ForEach @(
        @{ Link = 'AWS prod private VIF'; Kind = 'Cloud'; ConnectType = 'AWS' }
        @{ Link = 'Sydney MCR to Azure'; Kind = 'Cloud'; ConnectType = 'AZURE' }
        @{ Link = 'Sydney LAG Internet'; Kind = 'Internet'; ConnectType = 'TRANSIT' }
        @{ Link = 'Sydney IX peering'; Kind = 'Exchange'; ConnectType = $null }
    ) {
        $l = @($links | Where-Object Name -eq $Link)
        $l.Count | Should -Be 1
        "$($l[0].OtherEnd.Kind)" | Should -Be $Kind
        $l[0].OtherEnd.ConnectType | Should -Be $ConnectType
    }

    It 'shows a VXC between two of the account''s services under both: outgoing at the A-End, incoming at the B-End' {
        $p2p = @($links | Where-Object Name -eq 'Sydney Primary to Secondary')
        $p2p.Count | Should -Be 2
        ($p2p | Where-Object Outgoing).OtherEnd.Name | Should -Be 'Sydney Secondary'
        ($p2p | Where-Object { -not $_.Outgoing }).OtherEnd.Name | Should -Be 'Sydney Primary'
        ($p2p | ForEach-Object { "$($_.OtherEnd.Kind)" } | Select-Object -Unique) | Should -Be 'Service'
    }

    It 'draws a console tree with ├─ └─ whose lines fit 120 columns, even with long names' {
        $text = Get-MegaportTopology | Out-String -Width 400
        $text | Should -Match '├─ Sydney Primary \[port 10 Gbps\]'
        $text | Should -Match '│  ├─ VXC AWS prod private VIF \(500 Mbps\) → AWS Direct Connect'
        $text | Should -Match '└─ '
        foreach ($line in $text -split "`r?`n") { $line.TrimEnd().Length | Should -BeLessOrEqual 120 }
        $null = Set-MegaportPort -ProductUid 2f3c8a1e-6b4d-4e9a-8c71-0d5e9b3a7f12 -Name ('A very long port name ' + ('x' * 40)) -Confirm:$false
        $null = Set-MegaportVxc -ProductUid b7d3a1f9-6e2c-4a8b-9d5f-3c0e7a1b9d52 -Name ('A very long VXC name ' + ('y' * 42)) -Confirm:$false
        $long = (Get-MegaportTopology | Out-String -Width 400) -split "`r?`n"
        @($long | Where-Object { $_ -like '*A very long VXC name*' }).Count | Should -Be 2
        foreach ($line in $long) { $line.TrimEnd().Length | Should -BeLessOrEqual 120 }
        @($long | Where-Object { $_.TrimEnd().EndsWith('…') }).Count | Should -BeGreaterThan 0
    }

    It '-AsMermaid writes a flowchart with a subgraph per metro and each VXC once' {
        Reset-TestSimulator $sim
        $mermaid = Get-MegaportTopology -AsMermaid
        $mermaid | Should -BeOfType ([string])
        $lines = $mermaid -split "`n"
        $lines[0] | Should -Be 'flowchart LR'
        @($lines | Where-Object { $_ -match '^\s+subgraph ' }).Count | Should -Be 3
        @($lines | Where-Object { $_ -match ' -- ".*" --> ' }).Count | Should -Be (@($links | Where-Object { $_.Outgoing -or "$($_.OtherEnd.Kind)" -ne 'Service' }).Count)
        $mermaid | Should -Match '"VXC Sydney Primary to Secondary 1 Gbps" --> s\d+'
    }

    It '-AsDot writes Graphviz with a cluster per metro and a labelled edge per link' {
        Reset-TestSimulator $sim
        $dot = Get-MegaportTopology -AsDot
        $dot | Should -Match '^digraph megaport \{'
        $dot.TrimEnd() | Should -Match '\}$'
        ([regex]::Matches($dot, 'subgraph cluster_')).Count | Should -Be 3
        ([regex]::Matches($dot, ' -> ')).Count | Should -Be 8   # 7 VXCs (the one between two ports once) and the IX
        $dot | Should -Match 'label="VXC AWS prod private VIF\\n500 Mbps"'
    }
}
