# Company administration against the simulator: users, the activity log, billing markets and order approvals. Every
# test asserts what went over the wire (paths, query strings and bodies, from the simulator's journal).
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $sim = Start-TestSimulator -ProvisionDelayMs 0
    $null = Connect-TestSimulator $sim
    $pendingApproval = '0a7c3e91-5b2d-4f68-9e14-7d3b2a6c8f01'
    $pendingSpeedChange = '0a7c3e91-5b2d-4f68-9e14-7d3b2a6c8f02'
    $ownRequest = '0a7c3e91-5b2d-4f68-9e14-7d3b2a6c8f03'   # the demo account's request to its partner

    # The requests the block made to the API (not the token endpoint), after clearing the journal.
    function Get-ApiCall {
        param([Parameter(Mandatory)][scriptblock]$Script)
        $before = @(Get-SimulatorRequests $sim).Count
        $null = & $Script
        @(Get-SimulatorRequests $sim | Select-Object -Skip $before | Where-Object { $_.path -notlike '/oauth2/*' })
    }
    function Get-Body($request) { $request.body | ConvertFrom-Json -AsHashtable }
}
AfterAll {
    Disconnect-Megaport
    Stop-MegaportSimulator $sim
}

Describe 'Users' {
    BeforeEach { Reset-TestSimulator $sim }

    It 'lists users from one GET /v2/employment, reading the list''s personId as EmployeeId, and filters locally' {
        $calls = Get-ApiCall { $script:all = Get-MegaportUser; $script:terry = Get-MegaportUser -Name 'Terry*'; $script:admins = Get-MegaportUser -Position 'company admin' }
        @($calls.path | Sort-Object -Unique) | Should -Be '/v2/employment'
        $all.Count | Should -Be 5
        $all[0] | Should -BeOfType Megaport.User
        ($all | Where-Object Name -eq 'Terry Tech').EmployeeId | Should -Be 9002
        $terry.Email | Should -Be 'terry.tech@demo-networks.example'
        @($admins).Name | Should -Be 'Dana Admin'
        @(Get-MegaportUser -Email '*@demo-networks.example').Count | Should -Be 5
    }

    It 'reads one user by id (the single read says partyId), from the pipeline too' {
        $calls = Get-ApiCall { $script:one = Get-MegaportUser -Name 'Pat*' | Get-MegaportUser }
        $calls.path | Should -Contain '/v2/employee/9005'
        $one.EmployeeId | Should -Be 9005
        $one.InvitationPending | Should -BeTrue
        $one.SecurityRoles | Should -Be 'technicalContact'
    }

    It 'an unknown id is MegaportServiceNotFound, and the next id is still read' {
        $errors = $null
        $found = Get-MegaportUser -EmployeeId 4242, 9001 -ErrorAction SilentlyContinue -ErrorVariable errors
        $found.EmployeeId | Should -Be 9001
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'MegaportServiceNotFound*'
        $errors[0].TargetObject | Should -Be 4242
    }

    It 'New-MegaportUser sends exactly the invitation (role in the API''s spelling) and returns the new user' {
        $calls = Get-ApiCall { $script:new = New-MegaportUser -FirstName Alex -LastName Ng -Email alex@example.com -Position 'read only' -Phone '+61412000111' }
        $post = $calls | Where-Object method -eq 'POST'
        $post.path | Should -Be '/v2/employment'
        $post.status | Should -Be 201
        $body = Get-Body $post
        $body.Keys | Sort-Object | Should -Be @('active', 'email', 'firstName', 'lastName', 'phone', 'position')
        $body.position | Should -Be 'Read Only'
        $body.active | Should -BeTrue
        $new.Email | Should -Be 'alex@example.com'
        $new.InvitationPending | Should -BeTrue
        $calls.path | Should -Contain "/v2/employee/$($new.EmployeeId)"
    }

    It 'invites a team from CSV rows; a bad row fails alone, before any request for it' {
        $rows = @'
FirstName,LastName,Email,Position
Sam,Lee,sam@example.com,Finance
Bad,Row,not-an-email,Finance
Kim,Park,kim@example.com,Technical Admin
'@ | ConvertFrom-Csv
        $calls = Get-ApiCall { $script:made = $rows | New-MegaportUser -ErrorAction SilentlyContinue -ErrorVariable script:errors }
        @($made).Email | Should -Be 'sam@example.com', 'kim@example.com'
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'MegaportInvalidArgument*'
        @($calls | Where-Object method -eq 'POST').Count | Should -Be 2
    }

    It 'the API refuses an email already in use: MegaportValidationFailed' {
        { New-MegaportUser -FirstName T -LastName T -Email terry.tech@demo-networks.example -Position Finance } |
            Should -Throw -ErrorId 'MegaportValidationFailed*'
    }

    It 'Set-MegaportUser sends only what is given, and nothing when it already has those values' {
        $calls = Get-ApiCall { $script:changed = Set-MegaportUser -EmployeeId 9002 -Position Finance -Newsletter $true -PassThru }
        $put = $calls | Where-Object method -eq 'PUT'
        $put.path | Should -Be '/v2/employee/9002'
        (Get-Body $put).Keys | Sort-Object | Should -Be @('newsletter', 'position')
        $changed.Position | Should -Be 'Finance'
        $changed.Newsletter | Should -BeTrue
        $same = Get-ApiCall { Set-MegaportUser -EmployeeId 9002 -Position Finance }
        @($same | Where-Object method -eq 'PUT').Count | Should -Be 0
    }

    It '-Active:$false deactivates, from the pipeline' {
        $calls = Get-ApiCall { Get-MegaportUser -EmployeeId 9003 | Set-MegaportUser -Active:$false }
        $put = $calls | Where-Object method -eq 'PUT'
        $put.body | Should -Be '{"active":false}'
        (Get-MegaportUser -EmployeeId 9003).Active | Should -BeFalse
    }

    It 'a user whose invitation is pending can only be deactivated: anything else is refused before the PUT' {
        $calls = Get-ApiCall { { Set-MegaportUser -EmployeeId 9005 -Position Finance } | Should -Throw -ErrorId 'MegaportInvalidArgument*' }
        @($calls | Where-Object method -eq 'PUT').Count | Should -Be 0
        $calls = Get-ApiCall { Set-MegaportUser -EmployeeId 9005 -Active:$false }
        ($calls | Where-Object method -eq 'PUT').body | Should -Be '{"active":false}'
    }

    It 'Remove-MegaportUser withdraws a pending invitation and refuses a user who has signed in, before any DELETE' {
        $calls = Get-ApiCall { Remove-MegaportUser -EmployeeId 9005 -Force }
        ($calls | Where-Object method -eq 'DELETE').path | Should -Be '/v2/employee/9005'
        @(Get-MegaportUser -Name Pat*).Count | Should -Be 0
        $calls = Get-ApiCall { { Remove-MegaportUser -EmployeeId 9002 -Force } | Should -Throw -ErrorId 'MegaportInvalidArgument*' }
        @($calls | Where-Object method -eq 'DELETE').Count | Should -Be 0
    }

    It 'nothing is sent for input that is wrong on its face' {
        $calls = Get-ApiCall {
            { Set-MegaportUser -EmployeeId 9002 -Email 'nope' } | Should -Throw -ErrorId 'MegaportInvalidArgument*'
            { Set-MegaportUser -EmployeeId 9002 -Phone '0412 345' } | Should -Throw -ErrorId 'MegaportInvalidArgument*'
            { Set-MegaportUser -EmployeeId 9002 } | Should -Throw -ErrorId 'MegaportInvalidArgument*'
            { Remove-MegaportUser -EmployeeId 0 -Force } | Should -Throw -ErrorId 'MegaportInvalidArgument*'
        }
        @($calls | Where-Object path -like '/v2/employee/*').Count | Should -Be 0
    }
}

