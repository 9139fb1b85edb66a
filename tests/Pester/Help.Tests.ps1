# The module's help, as Get-Help shows it from the built module: every cmdlet fully documented, about_Megaport covering
# what users need, every example running against the simulator, and the generator refusing incomplete help.
BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $skip = [System.Collections.Generic.HashSet[string]]::new([StringComparer]::OrdinalIgnoreCase)
    foreach ($n in [System.Management.Automation.Cmdlet]::CommonParameters) { $null = $skip.Add($n) }
    foreach ($n in 'UseTransaction', 'ProgressAction') { $null = $skip.Add($n) }

    # Get-Help runs once per cmdlet, here: the tests get the same help object through -ForEach.
    $commands = foreach ($cmd in Get-Command -Module Megaport -CommandType Cmdlet | Sort-Object Name) {
        @{
            Name       = $cmd.Name
            Help       = Get-Help $cmd.Name -Full
            Parameters = @($cmd.Parameters.Values | Where-Object { -not $skip.Contains($_.Name) } | ForEach-Object { @{ Parameter = $_.Name } })
        }
    }
    $examples = foreach ($c in $commands) {
        $i = 0
        foreach ($ex in @($c.Help.examples.example)) {
            if (-not $ex) { continue }
            $i++
            @{ Command = $c.Name; Index = $i; Title = ($ex.title -replace '^[-\s]+|[-\s]+$'); Code = [string]$ex.code }
        }
    }
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $script:Skip = [System.Collections.Generic.HashSet[string]]::new([StringComparer]::OrdinalIgnoreCase)
    foreach ($n in [System.Management.Automation.Cmdlet]::CommonParameters) { $null = $Skip.Add($n) }
    foreach ($n in 'UseTransaction', 'ProgressAction') { $null = $Skip.Add($n) }
    function Get-Text($node) { (@($node) | ForEach-Object { if ($_ -is [string]) { $_ } else { $_.Text } }) -join "`n" }
}

