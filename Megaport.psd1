@{
    RootModule             = 'Megaport.psm1'
    ModuleVersion          = '0.1.0'
    CompatiblePSEditions   = @('Desktop', 'Core')
    GUID                   = 'f807c5ae-68ed-4f2e-be07-a071721e4ad9'
    Author                 = 'Megaport module contributors'
    CompanyName            = 'Megaport module contributors'
    Copyright              = '(c) Megaport module contributors. Licensed under the MIT licence.'
    Description            = 'Browse Megaport locations and order and manage Megaport services (ports, LAGs, VXCs to AWS, Azure, Google, Oracle, IBM and Internet, IXs, MCRs, MVEs) from PowerShell, with priced -WhatIf, waiting, and an offline API simulator.'
    PowerShellVersion      = '5.1'
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess       = @('Megaport.Format.ps1xml')
    CmdletsToExport        = @(
        'Connect-Megaport'
        'Disconnect-Megaport'
        'Get-MegaportIxType'
        'Get-MegaportLocation'
        'Get-MegaportMveImage'
        'Get-MegaportMveSize'
        'Get-MegaportNatGateway'
        'Get-MegaportNatGatewayBgpNeighborRoute'
        'Get-MegaportNatGatewayPacketFilter'
        'Get-MegaportNatGatewayPrefixList'
        'Get-MegaportNatGatewayRoute'
        'Get-MegaportNatGatewaySession'
        'Get-MegaportPartnerPort'
        'Get-MegaportService'
        'Get-MegaportServiceKey'
        'Get-MegaportServiceTag'
        'Get-MegaportSession'
        'Lock-MegaportService'
        'New-MegaportIx'
        'New-MegaportMcr'
        'New-MegaportMve'
        'New-MegaportNatGateway'
        'New-MegaportNatGatewayPacketFilter'
        'New-MegaportNatGatewayPrefixList'
        'New-MegaportPort'
        'New-MegaportServiceKey'
        'New-MegaportVxc'
        'Remove-MegaportNatGatewayPacketFilter'
        'Remove-MegaportNatGatewayPrefixList'
        'Remove-MegaportService'
        'Restore-MegaportService'
        'Set-MegaportIx'
        'Set-MegaportMcr'
        'Set-MegaportMve'
        'Set-MegaportNatGateway'
        'Set-MegaportNatGatewayPacketFilter'
        'Set-MegaportNatGatewayPrefixList'
        'Set-MegaportPort'
        'Set-MegaportServiceKey'
        'Set-MegaportServiceTag'
        'Set-MegaportVxc'
        'Test-MegaportVlan'
        'Unlock-MegaportService'
        'Wait-MegaportService'
    )
    FunctionsToExport      = @()
    VariablesToExport      = @()
    AliasesToExport        = @()
    PrivateData            = @{
        PSData = @{
            Tags         = @('Megaport', 'Networking', 'Cloud', 'VXC', 'DirectConnect', 'ExpressRoute', 'Interconnect', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            ProjectUri   = 'https://github.com/megaport-powershell/Megaport'
            LicenseUri   = 'https://github.com/megaport-powershell/Megaport/blob/main/LICENSE'
            ReleaseNotes = 'See README.md.'
        }
    }
}
