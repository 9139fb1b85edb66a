# The shipped packages: out/Megaport.<version>.nupkg (PowerShell Gallery / PSResourceGet) and out/Megaport.zip
# (Azure Automation). Both are installed into temporary folders and used by name from a fresh PowerShell.
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    Add-Type -AssemblyName System.IO.Compression, System.IO.Compression.FileSystem
    $root = Resolve-Path (Join-Path $PSScriptRoot '../..')
    $out = Join-Path $root 'out'
    $version = (Import-PowerShellDataFile (Join-Path $root 'Megaport.psd1')).ModuleVersion
    $builtModule = Join-Path $out "Megaport/$version"
    $zipPath = Join-Path $out 'Megaport.zip'
    $powerShellAssembly = '^(System\.Management\.Automation|Microsoft\.PowerShell\..*|Microsoft\.Management\.Infrastructure.*)\.dll$'

    # build.ps1 -Task Test (and -Task Package) makes the packages before Pester runs; this file only reads them.
    $nupkg = @(Get-ChildItem $out -Filter 'Megaport.*.nupkg' -ErrorAction SilentlyContinue)
    $missing = @(if ($nupkg.Count -ne 1) { "one out/Megaport.*.nupkg (found $($nupkg.Count))" }
        if (-not (Test-Path $zipPath)) { 'out/Megaport.zip' })
    if ($missing) { throw "Package tests need $($missing -join ' and '): run ./build.ps1 -Task Test or -Task Package first." }
    $nupkg = $nupkg[0]
    # Packages older than the built module were made from other bits: testing them would prove nothing about this build.
    $newestBuilt = (Get-ChildItem $builtModule -Recurse -File | Measure-Object LastWriteTimeUtc -Maximum).Maximum
    $stale = @($nupkg, (Get-Item $zipPath)) | Where-Object { $_.LastWriteTimeUtc -lt $newestBuilt }
    if ($stale) { throw "Stale packages ($($stale.Name -join ', ')): older than out/Megaport; run ./build.ps1 -Task Package again." }

    $temp = Join-Path ([IO.Path]::GetTempPath()) "megaport-package-tests-$([guid]::NewGuid().ToString('N'))"
    $null = New-Item $temp -ItemType Directory

    function Get-ZipEntry([string]$Path) {
        $archive = [IO.Compression.ZipFile]::OpenRead($Path)
        try { @($archive.Entries | ForEach-Object FullName) } finally { $archive.Dispose() }
    }

    # Runs a script in a fresh pwsh -NoProfile -NonInteractive that has imported nothing; $ModuleRoot goes first on
    # PSModulePath (then only PowerShell's own modules), so `Import-Module Megaport` by name finds the copy under test.
    function Invoke-CleanPwsh {
        param([Parameter(Mandatory)][string]$Script, [Parameter(Mandatory)][string]$ModuleRoot)
        $pwsh = Get-PwshCommand
        $file = Join-Path $temp "script-$([guid]::NewGuid().ToString('N')).ps1"
        Set-Content -Path $file -Value ("`$ErrorActionPreference = 'Stop'`n`$ProgressPreference = 'SilentlyContinue'`n" + $Script)
        $saved = $env:PSModulePath
        $env:PSModulePath = $ModuleRoot + [IO.Path]::PathSeparator + (Join-Path $PSHOME 'Modules')
        try {
            $output = & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -File $file 2>&1 | Out-String
            [pscustomobject]@{ Output = $output; ExitCode = $LASTEXITCODE }
        }
        finally { $env:PSModulePath = $saved }
    }

    # Import by name, connect, order a port without a prompt; prints where the module came from and the new port's UID.
    function Get-OrderScript($Simulator) {
        @"
Import-Module Megaport
'base=' + (Get-Module Megaport).ModuleBase
'version=' + (Get-Module Megaport).Version
$(Get-ConnectScript $Simulator)
`$port = New-MegaportPort -Name pkg-port -LocationId 3 -Speed 1000 -Term 1 -Confirm:`$false
'uid=' + `$port.ProductUid
'type=' + `$port.GetType().FullName
"@
    }

    function Read-Value([string]$Output, [string]$Name) {
        if ($Output -match "(?m)^$Name=(.*)$") { $Matches[1].Trim() }
    }

    $sim = Start-TestSimulator -ProvisionDelayMs 100
}
AfterAll {
    Stop-MegaportSimulator $sim
    if ($temp) { Remove-Item $temp -Recurse -Force -ErrorAction SilentlyContinue }
}

