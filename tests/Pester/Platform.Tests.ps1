# The platform and catalogue against the simulator: maintenance and outages, countries and market codes, round-trip
# times, prices, letters of authorisation and Invoke-MegaportRestMethod. Requests are asserted through the journal.
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $sim = Start-TestSimulator -ProvisionDelayMs 0
    $null = Connect-TestSimulator $sim
    $sydneyPrimary = '2f3c8a1e-6b4d-4e9a-8c71-0d5e9b3a7f12'
    $folder = Join-Path ([IO.Path]::GetTempPath()) "megaport-platform-$([guid]::NewGuid())"
    $null = New-Item -ItemType Directory -Path $folder

    function Get-ApiCall {
        param([Parameter(Mandatory)][scriptblock]$Script)
        $before = @(Get-SimulatorRequests $sim).Count
        $null = & $Script
        @(Get-SimulatorRequests $sim | Select-Object -Skip $before | Where-Object { $_.path -notlike '/oauth2/*' })
    }
    # Text of a PDF's content streams (ours are not compressed).
    function Get-PdfText([string]$Path) { [Text.Encoding]::ASCII.GetString([IO.File]::ReadAllBytes($Path)) }
}
AfterAll {
    Disconnect-Megaport
    Stop-MegaportSimulator $sim
    Remove-Item $folder -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Maintenance and outages' {
    It 'by default reads the scheduled and running windows (one request per state) and names the affected services' {
        $calls = Get-ApiCall { $script:events = Get-MegaportMaintenance }
        ($calls | Where-Object path -like '/ens/*').query | Should -Be '?state=Scheduled', '?state=Running'
        ($calls | Where-Object path -like '/ens/*').path | Sort-Object -Unique | Should -Be '/ens/v1/status/maintenance'
        $events.EventId | Should -Be 'CSS-4101', 'CSS-4102', 'CSS-4104', 'CSS-4103'
        $events[0] | Should -BeOfType Megaport.MaintenanceEvent
        $first = $events | Where-Object EventId -eq 'CSS-4101'
        $first.ServiceIds | Should -Contain '2f3c8a1e'
        $first.Services | Should -Contain 'Sydney Primary'
        $first.Services | Should -Contain 'f06c80bc'   # not the account's: shown as the API names it
        $first.Start | Should -BeGreaterThan (Get-Date).ToUniversalTime()
        $first.Start.Kind | Should -Be 'Utc'
        ($events | Where-Object EventId -eq 'CSS-4102').EventType | Should -Be 'Emergency'
    }

    It 'services from the pipeline keep only the events that affect them' {
        $mine = Get-MegaportService -ProductUid $sydneyPrimary | Get-MegaportMaintenance -State Scheduled, Running, Completed, Cancelled
        $mine.EventId | Should -Be 'CSS-4101'
        $sydney = Get-MegaportService | Where-Object { $_.Name -like 'Sydney MCR*' } | Get-MegaportMaintenance
        $sydney.EventId | Should -Be 'CSS-4102'
        @(Get-MegaportService -Name 'Sydney Secondary' | Get-MegaportMaintenance).Count | Should -Be 0
    }

    It 'history: completed and cancelled windows, with the reason' {
        $past = Get-MegaportMaintenance -State completed, cancelled
        $past.EventId | Should -Be 'CSS-4090', 'CSS-4091'
        ($past | Where-Object EventId -eq 'CSS-4091').CancelReason | Should -Be 'The vendor postponed the firmware release'
    }

    It 'outages: ongoing by default; resolved ones carry their root cause; piped services filter' {
        $calls = Get-ApiCall { $script:now = Get-MegaportOutage }
        ($calls | Where-Object path -like '/ens/*').query | Should -Be '?state=Ongoing'
        $now.EventId | Should -Be 'CSS-4200'
        $now[0] | Should -BeOfType Megaport.OutageEvent
        $now.Notices.Count | Should -Be 2
        $now.Services | Should -Contain 'Melbourne Core'
        $now.End | Should -BeNullOrEmpty
        $resolved = Get-MegaportService -Name 'AWS hosted connection' | Get-MegaportOutage -State Resolved
        $resolved.EventId | Should -Be 'CSS-4150'
        $resolved.RootCause | Should -Match 'fibre cut'
        $resolved.End | Should -BeGreaterThan $resolved.Start
    }

    It 'a bad service UID is refused before any request' {
        $calls = Get-ApiCall { { Get-MegaportMaintenance -ProductUid 'a*b' } | Should -Throw -ErrorId 'MegaportInvalidArgument*' }
        $calls | Should -BeNullOrEmpty
    }
}

