# Every parameter that becomes JSON takes a hashtable, an ordered dictionary, a PSCustomObject (ConvertFrom-Json) or
# Import-PowerShellDataFile data, nested to any depth, through one converter; what went over the wire is read back from
# the simulator's request journal. A SecureString is refused, never serialized.
BeforeDiscovery {
    $kinds = @('hashtable', 'ordered dictionary', 'pscustomobject', 'ConvertFrom-Json', 'Import-PowerShellDataFile')
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $sim = Start-TestSimulator -ProvisionDelayMs 0
    $null = Connect-TestSimulator $sim
    $psd1 = Join-Path ([IO.Path]::GetTempPath()) "megaport-json-input-$([guid]::NewGuid().ToString('N')).psd1"
    Set-Content -Path $psd1 -Value "@{ extra = @{ level2 = @{ level3 = @{ a = 1; list = @('x', 'y') } }; flag = `$true } }"

    # The same three-level value in each of the shapes users have at hand.
    function New-Nested([string]$Kind) {
        switch ($Kind) {
            'hashtable' { @{ extra = @{ level2 = @{ level3 = @{ a = 1; list = @('x', 'y') } }; flag = $true } } }
            'ordered dictionary' { [ordered]@{ extra = [ordered]@{ level2 = [ordered]@{ level3 = [ordered]@{ a = 1; list = @('x', 'y') } }; flag = $true } } }
            'pscustomobject' { [pscustomobject]@{ extra = [pscustomobject]@{ level2 = [pscustomobject]@{ level3 = [pscustomobject]@{ a = 1; list = @('x', 'y') } }; flag = $true } } }
            'ConvertFrom-Json' { '{"extra":{"level2":{"level3":{"a":1,"list":["x","y"]}},"flag":true}}' | ConvertFrom-Json }
            'Import-PowerShellDataFile' { Import-PowerShellDataFile -Path $psd1 }
        }
    }

    function Get-LastBody([string]$Path) { @(Get-ReceivedBodies $sim -Method POST -Path $Path)[-1] }

    function Get-ChangingRequest {
        @(Get-SimulatorRequests $sim | Where-Object { $_.method -in 'PUT', 'POST', 'DELETE' -and $_.path -notlike '/oauth2/*' -and $_.path -notlike '/_simulator/*' })
    }
}
AfterAll {
    Disconnect-Megaport
    Stop-MegaportSimulator $sim
    Remove-Item $psd1 -ErrorAction SilentlyContinue
}

Describe 'New-MegaportMve -VendorConfig as a <_>, three levels deep' -ForEach $kinds {
    It 'sends every level: the validate call and the buy carry the same vendorConfig' {
        Reset-TestSimulator $sim
        $mve = New-MegaportMve -Name "json-$($_ -replace '\W')" -LocationId 4 -Term 1 -Vendor Cisco -ImageId 92 -Size SMALL -VendorConfig (New-Nested $_)
        $mve.ProvisioningStatus | Should -BeIn 'CONFIGURED', 'LIVE'
        foreach ($path in '/v3/networkdesign/validate', '/v4/networkdesign/buy') {
            $body = Get-LastBody $path
            $item = if ($path -like '*validate') { $body[0] } else { $body.networkDesign[0] }
            $config = $item.vendorConfig
            $config.vendor | Should -Be 'CISCO'
            $config.imageId | Should -Be 92
            $config.extra.flag | Should -BeTrue
            $config.extra.level2.level3.a | Should -Be 1
            @($config.extra.level2.level3.list) | Should -Be @('x', 'y')
        }
    }
}

