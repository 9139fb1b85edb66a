BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $manifestPath = Get-ChildItem $script:ModulePath -Recurse -Filter Megaport.psd1 | Select-Object -First 1
    $manifest = Import-PowerShellDataFile $manifestPath.FullName
    $sim = Start-TestSimulator
}
AfterAll {
    Stop-MegaportSimulator $sim
}

Describe 'The module' {
    It 'exports exactly the cmdlets its manifest lists, by name' {
        $manifest.CmdletsToExport | Should -Not -Contain '*'
        @(Get-Command -Module Megaport -CommandType Cmdlet).Name | Sort-Object | Should -Be ($manifest.CmdletsToExport | Sort-Object)
    }

    It 'takes its version from Megaport.psd1 and stamps it into the assemblies' {
        $module = Get-Module Megaport
        $module.Version | Should -Be ([version]$manifest.ModuleVersion)
        $dll = Join-Path $module.ModuleBase 'bin/net8.0/Megaport.dll'
        [Reflection.AssemblyName]::GetAssemblyName($dll).Version.ToString(3) | Should -Be $manifest.ModuleVersion
    }

    It 'ships no PowerShell assemblies' {
        @(Get-ChildItem $script:ModulePath -Recurse -Filter 'System.Management.Automation.dll').Count | Should -Be 0
    }

    It 'imports in a fresh non-interactive PowerShell without printing anything, and -Force twice keeps every cmdlet' {
        $run = Invoke-FreshPwsh @'
Import-Module Megaport -Force
Import-Module Megaport -Force
(Get-Command -Module Megaport).Count
'@
        $run.ExitCode | Should -Be 0
        $run.Output.Trim() | Should -Be "$($manifest.CmdletsToExport.Count)"
    }

    It 'keeps the public types in the default load context and the rest in its own' {
        [Megaport.Port].Assembly.GetName().Name | Should -Be 'Megaport.Shared'
        [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext([Megaport.Port].Assembly).Name | Should -Be 'Default'
        $cmd = Get-Command Get-MegaportLocation
        [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($cmd.ImplementingType.Assembly).Name | Should -Be 'Megaport'
    }
}

Describe 'Views' {
    BeforeAll {
        $format = [xml](Get-Content (Join-Path (Get-Module Megaport).ModuleBase 'Megaport.Format.ps1xml') -Raw)
        $views = @($format.Configuration.ViewDefinitions.View)
    }

    It 'has a view for every output type' {
        $selected = @($views | ForEach-Object { $_.ViewSelectedBy.TypeName }) | Sort-Object -Unique
        $types = [Megaport.Port].Assembly.GetExportedTypes() | Where-Object { $_.Namespace -eq 'Megaport' -and -not $_.IsAbstract -and -not $_.IsEnum -and $_.Name -notin 'VxcEnd' }
        foreach ($t in $types) { $selected | Should -Contain $t.FullName -Because "$($t.FullName) is emitted by a cmdlet" }
    }

    It 'keeps every table within 120 columns' {
        foreach ($view in $views | Where-Object { $_.TableControl }) {
            $widths = @($view.TableControl.TableHeaders.TableColumnHeader | ForEach-Object { [int]$_.Width })
            ($widths | Measure-Object -Sum).Sum + $widths.Count - 1 | Should -BeLessOrEqual 120 -Because "$($view.Name) must fit 120 columns"
        }
    }

    It 'renders services, locations and partner ports as tables at 120 columns without wrapping' {
        Reset-TestSimulator $sim
        try {
            $null = Connect-TestSimulator $sim
            foreach ($text in @(
                    (Get-MegaportService | Format-Table | Out-String -Width 120)
                    (Get-MegaportLocation -Metro Sydney | Format-Table | Out-String -Width 120)
                    (Get-MegaportPartnerPort -LocationId 3 | Format-Table | Out-String -Width 120))) {
                $lines = $text -split "`n" | Where-Object { $_.Trim() }
                $lines | ForEach-Object { $_.TrimEnd().Length | Should -BeLessOrEqual 120 }
                $lines[0] | Should -Match 'Name'
            }
            (Get-MegaportService -ProductType Vxc | Select-Object -First 1 | Format-Table | Out-String -Width 120) | Should -Match ' > '
        }
        finally {
            Disconnect-Megaport
        }
    }
}
