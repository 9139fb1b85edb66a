# Managed accounts (partners): listing, creating and changing them, and acting for one. Under a managed account every
# API request carries X-Call-Context (the token request never does); without one, no request carries it.
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $sim = Start-TestSimulator
    $acme = '7b1e5c9a-3d2f-4a8e-b6c4-1f0d9e3a5b27'
    $harbour = '9c3a7e1b-5f4d-4c2a-8e6b-3d1f0a5c7e49'
    $acmePort = '2b6d0f4a-8c3e-4e1b-9a7d-5c2f8e0b4d16'
    $partnerPort = '2f3c8a1e-6b4d-4e9a-8c71-0d5e9b3a7f12'
    # The journal from a point on: requests are counted before an action and the new ones taken after it.
    function Get-RequestsSince([int]$Count) { @(Get-SimulatorRequests $sim) | Select-Object -Skip $Count }
    function Get-RequestCount { @(Get-SimulatorRequests $sim).Count }
    function Connect-Partner { $null = Connect-Megaport -Credential (New-TestCredential $sim) -BaseUri $sim.Url @args }
}
AfterAll {
    Disconnect-Megaport
    Stop-MegaportSimulator $sim
}

Describe 'Get-MegaportManagedAccount' {
    BeforeAll { Reset-TestSimulator $sim; Connect-Partner }

    It 'lists the accounts as typed objects' {
        $accounts = @(Get-MegaportManagedAccount)
        $accounts.Count | Should -Be 2
        $accounts[0] | Should -BeOfType ([Megaport.ManagedAccount])
        $accounts[0].PSObject.TypeNames[0] | Should -Be 'Megaport.ManagedAccount'
        $a = $accounts | Where-Object CompanyUid -eq $acme
        $a.Name | Should -Be 'Acme Retail Group'
        $a.Reference | Should -Be 'ACME-001'
        ($accounts | Format-Table | Out-String) | Should -Match 'Reference\s+CompanyUid'
    }

    It 'filters by name with wildcards, and by company UID from the pipeline' {
        (Get-MegaportManagedAccount -Name 'acme*').CompanyUid | Should -Be $acme
        ([pscustomobject]@{ CompanyUid = $harbour } | Get-MegaportManagedAccount).Name | Should -Be 'Blue Harbour Logistics'
    }

    It 'answers an exact name that matches nothing with MegaportManagedAccountNotFound' {
        $found = Get-MegaportManagedAccount -Name 'Nobody Pty Ltd', 'Acme Retail Group' -ErrorVariable errs -ErrorAction SilentlyContinue
        $found.CompanyUid | Should -Be $acme
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'MegaportManagedAccountNotFound*'
        $errs[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'refuses a company UID that is not a UUID without a request' {
        $before = Get-RequestCount
        { Get-MegaportManagedAccount -CompanyUid 'acme' -ErrorAction Stop } | Should -Throw -ErrorId 'MegaportInvalidArgument*'
        Get-RequestsSince $before | Should -BeNullOrEmpty
    }
}

Describe 'New-MegaportManagedAccount' {
    BeforeEach { Reset-TestSimulator $sim; Connect-Partner }

    It 'creates the account with exactly accountName and accountRef' {
        $created = New-MegaportManagedAccount -Name 'Contoso Pharmacy' -Reference 'CRM-10442'
        $created | Should -BeOfType ([Megaport.ManagedAccount])
        $created.CompanyUid | Should -Match '^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$'
        $body = @(Get-ReceivedBodies $sim -Path '/v2/managedCompanies')
        $body.Count | Should -Be 1
        ($body[0] | ConvertTo-Json -Compress) | Should -Be '{"accountName":"Contoso Pharmacy","accountRef":"CRM-10442"}'
        (Get-MegaportManagedAccount -Name 'Contoso Pharmacy').CompanyUid | Should -Be $created.CompanyUid
    }

    It 'refuses a name that is taken (ignoring case) without creating anything' {
        { New-MegaportManagedAccount -Name 'ACME RETAIL GROUP' -Reference R -ErrorAction Stop } | Should -Throw -ErrorId 'MegaportInvalidArgument*'
        @(Get-SimulatorRequests $sim -Method POST -Path '/v2/managedCompanies').Count | Should -Be 0
    }

    It 'refuses <Case> locally, with no request' -ForEach @(
        @{ Case = 'an empty name'; Name = ''; Reference = 'R' }
        @{ Case = 'a blank name'; Name = '   '; Reference = 'R' }
        @{ Case = 'a 129-character name'; Name = ('n' * 129); Reference = 'R' }
        @{ Case = 'a control character'; Name = "bad`tname"; Reference = 'R' }
        @{ Case = 'an empty reference'; Name = 'Fine'; Reference = '' }
        @{ Case = 'a 129-character reference'; Name = 'Fine'; Reference = ('r' * 129) }
    ) {
        $before = Get-RequestCount
        { New-MegaportManagedAccount -Name $Name -Reference $Reference -ErrorAction Stop } | Should -Throw -ErrorId 'MegaportInvalidArgument*'
        Get-RequestsSince $before | Should -BeNullOrEmpty
    }

    It 'sends nothing under -WhatIf and under $WhatIfPreference' {
        $before = Get-RequestCount
        New-MegaportManagedAccount -Name 'Fabrikam' -Reference F -WhatIf
        & { $WhatIfPreference = $true; New-MegaportManagedAccount -Name 'Fabrikam' -Reference F }
        Get-RequestsSince $before | Should -BeNullOrEmpty
    }

    It 'creates one account per piped row, going on past a bad one' {
        $rows = @([pscustomobject]@{ Name = 'Row One'; Reference = 'R1' }, [pscustomobject]@{ Name = ''; Reference = 'R2' }, [pscustomobject]@{ Name = 'Row Three'; AccountRef = 'R3' })
        $made = @($rows | New-MegaportManagedAccount -ErrorVariable errs -ErrorAction SilentlyContinue)
        $made.Name | Should -Be 'Row One', 'Row Three'
        $made[1].Reference | Should -Be 'R3'
        $errs.Count | Should -Be 1
    }
}

Describe 'Set-MegaportManagedAccount' {
    BeforeEach { Reset-TestSimulator $sim; Connect-Partner }

    It 'sends both fields, the one not given as it is' {
        Get-MegaportManagedAccount -Name 'Acme Retail Group' | Set-MegaportManagedAccount -Reference 'ACME-002'
        $put = @(Get-SimulatorRequests $sim -Method PUT -Path "/v2/managedCompanies/$acme")
        $put.Count | Should -Be 1
        $put[0].body | Should -Be '{"accountName":"Acme Retail Group","accountRef":"ACME-002"}'
        (Get-MegaportManagedAccount -CompanyUid $acme).Reference | Should -Be 'ACME-002'
    }

    It 'renames with -PassThru and shows old -> new under -WhatIf' {
        # What-if lines go to the host: a fresh pwsh shows them on its output.
        $run = Invoke-FreshPwsh ((Get-ConnectScript $sim) + "`nSet-MegaportManagedAccount -CompanyUid $harbour -Name 'Blue Harbour Pty' -WhatIf")
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Output | Should -Match "What if: Performing the operation `"Change Name 'Blue Harbour Logistics' -> 'Blue Harbour Pty'`" on target `"managed account 'Blue Harbour Logistics' \($harbour\)`""
        @(Get-SimulatorRequests $sim -Method PUT).Count | Should -Be 0
        (Set-MegaportManagedAccount -CompanyUid $harbour -Name 'Blue Harbour Pty' -PassThru).Name | Should -Be 'Blue Harbour Pty'
    }

    It 'refuses nothing to change, a taken name and an unknown account, sending no PUT' {
        { Set-MegaportManagedAccount -CompanyUid $acme -Reference 'ACME-001' -ErrorAction Stop } | Should -Throw -ErrorId 'MegaportInvalidArgument*'
        { Set-MegaportManagedAccount -CompanyUid $acme -Name 'blue harbour logistics' -ErrorAction Stop } | Should -Throw -ErrorId 'MegaportInvalidArgument*'
        { Set-MegaportManagedAccount -CompanyUid ([guid]::NewGuid()) -Name 'X' -ErrorAction Stop } | Should -Throw -ErrorId 'MegaportManagedAccountNotFound*'
        @(Get-SimulatorRequests $sim -Method PUT).Count | Should -Be 0
    }

    It 'refuses <Case> with no request at all' -ForEach @(
        @{ Case = 'no change given'; Params = @{ CompanyUid = '7b1e5c9a-3d2f-4a8e-b6c4-1f0d9e3a5b27' } }
        @{ Case = 'a UID that is not a UUID'; Params = @{ CompanyUid = 'acme'; Name = 'X' } }
        @{ Case = 'an empty name'; Params = @{ CompanyUid = '7b1e5c9a-3d2f-4a8e-b6c4-1f0d9e3a5b27'; Name = '' } }
        @{ Case = 'a blank reference'; Params = @{ CompanyUid = '7b1e5c9a-3d2f-4a8e-b6c4-1f0d9e3a5b27'; Reference = ' ' } }
    ) {
        $before = Get-RequestCount
        { Set-MegaportManagedAccount @Params -ErrorAction Stop } | Should -Throw -ErrorId 'MegaportInvalidArgument*'
        Get-RequestsSince $before | Should -BeNullOrEmpty
    }
}

Describe 'Acting for a managed account' {
    BeforeEach { Reset-TestSimulator $sim; Disconnect-Megaport }

    It 'Connect-Megaport -ManagedAccount <Form> puts X-Call-Context on every request after the token' -ForEach @(
        @{ Form = 'by name'; Value = 'Acme Retail Group'; Lookups = 1; Name = 'Acme Retail Group' }
        @{ Form = 'by company UID'; Value = '7b1e5c9a-3d2f-4a8e-b6c4-1f0d9e3a5b27'; Lookups = 0; Name = $null }
    ) {
        $before = Get-RequestCount
        $session = Connect-Megaport -Credential (New-TestCredential $sim) -BaseUri $sim.Url -ManagedAccount $Value -PassThru
        $session.ManagedAccountUid | Should -Be $acme
        $session.ManagedAccountName | Should -Be $Name
        $connect = @(Get-RequestsSince $before)
        @($connect | Where-Object path -eq '/v2/managedCompanies').Count | Should -Be $Lookups
        # The look-up is the partner's own: it carries no context, and neither does the token request.
        $connect | ForEach-Object { $_.callContext | Should -BeNullOrEmpty }
        $before = Get-RequestCount

        (Get-MegaportService).ProductUid | Should -Be $acmePort
        $null = Get-MegaportService -ProductUid $acmePort
        $null = Get-MegaportLocation -Id 3
        $null = Get-MegaportServiceKey
        $quote = New-MegaportPort -Name acme-2 -LocationId 3 -Speed 1000 -Term 1 -WhatIf 6>&1
        $port = New-MegaportPort -Name acme-2 -LocationId 3 -Speed 1000 -Term 1 -NoWait
        Set-MegaportPort -ProductUid $port.ProductUid -Name acme-2b -Confirm:$false
        Remove-MegaportService -ProductUid $port.ProductUid -Now -Force
        { Get-MegaportService -ProductUid $partnerPort -ErrorAction Stop } | Should -Throw -ErrorId 'MegaportServiceNotFound*'
        # The company and platform cmdlets, the LOA's bytes and the REST escape hatch go the same way.
        $null = Get-MegaportUser
        $null = Get-MegaportPrice -Port -LocationId 3 -Speed 1000
        Save-MegaportLoa -ProductUid $acmePort -Path (Join-Path $TestDrive 'acme-loa.pdf')
        (Invoke-MegaportRestMethod -Path /v2/products).productUid | Should -Contain $acmePort

        $sent = @(Get-RequestsSince $before | Where-Object path -ne '/oauth2/token')
        $sent.Count | Should -BeGreaterThan 8
        ($sent | Where-Object method -eq 'POST').path | Should -Contain '/v4/networkdesign/buy'
        $sent.path | Should -Contain "/v2/product/$acmePort/loa"
        $sent.path | Should -Contain '/v4/pricebook/product'
        $sent | ForEach-Object { $_.callContext | Should -Be $acme -Because "$($_.method) $($_.path) acts for Acme" }
        Get-RequestsSince $before | Where-Object path -eq '/oauth2/token' | ForEach-Object { $_.callContext | Should -BeNullOrEmpty }
    }

    It 'keeps what is ordered for a managed company out of the partner''s view' {
        Connect-Partner -ManagedAccount $harbour
        $port = New-MegaportPort -Name harbour-port -LocationId 3 -Speed 1000 -Term 1 -NoWait
        $port.ProductUid | Should -Not -BeNullOrEmpty
        Connect-Partner
        (Get-MegaportService).ProductUid | Should -Not -Contain $port.ProductUid
        (Get-MegaportService -ManagedAccount 'Blue Harbour Logistics').ProductUid | Should -Be $port.ProductUid
    }

    It 'sends no X-Call-Context on any request without a managed account' {
        $before = Get-RequestCount
        Connect-Partner
        $null = Get-MegaportService
        $null = New-MegaportPort -Name own -LocationId 3 -Speed 1000 -Term 1 -WhatIf 6>&1
        $null = Get-MegaportManagedAccount
        $sent = @(Get-RequestsSince $before)
        $sent.Count | Should -BeGreaterThan 3
        $sent | ForEach-Object { $_.callContext | Should -BeNullOrEmpty -Because "$($_.method) $($_.path) is the partner's own" }
    }

    It '-ManagedAccount on one call acts for that company only for that call' {
        Connect-Partner
        $acct = Get-MegaportManagedAccount -Name 'Acme Retail Group'
        $before = Get-RequestCount
        (Get-MegaportService -ManagedAccount $acct).ProductUid | Should -Be $acmePort
        (Get-MegaportService -ManagedAccount 'acme retail group').ProductUid | Should -Be $acmePort
        (Get-MegaportService).ProductUid | Should -Contain $partnerPort
        $sent = @(Get-RequestsSince $before | Where-Object path -eq '/v2/products')
        $sent.callContext | Should -Be $acme, $acme, $null
        # The list read above answered the name: no second look-up.
        @(Get-RequestsSince $before | Where-Object path -eq '/v2/managedCompanies').Count | Should -Be 0
    }

    It 'a call''s -ManagedAccount wins over the session''s' {
        Connect-Partner -ManagedAccount $acme
        $before = Get-RequestCount
        $null = Get-MegaportService -ManagedAccount $harbour
        (Get-RequestsSince $before | Where-Object path -eq '/v2/products').callContext | Should -Be $harbour
    }

    It 'a name that matches no account fails once, before anything else is sent' {
        Connect-Partner
        $before = Get-RequestCount
        { Get-MegaportService -ManagedAccount 'Nobody Pty Ltd' -ErrorAction Stop } | Should -Throw -ErrorId 'MegaportManagedAccountNotFound*'
        (Get-RequestsSince $before).path | Should -Be '/v2/managedCompanies'
        { Connect-Megaport -Credential (New-TestCredential $sim) -BaseUri $sim.Url -ManagedAccount 'Nobody Pty Ltd' } | Should -Throw -ErrorId 'MegaportManagedAccountNotFound*'
    }

    It 'shows the account in Get-MegaportSession' {
        Connect-Partner -ManagedAccount (Get-MegaportManagedAccount -Name 'Blue Harbour Logistics' -Session (Connect-TestSimulator $sim))
        $text = Get-MegaportSession | Format-List | Out-String
        $text | Should -Match "ManagedAccount\s*:\s*Blue Harbour Logistics \($harbour\)"
        (Get-MegaportSession).ToString() | Should -Match 'for Blue Harbour Logistics'
        Connect-Partner
        Get-MegaportSession | Format-List | Out-String | Should -Match 'ManagedAccount\s*:\s*\(own company\)'
    }

    It 'listing managed accounts while acting for one is the API''s permission error' {
        Connect-Partner -ManagedAccount $acme
        { Get-MegaportManagedAccount -ErrorAction Stop } | Should -Throw -ErrorId 'MegaportPermissionDenied*'
    }

    It 'refuses a -ManagedAccount object without a CompanyUid' {
        { Connect-Megaport -Credential (New-TestCredential $sim) -BaseUri $sim.Url -ManagedAccount ([pscustomobject]@{ Name = 'x' }) } |
            Should -Throw -ErrorId 'MegaportInvalidArgument*'
    }
}

Describe 'Connecting from environment variables' {
    BeforeEach { Reset-TestSimulator $sim; Disconnect-Megaport }
    AfterEach { Remove-Item Env:MEGAPORT_* -ErrorAction SilentlyContinue }

    It 'MEGAPORT_MANAGED_ACCOUNT_UID acts for that company; blank means none' {
        $env:MEGAPORT_MANAGED_ACCOUNT_UID = $acme
        (Connect-Megaport -Credential (New-TestCredential $sim) -BaseUri $sim.Url -PassThru).ManagedAccountUid | Should -Be $acme
        $before = Get-RequestCount
        $null = Get-MegaportService
        (Get-RequestsSince $before).callContext | Should -Be $acme
        $env:MEGAPORT_MANAGED_ACCOUNT_UID = '   '
        (Connect-Megaport -Credential (New-TestCredential $sim) -BaseUri $sim.Url -PassThru).ManagedAccountUid | Should -BeNullOrEmpty
        $before = Get-RequestCount
        $null = Get-MegaportService
        (Get-RequestsSince $before).callContext | Should -BeNullOrEmpty
    }

    It 'refuses a MEGAPORT_MANAGED_ACCOUNT_UID that is not a UID, before any request' {
        $env:MEGAPORT_MANAGED_ACCOUNT_UID = 'Acme Retail Group'
        $before = Get-RequestCount
        { Connect-Megaport -Credential (New-TestCredential $sim) -BaseUri $sim.Url } | Should -Throw -ErrorId 'MegaportInvalidArgument*'
        Get-RequestsSince $before | Should -BeNullOrEmpty
    }

    It 'MEGAPORT_BASE_URL and MEGAPORT_TOKEN_URL point the connection at any endpoint' {
        $env:MEGAPORT_ACCESS_KEY = $sim.AccessKey
        $env:MEGAPORT_SECRET_KEY = $sim.SecretKey
        $env:MEGAPORT_BASE_URL = $sim.Url
        $env:MEGAPORT_TOKEN_URL = $sim.Url.TrimEnd('/') + '/oauth2/token'
        $env:MEGAPORT_ENVIRONMENT = 'staging'   # the URLs win over the environment's name
        $session = Connect-Megaport -PassThru
        $session.Environment | Should -Be 'Custom'
        $session.BaseUri | Should -Be ([uri]$sim.Url)
        @(Get-MegaportLocation -Id 3).Count | Should -Be 1
    }

    It 'refuses <Only> alone, before any request' -ForEach @(@{ Only = 'MEGAPORT_BASE_URL' }, @{ Only = 'MEGAPORT_TOKEN_URL' }) {
        $env:MEGAPORT_ACCESS_KEY = $sim.AccessKey
        $env:MEGAPORT_SECRET_KEY = $sim.SecretKey
        Set-Item "Env:$Only" $sim.Url
        $before = Get-RequestCount
        { Connect-Megaport } | Should -Throw -ErrorId 'MegaportInvalidArgument*'
        Get-RequestsSince $before | Should -BeNullOrEmpty
    }

    It 'a runbook in a fresh non-interactive pwsh acts for the managed account from the environment alone' {
        $result = Invoke-FreshPwsh -Script 'Connect-Megaport; (Get-MegaportService).Name; (Get-MegaportSession).ManagedAccountUid' -Environment @{
            MEGAPORT_ACCESS_KEY = $sim.AccessKey; MEGAPORT_SECRET_KEY = $sim.SecretKey; MEGAPORT_BASE_URL = $sim.Url
            MEGAPORT_TOKEN_URL = $sim.Url.TrimEnd('/') + '/oauth2/token'; MEGAPORT_MANAGED_ACCOUNT_UID = $acme
        }
        $result.ExitCode | Should -Be 0 -Because $result.Output
        $result.Output | Should -Match 'Acme Sydney Port'
        $result.Output | Should -Match $acme
    }
}
