#Requires -Version 7.4
<#
.SYNOPSIS
    Builds, tests, demos and packages the Megaport module.
.DESCRIPTION
    Build      restore and build; lay the module out as out/Megaport/<version>/ (Import-Module ./out/Megaport works).
    Test       Build everything the tests use first (the module, the simulator, the xunit projects, tests/ConflictProbe
               into out/ConflictProbe, the Package task's packages), then run the xunit tests (dotnet test --no-build),
               then Pester, whose files run in parallel child pwsh -NoProfile -NonInteractive processes against the
               built module (tests/Invoke-PesterTests.ps1). Result files go to out/TestResults/; the last line is
               "Tests: N passed, N failed, N skipped".
    Demo       Build, start the simulator on a free loopback port and walk through the module against it.
    Simulator  Run the simulator in the foreground (prints its URL and key pair); Ctrl+C stops it.
    Package    Build, then out/Megaport.<version>.nupkg (Publish-PSResource to a throw-away local repository) and
               out/Megaport.zip laid out for Azure Automation import.
    Bench      Build, then measure the module against floors (an empty manifest module, generated dummy binary
               modules, an empty cmdlet, a raw HttpClient GET) and Invoke-RestMethod baselines on a large
               simulated account (import, one call, a 30,000-service listing, a 100-VXC bulk order, cached
               locations, a 10,000-route BGP table); prints a table of medians and ratios and writes
               out/bench.json. The benchmark's code lives in tests/Bench/.
.EXAMPLE
    dotnet tool restore && dotnet pwsh ./build.ps1 -Task Test
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Demo', 'Simulator', 'Package', 'Bench')]
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
    # The output is shown only on failure (even -v q prints a summary for every build).
    $log = & dotnet @args 2>&1 | Out-String
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($args -join ' ') failed (exit code $LASTEXITCODE):`n$log" }
}

function Invoke-BuildTask {
    param([switch]$WithTests)   # also build the xunit projects (the whole of Megaport.sln)
    Write-Host "Building Megaport $Version ($Configuration)"
    $sln = Join-Path $Root 'Megaport.sln'
    Invoke-Dotnet restore $sln -nologo -v q
    # One MSBuild run builds the projects side by side; the layouts below only copy its output (publish --no-build).
    $targets = @(if (-not $WithTests) { '-t:src\Megaport;src\Megaport_Simulator' })
    Invoke-Dotnet build $sln -c $Configuration --no-restore -nologo -v q "-p:Version=$Version" @targets
    if (Test-Path $ModuleOut) { Remove-Item $ModuleOut -Recurse -Force }
    foreach ($tfm in 'net8.0', 'net472') {
        Invoke-Dotnet publish (Join-Path $Root 'src/Megaport/Megaport.csproj') -c $Configuration -f $tfm `
            -o (Join-Path $ModuleOut "bin/$tfm") --no-build -nologo -v q "-p:Version=$Version"
    }
    Copy-Item (Join-Path $Root 'Megaport.psd1') $ModuleOut
    Copy-Item (Join-Path $Root 'src/module/*') $ModuleOut -Recurse
    & (Join-Path $Root 'src/build/Help.ps1') -ModulePath $ModuleOut   # en-US help from src/help; fails on missing docs
    # PowerShell's own assemblies must never ship with the module.
    $forbidden = Get-ChildItem $ModuleOut -Recurse -File |
        Where-Object { $_.Name -match '^(System\.Management\.Automation|Microsoft\.PowerShell\..*|Microsoft\.Management\.Infrastructure.*)\.dll$' }
    if ($forbidden) { throw "PowerShell assemblies landed in the module output: $($forbidden.FullName -join ', ')" }

    Invoke-Dotnet publish (Join-Path $Root 'src/Megaport.Simulator/Megaport.Simulator.csproj') -c $Configuration `
        -o (Join-Path $Out 'simulator') --no-build -nologo -v q "-p:Version=$Version"
    Write-Host "Module: $ModuleOut"
}

function Get-NuGetPackageRoot {
    $line = & dotnet nuget locals global-packages --list
    ($line -replace '^global-packages:\s*', '').Trim()
}

function Invoke-TestTask {
    # Everything the tests use is built first, once: no test builds, packs or publishes anything.
    $clock = [Diagnostics.Stopwatch]::StartNew()
    Invoke-BuildTask -WithTests
    # tests/Pester/Isolation.Tests.ps1 loads this "other module" next to Megaport.
    Invoke-Dotnet build (Join-Path $Root 'tests/ConflictProbe/ConflictProbe.csproj') -c $Configuration `
        -o (Join-Path $Out 'ConflictProbe') -nologo -v q "-p:Version=$Version"
    New-Packages   # tests/Pester/Package.Tests.ps1 installs these
    $xunitProjects = @(Get-ChildItem (Join-Path $Root 'tests') -Recurse -Filter '*.Tests.csproj')   # built with the solution
    Invoke-Dotnet restore (Join-Path $Root 'tests/Tools/Tools.csproj') -nologo -v q
    $pester = Join-Path (Get-NuGetPackageRoot) 'pester/5.7.1/tools/Pester.psd1'
    Write-Host "Built in $([Math]::Round($clock.Elapsed.TotalSeconds)) s."

    if (Test-Path $TestResults) { Remove-Item $TestResults -Recurse -Force }
    $null = New-Item $TestResults -ItemType Directory
    $passed = 0; $failed = 0; $skipped = 0

    # xunit first, alone: some of its tests time the simulator's state changes and miss them on a CPU that the
    # parallel Pester workers keep busy.
    foreach ($project in $xunitProjects) {
        $name = $project.BaseName
        $resultFile = Join-Path $TestResults "$name.xunit.xml"
        Write-Host "`nxunit: $name"
        & dotnet test $project.FullName -c $Configuration --no-build --nologo -v q `
            --logger "xunit;LogFilePath=$resultFile" --logger 'console;verbosity=minimal'
        if (Test-Path $resultFile) {
            $xml = [xml](Get-Content $resultFile -Raw)
            foreach ($assembly in $xml.assemblies.assembly) {
                $passed += [int]$assembly.passed; $failed += [int]$assembly.failed; $skipped += [int]$assembly.skipped
            }
            if ($LASTEXITCODE -ne 0 -and -not ($xml.assemblies.assembly | Where-Object { [int]$_.failed -gt 0 })) { $failed++ }
        }
        else {
            Write-Host "  $name produced no result file (run failure)."
            $failed++
        }
    }

    # Pester, in fresh non-interactive PowerShells against the built module (see tests/Invoke-PesterTests.ps1)
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
    Write-Host "Tests ran in $([Math]::Round($clock.Elapsed.TotalSeconds)) s from the start of the build."
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

function Invoke-PackageTask {
    Invoke-BuildTask
    New-Packages
}

function New-Packages {
    # From the built module: out/Megaport.<version>.nupkg (Publish-PSResource to a throw-away local repository) and
    # out/Megaport.zip for Azure Automation. Fails if the manifest, the zip layout, a path length or a shipped
    # PowerShell assembly breaks an import rule.
    Write-Host "Packaging Megaport $Version"
    $manifest = Join-Path $ModuleOut 'Megaport.psd1'
    $null = Test-ModuleManifest -Path $manifest -ErrorAction Stop
    $zip = Join-Path $Out 'Megaport.zip'
    Get-ChildItem $Out -Filter 'Megaport.*.nupkg' | Remove-Item -Force
    if (Test-Path $zip) { Remove-Item $zip -Force }

    $id = [guid]::NewGuid().ToString('N')
    $work = Join-Path ([IO.Path]::GetTempPath()) "megaport-package-$id"
    $repository = "MegaportBuild-$id"    # unique, so no real repository of the user's is ever touched
    $null = New-Item (Join-Path $work 'repository') -ItemType Directory -Force
    try {
        Register-PSResourceRepository -Name $repository -Uri (Join-Path $work 'repository') -Trusted
        Publish-PSResource -Path $ModuleOut -Repository $repository -SkipDependenciesCheck
        $nupkg = @(Get-ChildItem (Join-Path $work 'repository') -Filter '*.nupkg')
        if ($nupkg.Count -ne 1) { throw "Publish-PSResource produced $($nupkg.Count) packages, expected 1." }
        $nupkg = Move-Item $nupkg[0].FullName (Join-Path $Out $nupkg[0].Name) -PassThru

        # Azure Automation imports a zip whose name = the folder inside it = the manifest's name (modules.md). We put the
        # module files straight into Megaport/, without a Megaport/<version>/ level: a version folder is accepted for
        # runbooks, but Microsoft's module-authoring rules say not to include one (State Configuration/DSC adds its own
        # and would end up with two), and the flat layout is also what the portal's "import a .zip" expects.
        # -RequiredVersion still works, as the version comes from the manifest.
        $stage = Join-Path $work 'zip/Megaport'
        $null = New-Item $stage -ItemType Directory -Force
        Copy-Item (Join-Path $ModuleOut '*') $stage -Recurse
        Add-Type -AssemblyName System.IO.Compression, System.IO.Compression.FileSystem
        [IO.Compression.ZipFile]::CreateFromDirectory($stage, $zip, [IO.Compression.CompressionLevel]::Optimal, $true)

        # The rules, checked on what was really written.
        $problems = [Collections.Generic.List[string]]::new()
        $powerShellAssembly = '^(System\.Management\.Automation|Microsoft\.PowerShell\..*|Microsoft\.Management\.Infrastructure.*)\.dll$'
        foreach ($package in $zip, $nupkg.FullName) {
            $archive = [IO.Compression.ZipFile]::OpenRead($package)
            try {
                $entries = @($archive.Entries | ForEach-Object FullName)
                if ($entries.Count -eq 0) { $problems.Add("$package is empty.") }
                foreach ($entry in $entries) {
                    if ($entry.Length -ge 140) { $problems.Add("$(Split-Path $package -Leaf): '$entry' is $($entry.Length) characters (Azure Automation needs < 140).") }
                    if ((Split-Path $entry -Leaf) -match $powerShellAssembly) { $problems.Add("$(Split-Path $package -Leaf) ships a PowerShell assembly: $entry") }
                }
                if ($package -eq $zip) {
                    $outside = @($entries | Where-Object { -not $_.StartsWith('Megaport/', [StringComparison]::Ordinal) })
                    if ($outside) { $problems.Add("Megaport.zip has entries outside Megaport/: $($outside -join ', ')") }
                    foreach ($required in 'Megaport/Megaport.psd1', 'Megaport/Megaport.psm1') {
                        if ($entries -cnotcontains $required) { $problems.Add("Megaport.zip has no $required.") }
                    }
                }
            }
            finally { $archive.Dispose() }
        }
        # The expanded zip must be a valid module on its own.
        $expanded = Join-Path $work 'expanded'
        [IO.Compression.ZipFile]::ExtractToDirectory($zip, $expanded)
        try { $null = Test-ModuleManifest -Path (Join-Path $expanded 'Megaport/Megaport.psd1') -ErrorAction Stop }
        catch { $problems.Add("Test-ModuleManifest fails on the expanded zip: $_") }
        if ($problems.Count) {
            Remove-Item $zip, $nupkg.FullName -Force -ErrorAction SilentlyContinue
            throw "Packaging broke an import rule:`n  $($problems -join "`n  ")"
        }
    }
    finally {
        if (Get-PSResourceRepository -Name $repository -ErrorAction SilentlyContinue) { Unregister-PSResourceRepository -Name $repository }
        Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue
    }
    Write-Host "Package: $($nupkg.FullName)"
    Write-Host "Package: $zip"
}

function Invoke-BenchTask {
    Invoke-BuildTask
    $floor = Join-Path $Out 'bench/floor'
    # The floor program is test code, outside Megaport.sln: built here only.
    Invoke-Dotnet publish (Join-Path $Root 'tests/Bench/Floor/Megaport.Bench.Floor.csproj') -c $Configuration -o $floor -nologo -v q "-p:Version=$Version"
    & (Join-Path $Root 'tests/Bench/Bench.ps1') -ModulePath (Join-Path $Out 'Megaport') -SimulatorDll $SimulatorDll `
        -FloorDll (Join-Path $floor 'Megaport.Bench.Floor.dll') -OutFile (Join-Path $Out 'bench.json') -SimulatorArgument $SimulatorArgument
}

switch ($Task) {
    'Build' { Invoke-BuildTask }
    'Test' { Invoke-TestTask }
    'Demo' { Invoke-DemoTask }
    'Simulator' { Invoke-SimulatorTask }
    'Package' { Invoke-PackageTask }
    'Bench' { Invoke-BenchTask }
}