Describe 'Countries, market codes and round-trip times' {
    It 'countries come from /v2/networkRegions with market codes and site counts that match the locations' {
        $calls = Get-ApiCall { $script:countries = Get-MegaportCountry }
        $calls.path | Should -Be '/v2/networkRegions'
        $au = $countries | Where-Object MarketCode -eq 'AU'
        $au.Name | Should -Be 'Australia'
        $au.Code | Should -Be 'AUS'
        $au.NetworkRegion | Should -Be 'MP1'
        $au.SiteCount | Should -Be @(Get-MegaportLocation -Market AU).Count
        (Get-MegaportCountry -Name 'united*').MarketCode | Should -Be 'UK'
        (Get-MegaportCountry -MarketCode nz).Name | Should -Be 'New Zealand'
    }

    It 'market codes: each once, sorted, the codes locations carry' {
        $codes = Get-MegaportMarketCode
        $codes | Should -Be ($codes | Sort-Object -Unique -CaseSensitive)
        $codes | Should -Be @(Get-MegaportLocation | ForEach-Object Market | Sort-Object -Unique)
    }

    It 'round-trip times for the last whole month, named, filtered and the same both ways' {
        $last = (Get-Date).ToUniversalTime().AddMonths(-1)
        $calls = Get-ApiCall { $script:rtt = Get-MegaportRoundTripTime -SourceLocation 3 }
        $calls.query | Should -Be "?srcLocation=3&year=$($last.Year % 100)&month=$($last.Month)"
        $rtt[0] | Should -BeOfType Megaport.RoundTripTime
        $rtt[0].SourceLocation | Should -Be 'Global Switch Sydney'
        $rtt[0].Year | Should -Be $last.Year
        $la = Get-MegaportRoundTripTime -SourceLocation 3 -DestinationLocation 80
        $la.DestinationLocation | Should -Be 'CoreSite LA1'
        $la.MedianRtt | Should -BeGreaterThan 100
        (Get-MegaportRoundTripTime -SourceLocation 80 -DestinationLocation 3).MedianRtt | Should -Be $la.MedianRtt
        $piped = Get-MegaportLocation -Id 3, 2 | Get-MegaportRoundTripTime -DestinationLocation 80 -Year 2025 -Month 6
        $piped.SourceLocationId | Should -Be 2, 3   # in the location list's order
        $piped.Month | Should -Be 6, 6
    }

    It 'names locations as -Location does: by name, with a suggestion for a misspelt one' {
        (Get-MegaportRoundTripTime -SourceLocation 'Global Switch Sydney' -DestinationLocation 'CoreSite LA1').DestinationLocationId | Should -Be 80
        $calls = Get-ApiCall {
            $err = { Get-MegaportRoundTripTime -SourceLocation 'Global Swich Sydney' } | Should -Throw -ErrorId 'MegaportLocationNotFound*' -PassThru
            $err.Exception.Message | Should -BeLike "*Did you mean 'Global Switch Sydney'*"
        }
        @($calls | Where-Object path -eq '/v2/locations/rtt').Count | Should -Be 0
    }

    It 'a month not yet begun, a -Year without -Month and an unknown location are refused before any request' {
        $calls = Get-ApiCall {
            { Get-MegaportRoundTripTime -SourceLocation 3 -Year 2099 -Month 1 } | Should -Throw -ErrorId 'MegaportInvalidArgument*'
            { Get-MegaportRoundTripTime -SourceLocation 3 -Year 2025 } | Should -Throw -ErrorId 'MegaportInvalidArgument*'
            { Get-MegaportRoundTripTime -SourceLocation 99999 } | Should -Throw -ErrorId 'MegaportLocationNotFound*'
            { Get-MegaportRoundTripTime -SourceLocation 3 -DestinationLocation 99999 } | Should -Throw -ErrorId 'MegaportLocationNotFound*'
        }
        @($calls | Where-Object path -eq '/v2/locations/rtt').Count | Should -Be 0
    }
}

