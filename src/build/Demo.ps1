# The walkthrough build.ps1 -Task Demo runs against a local simulator. It reads like a README example on purpose.
param(
    [Parameter(Mandatory)][string]$ModulePath,
    [Parameter(Mandatory)][string]$BaseUri,
    [Parameter(Mandatory)][string]$AccessKey,
    [Parameter(Mandatory)][string]$SecretKey
)
$ErrorActionPreference = 'Stop'

function Show-Step([string]$Text) { Write-Host "`n== $Text" -ForegroundColor Cyan }

Import-Module $ModulePath

Show-Step "Connect-Megaport -BaseUri $BaseUri (the local simulator; leave -BaseUri out for production)"
$credential = [pscredential]::new($AccessKey, (ConvertTo-SecureString $SecretKey -AsPlainText -Force))
Connect-Megaport -Credential $credential -BaseUri $BaseUri -PassThru | Format-List Environment, BaseUri, AccessKey, TokenExpiresAt

Show-Step "Get-MegaportLocation -Metro Sydney"
Get-MegaportLocation -Metro Sydney | Format-Table

Show-Step "Get-MegaportLocation -Name 'Global Switch Sydney' | Format-List"
$location = Get-MegaportLocation -Name 'Global Switch Sydney'
$location | Format-List

Show-Step "Get-MegaportService (the demo account)"
Get-MegaportService | Format-Table

Disconnect-Megaport
Write-Host "`nDone." -ForegroundColor Green
