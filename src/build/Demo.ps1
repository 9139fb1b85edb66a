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

# The ordering walkthrough: a 10 Gbps port at Global Switch Sydney, then a hosted VIF from it to AWS.
Show-Step "`$location | New-MegaportPort -Name syd-demo-1 -Speed 10000 -Term 12 -WhatIf   (validates and prices; buys nothing)"
$location | New-MegaportPort -Name syd-demo-1 -Speed 10000 -Term 12 -WhatIf

Show-Step "`$port = `$location | New-MegaportPort -Name syd-demo-1 -Speed 10000 -Term 12   (buys, then waits)"
$port = $location | New-MegaportPort -Name syd-demo-1 -Speed 10000 -Term 12
$port | Format-Table

Show-Step "Get-MegaportPartnerPort -ConnectType AWS -LocationId $($location.Id)"
$aws = Get-MegaportPartnerPort -ConnectType AWS -LocationId $location.Id
$aws | Format-Table

Show-Step "`$port | New-MegaportVxc -Name syd-demo-aws -RateLimit 100 -AEndVlan 887 -BEndProductUid `$aws[0] -AwsAccountId 123456789123 -AwsAsn 65001 -AwsConnectionType Private"
$vxc = $port | New-MegaportVxc -Name syd-demo-aws -RateLimit 100 -AEndVlan 887 -BEndProductUid $aws[0] `
    -AwsAccountId 123456789123 -AwsAsn 65001 -AwsConnectionType Private

Show-Step "`$port, `$vxc | Wait-MegaportService -Status Live"
$port, $vxc | Wait-MegaportService -Status Live | Format-Table

# The MCR: a prefix list, a VXC to AWS with a full BGP configuration that imports only what the list permits, and
# the session in the MCR's looking glass.
Show-Step "`$mcr = New-MegaportMcr -Name syd-demo-mcr -LocationId $($location.Id) -Speed 1000 -Term 1"
$mcr = New-MegaportMcr -Name syd-demo-mcr -LocationId $location.Id -Speed 1000 -Term 1
$mcr | Format-Table

Show-Step "`$mcr | New-MegaportMcrPrefixList -Description aws-in -AddressFamily IPv4 -Entry @{ Action = 'permit'; Prefix = '10.0.0.0/8'; Le = 24 }"
$mcr | New-MegaportMcrPrefixList -Description aws-in -AddressFamily IPv4 -Entry @{ Action = 'permit'; Prefix = '10.0.0.0/8'; Le = 24 } | Format-Table

Show-Step "New-MegaportBgpPeerConfig / New-MegaportMcrInterfaceConfig, then `$mcr | New-MegaportVxc ... -AEndInterface `$interface"
$peer = New-MegaportBgpPeerConfig -PeerAsn 64512 -PeerIpAddress 169.254.100.2 -ImportPrefixList aws-in -BfdEnabled `
    -Password (ConvertTo-SecureString 'demo-bgp-key' -AsPlainText -Force)
$interface = New-MegaportMcrInterfaceConfig -IpAddress 169.254.100.1/30 -Bfd -BgpPeer $peer
$interface | Format-Table
$mcrVxc = $mcr | New-MegaportVxc -Name syd-demo-mcr-aws -RateLimit 500 -BEndProductUid $aws[0] -AwsAccountId 123456789123 `
    -AwsAsn $mcr.Asn -AmazonAsn 64512 -AEndInterface $interface
$mcrVxc | Wait-MegaportService -Status Live | Format-Table

Show-Step "`$mcr | Get-MegaportMcrBgpSession   (the looking glass)"
$mcr | Get-MegaportMcrBgpSession | Format-Table

# NAT gateways are priced before anything is created: -WhatIf shows the price and leaves no design behind.
Show-Step "Get-MegaportNatGatewaySession   (the session counts each NAT gateway speed offers)"
Get-MegaportNatGatewaySession | Format-Table