Describe 'Get-MegaportPrice' {
    It 'takes locations by name, id or object for -Location and -BEndLocation, and a misspelt name suggests the closest' {
        $byName = Get-MegaportPrice -Vxc -Location 'global switch sydney' -BEndLocation 'CoreSite LA1' -RateLimit 500 -Term 12
        $byId = Get-MegaportPrice -Vxc -LocationId 3 -BEndLocationId 80 -RateLimit 500 -Term 12
        $byName.Name | Should -Be $byId.Name
        $byName.MonthlyRate | Should -Be $byId.MonthlyRate
        (Get-MegaportPrice -Port -Location (Get-MegaportLocation -Id 3) -Speed 1000).Name | Should -BeLike '*Global Switch Sydney*'
        $calls = Get-ApiCall {
            $err = { Get-MegaportPrice -Port -Location 'Global Swich Sydney' -Speed 1000 } | Should -Throw -ErrorId 'MegaportLocationNotFound*' -PassThru
            $err.Exception.Message | Should -BeLike "*Did you mean 'Global Switch Sydney'*"
        }
        @($calls | Where-Object path -eq '/v4/pricebook/product').Count | Should -Be 0
    }

    It 'prices a port with the pricebook, at the price validate quotes for the same order' {
        $calls = Get-ApiCall { $script:quote = Get-MegaportPrice -Port -LocationId 3 -Speed 10000 -Term 12 }
        $post = $calls | Where-Object path -eq '/v4/pricebook/product'
        $post.method | Should -Be 'POST'
        ($post.body | ConvertFrom-Json -AsHashtable).Keys | Sort-Object | Should -Be @('locationId', 'productType', 'speed', 'term')
        $post.body | Should -Match '"productType":"MEGAPORT"'
        $quote | Should -BeOfType Megaport.Quote
        $quote.ProductType | Should -Be 'MEGAPORT'
        $quote.Currency | Should -Be 'AUD'
        $quote.Metro | Should -Be 'Sydney'
        $quote.Name | Should -Be '10000 Mbps port at Global Switch Sydney, 12 months'
        $validate = Invoke-RawApi $sim -Method POST -Path '/v3/networkdesign/validate' -Body @(@{ productName = 'p'; term = 12; productType = 'MEGAPORT'; portSpeed = 10000; locationId = 3 })
        $quote.MonthlyRate | Should -Be $validate.data[0].price.monthlyRate
        $quote.MonthlyRackRate | Should -Be $validate.data[0].price.monthlyRackRate
        (Get-MegaportPrice -Port -LocationId 3 -Speed 10000 -Term 1).MonthlyRate | Should -BeGreaterThan $quote.MonthlyRate
    }

    It 'prices an MCR with IPsec, an MVE, a VXC and an IX; locations pipe in by Id' {
        $mcr = Get-MegaportPrice -Mcr -LocationId 3 -Speed 1000 -IpsecTunnelCount 10
        $plain = Get-MegaportPrice -Mcr -LocationId 3 -Speed 1000
        $mcr.MonthlyRate | Should -BeGreaterThan $plain.MonthlyRate
        (Get-MegaportLocation -Id 4 | Get-MegaportPrice -Mve -Size SMALL).ProductType | Should -Be 'MVE'
        $vxc = Get-MegaportPrice -Vxc -LocationId 3 -BEndLocationId 80 -RateLimit 500 -Term 12
        $vxc.ProductType | Should -Be 'VXC'
        $metroVxc = Get-MegaportPrice -Vxc -LocationId 3 -BEndLocationId 2 -RateLimit 500 -Term 12
        $vxc.MonthlyRate | Should -BeGreaterThan $metroVxc.MonthlyRate   # long haul costs more
        (Get-MegaportPrice -Ix -LocationId 3 -IxType 'sydney ix' -RateLimit 100).Name | Should -Be '100 Mbps on Sydney IX at Global Switch Sydney'
        $bodies = Get-ReceivedBodies $sim -Path '/v4/pricebook/product'
        ($bodies | Where-Object productType -eq 'MCR2' | Select-Object -First 1).addOns[0].addOnType | Should -Be 'IP_SEC'
        ($bodies | Where-Object productType -eq 'IX').ixType | Should -Be 'Sydney IX'
        ($bodies | Where-Object productType -eq 'IX').portLocationId | Should -Be 3
    }

    It 'a speed the location does not offer, an exchange elsewhere or an unknown location is refused before the POST' {
        $calls = Get-ApiCall {
            { Get-MegaportPrice -Port -LocationId 3 -Speed 2000 } | Should -Throw -ErrorId 'MegaportInvalidArgument*'
            { Get-MegaportPrice -Ix -LocationId 3 -IxType 'LINX LON1' -RateLimit 100 } | Should -Throw -ErrorId 'MegaportInvalidArgument*'
            { Get-MegaportPrice -Vxc -LocationId 3 -BEndLocationId 99999 -RateLimit 100 } | Should -Throw -ErrorId 'MegaportLocationNotFound*'
        }
        @($calls | Where-Object path -eq '/v4/pricebook/product').Count | Should -Be 0
    }
}

