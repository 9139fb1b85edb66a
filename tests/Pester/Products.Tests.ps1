# Every product descriptor of the built module has what a product needs to be usable from PowerShell: a table view
# for its output type, help for its cmdlets, and a -ProductType name that filters and completes.
BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $registry = (Get-Command Get-MegaportService).ImplementingType.Assembly.GetType('Megaport.Products.Products', $true)
    $products = foreach ($p in $registry.GetField('All').GetValue($null)) {
        @{ Name = $p.Name; Model = $p.ModelType.FullName; CmdletNoun = $p.CmdletNoun }
    }
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $sim = Start-TestSimulator -ProvisionDelayMs 0
    $null = Connect-TestSimulator $sim
    $all = @(Get-MegaportService -IncludeInactive)
}
AfterAll {
    Disconnect-Megaport
    Stop-MegaportSimulator $sim
}

Describe 'Product <Name> (<Model>)' -ForEach $products {
    It 'has a table view for its output type' {
        $format = Get-FormatData -TypeName $Model
        $format | Should -Not -BeNullOrEmpty
        @($format.FormatViewDefinition | Where-Object { $_.Control -is [System.Management.Automation.TableControl] }).Count | Should -BeGreaterThan 0
    }

    It 'has help for each of its cmdlets' {
        if (-not $CmdletNoun) {
            # No cmdlets of its own: Get-MegaportService reads it, and its help says so.
            ((Get-Help Get-MegaportService -Full).returnValues | Out-String) | Should -Match ([regex]::Escape($Model))
            return
        }
        $commands = @(Get-Command -Module Megaport -Noun $CmdletNoun)
        $commands.Count | Should -BeGreaterThan 0
        foreach ($c in $commands) { (Get-Help $c.Name).Synopsis.Trim() | Should -Not -Match "^$([regex]::Escape($c.Name))" }
    }

    It 'is a -ProductType of Get-MegaportService: accepted in any case, offered by tab completion, and filters by type' {
        $listed = @(Get-MegaportService -ProductType $Name.ToUpperInvariant() -IncludeInactive)
        @($listed | Where-Object { $_.GetType().FullName -ne $Model }).Count | Should -Be 0
        $listed.Count | Should -Be @($all | Where-Object { $_.GetType().FullName -eq $Model }).Count
        $completion = TabExpansion2 -inputScript "Get-MegaportService -ProductType $($Name.Substring(0, 2))" -cursorColumn ("Get-MegaportService -ProductType $($Name.Substring(0, 2))".Length)
        $completion.CompletionMatches.CompletionText | Should -Contain $Name
    }
}

Describe '-ProductType' {
    It 'refuses a name that is no product, listing the ones there are, before any request' {
        $before = @(Get-SimulatorRequests $sim -Method GET -Path '/v2/products').Count
        { Get-MegaportService -ProductType Router } | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
        try { Get-MegaportService -ProductType Router } catch { $_.Exception.Message | Should -Match 'Port, Vxc, Ix, Mcr, Mve, NatGateway, Service' }
        @(Get-SimulatorRequests $sim -Method GET -Path '/v2/products').Count | Should -Be $before
    }
}