Describe 'build.ps1 -Task Package' {
    It 'writes out/Megaport.<version>.nupkg and out/Megaport.zip' {
        $nupkg.Name | Should -Be "Megaport.$version.nupkg"
        $zipPath | Should -Exist
    }

    It 'builds a manifest that passes Test-ModuleManifest' {
        $info = Test-ModuleManifest -Path (Join-Path $builtModule 'Megaport.psd1') -ErrorAction Stop
        $info.Name | Should -Be 'Megaport'
        $info.Version | Should -Be ([version]$version)
    }

    It 'lays the zip out for Azure Automation: one Megaport/ folder holding Megaport.psd1 and its root module' {
        $entries = Get-ZipEntry $zipPath
        [IO.Path]::GetFileNameWithoutExtension($zipPath) | Should -BeExactly 'Megaport'
        $entries | Where-Object { -not $_.StartsWith('Megaport/', [StringComparison]::Ordinal) } | Should -BeNullOrEmpty
        $entries | Should -Contain 'Megaport/Megaport.psd1'
        $entries | Should -Contain 'Megaport/Megaport.psm1'
        # No version folder (see Invoke-PackageTask): the manifest sits right under Megaport/.
        $entries | Where-Object { $_ -like "Megaport/$version/*" } | Should -BeNullOrEmpty
    }

    It 'has no path of 140 characters or more and no PowerShell assembly, in the zip or the nupkg' {
        foreach ($package in $zipPath, $nupkg.FullName) {
            $entries = Get-ZipEntry $package
            $entries.Count | Should -BeGreaterThan 0
            $entries | Where-Object { $_.Length -ge 140 } | Should -BeNullOrEmpty -Because "$package must import into Azure Automation"
            $entries | Where-Object { (Split-Path $_ -Leaf) -match $powerShellAssembly } | Should -BeNullOrEmpty -Because "$package must not ship PowerShell"
        }
    }

    It 'puts the same module files in the nupkg and the zip' {
        $zipFiles = Get-ZipEntry $zipPath | ForEach-Object { $_.Substring('Megaport/'.Length) } | Sort-Object
        $nupkgFiles = Get-ZipEntry $nupkg.FullName |
            Where-Object { $_ -notmatch '^(_rels/|package/|\[Content_Types\]\.xml$|Megaport\.nuspec$)' } | Sort-Object
        $nupkgFiles | Should -Be $zipFiles
        $zipFiles | Should -Contain 'bin/net8.0/Megaport.dll'
        $zipFiles | Should -Contain 'bin/net472/Megaport.dll'
    }

    It 'leaves no temporary PSResource repository registered' {
        # A leftover would point at a temporary folder the task has already deleted (a Package run elsewhere at this
        # very moment has its folder still there, so it is not counted).
        Get-PSResourceRepository -Name 'MegaportBuild-*' -ErrorAction SilentlyContinue |
            Where-Object { -not (Test-Path -LiteralPath $_.Uri.LocalPath) } | Should -BeNullOrEmpty
    }
}

Describe 'Installed from the nupkg with PSResourceGet' {
    BeforeAll {
        # A throw-away local repository that holds only our nupkg; Save-PSResource puts the module into a temporary
        # modules folder (never the user's). The registration is removed at once, whatever happens.
        $feed = Join-Path $temp 'feed'
        $modules = Join-Path $temp 'nupkg-modules'
        $null = New-Item $feed, $modules -ItemType Directory
        Copy-Item $nupkg.FullName $feed
        $repository = "MegaportTest-$([guid]::NewGuid().ToString('N'))"
        try {
            Register-PSResourceRepository -Name $repository -Uri $feed -Trusted
            $found = Find-PSResource -Name Megaport -Repository $repository
            Save-PSResource -Name Megaport -Version $version -Repository $repository -Path $modules -TrustRepository
        }
        finally {
            if (Get-PSResourceRepository -Name $repository -ErrorAction SilentlyContinue) { Unregister-PSResourceRepository -Name $repository }
        }
        $installed = Join-Path $modules "Megaport/$version"
    }

    It 'finds Megaport <version> in the repository and saves it as Megaport/<version>' {
        $found.Name | Should -Be 'Megaport'
        $found.Version | Should -Be ([version]$version)
        Join-Path $installed 'Megaport.psd1' | Should -Exist
        Get-PSResourceRepository -Name $repository -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'passes Test-ModuleManifest as installed' {
        (Test-ModuleManifest -Path (Join-Path $installed 'Megaport.psd1') -ErrorAction Stop).Version | Should -Be ([version]$version)
    }

    It 'imports by name in a fresh pwsh and orders a port that the API then holds' {
        Reset-TestSimulator $sim
        $run = Invoke-CleanPwsh -Script (Get-OrderScript $sim) -ModuleRoot $modules
        $run.ExitCode | Should -Be 0 -Because $run.Output
        (Read-Value $run.Output 'base') | Should -Be (Resolve-Path $installed).Path
        (Read-Value $run.Output 'version') | Should -Be $version
        (Read-Value $run.Output 'type') | Should -Be 'Megaport.Port'
        $uid = Read-Value $run.Output 'uid'
        $uid | Should -Not -BeNullOrEmpty
        (Get-SimulatorStats $sim).buysExecuted | Should -Be 1
        (Invoke-RawApi $sim "/v2/product/$uid").data.productName | Should -Be 'pkg-port'
    }
}

Describe 'Imported from the Azure Automation zip' {
    BeforeAll {
        # Expanded as Azure Automation does it: the zip's Megaport/ folder becomes a module folder on PSModulePath.
        $modules = Join-Path $temp 'zip-modules'
        Expand-Archive -Path $zipPath -DestinationPath $modules
        $expanded = Join-Path $modules 'Megaport'
    }

    It 'passes Test-ModuleManifest as expanded' {
        (Test-ModuleManifest -Path (Join-Path $expanded 'Megaport.psd1') -ErrorAction Stop).Version | Should -Be ([version]$version)
    }

    It 'imports by name in a fresh pwsh and orders a port that the API then holds' {
        Reset-TestSimulator $sim
        $run = Invoke-CleanPwsh -Script (Get-OrderScript $sim) -ModuleRoot $modules
        $run.ExitCode | Should -Be 0 -Because $run.Output
        (Read-Value $run.Output 'base') | Should -Be (Resolve-Path $expanded).Path
        (Read-Value $run.Output 'version') | Should -Be $version
        (Read-Value $run.Output 'type') | Should -Be 'Megaport.Port'
        $uid = Read-Value $run.Output 'uid'
        $uid | Should -Not -BeNullOrEmpty
        (Get-SimulatorStats $sim).buysExecuted | Should -Be 1
        (Invoke-RawApi $sim "/v2/product/$uid").data.productName | Should -Be 'pkg-port'
    }
}