Describe 'Save-MegaportLoa' {
    It 'saves the port''s PDF under its default name, naming the port, its data centre and its zone, and leaves no temporary file' {
        $calls = Get-ApiCall { $script:file = Save-MegaportLoa -ProductUid $sydneyPrimary -Path $folder -PassThru }
        ($calls | Where-Object path -like '*/loa').path | Should -Be "/v2/product/$sydneyPrimary/loa"
        $file | Should -BeOfType System.IO.FileInfo
        $file.Name | Should -Be 'LOA-Sydney-Primary-2f3c8a1e.pdf'
        $text = Get-PdfText $file.FullName
        $text | Should -Match '^%PDF-1\.4'
        $text | Should -Match 'Port: Sydney Primary'
        $text | Should -Match 'Location: Global Switch Sydney'
        $text | Should -Match 'Diversity zone: red'
        $text | Should -Match '%%EOF\s*$'
        @(Get-ChildItem $folder -Force | Where-Object Name -like '*.tmp').Count | Should -Be 0
    }

    It 'replaces a file whole, refuses with -NoClobber, and keeps the old file when the download fails' {
        $target = Join-Path $folder 'secondary.pdf'
        Set-Content -Path $target -Value 'old'
        Get-MegaportService -Name 'Sydney Secondary' | Save-MegaportLoa -Path $target
        Get-PdfText $target | Should -Match 'Port: Sydney Secondary'
        Set-Content -Path $target -Value 'old'
        $calls = Get-ApiCall { { Save-MegaportLoa -ProductUid $sydneyPrimary -Path $target -NoClobber } | Should -Throw -ErrorId 'MegaportInvalidArgument*' }
        $calls | Should -BeNullOrEmpty
        Add-SimulatorFault $sim @{ method = 'GET'; path = '/v2/product/*/loa'; status = 500; count = 1 }
        try { { Save-MegaportLoa -ProductUid $sydneyPrimary -Path $target } | Should -Throw -ErrorId 'MegaportApiError*' }
        finally { Clear-SimulatorFault $sim }
        (Get-Content $target -Raw).Trim() | Should -Be 'old'
        @(Get-ChildItem $folder -Force | Where-Object Name -like '*.tmp').Count | Should -Be 0
    }

    It 'refuses a service that is not a port, or a missing folder, without downloading; -WhatIf downloads nothing' {
        $calls = Get-ApiCall {
            { Save-MegaportLoa -ProductUid 'b7d3a1f9-6e2c-4a8b-9d5f-3c0e7a1b9d52' -Path $folder } | Should -Throw -ErrorId 'MegaportInvalidArgument*'
            { Save-MegaportLoa -ProductUid $sydneyPrimary -Path (Join-Path $folder 'no/such/x.pdf') } | Should -Throw -ErrorId 'MegaportInvalidArgument*'
            Save-MegaportLoa -ProductUid $sydneyPrimary -Path (Join-Path $folder 'whatif.pdf') -WhatIf
        }
        @($calls | Where-Object path -like '*/loa').Count | Should -Be 0
        Join-Path $folder 'whatif.pdf' | Should -Not -Exist
    }
}

