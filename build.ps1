#Requires -Version 7.4
<#
.SYNOPSIS
    Builds, tests, demos and packages the Megaport module.
.DESCRIPTION
    Build      restore and build; lay the module out as out/Megaport/<version>/ (Import-Module ./out/Megaport works).
    Test       Build, run the xunit tests, then Pester against the built module in a child pwsh -NoProfile -NonInteractive.
               Result files go to out/TestResults/; the last line is "Tests: N passed, N failed, N skipped".
    Demo       Build, start the simulator on a free loopback port and walk through the module against it.
    Simulator  Run the simulator in the foreground (prints its URL and key pair); Ctrl+C stops it.
.EXAMPLE
    dotnet tool restore && dotnet pwsh ./build.ps1 -Task Test
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Demo', 'Simulator', 'Bench')]
    [string]$Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string]$Configuration = 'Release',

    # Extra switches for the simulator (Simulator and Demo tasks), e.g. -SimulatorArgument '--port', '8080'.
    [string[]]$SimulatorArgument = @()
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

$Root = $PSScriptRoot
$Out = Join-Path $Root 'out'
$Version = (Import-PowerShellDataFile (Join-Path $Root 'Megaport.psd1')).ModuleVersion
$ModuleOut = Join-Path $Out "Megaport/$Version"
$SimulatorDll = Join-Path $Out 'simulator/Megaport.Simulator.dll'
$TestResults = Join-Path $Out 'TestResults'
Import-Module (Join-Path $Root 'src/build/Simulator.psm1') -Force

function Invoke-Dotnet {
    # A plain function (no [Parameter]), so switches such as -v reach dotnet instead of becoming -Verbose.
    & dotnet @args
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($args -join ' ') failed (exit code $LASTEXITCODE)." }
}