Describe 'Get-Help <Name> -Full' -ForEach $commands {
    BeforeAll {
        $cmd = Get-Command $Name
        $helpParams = @($help.parameters.parameter | Where-Object { $_ })
        $helpByName = @{}
        foreach ($h in $helpParams) { $helpByName[$h.name] = $h }
    }

    It 'comes from the module''s help file, not from the generated placeholder' {
        $help.PSObject.TypeNames | Should -Contain 'MamlCommandHelpInfo'
        # Without a help file Get-Help makes the synopsis from the syntax ("Get-X [-Y] ...").
        $help.Synopsis.Trim() | Should -Not -Match "^$([regex]::Escape($Name))(\s|$)"
    }

    It 'has a synopsis and a description' {
        $help.Synopsis.Trim().Length | Should -BeGreaterThan 20
        (Get-Text $help.description).Trim().Length | Should -BeGreaterThan 100
    }

    It 'describes -<Parameter>' -ForEach $Parameters {
        $p = $helpByName[$Parameter]
        $p | Should -Not -BeNullOrEmpty -Because "-$Parameter of $Name must be documented"
        (Get-Text $p.description).Trim() | Should -Not -BeNullOrEmpty -Because "-$Parameter of $Name needs a description"
    }

    It 'shows each parameter''s metadata as the cmdlet has it (type, pipeline input, aliases, wildcards)' {
        # Every mismatch is collected (one Should for hundreds of checks), so a failure lists them all.
        $wrong = foreach ($p in $cmd.Parameters.Values) {
            if ($Skip.Contains($p.Name)) { continue }
            $h = $helpByName[$p.Name]
            $sets = @($p.ParameterSets.Values)
            $wildcards = [bool]$p.Attributes.Where({ $_ -is [System.Management.Automation.SupportsWildcardsAttribute] })
            $checks = @(
                , @('type', $h.type.name, $p.ParameterType.FullName)
                , @('required', $h.required, ([bool]$sets.Where({ $_.IsMandatory })).ToString().ToLowerInvariant())
                , @('by value', ($h.pipelineInput -like '*ByValue*'), [bool]$sets.Where({ $_.ValueFromPipeline }))
                , @('by property name', ($h.pipelineInput -like '*ByPropertyName*'), [bool]$sets.Where({ $_.ValueFromPipelineByPropertyName }))
                , @('wildcards', $h.globbing, $wildcards.ToString().ToLowerInvariant())
            )
            foreach ($c in $checks) { if ($c[1] -ne $c[2]) { "-$($p.Name) $($c[0]): the help says '$($c[1])', the cmdlet '$($c[2])'" } }
            foreach ($alias in $p.Aliases) { if ("$($h.aliases)" -notlike "*$alias*") { "-$($p.Name) has alias $alias; the help says '$($h.aliases)'" } }
        }
        $wrong | Should -BeNullOrEmpty
    }

    It 'documents only parameters the cmdlet has, and no common parameter' {
        $wrong = foreach ($h in $helpParams) {
            if ($h.name -notin $cmd.Parameters.Keys) { "the help documents -$($h.name), which $Name does not have" }
            if ($Skip.Contains($h.name)) { "the help documents the common parameter -$($h.name)" }
        }
        $wrong | Should -BeNullOrEmpty
    }

    It 'has one syntax per parameter set' {
        @($help.syntax.syntaxItem).Count | Should -Be @($cmd.ParameterSets).Count
    }

    It 'names its output types' {
        $documented = @($help.returnValues.returnValue | ForEach-Object { $_.type.name })
        $declared = @($cmd.OutputType | ForEach-Object Name | Where-Object { $_ -ne 'System.Void' })
        if (-not $declared) { $declared = @('None') }
        foreach ($t in $declared) { $documented | Should -Contain $t }
        foreach ($r in $help.returnValues.returnValue) { (Get-Text $r.description).Trim() | Should -Not -BeNullOrEmpty }
    }

    It 'has at least two examples, each with code and an explanation' {
        $ex = @($help.examples.example | Where-Object { $_ })
        $ex.Count | Should -BeGreaterOrEqual 2
        foreach ($e in $ex) {
            ([string]$e.code).Trim() | Should -Not -BeNullOrEmpty
            (Get-Text $e.remarks).Trim() | Should -Not -BeNullOrEmpty
            $e.title | Should -Match 'Example \d+: \S'
        }
    }
}

Describe 'Get-Help about_Megaport' {
    BeforeAll {
        $about = Get-Help about_Megaport | Out-String
    }

    It 'is installed with the module' {
        $about | Should -Match 'TOPIC\s+about_Megaport'
        $about | Should -Match 'SHORT DESCRIPTION'
        $about | Should -Match 'LONG DESCRIPTION'
    }

    It 'covers <Topic>' -ForEach @(
        @{ Topic = 'connecting with a credential, key parameters or environment variables'; Words = '-Credential', '-AccessKey', '-SecretKey', 'MEGAPORT_ACCESS_KEY', 'MEGAPORT_SECRET_KEY', 'MEGAPORT_ENVIRONMENT' }
        @{ Topic = 'environments and other endpoints'; Words = 'Production', 'Staging', 'Development', '-BaseUri', '-TokenUri', 'https://api.megaport.com/' }
        @{ Topic = 'running the simulator'; Words = 'dotnet pwsh ./build.ps1 -Task Simulator', 'simulator-access-key' }
        @{ Topic = 'waiting'; Words = 'CONFIGURED', 'LIVE', '-NoWait', 'Wait-MegaportService', '-WaitTimeout', '15 minutes', 'approval', 'MegaportWaitTimeout' }
        @{ Topic = 'pricing with -WhatIf'; Words = '-WhatIf', 'price', 'validate', '-Confirm' }
        @{ Topic = 'runbooks'; Words = 'Azure Automation', 'Get-AutomationPSCredential', 'Connect-Megaport -Credential', 'Get-MegaportService -Name' }
        @{ Topic = 'units and VLANs'; Words = 'Mbps', 'months', 'untagged', '2-4093' }
    ) {
        foreach ($w in $Words) { $about | Should -BeLike "*$w*" -Because "about_Megaport should cover $Topic" }
    }

    It 'lists every ErrorId the module uses' {
        $errorIds = (Get-Command Connect-Megaport).ImplementingType.Assembly.GetType('Megaport.Errors.ErrorIds', $true).GetFields(
            [Reflection.BindingFlags]'Static, Public, NonPublic') | Where-Object IsLiteral | ForEach-Object { $_.GetValue($null) }
        $errorIds.Count | Should -BeGreaterThan 5
        foreach ($id in $errorIds) { $about | Should -BeLike "*$id*" }
    }
}