Describe 'Get-MegaportActivity' {
    BeforeAll { Reset-TestSimulator $sim }

    It 'reads the bare array newest first, for everyone or one user (personIdOrUid), and -After filters locally' {
        $calls = Get-ApiCall { $script:all = Get-MegaportActivity }
        $calls.path | Should -Be '/v3/activity'
        $calls.query | Should -BeNullOrEmpty
        $all.Count | Should -BeGreaterOrEqual 7
        $all[0] | Should -BeOfType Megaport.UserActivity
        $all[0].Time | Should -BeGreaterOrEqual $all[-1].Time
        $calls = Get-ApiCall { $script:terry = Get-MegaportUser -Name Terry* | Get-MegaportActivity }
        ($calls | Where-Object path -eq '/v3/activity').query | Should -Be '?personIdOrUid=9002'
        @($terry.LoginName | Sort-Object -Unique) | Should -Be 'Terry Tech'
        $recent = Get-MegaportActivity -After (Get-Date).ToUniversalTime().AddHours(-12)
        @($recent).Count | Should -BeLessThan $all.Count
        $recent | ForEach-Object { $_.Time | Should -BeGreaterThan (Get-Date).ToUniversalTime().AddHours(-12) }
    }

    It 'logs the changes the module makes' {
        $null = New-MegaportUser -FirstName Log -LastName Me -Email log.me@example.com -Position Finance
        (Get-MegaportActivity | Select-Object -First 1).Description | Should -Be 'Invited Log Me as Finance'
    }

    It 'a -User that cannot be an id is refused before any request' {
        $calls = Get-ApiCall { { Get-MegaportActivity -User 'a b' } | Should -Throw -ErrorId 'MegaportInvalidArgument*' }
        $calls | Should -BeNullOrEmpty
    }
}