Describe 'Invoke-MegaportRestMethod' {
    It 'returns the envelope''s data as objects, one array element at a time, and the whole body with -Raw' {
        $products = Invoke-MegaportRestMethod -Path '/v2/products'
        $raw = Invoke-RawApi $sim -Path '/v2/products'
        @($products).Count | Should -Be @($raw.data).Count
        $products[0] | Should -BeOfType System.Management.Automation.PSCustomObject
        $products[0].productUid | Should -Be $raw.data[0].productUid
        $whole = Invoke-MegaportRestMethod -Path '/v2/market' -Raw
        $whole.message | Should -Be 'Markets for company 2001'
        $whole.data[0].firstPartyId | Should -Be 808
        $whole.data[0].active | Should -BeOfType bool
    }

    It 'passes the query through and hands an API without the envelope back as it is' {
        $calls = Get-ApiCall { $script:activity = Invoke-MegaportRestMethod -Path '/v3/activity?personIdOrUid=9002' }
        $calls.path | Should -Be '/v3/activity'
        $calls.query | Should -Be '?personIdOrUid=9002'
        @($activity.loginName | Sort-Object -Unique) | Should -Be 'Terry Tech'
    }

    It 'sends a body given as a hashtable or as JSON text, and takes an absolute URL of the session''s own API' {
        $calls = Get-ApiCall {
            $script:a = Invoke-MegaportRestMethod -Method POST -Path '/v4/pricebook/product' -Body @{ productType = 'MEGAPORT'; locationId = 3; speed = 1000 }
            $script:b = Invoke-MegaportRestMethod -Method post -Path ($sim.Url.TrimEnd('/') + '/v4/pricebook/product') -Body '{"productType":"MEGAPORT","locationId":3,"speed":1000}'
        }
        $calls.path | Should -Be '/v4/pricebook/product', '/v4/pricebook/product'
        ($calls[0].body | ConvertFrom-Json).speed | Should -Be 1000
        $calls[1].body | Should -Be '{"productType":"MEGAPORT","locationId":3,"speed":1000}'
        $a.monthlyRate | Should -Be $b.monthlyRate
    }

    It 'maps errors with the Trace-Id, retries a read but not a write' {
        $err = { Invoke-MegaportRestMethod -Path '/v2/employee/4242' } | Should -Throw -ErrorId 'MegaportServiceNotFound*' -PassThru
        $err.Exception.Message | Should -Match 'Trace-Id [0-9a-f]+'
        Add-SimulatorFault $sim @{ method = 'GET'; path = '/v2/networkRegions'; status = 503; count = 1 }
        $calls = Get-ApiCall { $script:regions = Invoke-MegaportRestMethod -Path '/v2/networkRegions' }
        $calls.Count | Should -Be 2
        $regions.networkRegion | Should -Be 'MP1'
        Add-SimulatorFault $sim @{ method = 'POST'; path = '/v4/pricebook/product'; status = 503; count = 1 }
        $calls = Get-ApiCall { { Invoke-MegaportRestMethod -Method POST -Path '/v4/pricebook/product' -Body @{ productType = 'MEGAPORT' } } | Should -Throw -ErrorId 'MegaportApiError*' }
        $calls.Count | Should -Be 1
        Clear-SimulatorFault $sim
    }

    It 'refuses, before any request, paths that are not the session''s API, and a body on a GET' {
        $calls = Get-ApiCall {
            foreach ($p in 'https://evil.example/v2/products', '//evil.example/v2/products', 'v2/products', '/v2/../oauth2/token', '/v2/x#y', 'file:///etc/passwd') {
                { Invoke-MegaportRestMethod -Path $p } | Should -Throw -ErrorId 'MegaportInvalidArgument*'
            }
            { Invoke-MegaportRestMethod -Path '/v2/products' -Body @{ a = 1 } } | Should -Throw -ErrorId 'MegaportInvalidArgument*'
            { Invoke-MegaportRestMethod -Method POST -Path '/v2/x' -Body '{not json' } | Should -Throw -ErrorId 'MegaportInvalidArgument*'
        }
        $calls | Should -BeNullOrEmpty
    }
}

Describe 'Views' {
    It 'events, countries, round-trip times and prices fit 120 columns' {
        foreach ($text in @(
                (Get-MegaportMaintenance -State Scheduled, Running, Completed, Cancelled | Format-Table | Out-String -Width 120)
                (Get-MegaportOutage -State Ongoing, Resolved | Format-Table | Out-String -Width 120)
                (Get-MegaportCountry | Format-Table | Out-String -Width 120)
                (Get-MegaportRoundTripTime -SourceLocation 3 | Format-Table | Out-String -Width 120)
                (Get-MegaportPrice -Port -LocationId 3 -Speed 1000 | Format-Table | Out-String -Width 120))) {
            $text | Should -Not -BeNullOrEmpty
            $text -split "`n" | ForEach-Object { $_.TrimEnd().Length | Should -BeLessOrEqual 120 }
        }
        Get-MegaportMaintenance | Format-Table | Out-String -Width 120 | Should -Match 'Sydney Primary'
    }
}