Describe 'Help examples run against the simulator' {
    BeforeAll {
        $sim = Start-TestSimulator -ProvisionDelayMs 150
        # Examples see the process environment: restore what they set. PSModulePath gets the built module, as if it
        # were installed (runspaces that examples start, such as ForEach-Object -Parallel, load it by name).
        $envNames = 'MEGAPORT_ACCESS_KEY', 'MEGAPORT_SECRET_KEY', 'MEGAPORT_ENVIRONMENT', 'MEGAPORT_BASE_URL', 'MEGAPORT_TOKEN_URL',
            'MEGAPORT_MANAGED_ACCOUNT_UID', 'PSModulePath'
        $modulesDir = Split-Path $script:ModulePath -Parent
        # Every example gets a fresh runspace (its own session, variables and preferences). The next one is opened and
        # imports the module in the background while the current example runs, which mostly waits on the simulator.
        function Start-ExampleRunspace {
            $ps = [powershell]::Create()
            [pscustomobject]@{ PowerShell = $ps; Import = $ps.AddScript("Import-Module '$($script:ModulePath)'").BeginInvoke() }
        }
        $runspaces = @{ Next = Start-ExampleRunspace }
    }
    AfterAll {
        foreach ($r in @($runspaces.Next)) { if ($r) { $r.PowerShell.Runspace.Dispose(); $r.PowerShell.Dispose() } }
        Stop-MegaportSimulator $sim
    }

    It '<Command> example <Index> runs: <Title>' -ForEach $examples {
        Reset-TestSimulator $sim
        # Examples name the simulator as documented (http://127.0.0.1:5055 and its default key pair).
        $code = $Code.Replace('http://127.0.0.1:5055', $sim.Url.TrimEnd('/')).
            Replace('simulator-access-key', $sim.AccessKey).Replace('simulator-secret-key', $sim.SecretKey)
        $savedEnv = @{}
        foreach ($n in $envNames) { $savedEnv[$n] = [Environment]::GetEnvironmentVariable($n) }
        $env:PSModulePath = $modulesDir + [IO.Path]::PathSeparator + $env:PSModulePath
        $fresh = $runspaces.Next
        $runspaces.Next = Start-ExampleRunspace
        $ps = $fresh.PowerShell
        try {
            $null = $ps.EndInvoke($fresh.Import)   # an import error also lands in $ps.Streams.Error, checked below
            $ps.Commands.Clear()
            $null = $ps.AddScript((Get-ConnectScript $sim)).AddStatement()
            $null = $ps.AddScript($code)
            $async = $ps.BeginInvoke()
            if (-not $async.AsyncWaitHandle.WaitOne([timespan]::FromMinutes(2))) {
                $ps.Stop()
                throw "The example did not finish within 2 minutes:`n$code"
            }
            $failure = $null
            try { $null = $ps.EndInvoke($async) } catch { $failure = $_.Exception.InnerException ?? $_.Exception }
            $failure | Should -BeNullOrEmpty -Because "the example stopped with an error:`n$code`n"
            $errors = @($ps.Streams.Error | ForEach-Object { "$($_.FullyQualifiedErrorId): $_" })
            $errors | Should -BeNullOrEmpty -Because "the example must run without errors:`n$code`n"
            $ps.InvocationStateInfo.State | Should -Be 'Completed'
        }
        finally {
            if ($ps.Runspace) { $ps.Runspace.Dispose() }
            $ps.Dispose()
            foreach ($n in $envNames) { [Environment]::SetEnvironmentVariable($n, $savedEnv[$n]) }
        }
    }
}