Describe 'Billing markets' {
    BeforeEach { Reset-TestSimulator $sim }

    It 'reads the markets, naming each by its code' {
        $m = Get-MegaportBillingMarket
        $m.Market | Should -Be 'AU'
        $m.FirstPartyId | Should -Be 808
        $m.SupplierName | Should -Be 'Megaport (Services) Pty Ltd'
        $m.Currency | Should -Be 'AUD'
        @(Get-MegaportBillingMarket -Market US).Count | Should -Be 0
    }

    It 'a piped market changes in part, and the whole market is sent' {
        $calls = Get-ApiCall { $script:after = Get-MegaportBillingMarket -Market AU | Set-MegaportBillingMarket -ContactEmail ap@example.com -PassThru }
        $post = $calls | Where-Object method -eq 'POST'
        $post.path | Should -Be '/v2/market'
        $body = Get-Body $post
        $body.firstPartyId | Should -Be 808
        $body.billingContactEmail | Should -Be 'ap@example.com'
        $body.billingContactName | Should -Be 'Fran Finance'
        $body.currencyEnum | Should -Be 'AUD'
        $body.Keys | Sort-Object | Should -Be @('address1', 'billingContactEmail', 'billingContactName', 'billingContactPhone', 'city', 'country', 'currencyEnum', 'firstPartyId', 'language', 'postcode', 'state')
        $after.ContactEmail | Should -Be 'ap@example.com'
    }

    It 'sets up a new market, and sends nothing when a piped market has no changes' {
        $null = Set-MegaportBillingMarket -Market us -Currency usd -Language EN -ContactName AP -ContactEmail ap@example.com -ContactPhone '+1 415 555 0100' `
            -Address1 '1 Market St' -City 'San Francisco' -State CA -Postcode 94105 -Country us
        $us = Get-MegaportBillingMarket -Market US
        $us.SupplierName | Should -Be 'Megaport (USA) Inc'
        $us.Currency | Should -Be 'USD'
        $us.Country | Should -Be 'US'
        $calls = Get-ApiCall { Get-MegaportBillingMarket -Market US | Set-MegaportBillingMarket }
        @($calls | Where-Object method -eq 'POST').Count | Should -Be 0
    }

    It 'required fields are checked before any request; the API refuses a currency the market does not bill in' {
        $calls = Get-ApiCall {
            { Get-MegaportBillingMarket -Market AU | Set-MegaportBillingMarket -ContactEmail '' } | Should -Throw -ErrorId 'MegaportInvalidArgument*'
            { Get-MegaportBillingMarket -Market AU | Set-MegaportBillingMarket -Market XX } | Should -Throw -ErrorId 'MegaportInvalidArgument*'
            { Get-MegaportBillingMarket -Market AU | Set-MegaportBillingMarket -Currency 'AU$' } | Should -Throw -ErrorId 'MegaportInvalidArgument*'
        }
        @($calls | Where-Object method -eq 'POST').Count | Should -Be 0
        { Get-MegaportBillingMarket -Market AU | Set-MegaportBillingMarket -Currency EUR } | Should -Throw -ErrorId 'MegaportValidationFailed*'
    }
}

Describe 'Order approvals' {
    BeforeEach { Reset-TestSimulator $sim }

    It 'pages through the API''s header paging (pageNumber from 1, pageSize) until the last page' {
        $calls = Get-ApiCall { $script:all = Get-MegaportOrderApproval -PageSize 10 }
        $calls.query | Should -Be '?pageNumber=1&pageSize=10', '?pageNumber=2&pageSize=10', '?pageNumber=3&pageSize=10'
        $all.Count | Should -Be 23
        @($all.Uid | Sort-Object -Unique).Count | Should -Be 23
        $all[0] | Should -BeOfType Megaport.OrderApproval
        $all[0].Uid | Should -Be $pendingApproval
        $all[0].RequestedBy | Should -Be 'terry.tech@demo-networks.example'
        $all[0].Detail.productRequest[0].name | Should -Be 'syd-edge-3'
    }

    It '-Skip jumps to the page it needs; -First stops reading; -IncludeTotalCount gives the API''s total' {
        $full = Get-MegaportOrderApproval
        $calls = Get-ApiCall { $script:slice = Get-MegaportOrderApproval -Skip 12 -First 3 -PageSize 5 }
        $calls.query | Should -Be '?pageNumber=3&pageSize=5'
        $slice.Uid | Should -Be $full[12..14].Uid
        $calls = Get-ApiCall { $script:firstTwo = Get-MegaportOrderApproval -PageSize 1 | Select-Object -First 2 }
        $firstTwo.Uid | Should -Be $full[0..1].Uid
        $calls.Count | Should -BeLessOrEqual 3
        $counted = Get-MegaportOrderApproval -IncludeTotalCount -First 1
        $counted[0].ToString() | Should -Match 'Total count: 23'
        $counted[1].Uid | Should -Be $full[0].Uid
    }

    It 'follows the API''s page size when it pages by fewer than asked' {
        $calls = Get-ApiCall { $script:all = Get-MegaportOrderApproval -PageSize 1000 }
        $calls.query | Should -Be '?pageNumber=1&pageSize=1000'
        $all.Count | Should -Be 23
        $calls = Get-ApiCall { $script:skipped = Get-MegaportOrderApproval -PageSize 1000 -Skip 20 }
        $skipped.Count | Should -Be 3
    }

    It 'filters by status and by services from the pipeline (ProductId)' {
        $calls = Get-ApiCall { $script:pending = Get-MegaportOrderApproval -Status pending }
        $calls.query | Should -Be '?status=PENDING&pageNumber=1&pageSize=100'
        $pending.Uid | Should -Be $pendingApproval, $pendingSpeedChange, $ownRequest
        $port = Get-MegaportService -Name 'Sydney Primary' -ProductType Port
        $calls = Get-ApiCall { $script:forPort = $port | Get-MegaportOrderApproval }
        $calls.query | Should -Be "?serviceIds=$($port.ProductId)&pageNumber=1&pageSize=100"
        $forPort | ForEach-Object { $_.ServiceId | Should -Be $port.ProductId }
    }

    It 'approves, rejects and withdraws with the comment in the body' {
        $calls = Get-ApiCall {
            Approve-MegaportOrderApproval -Uid $pendingApproval -Comment 'fine by me'
            Deny-MegaportOrderApproval -Uid $pendingSpeedChange
            Revoke-MegaportOrderApproval -Uid $ownRequest -Comment 'not needed'
        }
        $calls.path | Should -Be "/v3/order_approvals/$pendingApproval/approve", "/v3/order_approvals/$pendingSpeedChange/reject", "/v3/order_approvals/$ownRequest/withdraw"
        $calls.body | Should -Be '{"comments":"fine by me"}', '{}', '{"comments":"not needed"}'
        $after = Get-MegaportOrderApproval -First 3
        $after.Status | Should -Be 'APPROVED', 'REJECTED', 'WITHDRAWN'
        $after[0].Comment | Should -Be 'fine by me'
        @(Get-MegaportOrderApproval -Status PENDING).Count | Should -Be 0
    }

    It 'a piped request that is no longer PENDING is refused before any POST; by UID the API refuses it' {
        $decided = Get-MegaportOrderApproval -Status APPROVED -First 1
        $calls = Get-ApiCall { $decided | Approve-MegaportOrderApproval -ErrorAction SilentlyContinue -ErrorVariable script:errors }
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'MegaportInvalidArgument*'
        @($calls | Where-Object method -eq 'POST').Count | Should -Be 0
        { Approve-MegaportOrderApproval -Uid $decided.Uid } | Should -Throw -ErrorId 'MegaportValidationFailed*'
    }

    It 'the partner decides the account''s own request: approving it is refused by the API; an unknown UID is not found' {
        { Approve-MegaportOrderApproval -Uid $ownRequest } | Should -Throw -ErrorId 'MegaportValidationFailed*'
        { Deny-MegaportOrderApproval -Uid '11111111-2222-3333-4444-555555555555' } | Should -Throw -ErrorId 'MegaportServiceNotFound*'
        $calls = Get-ApiCall { { Approve-MegaportOrderApproval -Uid 'not a uid' } | Should -Throw -ErrorId 'MegaportInvalidArgument*' }
        $calls | Should -BeNullOrEmpty
    }
}

Describe 'Views' {
    It 'users, activity, markets and approvals fit 120 columns' {
        foreach ($text in @(
                (Get-MegaportUser | Format-Table | Out-String -Width 120)
                (Get-MegaportActivity | Format-Table | Out-String -Width 120)
                (Get-MegaportBillingMarket | Format-Table | Out-String -Width 120)
                (Get-MegaportOrderApproval | Format-Table | Out-String -Width 120))) {
            $text | Should -Not -BeNullOrEmpty
            $text -split "`n" | ForEach-Object { $_.TrimEnd().Length | Should -BeLessOrEqual 120 }
        }
        Get-MegaportUser | Format-Table | Out-String -Width 120 | Should -Match 'EmployeeId\s+Name\s+Email\s+Position'
    }
}