function Invoke-BuildTask {
    Write-Host "Building Megaport $Version ($Configuration)"
    Invoke-Dotnet restore (Join-Path $Root 'Megaport.sln') -nologo -v q
    if (Test-Path $ModuleOut) { Remove-Item $ModuleOut -Recurse -Force }
    foreach ($tfm in 'net8.0', 'net472') {
        Invoke-Dotnet publish (Join-Path $Root 'src/Megaport/Megaport.csproj') -c $Configuration -f $tfm `
            -o (Join-Path $ModuleOut "bin/$tfm") --no-restore -nologo -v q "-p:Version=$Version"
    }
    Copy-Item (Join-Path $Root 'Megaport.psd1') $ModuleOut
    Copy-Item (Join-Path $Root 'src/module/*') $ModuleOut -Recurse
    # PowerShell's own assemblies must never ship with the module.
    $forbidden = Get-ChildItem $ModuleOut -Recurse -File |
        Where-Object { $_.Name -match '^(System\.Management\.Automation|Microsoft\.PowerShell\..*|Microsoft\.Management\.Infrastructure.*)\.dll$' }
    if ($forbidden) { throw "PowerShell assemblies landed in the module output: $($forbidden.FullName -join ', ')" }

    Invoke-Dotnet publish (Join-Path $Root 'src/Megaport.Simulator/Megaport.Simulator.csproj') -c $Configuration `
        -o (Join-Path $Out 'simulator') --no-restore -nologo -v q "-p:Version=$Version"
    Write-Host "Module: $ModuleOut"
}

function Get-NuGetPackageRoot {
    $line = & dotnet nuget locals global-packages --list
    ($line -replace '^global-packages:\s*', '').Trim()
}

function Invoke-TestTask {
    Invoke-BuildTask
    if (Test-Path $TestResults) { Remove-Item $TestResults -Recurse -Force }
    $null = New-Item $TestResults -ItemType Directory
    $passed = 0; $failed = 0; $skipped = 0

    # xunit
    foreach ($project in Get-ChildItem (Join-Path $Root 'tests') -Recurse -Filter '*.Tests.csproj') {
        $name = $project.BaseName
        $resultFile = Join-Path $TestResults "$name.xunit.xml"
        Write-Host "`nxunit: $name"
        & dotnet test $project.FullName -c $Configuration --nologo -v q `
            --logger "xunit;LogFilePath=$resultFile" --logger 'console;verbosity=minimal' "-p:Version=$Version"
        if (Test-Path $resultFile) {
            $xml = [xml](Get-Content $resultFile -Raw)
            foreach ($assembly in $xml.assemblies.assembly) {
                $passed += [int]$assembly.passed; $failed += [int]$assembly.failed; $skipped += [int]$assembly.skipped
            }
            if ($LASTEXITCODE -ne 0 -and -not ($xml.assemblies.assembly | Where-Object { [int]$_.failed -gt 0 })) { $failed++ }
        }
        else {
            Write-Host "  $name produced no result file (build or run failure)."
            $failed++
        }
    }

    # Pester, in a fresh non-interactive PowerShell against the built module
    Invoke-Dotnet restore (Join-Path $Root 'tests/Tools/Tools.csproj') -nologo -v q
    $pester = Join-Path (Get-NuGetPackageRoot) 'pester/5.7.1/tools/Pester.psd1'
    $summaryFile = Join-Path $TestResults 'Pester.summary.json'
    $pwsh = Get-PwshCommand
    Write-Host "`nPester: tests/Pester"
    $env:MEGAPORT_TEST_MODULE = Join-Path $Out 'Megaport'
    $env:MEGAPORT_TEST_SIMULATOR = $SimulatorDll
    & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -File (Join-Path $Root 'tests/Invoke-PesterTests.ps1') `
        -PesterPath $pester -TestPath (Join-Path $Root 'tests/Pester') `
        -ResultPath (Join-Path $TestResults 'Pester.xml') -SummaryPath $summaryFile
    if (Test-Path $summaryFile) {
        $summary = Get-Content $summaryFile -Raw | ConvertFrom-Json
        $passed += $summary.Passed; $failed += $summary.Failed; $skipped += $summary.Skipped
    }
    else {
        Write-Host '  Pester produced no summary (the runner failed).'
        $failed++
    }

    $line = "Tests: $passed passed, $failed failed" + $(if ($skipped) { ", $skipped skipped" } else { '' })
    Write-Host ''
    Write-Host $line
    if ($failed -gt 0 -or $passed -eq 0) { exit 1 }
}

function Invoke-DemoTask {
    Invoke-BuildTask
    $simulator = Start-MegaportSimulator -Path $SimulatorDll -ArgumentList (@('--provision-delay', '1500') + $SimulatorArgument)
    try {
        $pwsh = Get-PwshCommand
        & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -File (Join-Path $Root 'src/build/Demo.ps1') `
            -ModulePath (Join-Path $Out 'Megaport') -BaseUri $simulator.Url -AccessKey $simulator.AccessKey -SecretKey $simulator.SecretKey
        if ($LASTEXITCODE -ne 0) { throw "The demo failed (exit code $LASTEXITCODE)." }
    }
    finally {
        Stop-MegaportSimulator $simulator
    }
}

function Invoke-SimulatorTask {
    Invoke-BuildTask
    & dotnet $SimulatorDll @SimulatorArgument
}

function Invoke-BenchTask {
    Invoke-BuildTask
    $floor = Join-Path $Out 'bench/floor'
    Invoke-Dotnet publish (Join-Path $Root 'src/Megaport.Bench.Floor/Megaport.Bench.Floor.csproj') -c $Configuration -o $floor -nologo -v q "-p:Version=$Version"
    & (Join-Path $Root 'src/build/Bench.ps1') -ModulePath (Join-Path $Out 'Megaport') -SimulatorDll $SimulatorDll `
        -FloorDll (Join-Path $floor 'Megaport.Bench.Floor.dll') -OutFile (Join-Path $Out 'bench.json') -SimulatorArgument $SimulatorArgument
}

switch ($Task) {
    'Build' { Invoke-BuildTask }
    'Test' { Invoke-TestTask }
    'Demo' { Invoke-DemoTask }
    'Simulator' { Invoke-SimulatorTask }
    'Bench' { Invoke-BenchTask }
}