Describe 'The help generator (src/build/Help.ps1)' {
    BeforeAll {
        $repoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).ProviderPath
        $generator = Join-Path $repoRoot 'src/build/Help.ps1'
        $work = Join-Path ([IO.Path]::GetTempPath()) "megaport-help-test-$([guid]::NewGuid())"
        # A copy of the built module and of the help sources, so the real ones are never touched.
        $moduleCopy = Join-Path $work 'Megaport'
        $null = New-Item $moduleCopy -ItemType Directory -Force
        Copy-Item (Join-Path (Get-Module Megaport).ModuleBase '*') $moduleCopy -Recurse -Exclude 'en-US'
        $sources = Join-Path $work 'help'
        # The first run reads the cmdlets in a child PowerShell and saves them here; the others reuse that.
        $metadata = Join-Path $work 'metadata.json'

        function Reset-Sources {
            if (Test-Path $sources) { Remove-Item $sources -Recurse -Force }
            $null = New-Item $sources -ItemType Directory
            Copy-Item (Join-Path $repoRoot 'src/help/en-US') $sources -Recurse
        }
        function Invoke-Generator {
            & $generator -ModulePath $moduleCopy -SourcePath $sources -MetadataPath $metadata 6>$null
        }
        function Edit-Source([string]$File, [scriptblock]$Change) {
            $path = Join-Path $sources "en-US/$File"
            Set-Content -Path $path -Value (& $Change (Get-Content $path -Raw)) -NoNewline
        }
    }
    AfterAll {
        Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue
    }
    BeforeEach { Reset-Sources }

    It 'builds the MAML and the about topic from the sources' {
        Invoke-Generator
        $maml = [xml](Get-Content (Join-Path $moduleCopy 'en-US/Megaport.dll-Help.xml') -Raw)
        $names = @($maml.helpItems.command | ForEach-Object { $_.details.name })
        $names | Should -Be @(Get-Command -Module Megaport -CommandType Cmdlet | ForEach-Object Name | Sort-Object)
        Join-Path $moduleCopy 'en-US/about_Megaport.help.txt' | Should -Exist
    }

    It 'fails when a parameter has no description' {
        Edit-Source 'New-MegaportVxc.md' { param($t) $t -replace '(?ms)(### -AwsAsn\r?\n).*?(?=\r?\n### )', '$1' }
        { Invoke-Generator } | Should -Throw '*-AwsAsn has no description*'
    }

    It 'fails when a parameter is not documented at all' {
        Edit-Source 'Get-MegaportLocation.md' { param($t) $t -replace '(?ms)### -Market\r?\n.*?(?=### )', '' }
        { Invoke-Generator } | Should -Throw '*-Market of Get-MegaportLocation is not documented*'
    }

    It 'fails when the markdown names a parameter the cmdlet does not have' {
        Edit-Source 'Get-MegaportIxType.md' { param($t) $t -replace '### -Metro', "### -Country`nA parameter that does not exist.`n`n### -Metro" }
        { Invoke-Generator } | Should -Throw '*documents -Country, which Get-MegaportIxType does not have*'
    }

    It 'fails when a cmdlet has no help file' {
        Remove-Item (Join-Path $sources 'en-US/Wait-MegaportService.md')
        { Invoke-Generator } | Should -Throw '*Wait-MegaportService: no help*'
    }

    It 'fails when a cmdlet has fewer than two examples, or an output type is not described' {
        Edit-Source 'Get-MegaportSession.md' { param($t) $t -replace '(?ms)### Example 2:.*?(?=## PARAMETERS|## OUTPUTS)', '' -replace '### Megaport.Session', '### Megaport.Other' }
        # One run lists every problem at once.
        $err = { Invoke-Generator } | Should -Throw -PassThru
        $err.Exception.Message | Should -BeLike '*Get-MegaportSession.md: 1 example(s)*'
        $err.Exception.Message | Should -BeLike '*OUTPUTS has no ''### Megaport.Session''*'
    }
}
