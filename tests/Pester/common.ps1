# Shared setup for the Pester suite: the built module, a simulator per test file, and small helpers.
$ErrorActionPreference = 'Stop'
$repoRoot = Resolve-Path (Join-Path $PSScriptRoot '../..')
$script:ModulePath = if ($env:MEGAPORT_TEST_MODULE) { $env:MEGAPORT_TEST_MODULE } else { Join-Path $repoRoot 'out/Megaport' }
$script:SimulatorPath = if ($env:MEGAPORT_TEST_SIMULATOR) { $env:MEGAPORT_TEST_SIMULATOR } else { Join-Path $repoRoot 'out/simulator/Megaport.Simulator.dll' }
Import-Module (Join-Path $repoRoot 'src/build/Simulator.psm1') -Force
if (-not (Get-Module Megaport)) { Import-Module $script:ModulePath }

function Start-TestSimulator {
    param([string[]]$ArgumentList = @(), [int]$ProvisionDelayMs = 200)
    Start-MegaportSimulator -Path $script:SimulatorPath -ArgumentList (@('--provision-delay', "$ProvisionDelayMs") + $ArgumentList)
}

function New-TestCredential {
    param([Parameter(Mandatory)]$Simulator)
    [pscredential]::new($Simulator.AccessKey, (ConvertTo-SecureString $Simulator.SecretKey -AsPlainText -Force))
}

function Connect-TestSimulator {
    param([Parameter(Mandatory)]$Simulator)
    Connect-Megaport -Credential (New-TestCredential $Simulator) -BaseUri $Simulator.Url -PassThru
}

# Simulator-only admin endpoints (/_simulator/...): counters, request log, reset, faults.
function Invoke-SimulatorAdmin {
    param([Parameter(Mandatory)]$Simulator, [string]$Method = 'GET', [Parameter(Mandatory)][string]$Path, $Body)
    $params = @{ Method = $Method; Uri = $Simulator.Url.TrimEnd('/') + $Path }
    if ($null -ne $Body) { $params.Body = (ConvertTo-Json -InputObject $Body -Depth 20); $params.ContentType = 'application/json' }
    Invoke-RestMethod @params
}

function Reset-TestSimulator { param([Parameter(Mandatory)]$Simulator) $null = Invoke-SimulatorAdmin $Simulator -Method POST -Path '/_simulator/reset' }

function Get-SimulatorRequests {
    # -NoSettle: what is recorded now, without waiting for requests still being answered (a streaming test's view).
    param([Parameter(Mandatory)]$Simulator, [string]$Method, [string]$Path, [switch]$NoSettle)
    $query = @()
    if ($NoSettle) { $query += 'settle=false' }
    if ($Method) { $query += "method=$Method" }
    if ($Path) { $query += "path=$([uri]::EscapeDataString($Path))" }
    # Invoke-RestMethod hands a JSON array over as one object: enumerate it.
    $log = Invoke-SimulatorAdmin $Simulator -Path ('/_simulator/requests' + $(if ($query) { '?' + ($query -join '&') }))
    foreach ($entry in $log) { $entry }
}

function Get-SimulatorStats { param([Parameter(Mandatory)]$Simulator) Invoke-SimulatorAdmin $Simulator -Path '/_simulator/stats' }