Describe 'Tags and Azure peerings take the same shapes' {
    BeforeAll { Reset-TestSimulator $sim }

    It 'New-MegaportPort -Tag takes a PSCustomObject from ConvertFrom-Json' {
        $tags = '{"env":"prod","owner":"neteng","cost":42}' | ConvertFrom-Json
        $null = New-MegaportPort -Name json-tags -LocationId 3 -Speed 1000 -Term 1 -Tag $tags -WhatIf
        $line = (Get-LastBody '/v3/networkdesign/validate')[0]
        @($line.resourceTags | ForEach-Object { "$($_.key)=$($_.value)" }) | Should -Be @('cost=42', 'env=prod', 'owner=neteng')
    }

    It 'Set-MegaportServiceTag takes an ordered dictionary and Import-PowerShellDataFile data' {
        $port = Get-MegaportService -Name 'Sydney Primary' -ProductType Port
        $null = Set-MegaportServiceTag -ProductUid $port.ProductUid -Tag ([ordered]@{ tier = 'gold' })
        (Get-MegaportServiceTag -ProductUid $port.ProductUid | Where-Object Key -eq 'tier').Value | Should -Be 'gold'
        $file = Join-Path ([IO.Path]::GetTempPath()) "megaport-tags-$([guid]::NewGuid().ToString('N')).psd1"
        try {
            Set-Content -Path $file -Value "@{ tier = 'silver'; site = 'SYD' }"
            $null = Set-MegaportServiceTag -ProductUid $port.ProductUid -Tag (Import-PowerShellDataFile $file)
        }
        finally { Remove-Item $file }
        $tags = @{}; Get-MegaportServiceTag -ProductUid $port.ProductUid | ForEach-Object { $tags[$_.Key] = $_.Value }
        $tags.tier | Should -Be 'silver'
        $tags.site | Should -Be 'SYD'
    }

    It 'a tag value that is an object is refused locally, naming the tag, with no request' {
        $before = (Get-ChangingRequest).Count
        $null = New-MegaportPort -Name json-bad-tag -LocationId 3 -Speed 1000 -Term 1 -Tag @{ env = @{ nested = 1 } } -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MegaportInvalidArgument,*'
        $err[0].Exception.Message | Should -Match "tag 'env'"
        (Get-ChangingRequest).Count | Should -Be $before
    }

    It 'New-MegaportVxc -AzurePeering takes PSCustomObjects, with a list of prefixes' {
        $port = Get-MegaportService -Name 'Sydney Primary' -ProductType Port
        $peerings = '[{"Type":"microsoft","PeerAsn":65010,"PrimarySubnet":"10.0.0.0/30","SecondarySubnet":"10.0.0.4/30","Prefixes":["203.0.113.0/24","198.51.100.0/24"],"Vlan":200}]' | ConvertFrom-Json
        $null = New-MegaportVxc -AEndProductUid $port.ProductUid -Name json-azure -RateLimit 100 -AzureServiceKey '1b2329a5-56dc-45d0-8a0d-87b706297777' -AzurePeering $peerings -WhatIf
        $peer = (Get-LastBody '/v3/networkdesign/validate')[0].associatedVxcs[0].bEnd.partnerConfig.peers[0]
        $peer.type | Should -Be 'microsoft'
        $peer.peer_asn | Should -Be '65010'
        $peer.prefixes | Should -Be '203.0.113.0/24,198.51.100.0/24'
        $peer.vlan | Should -Be 200
    }
}

Describe 'Secrets are never serialized by accident' {
    It 'a SecureString anywhere in -VendorConfig is refused before any request' {
        Reset-TestSimulator $sim
        $secret = ConvertTo-SecureString 'do-not-send-7f3a' -AsPlainText -Force
        $null = New-MegaportMve -Name json-secret -LocationId 4 -Term 1 -Vendor Cisco -ImageId 92 -Size SMALL `
            -VendorConfig @{ extra = @{ deeper = @{ key = $secret } } } -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MegaportInvalidArgument,*'
        $err[0].Exception.Message | Should -Match '-VendorConfig\.extra\.deeper\.key'
        @(Get-SimulatorRequests $sim | Where-Object path -like '/v*/networkdesign/*').Count | Should -Be 0
        (Get-SimulatorRequests $sim | ForEach-Object body) -join ' ' | Should -Not -Match 'do-not-send|SecureString'
    }

    It 'an object the converter cannot read (a FileInfo) is refused, naming its type' {
        $null = New-MegaportMve -Name json-file -LocationId 4 -Term 1 -Vendor Cisco -ImageId 92 -Size SMALL `
            -VendorConfig @{ file = (Get-Item $psd1) } -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MegaportInvalidArgument,*'
        $err[0].Exception.Message | Should -Match 'System\.IO\.FileInfo'
    }
}
