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
        'Get-MegaportManagedAccount'
        'Get-MegaportMcrBgpNeighborRoute'
        'Get-MegaportMcrBgpRoute'
        'Get-MegaportMcrBgpSession'
        'Get-MegaportMcrIpsec'
        'Get-MegaportMcrPrefixList'
        'Get-MegaportMcrRoute'
        'Get-MegaportMveImage'
        'Get-MegaportMveSize'
        'Get-MegaportPartnerPort'
        'Get-MegaportService'
        'Get-MegaportServiceKey'
        'Get-MegaportServiceTag'
        'Get-MegaportSession'
        'Lock-MegaportService'
        'New-MegaportBgpPeerConfig'
        'New-MegaportIpsecTunnelConfig'
        'New-MegaportIx'
        'New-MegaportManagedAccount'
        'New-MegaportMcr'
        'New-MegaportMcrInterfaceConfig'
        'New-MegaportMcrPrefixList'
        'New-MegaportMve'
        'New-MegaportPort'
        'New-MegaportServiceKey'
        'New-MegaportVxc'
        'Remove-MegaportMcrPrefixList'
        'Remove-MegaportService'
        'Restore-MegaportService'
        'Set-MegaportIx'
        'Set-MegaportManagedAccount'
        'Set-MegaportMcr'
        'Set-MegaportMcrPrefixList'
        'Set-MegaportMve'
        'Set-MegaportPort'
        'Set-MegaportServiceKey'
        'Set-MegaportServiceTag'
        'Set-MegaportVxc'
        'Test-MegaportMcrConnection'
        'Test-MegaportVlan'
        'Trace-MegaportMcrRoute'
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