# A raw API call with a token of our own, to check the module's answers against the API's.
function Invoke-RawApi {
    param([Parameter(Mandatory)]$Simulator, [Parameter(Mandatory)][string]$Path, [string]$Method = 'GET', $Body)
    if (-not $script:RawTokens) { $script:RawTokens = @{} }
    if (-not $script:RawTokens[$Simulator.Url]) {
        $basic = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes("$($Simulator.AccessKey):$($Simulator.SecretKey)"))
        $script:RawTokens[$Simulator.Url] = (Invoke-RestMethod -Method Post -Uri ($Simulator.Url.TrimEnd('/') + '/oauth2/token') `
            -Headers @{ Authorization = "Basic $basic" } -Body @{ grant_type = 'client_credentials' }).access_token
    }
    $params = @{ Method = $Method; Uri = $Simulator.Url.TrimEnd('/') + $Path; Headers = @{ Authorization = "Bearer $($script:RawTokens[$Simulator.Url])" } }
    if ($null -ne $Body) { $params.Body = (ConvertTo-Json -InputObject $Body -Depth 20); $params.ContentType = 'application/json' }
    Invoke-RestMethod @params
}

# The access token the module holds for a session (read by reflection; only tests do this).
function Get-SessionAccessToken {
    param([Parameter(Mandatory)]$Session)
    $flags = [Reflection.BindingFlags]'Instance, NonPublic, Public'
    $client = $Session.GetType().GetProperty('Connection', $flags).GetValue($Session)
    $token = $client.GetType().GetField('_tokens', $flags).GetValue($client)
    $token = $token.GetType().GetField('_token', $flags).GetValue($token)
    $token.GetType().GetProperty('Value', $flags).GetValue($token)
}

# Runs a script block in a fresh pwsh -NoProfile -NonInteractive with the built module imported; returns all its output as text.
function Invoke-FreshPwsh {
    param([Parameter(Mandatory)][string]$Script, [hashtable]$Environment = @{})
    $pwsh = Get-PwshCommand
    $file = [IO.Path]::Combine([IO.Path]::GetTempPath(), "megaport-test-$([guid]::NewGuid()).ps1")
    Set-Content -Path $file -Value ("`$ErrorActionPreference = 'Stop'`nImport-Module '$script:ModulePath'`n" + $Script)
    # The built module is importable by name there too.
    $Environment = @{ PSModulePath = (Split-Path $script:ModulePath -Parent) + [IO.Path]::PathSeparator + $env:PSModulePath } + $Environment
    $saved = @{}
    foreach ($k in $Environment.Keys) { $saved[$k] = [Environment]::GetEnvironmentVariable($k); [Environment]::SetEnvironmentVariable($k, $Environment[$k]) }
    try {
        $output = & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -File $file 2>&1 | Out-String
        [pscustomobject]@{ Output = $output; ExitCode = $LASTEXITCODE }
    }
    finally {
        foreach ($k in $saved.Keys) { [Environment]::SetEnvironmentVariable($k, $saved[$k]) }
        Remove-Item $file -ErrorAction SilentlyContinue
    }
}

# The JSON bodies the simulator received for a method and path, parsed.
function Get-ReceivedBodies {
    param([Parameter(Mandatory)]$Simulator, [string]$Method = 'POST', [Parameter(Mandatory)][string]$Path)
    foreach ($r in Get-SimulatorRequests $Simulator -Method $Method -Path $Path) { if ($r.body) { $r.body | ConvertFrom-Json } }
}

function Get-BuyCount { param([Parameter(Mandatory)]$Simulator) (Get-SimulatorStats $Simulator).buyCalls }

function Set-SimulatorConfig {
    param([Parameter(Mandatory)]$Simulator, [int]$ProvisionDelayMs = -1, [int]$TokenLifetimeSeconds = -1)
    $body = @{}
    if ($ProvisionDelayMs -ge 0) { $body.provisionDelayMs = $ProvisionDelayMs }
    if ($TokenLifetimeSeconds -ge 0) { $body.tokenLifetimeSeconds = $TokenLifetimeSeconds }
    $null = Invoke-SimulatorAdmin $Simulator -Method PUT -Path '/_simulator/config' -Body $body
}

# A connect line for scripts run in a fresh pwsh (Invoke-FreshPwsh).
function Get-ConnectScript {
    param([Parameter(Mandatory)]$Simulator)
    "Connect-Megaport -Credential ([pscredential]::new('$($Simulator.AccessKey)', (ConvertTo-SecureString '$($Simulator.SecretKey)' -AsPlainText -Force))) -BaseUri '$($Simulator.Url)'"
}

function Add-SimulatorFault {
    param([Parameter(Mandatory)]$Simulator, [Parameter(Mandatory)][hashtable]$Fault)
    $null = Invoke-SimulatorAdmin $Simulator -Method POST -Path '/_simulator/faults' -Body $Fault
}

function Clear-SimulatorFault { param([Parameter(Mandatory)]$Simulator) $null = Invoke-SimulatorAdmin $Simulator -Method DELETE -Path '/_simulator/faults' }

# A [powershell] in a new runspace with the built module imported (for Stop(), streams and progress records).
function New-ModulePowerShell {
    $iss = [System.Management.Automation.Runspaces.InitialSessionState]::CreateDefault2()
    $iss.ImportPSModule([string[]]@($script:ModulePath))
    [powershell]::Create($iss)
}

. (Join-Path $PSScriptRoot 'timings.ps1')
Set-MegaportTestTiming