Show-Step "`$location | New-MegaportNatGateway -Name syd-demo-nat -Speed 1000 -SessionCount 8000 -Term 12 -WhatIf   (priced; creates nothing)"
$location | New-MegaportNatGateway -Name syd-demo-nat -Speed 1000 -SessionCount 8000 -Term 12 -WhatIf

Show-Step "Get-MegaportNatGateway, and the packet filters and routes of the demo account's gateway"
Get-MegaportNatGateway | Format-Table
$nat = Get-MegaportNatGateway -Name 'Sydney NAT Gateway'
$nat | Get-MegaportNatGatewayPacketFilter | Format-Table
$nat | Get-MegaportNatGatewayRoute | Format-Table

# A VXC from the NAT gateway: its interface names the gateway's packet filter and prefix list; -WhatIf prices it.
Show-Step "`$nat | New-MegaportVxc -Name syd-nat-demo -RateLimit 100 -BEndProductUid <Sydney Secondary> -AEndInterface (... -PacketFilterIn permit-https) -WhatIf"
$natInterface = New-MegaportMcrInterfaceConfig -IpAddress 10.60.0.1/30 -PacketFilterIn 'permit-https' `
    -BgpPeer (New-MegaportBgpPeerConfig -PeerAsn 65060 -PeerIpAddress 10.60.0.2 -ImportPrefixList 'private-v4')
$nat | New-MegaportVxc -Name syd-nat-demo -RateLimit 100 -BEndProductUid (Get-MegaportService -Name 'Sydney Secondary') -AEndInterface $natInterface -WhatIf

# Partners act for the companies they manage: every request then carries the company in X-Call-Context.
Show-Step "Get-MegaportManagedAccount; Get-MegaportService -ManagedAccount 'Acme Retail Group'"
Get-MegaportManagedAccount | Format-Table
Get-MegaportService -ManagedAccount 'Acme Retail Group' | Format-Table

# The platform: what Megaport's status feed says about my services, and prices without ordering.
Show-Step "Get-MegaportService | Get-MegaportMaintenance   (is anything of mine affected?)"
Get-MegaportService | Get-MegaportMaintenance | Format-Table
Show-Step "Get-MegaportPrice -Vxc -Location 'Global Switch Sydney' -BEndLocation 'CoreSite LA1' -RateLimit 500 -Term 12"
Get-MegaportPrice -Vxc -Location 'Global Switch Sydney' -BEndLocation 'CoreSite LA1' -RateLimit 500 -Term 12 | Format-Table
Show-Step "Get-MegaportUser; Get-MegaportOrderApproval -Status PENDING"
Get-MegaportUser | Format-Table
Get-MegaportOrderApproval -Status PENDING | Format-Table

# Telemetry, topology and the report: look rather than read.
Show-Step "Get-MegaportService -Name 'Sydney Primary' | Get-MegaportTelemetry -Type BITS   (the last day, with a sparkline)"
Get-MegaportService -Name 'Sydney Primary' | Get-MegaportTelemetry -Type BITS | Format-Table

Show-Step "Get-MegaportTopology   (the account by metro, with what each VXC reaches)"
Get-MegaportTopology

$reportPath = Join-Path ([IO.Path]::GetTempPath()) 'megaport-demo-report.html'
Show-Step "Export-MegaportReport -Path $reportPath -Days 7   (inventory, diagram, costs and traffic in one offline page)"
$report = Export-MegaportReport -Path $reportPath -Days 7
Write-Host "Report written to $($report.FullName) - open it in a browser."

# Designs as files: the account exported, and the plan of that export (all NoChange: it is the account as it is).
$designFile = Join-Path ([IO.Path]::GetTempPath()) 'megaport-demo-account.yaml'
Show-Step "Export-MegaportDesign -Path $designFile   (the whole account as a design)"
Export-MegaportDesign -Path $designFile -Force | Format-Table Name, Length
Get-Content $designFile | Select-Object -First 20

Show-Step "Test-MegaportDesign -Path $designFile   (the plan: every resource NoChange)"
Test-MegaportDesign -Path $designFile | Format-Table

Disconnect-Megaport
Write-Host "`nDone." -ForegroundColor Green
